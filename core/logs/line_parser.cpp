// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/line_parser.h"

namespace statusscope::logs {

std::string_view pathOfTarget(std::string_view target)
{
    if (target.size() > 7 && (target.substr(0, 7) == "http://" || target.substr(0, 8) == "https://")) {
        const size_t hostStart = target.find("//") + 2;
        const size_t slash = target.find('/', hostStart);
        target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    }
    const size_t query = target.find('?');
    return query == std::string_view::npos ? target : target.substr(0, query);
}

double LineParser::matchProgress(std::string_view line)
{
    LogRecord record;
    return parse(line, record).outcome == ParseOutcome::Record ? 1.0 : 0.0;
}

void splitRequestLine(std::string_view request, LogRecord &record)
{
    const size_t firstSpace = request.find(' ');
    if (firstSpace == std::string_view::npos) {
        record.method = request;
        record.path = {};
        return;
    }
    record.method = request.substr(0, firstSpace);
    std::string_view target = request.substr(firstSpace + 1);
    // Older nginx logged raw spaces inside the URI, so the protocol is the *last* word.
    const size_t lastSpace = target.rfind(' ');
    if (lastSpace != std::string_view::npos && target.substr(lastSpace + 1).substr(0, 5) == "HTTP/")
        target = target.substr(0, lastSpace);
    record.path = pathOfTarget(target);
}

} // namespace statusscope::logs
