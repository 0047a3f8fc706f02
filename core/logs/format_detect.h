#pragma once

#include "core/logs/line_parser.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string_view>

namespace statusscope::logs {

// The `--format` names (DESIGN.md) plus "squid".
QStringList knownFormatNames();

struct FormatGuess
{
    std::unique_ptr<LineParser> parser; // null when nothing could be built (see error)
    QString name;                       // the format's name as `--format` spells it
    double confidence = 0.0;            // share of the sample's request lines it parsed, 0..1
    int sampleLines = 0;                // request lines looked at (directives not counted)
    QString error;
};

// Picks the parser for a file from the first lines of it. `requested` is "auto", a format
// name (then only that format's shapes are tried, and the confidence still says how well
// it fits), or empty. A custom server format string, when given, wins over both.
// The sample's last line is ignored when it does not end in a newline (cut by the sample).
FormatGuess detectFormat(std::string_view sample, const QString &requested = QStringLiteral("auto"),
                         const QString &customFormat = {});

} // namespace statusscope::logs
