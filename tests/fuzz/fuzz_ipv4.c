/*
 * fuzz_ipv4.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/ipv4.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ipv4_hdr out;

	if (ipv4_decode(data, size, &out) != DECODE_OK)
		return 0;
	fuzz_inside(data, size, out.payload, out.payload_len);
	if (out.option_count > IPV4_OPT_MAX || out.header_len < IPV4_HDR_MIN)
		abort();
	return 0;
}
