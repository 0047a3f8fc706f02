// Fuzz target: the saved-exchange JSON reader (core/http_io/exchange_json_reader.h).
//
// Invariants: a read gives either an exchange or an error, never both or neither; an exchange
// that was read, written back with exchangeToJson() and read again writes the same JSON (what
// the reader accepts, the writer and reader keep).
#include "core/http/exchange_json.h"
#include "core/http_io/exchange_json_reader.h"
#include "tests/fuzz/fuzz_check.h"

#include <QJsonDocument>

using namespace statusscope;
using namespace statusscope::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const ExchangeReadResult first = readExchangeJson(json);
    FUZZ_CHECK(first.exchange.has_value() == first.error.isEmpty(),
               QStringLiteral("exchange and error: %1").arg(first.error));
    if (!first.exchange)
        return 0;

    const QByteArray written = QJsonDocument(exchangeToJson(*first.exchange)).toJson();
    const ExchangeReadResult second = readExchangeJson(written);
    FUZZ_CHECK(second.exchange.has_value(),
               QStringLiteral("its own output does not read back: %1\n%2")
                   .arg(second.error, QString::fromUtf8(written)));
    const QByteArray rewritten = QJsonDocument(exchangeToJson(*second.exchange)).toJson();
    FUZZ_CHECK(rewritten == written,
               QStringLiteral("write(read(write(x))) != write(x):\n%1\n---\n%2")
                   .arg(QString::fromUtf8(written), QString::fromUtf8(rewritten)));
    return 0;
}
