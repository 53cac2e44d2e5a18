/*
 * fuzz_tcp.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/tcp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tcp_hdr out;
	char flags[TCP_FLAGS_STR];

	if (tcp_decode(data, size, &out) != DECODE_OK)
		return 0;
	fuzz_inside(data, size, out.payload, out.payload_len);
	if (out.sack_count > TCP_SACK_MAX || out.header_len < TCP_HDR_MIN)
		abort();
	tcp_flags_str(out.flags, flags);
	return 0;
}
