/* fuzz_rtnl.c: rtnetlink route, link, address and rule payloads. The first
 * byte picks the decoder. */

#include "fuzz.h"
#include "../../protocols/rtnl.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rtnl_route r;
	struct rtnl_link l;
	struct rtnl_addr a;
	struct rtnl_rule u;

	if (size == 0)
		return 0;
	switch (data[0] & 3) {
	case 0:	(void)rtnl_parse_route(data + 1, size - 1, &r); break;
	case 1:	(void)rtnl_parse_link(data + 1, size - 1, &l); break;
	case 2:	(void)rtnl_parse_addr(data + 1, size - 1, &a); break;
	case 3:	(void)rtnl_parse_rule(data + 1, size - 1, &u); break;
	}
	return 0;
}
