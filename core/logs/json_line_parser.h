#pragma once

#include "core/logs/line_parser.h"

#include <string>

namespace statusscope::logs {

// One JSON object per line: nginx `log_format … escape=json` with the usual variable names
// as keys (time_iso8601, remote_addr, request_method, request_uri, status, …), and Caddy's
// structured access log (ts, status, duration, size, request.{method,uri,client_ip,
// remote_ip,headers.User-Agent[0]}). Status and times may be numbers or strings.
class JsonLineParser final : public LineParser
{
public:
    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override;
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<JsonLineParser>(*this); }

private:
    std::string m_method;
    std::string m_path;
    std::string m_client;
    std::string m_userAgent;
    bool m_caddy = false;
};

} // namespace statusscope::logs
