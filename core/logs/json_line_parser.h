// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <string>

namespace statusscope::logs {

// Where a JSON line keeps the fields the charts need, by role: "status", "time", "method",
// "path", "client", "user_agent", "bytes", "duration" → a dotted key path ("httpRequest.status",
// "a.b.0.c": a number steps into an array). Given with `--json-field ROLE=PATH`.
using JsonFieldPaths = QMap<QString, QString>;

// The roles `--json-field` accepts.
QStringList jsonFieldRoles();

// One JSON object per line. Knows these shapes by their keys, and names the format after the
// one it saw:
// - nginx `log_format … escape=json` with the variable names as keys (time_iso8601,
//   remote_addr, request_method, request_uri, status, request_time, …): "json";
// - Caddy's structured access log (logger "http.log.access…", ts, status, duration,
//   request.{method,uri,remote_ip,headers}): "caddy";
// - Google Cloud load balancer / Cloud Logging entries (timestamp, httpRequest.{status,
//   requestMethod,requestUrl,remoteIp,userAgent,responseSize,latency "0.012s"}): "gcp-lb";
// - Cloudflare Logpush HTTP requests (EdgeResponseStatus, EdgeStartTimestamp as RFC 3339 or
//   Unix seconds/ms/ns, ClientRequestMethod, ClientRequestURI, ClientIP, …): "cloudflare";
// - any other JSON: the fields are looked for by their common names at any depth, shallow
//   first ("json"). `paths` (from --json-field) win over all of that.
// Status and times may be numbers or strings. A record without method or path still counts
// (deviation field_missing): the charts need only the status and the time.
class JsonLineParser final : public LineParser
{
public:
    explicit JsonLineParser(JsonFieldPaths paths = {});

    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override;
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<JsonLineParser>(*this); }
    double matchProgress(std::string_view line) override;

private:
    enum class Shape { Generic, Caddy, Gcp, Cloudflare };

    JsonFieldPaths m_paths;
    std::string m_method;
    std::string m_path;
    std::string m_client;
    std::string m_userAgent;
    Shape m_seen = Shape::Generic; // the first specific shape seen names the format
};

} // namespace statusscope::logs
