/* netaddr.c: sockets API addresses and wire addresses (see netaddr.h). */
#include <string.h>
#include <netinet/in.h>

#include "netaddr.h"

void
netaddr_to_probe(const struct sockaddr_storage *ss, struct probe_addr *a)
{
	memset(a, 0, sizeof *a);
	if (ss->ss_family == AF_INET6) {
		a->family = 6;
		memcpy(a->a, &((const struct sockaddr_in6 *)ss)->sin6_addr, 16);
	} else {
		a->family = 4;
		memcpy(a->a, &((const struct sockaddr_in *)ss)->sin_addr, 4);
	}
}

void
netaddr_from_probe(const struct probe_addr *a, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	if (a->family == 6) {
		ss->ss_family = AF_INET6;
		memcpy(&((struct sockaddr_in6 *)ss)->sin6_addr, a->a, 16);
	} else {
		ss->ss_family = AF_INET;
		memcpy(&((struct sockaddr_in *)ss)->sin_addr, a->a, 4);
	}
}

bool
netaddr_probe_equal(const struct probe_addr *x, const struct probe_addr *y)
{
	return x->family == y->family &&
	    memcmp(x->a, y->a, x->family == 6 ? 16 : 4) == 0;
}
