// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/json_line_parser.h"
#include "core/logs/line_parser.h"
#include "core/logs/log_summary.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string_view>
#include <vector>

namespace statusscope::logs {

// The `--format` names (DESIGN.md) plus the formats added since.
QStringList knownFormatNames();

struct FormatGuess
{
    std::unique_ptr<LineParser> parser; // null when nothing could be built (see error)
    QString name;                       // the format's name as `--format` spells it
    double confidence = 0.0;            // share of the sample's request lines the parser reads, 0..1
    int sampleLines = 0;                // request lines looked at (directives not counted)
    QString error;
    QString wrapper;                    // the container/syslog wrapper stripped first, or empty
    QStringList alsoFormats;            // later formats of a file whose format changed part-way
    QList<FormatCandidate> candidates;  // every format that read part of the sample, best first
    QString suggestion;                 // under half parsed: the closest format and what to pass
};

// Picks the parser for a file from samples of it: its start, and for a file big enough its
// middle and end (each sample after the first starts mid-line: its first line is dropped;
// every sample's last line is dropped when it does not end in a newline). `requested` is
// "auto", a format name (then only that format's shapes are tried, and the confidence still
// says how well it fits), or empty. A custom server format string, when given, wins over both.
// Container and syslog wrappers are recognised and stripped first.
FormatGuess detectFormat(const std::vector<std::string_view> &samples, const QString &requested = QStringLiteral("auto"),
                         const QString &customFormat = {}, const JsonFieldPaths &jsonFields = {});
// One sample: the start of a file.
FormatGuess detectFormat(std::string_view sample, const QString &requested = QStringLiteral("auto"),
                         const QString &customFormat = {}, const JsonFieldPaths &jsonFields = {});

} // namespace statusscope::logs
