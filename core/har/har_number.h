#pragma once

// The value of a JSON number's text, as the HAR reader's handler gets it (RapidJSON's
// kParseNumbersAsStringsFlag). RapidJSON 1.1.0's own full-precision conversion has undefined
// behaviour on some valid numbers ("0e157" calls clz(0); long fractions overflow an int in its
// power table), found by tests/fuzz/fuzz_har; the standard library's from_chars is exact and
// well defined. Internal to core/har.

#include <cstddef>
#include <optional>

namespace statusscope::har_detail {

// `text` is a valid JSON number (RapidJSON has checked the grammar). The nearest double; 0 (with
// its sign) for a number too small for one; nullopt for one too large (past DBL_MAX).
std::optional<double> jsonNumberValue(const char *text, std::size_t length);

} // namespace statusscope::har_detail
