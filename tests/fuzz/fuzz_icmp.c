/*
 * fuzz_icmp.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/icmp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct icmp_msg out;

	if (icmp_decode(data, size, &out) != DECODE_OK)
		return 0;
	fuzz_inside(data, size, out.data, out.data_len);
	(void)icmp_type_name(out.type);
	(void)icmp_unreach_name(out.code);
	if (out.has_quote && out.quote.family != 4 && out.quote.family != 6)
		abort();
	return 0;
}
