/* scan_target.c: targets (see scan_target.h). */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/resolve.h"
#include "scan_target.h"

int
target_add_host(struct scan_target *t, const struct sockaddr *sa, socklen_t len)
{
	struct sockaddr_storage *n;

	n = realloc(t->hosts, (t->count + 1) * sizeof *t->hosts);
	if (n == NULL)
		return -1;
	t->hosts = n;
	memset(&t->hosts[t->count], 0, sizeof *t->hosts);
	memcpy(&t->hosts[t->count++], sa, len);
	return 0;
}

/* a.b.c.d/n: every address of the block, in order. */
static int
parse_cidr4(struct scan_target *t, const char *addr, long bits, char *err,
    size_t errlen)
{
	struct sockaddr_in sin;
	uint32_t base, size, i;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1 || bits < 0 ||
	    bits > 32) {
		snprintf(err, errlen, "target '%s/%ld': want a.b.c.d/0-32", addr,
		    bits);
		return -1;
	}
	size = bits == 0 ? 0 : (uint32_t)1 << (32 - bits);
	if (bits < 20 || size > TARGET_MAX_HOSTS) {
		snprintf(err, errlen, "target '%s/%ld': too large a block (at "
		    "most /20, %d addresses)", addr, bits, TARGET_MAX_HOSTS);
		return -1;
	}
	base = ntohl(sin.sin_addr.s_addr) & ~(size - 1);
	for (i = 0; i < size; i++) {
		sin.sin_addr.s_addr = htonl(base + i);
		if (target_add_host(t, (struct sockaddr *)&sin, sizeof sin) != 0)
			return -1;
	}
	return 0;
}

static int
parse_cidr(struct scan_target *t, const char *text, char *err, size_t errlen)
{
	char addr[128];
	const char *slash = strchr(text, '/');
	char *end;
	long bits;

	if ((size_t)(slash - text) >= sizeof addr) {
		snprintf(err, errlen, "target '%s': address too long", text);
		return -1;
	}
	memcpy(addr, text, (size_t)(slash - text));
	addr[slash - text] = '\0';
	bits = strtol(slash + 1, &end, 10);
	if (*end != '\0' || end == slash + 1) {
		snprintf(err, errlen, "target '%s': want ADDRESS/BITS", text);
		return -1;
	}
	if (strchr(addr, ':') != NULL) {	/* an IPv6 block: only /128 */
		struct sockaddr_in6 sin6;

		memset(&sin6, 0, sizeof sin6);
		sin6.sin6_family = AF_INET6;
		if (bits != 128 || inet_pton(AF_INET6, addr, &sin6.sin6_addr) != 1) {
			snprintf(err, errlen, "target '%s': IPv6 blocks are too "
			    "large to sweep; give one address", text);
			return -1;
		}
		return target_add_host(t, (struct sockaddr *)&sin6, sizeof sin6);
	}
	return parse_cidr4(t, addr, bits, err, errlen);
}

/* A literal address, IPv4 or IPv6; 1 if text is not one (a name). */
static int
parse_literal(struct scan_target *t, const char *text)
{
	struct addrinfo hints, *res;
	int rc;

	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST;
	if (getaddrinfo(text, NULL, &hints, &res) != 0)
		return TARGET_NEEDS_LOOKUP;
	rc = target_add_host(t, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return rc;
}

/* The first address a lookup gave (IPv4 first, as nmap scans one
 * address per name). */
int
target_add_first(struct scan_target *t, const struct addrinfo *res)
{
	const struct addrinfo *pick = resolve_ipv4_first(res);

	return pick == NULL ? -1 : target_add_host(t, pick->ai_addr,
	    pick->ai_addrlen);
}

int
target_parse(const char *text, struct scan_target *t, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", text);
	if (*text == '\0') {
		snprintf(err, errlen, "empty target");
		return -1;
	}
	if (strlen(text) >= sizeof t->name) {
		snprintf(err, errlen, "target: a name of at most %zu bytes",
		    sizeof t->name - 1);
		return -1;
	}
	if (strchr(text, '/') != NULL)
		return parse_cidr(t, text, err, errlen);
	return parse_literal(t, text);
}

void
target_free(struct scan_target *t)
{
	free(t->hosts);
	t->hosts = NULL;
	t->count = 0;
}

void
target_addr_str(const struct sockaddr_storage *ss, char *buf, size_t len)
{
	const void *a = ss->ss_family == AF_INET6 ?
	    (const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr :
	    (const void *)&((const struct sockaddr_in *)ss)->sin_addr;

	if (inet_ntop(ss->ss_family, a, buf, (socklen_t)len) == NULL)
		snprintf(buf, len, "?");
}
