/*
 * fuzz_arp.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */

#include "fuzz.h"
#include "../../protocols/arp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arp_msg m;

	if (arp_decode(data, size, &m) == DECODE_OK && !m.is_ether_ipv4)
		fuzz_inside(data, size, data, size);
	return 0;
}
