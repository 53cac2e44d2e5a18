/*
 * fuzz_icmpv6.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/icmpv6.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct icmpv6_msg out;

	if (icmpv6_decode(data, size, &out) != DECODE_OK)
		return 0;
	fuzz_inside(data, size, out.data, out.data_len);
	(void)icmpv6_type_name(out.type);
	(void)icmpv6_unreach_name(out.code);
	if (out.has_quote && out.quote.family != 4 && out.quote.family != 6)
		abort();
	return 0;
}
