/*
 * fuzz_udp.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../protocols/udp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A pointer into the input and a length must stay inside it. */
static void
inside(const uint8_t *data, size_t size, const uint8_t *p, size_t len)
{
	if (p == NULL ? len != 0 : (p < data || p + len > data + size))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct udp_hdr out;

	if (udp_decode(data, size, &out) != DECODE_OK)
		return 0;
	inside(data, size, out.payload, out.payload_len);
	return 0;
}
