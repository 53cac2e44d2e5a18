/*
 * fuzz_nullink.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */

#include "fuzz.h"
#include "../../protocols/nullink.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nullink_hdr h;

	if (nullink_decode(data, size, &h) == DECODE_OK)
		fuzz_inside(data, size, h.payload, h.payload_len);
	return 0;
}
