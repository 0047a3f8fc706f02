// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_record.h"

#include <string>
#include <vector>

namespace statusscope::logs {

// Which records a drill-down keeps: each non-empty field must match (an empty filter keeps
// everything). The texts are UTF-8, matched against the record's views without copying.
struct RecordFilter
{
    std::string pathPrefix; // the request path starts with it
    std::string client;     // the client address starts with it ("10.0." keeps a subnet)
    std::string method;     // equal, ignoring ASCII case
    std::string userAgent;  // contained in the user agent, ignoring ASCII case ("bot", "curl")
    // Any of these (empty: any status); 100..599 is one status, 1..5 a whole class (5: 5xx).
    std::vector<int> statuses;

    bool isEmpty() const
    {
        return pathPrefix.empty() && client.empty() && method.empty() && userAgent.empty() && statuses.empty();
    }
    bool matches(const LogRecord &record) const;
    bool operator==(const RecordFilter &) const = default;
};

} // namespace statusscope::logs
