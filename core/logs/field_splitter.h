// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <vector>

namespace statusscope::logs {

// Splits a line of whitespace-separated fields (W3C extended, ALB, Squid). A field that
// starts with a double quote runs to the matching quote; inside it `""` (W3C) and `\"`
// (ALB) stand for a quote. Quotes are removed from the returned views, escapes are not.
// With tabsOnly, only tabs separate (CloudFront), so a field may hold spaces.
// Returns false when a quoted field is not closed (a truncated line).
bool splitFields(std::string_view line, std::vector<std::string_view> &fields, bool tabsOnly = false);

} // namespace statusscope::logs
