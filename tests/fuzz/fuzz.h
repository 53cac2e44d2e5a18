/*
 * fuzz.h: what the fuzz targets share. libFuzzer's entry point is declared
 * here (libFuzzer has no header of its own), and fuzz_inside() checks that
 * a pointer a decoder hands back, with its length, stays inside the input.
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (the fuzzer's crash) when p..p+len leaves data..data+size;
 * NULL is fine only with len 0. */
static inline void
fuzz_inside(const uint8_t *data, size_t size, const uint8_t *p, size_t len)
{
	if (p == NULL ? len != 0 : (p < data || p + len > data + size))
		abort();
}

#endif
