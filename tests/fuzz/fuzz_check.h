// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Invariant checks for the fuzz targets. A broken invariant aborts, which libFuzzer reports as a
// crash (and saves the input) and which fails the corpus replay test.

#include <QString>

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                            \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            std::fprintf(stderr, "fuzz invariant failed at %s:%d: %s\n  %s\n", __FILE__,     \
                         __LINE__, #condition, qPrintable(QString(what)));                     \
            std::abort();                                                                      \
        }                                                                                      \
    } while (false)

namespace statusscope::fuzz {

// Reads one byte of fuzz-chosen parameters from the front of the input (0 when exhausted).
inline unsigned char takeByte(const unsigned char *&data, std::size_t &size)
{
    if (size == 0)
        return 0;
    --size;
    return *data++;
}

} // namespace statusscope::fuzz
