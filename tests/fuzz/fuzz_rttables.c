/* fuzz_rttables.c: rt_tables is a file root (or a package) writes. */

#include "fuzz.h"
#include "../../protocols/rttables.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[RTTABLES_NAME_MAX];
	uint32_t id = size > 0 ? data[0] : 0;

	(void)rttables_lookup((const char *)data, size, id, name, sizeof name);
	(void)rttables_lookup((const char *)data, size, 254, name, 1);
	return 0;
}
