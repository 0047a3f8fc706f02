// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/field_splitter.h"

namespace statusscope::logs {

bool splitFields(std::string_view line, std::vector<std::string_view> &fields, bool tabsOnly)
{
    fields.clear();
    auto isSeparator = [tabsOnly](char c) { return c == '\t' || (!tabsOnly && c == ' '); };
    size_t i = 0;
    const size_t n = line.size();
    while (i < n) {
        while (i < n && isSeparator(line[i]))
            ++i;
        if (i >= n)
            break;
        if (line[i] == '"') {
            const size_t start = ++i;
            bool closed = false;
            while (i < n) {
                if (line[i] == '\\' && i + 1 < n) {
                    i += 2;
                    continue;
                }
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') { // W3C doubles a quote inside quotes
                        i += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                ++i;
            }
            if (!closed)
                return false;
            fields.push_back(line.substr(start, i - start));
            ++i;
            continue;
        }
        const size_t start = i;
        while (i < n && !isSeparator(line[i]))
            ++i;
        fields.push_back(line.substr(start, i - start));
    }
    return true;
}

} // namespace statusscope::logs
