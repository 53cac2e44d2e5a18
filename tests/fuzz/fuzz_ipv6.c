/*
 * fuzz_ipv6.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../protocols/ipv6.h"

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
	struct ipv6_hdr out;

	if (ipv6_decode(data, size, &out) != DECODE_OK)
		return 0;
	inside(data, size, out.payload, out.payload_len);
	if (out.ext_count > IPV6_EXT_MAX)
		abort();
	return 0;
}
