// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The value of a JSON number's text, as the HAR reader's handler gets it (RapidJSON's
// kParseNumbersAsStringsFlag). RapidJSON 1.1.0's own full-precision conversion has undefined
// behaviour on some valid numbers ("0e157" calls clz(0); long fractions overflow an int in its
// power table), found by tests/fuzz/fuzz_har; the standard library's from_chars is exact and
// well defined. Internal to core/har.

#include <QtGlobal>

#include <cstddef>
#include <optional>

namespace statusscope::har_detail {

// `text` is a valid JSON number (RapidJSON has checked the grammar). The nearest double; 0 (with
// its sign) for a number too small for one; nullopt for one too large (past DBL_MAX).
std::optional<double> jsonNumberValue(const char *text, std::size_t length);

// The same through Qt's locale-independent parser: what jsonNumberValue() uses where the standard
// library has no floating-point from_chars (Apple's libc++ before LLVM 20). Built everywhere, so
// the tests hold it to the same answers on every platform.
std::optional<double> jsonNumberValueWithQt(const char *text, std::size_t length);

// `value` as a whole number when it is one and fits a qint64 (so JSON writes "3", not "3.0").
// Checked before converting: a double outside qint64's range converted to it is undefined.
std::optional<qint64> wholeNumber(double value);

} // namespace statusscope::har_detail
