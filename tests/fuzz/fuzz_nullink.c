/*
 * fuzz_nullink.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../protocols/nullink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
inside(const uint8_t *data, size_t size, const uint8_t *p, size_t len)
{
	if (p == NULL ? len != 0 : (p < data || p + len > data + size))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nullink_hdr h;

	if (nullink_decode(data, size, &h) == DECODE_OK)
		inside(data, size, h.payload, h.payload_len);
	return 0;
}
