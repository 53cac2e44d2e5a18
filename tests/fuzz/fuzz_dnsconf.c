/* fuzz_dnsconf.c: resolv.conf and nsswitch.conf are files anyone with
 * root (or a DHCP client) writes. */

#include "fuzz.h"
#include "../../protocols/dnsconf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dns_resolv r;
	char hosts[DNS_LINE_MAX];

	dnsconf_parse_resolv((const char *)data, size, &r);
	(void)dnsconf_parse_hosts((const char *)data, size, hosts, sizeof hosts);
	return 0;
}
