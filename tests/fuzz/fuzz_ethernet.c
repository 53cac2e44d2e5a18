/*
 * fuzz_ethernet.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../protocols/ethernet.h"

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
	struct ether_hdr e;

	if (ether_decode(data, size, &e) == DECODE_OK) {
		inside(data, size, e.payload, e.payload_len);
		if (e.vlan_count > ETHER_VLAN_MAX)
			abort();
	}
	return 0;
}
