// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The value of one hexadecimal digit, for readers of chunk sizes and of shell escapes alike: a
// char16_t takes both a byte and a QChar's unicode() without a narrowing surprise.

namespace statusscope::text {

// 0..15, or -1 when `c` is not a hexadecimal digit.
constexpr int hexDigitValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

static_assert(hexDigitValue(u'7') == 7 && hexDigitValue(u'b') == 11 && hexDigitValue(u'F') == 15);
static_assert(hexDigitValue(u'g') == -1 && hexDigitValue(u' ') == -1);

} // namespace statusscope::text
