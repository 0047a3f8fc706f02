// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"

#include <string>
#include <vector>

namespace statusscope::logs {

// HAProxy's HTTP log format (option httplog), with or without the syslog prefix:
//   [Feb 25 16:19:49 host haproxy[7]: ]141.35.244.171:53332 [25/Feb/2019:16:19:48.143]
//   frontend backend/server TR/Tw/Tc/Tr/Ta status bytes … "GET /path HTTP/1.1"
// The duration is the last timer (Ta, total active time, ms). HAProxy docs §8.2.3.
class HaproxyParser final : public LineParser
{
public:
    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override { return QStringLiteral("haproxy"); }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<HaproxyParser>(*this); }
};

// AWS Application Load Balancer access logs (space-separated, quoted request and agent):
//   type time elb client:port target:port request_processing_time target_processing_time
//   response_processing_time elb_status_code target_status_code received_bytes sent_bytes
//   "request" "user_agent" … (AWS ELB docs, "Access log entries").
class AlbParser final : public LineParser
{
public:
    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override { return QStringLiteral("alb"); }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<AlbParser>(*this); }

private:
    std::vector<std::string_view> m_fields;
};

// Squid's native access.log: time elapsed client code/status bytes method URL ident
// hierarchy/peer type (Squid wiki, "SquidLogs").
class SquidParser final : public LineParser
{
public:
    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override { return QStringLiteral("squid"); }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<SquidParser>(*this); }

private:
    std::vector<std::string_view> m_fields;
};

} // namespace statusscope::logs
