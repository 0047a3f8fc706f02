// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Include this before any RapidJSON header, in every file that uses RapidJSON, so that all of
// them agree on the SIMD setting (the string and whitespace scanners are inline templates).
// SSE2 is part of the x86-64 baseline, so no CPU check is needed; other CPUs use the portable
// scanners.
//
// Not under AddressSanitizer: the SSE2 scanners load whole aligned 16-byte blocks, so they read
// up to 15 bytes past the end of the buffer (never across a page, so harmless on hardware), and
// ASan reports that as a heap-buffer-overflow on the first HAR whose last token is followed by
// whitespace (found by tests/fuzz/fuzz_har). The portable scanners read only the buffer.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STATUSSCOPE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(STATUSSCOPE_ASAN)
#define STATUSSCOPE_ASAN 1
#endif
// ThreadSanitizer (used to check the two-thread HAR read) reports the same over-read as a
// use-after-free of the neighbouring heap block.
#if defined(__SANITIZE_THREAD__) && !defined(STATUSSCOPE_ASAN)
#define STATUSSCOPE_ASAN 1
#endif
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) && !defined(STATUSSCOPE_ASAN)
#define STATUSSCOPE_ASAN 1
#endif
#endif

#if (defined(__SSE2__) || defined(_M_X64)) && !defined(RAPIDJSON_SSE2) && !defined(STATUSSCOPE_ASAN)
#define RAPIDJSON_SSE2
#endif
