// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_number.h"

#include <QByteArrayView>

#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

namespace statusscope::har_detail {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The power of ten of the first significant digit: 1.5e3 → 3, 0.002 → -3, 120 → 2. Only asked
// for numbers out of a double's range, to tell overflow from underflow (which are hundreds of
// powers apart, so rounding here does not matter).
long leadingPowerOfTen(std::string_view text)
{
    size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    long integerDigits = 0;
    long zerosAfterPoint = 0;
    bool significant = false;
    for (; i < text.size() && isDigit(text[i]); ++i) {
        if (text[i] != '0' || significant) {
            significant = true;
            ++integerDigits;
        }
    }
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && isDigit(text[i]); ++i) {
            if (!significant && text[i] == '0')
                ++zerosAfterPoint;
            else
                significant = true;
        }
    }
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negative = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+'))
            ++i;
        for (; i < text.size() && isDigit(text[i]); ++i)
            exponent = std::min(exponent * 10 + (text[i] - '0'), 1'000'000'000L); // far past any double
        if (negative)
            exponent = -exponent;
    }
    return (integerDigits > 0 ? integerDigits - 1 : -(zerosAfterPoint + 1)) + exponent;
}

// A number from_chars or Qt could not represent: too large is an error, too small is zero.
std::optional<double> outOfRange(std::string_view text)
{
    if (leadingPowerOfTen(text) > 0)
        return std::nullopt;
    return text.starts_with('-') ? -0.0 : 0.0;
}

} // namespace

std::optional<double> jsonNumberValue(const char *text, std::size_t length)
{
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    double value = 0;
    const auto [end, error] = std::from_chars(text, text + length, value);
    if (error == std::errc() && end == text + length)
        return value;
    return outOfRange(std::string_view(text, length));
#else
    return jsonNumberValueWithQt(text, length);
#endif
}

std::optional<double> jsonNumberValueWithQt(const char *text, std::size_t length)
{
    bool ok = false;
    const double value = QByteArrayView(text, static_cast<qsizetype>(length)).toDouble(&ok);
    if (ok && std::isfinite(value))
        return value;
    return outOfRange(std::string_view(text, length));
}

std::optional<qint64> wholeNumber(double value)
{
    // ±9e18 is inside qint64's ±9.22e18, and every double that large is a whole number.
    if (value > -9e18 && value < 9e18 && value == static_cast<double>(static_cast<qint64>(value)))
        return static_cast<qint64>(value);
    return std::nullopt;
}

} // namespace statusscope::har_detail
