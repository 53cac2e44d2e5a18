/* fuzz_icmp_error.c: ICMP errors come from any router on the path: both
 * readers of protocols/icmp_error.c on the same bytes. */

#include "fuzz.h"
#include "../../protocols/icmp_error.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct icmp_quote q = { 0 };

	(void)icmp_error_read4(data, size, &q);
	(void)icmp_error_read6(data, size, &q);
	return 0;
}
