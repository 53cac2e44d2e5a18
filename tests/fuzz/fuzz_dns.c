/*
 * fuzz_dns.c: any bytes decode or are refused, never read out of bounds,
 * and compression loops end; names stay NUL-terminated within bounds.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../protocols/dns.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dns_msg m;
	size_t i;

	if (dns_decode(data, size, &m) != DECODE_OK)
		return 0;
	for (i = 0; i < m.answer_count; i++)
		if (strnlen(m.answers[i].name, DNS_NAME_MAX) == DNS_NAME_MAX ||
		    strnlen(m.answers[i].target, DNS_NAME_MAX) == DNS_NAME_MAX)
			abort();
	return 0;
}
