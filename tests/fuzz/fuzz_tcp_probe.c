/* fuzz_tcp_probe.c: what a raw socket hands the SYN scanner comes from the
 * network: both readers of protocols/tcp_probe.c on the same bytes. */

#include "fuzz.h"
#include "../../protocols/tcp_probe.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tcp_reply r = { 0 };

	(void)tcp_probe_read_ipv4(data, size, &r);
	(void)tcp_probe_read_segment(data, size, &r);
	return 0;
}
