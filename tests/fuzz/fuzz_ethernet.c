/*
 * fuzz_ethernet.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/ethernet.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ether_hdr e;

	if (ether_decode(data, size, &e) == DECODE_OK) {
		fuzz_inside(data, size, e.payload, e.payload_len);
		if (e.vlan_count > ETHER_VLAN_MAX)
			abort();
	}
	return 0;
}
