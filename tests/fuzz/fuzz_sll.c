/*
 * fuzz_sll.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../protocols/sll.h"

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
	struct sll_hdr h;

	if (sll_decode(data, size, &h) == DECODE_OK)
		inside(data, size, h.payload, h.payload_len);
	if (sll2_decode(data, size, &h) == DECODE_OK)
		inside(data, size, h.payload, h.payload_len);
	(void)sll_direction(h.packet_type);
	return 0;
}
