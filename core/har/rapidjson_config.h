#pragma once

// Include this before any RapidJSON header, in every file that uses RapidJSON, so that all of
// them agree on the SIMD setting (the string and whitespace scanners are inline templates).
// SSE2 is part of the x86-64 baseline, so no CPU check is needed; other CPUs use the portable
// scanners.
#if (defined(__SSE2__) || defined(_M_X64)) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
