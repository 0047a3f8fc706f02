// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/record_filter.h"

#include <algorithm>

namespace statusscope::logs {

namespace {

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lowerAscii(x) == lowerAscii(y); });
}

bool containsIgnoringCase(std::string_view haystack, std::string_view needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char x, char y) { return lowerAscii(x) == lowerAscii(y); })
           != haystack.end();
}

bool statusMatches(const std::vector<int> &statuses, int status)
{
    return statuses.empty() || std::any_of(statuses.begin(), statuses.end(), [status](int wanted) {
               return wanted < 10 ? status / 100 == wanted : status == wanted;
           });
}

} // namespace

bool RecordFilter::matches(const LogRecord &record) const
{
    return statusMatches(statuses, record.status) && record.path.starts_with(pathPrefix)
           && record.client.starts_with(client) && (method.empty() || equalsIgnoringCase(record.method, method))
           && (userAgent.empty() || containsIgnoringCase(record.userAgent, userAgent));
}

} // namespace statusscope::logs
