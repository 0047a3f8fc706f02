// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_record.h"

#include <QString>

#include <memory>
#include <string_view>

namespace statusscope::logs {

// Turns one line (without its line ending) into a typed record, or says why it cannot.
// A parser may keep state between lines (W3C's "#Fields:"); such a parser says so and the
// ingest then feeds it the lines of a file in order on one thread. Every other parser is
// cloned per worker thread.
class LineParser
{
public:
    virtual ~LineParser() = default;

    virtual ParseResult parse(std::string_view line, LogRecord &record) = 0;
    // The format's name as `--format` spells it ("combined", "w3c", …).
    virtual QString formatName() const = 0;
    virtual bool isStateful() const { return false; }
    virtual std::unique_ptr<LineParser> clone() const = 0;
    // How far a line got towards this format, 0..1 (1: it parses). Detection uses it to name
    // the closest format when nothing parses well; not called per line of a whole file.
    virtual double matchProgress(std::string_view line);

protected:
    LineParser() = default;
    LineParser(const LineParser &) = default;
    LineParser &operator=(const LineParser &) = default;
};

// Splits a request line "GET /a/b?x=1 HTTP/1.1" into method and path (query dropped).
// "-" (nginx's empty request) gives method "-" and an empty path.
void splitRequestLine(std::string_view request, LogRecord &record);

// The path of a request target without its query; an absolute URL ("http://h:80/p?q", as
// proxies and load balancers log it) gives its path "/p".
std::string_view pathOfTarget(std::string_view target);

} // namespace statusscope::logs
