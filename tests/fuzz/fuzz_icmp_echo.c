/* fuzz_icmp_echo.c: echo replies come from whoever answers: both readers
 * of protocols/icmp_echo.c on the same bytes. */

#include "fuzz.h"
#include "../../protocols/icmp_echo.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct icmp_echo e = { 0 };
	size_t i, sum = 0;

	if (icmp_echo_read4(data, size, &e))
		for (i = 0; i < e.datalen; i++)	/* the payload is in bounds */
			sum += e.data[i];
	if (icmp_echo_read6(data, size, &e))
		for (i = 0; i < e.datalen; i++)
			sum += e.data[i];
	return (int)(sum & 0);
}
