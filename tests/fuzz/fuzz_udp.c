/*
 * fuzz_udp.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */

#include "fuzz.h"
#include "../../protocols/udp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct udp_hdr out;

	if (udp_decode(data, size, &out) != DECODE_OK)
		return 0;
	fuzz_inside(data, size, out.payload, out.payload_len);
	return 0;
}
