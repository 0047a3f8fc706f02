#pragma once

#include <QByteArray>
#include <QString>

namespace statusscope::cli {

// Plain writes to the standard streams, UTF-8, no buffering surprises between the two.
void writeOut(const QString &text);
void writeOut(const QByteArray &bytes);
void writeErr(const QString &text);

// "statusscope-cli: <message>\n" on stderr, then the exit code: the shape of every usage error.
int usageError(const QString &message, int exitCode);

} // namespace statusscope::cli
