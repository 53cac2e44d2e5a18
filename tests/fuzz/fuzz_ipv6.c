/*
 * fuzz_ipv6.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/ipv6.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ipv6_hdr out;

	if (ipv6_decode(data, size, &out) != DECODE_OK)
		return 0;
	fuzz_inside(data, size, out.payload, out.payload_len);
	if (out.ext_count > IPV6_EXT_MAX)
		abort();
	return 0;
}
