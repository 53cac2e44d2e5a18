/* fuzz_udp_probe.c: a line of the UDP probe table, whatever it holds. */

#include "fuzz.h"
#include "../../protocols/udp_probe.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct udp_probe p;

	(void)udp_probe_parse((const char *)data, size, &p);
	return 0;
}
