#pragma once
// The fuzz targets' assertion: an invariant that does not hold is a finding like a sanitizer
// report, so it prints what broke and aborts, which libFuzzer records as a crash with the input.
// Not assert(): the fuzz preset builds with NDEBUG.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #condition);      \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
