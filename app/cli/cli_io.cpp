#include "app/cli/cli_io.h"

#include "app/cli/exit_codes.h"

#include <cstdio>

namespace statusscope::cli {

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeOut(const QString &text)
{
    writeOut(text.toUtf8());
}

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message, int exitCode)
{
    writeErr(QStringLiteral("statusscope-cli: %1\n").arg(message));
    return exitCode;
}

} // namespace statusscope::cli
