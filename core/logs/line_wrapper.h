// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace statusscope::logs {

// What a log line may be wrapped in on its way to a file: a container runtime's or a
// collector's prefix, or a syslog header. Stripped before the access-log format is read.
enum class Wrapper {
    None,
    DockerCompose, // `docker compose logs`: "web-1  | LINE" (v1: "web_1  | "), colours and -t too
    Kubectl,       // `kubectl logs --prefix`: "[pod/NAME/CONTAINER] LINE"
    Cri,           // the CRI log file format: "<RFC3339Nano> stdout|stderr F|P LINE"
    Syslog3164,    // RFC 3164 (BSD): "[<PRI>]Mmm dd hh:mm:ss HOST TAG[PID]: LINE" (nginx `access_log syslog:`)
    Syslog5424,    // RFC 5424: "<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD LINE"
};

// The name the CLI's JSON uses ("docker-compose", "kubectl", "cri", "syslog-rfc3164",
// "syslog-rfc5424"); empty for None.
QString toString(Wrapper wrapper);

// The payload of `line` when it carries `wrapper`'s prefix; false when it does not. A CRI
// line's `partial` says the runtime cut the record there ("P": the next line continues it).
bool unwrapLine(Wrapper wrapper, std::string_view line, std::string_view &payload, bool &partial);

// The wrapper at least half of the (non-blank) sample lines carry, or None.
Wrapper detectWrapper(const std::vector<std::string_view> &lines);

// Reads a wrapped file: strips the prefix, joins CRI partial lines (the fragments count as
// lines_meta; the joined record carries the partial_joined deviation) and reads a line
// without the prefix as it stands (deviation no_wrapper), since a collector may let some
// lines through bare.
class WrappedParser final : public LineParser
{
public:
    // A joined CRI record longer than this is not an access-log line: it is skipped as too_long.
    static constexpr size_t kMaxJoinedBytes = 1024 * 1024;

    WrappedParser(std::unique_ptr<LineParser> inner, Wrapper wrapper);
    WrappedParser(const WrappedParser &other);
    WrappedParser &operator=(const WrappedParser &) = delete;

    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override { return m_inner->formatName(); }
    // CRI partial lines must meet their continuation in order, so such a file is read on one thread.
    bool isStateful() const override { return m_wrapper == Wrapper::Cri || m_inner->isStateful(); }
    std::unique_ptr<LineParser> clone() const override;

    Wrapper wrapper() const { return m_wrapper; }
    LineParser &inner() { return *m_inner; }

private:
    std::unique_ptr<LineParser> m_inner;
    Wrapper m_wrapper;
    std::string m_joined;   // CRI fragments so far
    bool m_joinedUsed = false; // the last record's views point into m_joined: clear it next time
    bool m_overflow = false;
};

} // namespace statusscope::logs
