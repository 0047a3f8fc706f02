// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the saved-exchange JSON reader (core/http_io/exchange_json_reader.h).
//
// Invariants: a read gives either an exchange or an error, the error with a byte offset (not
// JSON) or a JSON path (not an exchange); an exchange that was read, written back with
// exchangeToJson() and read again reads without warnings and writes the same JSON (what the
// reader accepts, the writer and reader keep).
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
    FUZZ_CHECK(first.ok() == first.message.isEmpty(),
               QStringLiteral("status and message disagree: %1").arg(first.describe()));
    FUZZ_CHECK((first.status == ExchangeReadStatus::NotJson) == (first.byteOffset >= 0),
               QStringLiteral("a byte offset only for text that is not JSON: %1").arg(first.describe()));
    FUZZ_CHECK((first.status == ExchangeReadStatus::NotExchange) == !first.jsonPath.isEmpty(),
               QStringLiteral("a JSON path only for JSON that is not an exchange: %1").arg(first.describe()));
    if (!first.ok())
        return 0;

    const QByteArray written = QJsonDocument(exchangeToJson(first.exchange)).toJson();
    const ExchangeReadResult second = readExchangeJson(written);
    FUZZ_CHECK(second.ok() && second.warnings.isEmpty(),
               QStringLiteral("its own output does not read back cleanly: %1\n%2")
                   .arg(second.describe(), QString::fromUtf8(written)));
    const QByteArray rewritten = QJsonDocument(exchangeToJson(second.exchange)).toJson();
    FUZZ_CHECK(rewritten == written,
               QStringLiteral("write(read(write(x))) != write(x):\n%1\n---\n%2")
                   .arg(QString::fromUtf8(written), QString::fromUtf8(rewritten)));
    return 0;
}
