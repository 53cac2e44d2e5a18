/* fuzz_sockdiag.c: sock_diag answers come from the kernel, but the
 * decoders must not trust their lengths. The first byte picks the decoder. */

#include "fuzz.h"
#include "../../protocols/sockdiag.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_inet di;
	struct diag_unix du;
	struct diag_tcpinfo ti;

	if (size == 0)
		return 0;
	if (data[0] & 1)
		(void)sockdiag_parse_unix(data + 1, size - 1, &du);
	else
		(void)sockdiag_parse_inet(data + 1, size - 1, &di);
	sockdiag_parse_tcpinfo(data + 1, size - 1, &ti);
	return 0;
}
