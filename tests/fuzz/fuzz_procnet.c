/* fuzz_procnet.c: /proc/net lines and fd link text. */

#include "fuzz.h"
#include "../../protocols/procnet.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct diag_inet di;
	struct diag_unix du;
	uint32_t inode;

	(void)procnet_parse_inet(text, size, 2, &di);
	(void)procnet_parse_inet(text, size, 10, &di);
	(void)procnet_parse_unix(text, size, &du);
	(void)procnet_socket_inode(text, size, &inode);
	return 0;
}
