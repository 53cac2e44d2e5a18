/*
 * fuzz_icmpv6.c: any bytes decode or are refused, never read out of
 * bounds; what decodes points only inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../protocols/icmpv6.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A pointer into the input and a length must stay inside it. */
static void
inside(const uint8_t *data, size_t size, const uint8_t *p, size_t len)
{
	if (p == NULL ? len != 0 : (p < data || p + len > data + size))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct icmpv6_msg out;

	if (icmpv6_decode(data, size, &out) != DECODE_OK)
		return 0;
	inside(data, size, out.data, out.data_len);
	(void)icmpv6_type_name(out.type);
	(void)icmpv6_unreach_name(out.code);
	if (out.has_quote && out.quote.family != 4 && out.quote.family != 6)
		abort();
	return 0;
}
