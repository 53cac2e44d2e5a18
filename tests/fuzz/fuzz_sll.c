/*
 * fuzz_sll.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */

#include "fuzz.h"
#include "../../protocols/sll.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sll_hdr h;

	if (sll_decode(data, size, &h) == DECODE_OK)
		fuzz_inside(data, size, h.payload, h.payload_len);
	if (sll2_decode(data, size, &h) == DECODE_OK)
		fuzz_inside(data, size, h.payload, h.payload_len);
	(void)sll_direction(h.packet_type);
	return 0;
}
