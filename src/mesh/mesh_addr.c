/* mesh_addr.c: parse targets, convert and print addresses. */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mesh_addr.h"

bool
mesh_addr_is_v4(const struct sockaddr_in6 *a)
{
	return IN6_IS_ADDR_V4MAPPED(&a->sin6_addr);
}

bool
mesh_addr_is_private(const struct sockaddr_in6 *a)
{
	const uint8_t *b = a->sin6_addr.s6_addr;

	if (mesh_addr_is_v4(a)) {
		b += 12;
		return b[0] == 10 || b[0] == 127 ||
		    (b[0] == 172 && (b[1] & 0xf0) == 16) ||
		    (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
	}
	return IN6_IS_ADDR_LOOPBACK(&a->sin6_addr) ||
	    IN6_IS_ADDR_LINKLOCAL(&a->sin6_addr) || (b[0] & 0xfe) == 0xfc;
}

void
mesh_addr_format(const struct sockaddr_in6 *a, char *buf, size_t len)
{
	char host[INET6_ADDRSTRLEN];

	if (mesh_addr_is_v4(a)) {
		inet_ntop(AF_INET, &a->sin6_addr.s6_addr[12], host, sizeof host);
		snprintf(buf, len, "%s:%u", host, ntohs(a->sin6_port));
	} else {
		inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
		snprintf(buf, len, "[%s]:%u", host, ntohs(a->sin6_port));
	}
}

bool
mesh_addr_equal(const struct sockaddr_in6 *a, const struct sockaddr_in6 *b)
{
	return a->sin6_port == b->sin6_port &&
	    memcmp(&a->sin6_addr, &b->sin6_addr, sizeof a->sin6_addr) == 0;
}

static void
map_v4(const void *v4, uint16_t port_be, struct sockaddr_in6 *out)
{
	memset(out, 0, sizeof *out);
	out->sin6_family = AF_INET6;
	out->sin6_port = port_be;
	out->sin6_addr.s6_addr[10] = 0xff;
	out->sin6_addr.s6_addr[11] = 0xff;
	memcpy(&out->sin6_addr.s6_addr[12], v4, 4);
}

void
mesh_addr_from_endpoint(const struct mesh_endpoint *ep, struct sockaddr_in6 *out)
{
	if (ep->family == 4) {
		map_v4(ep->addr, htons(ep->port), out);
		return;
	}
	memset(out, 0, sizeof *out);
	out->sin6_family = AF_INET6;
	out->sin6_port = htons(ep->port);
	memcpy(&out->sin6_addr, ep->addr, 16);
}

void
mesh_addr_to_endpoint(const struct sockaddr_in6 *a, struct mesh_endpoint *ep)
{
	memset(ep, 0, sizeof *ep);
	ep->port = ntohs(a->sin6_port);
	if (mesh_addr_is_v4(a)) {
		ep->family = 4;
		memcpy(ep->addr, &a->sin6_addr.s6_addr[12], 4);
	} else {
		ep->family = 6;
		memcpy(ep->addr, &a->sin6_addr, 16);
	}
}

/* Splits "host", "host:port", "[v6]:port", "v6" into host and port text. */
static int
split_target(const char *text, char *host, size_t hostlen, char *port,
    size_t portlen)
{
	const char *colon = strrchr(text, ':'), *close;

	port[0] = '\0';
	if (text[0] == '[') {
		if ((close = strchr(text, ']')) == NULL ||
		    (size_t)(close - text - 1) >= hostlen)
			return -1;
		snprintf(host, hostlen, "%.*s", (int)(close - text - 1), text + 1);
		if (close[1] == ':')
			snprintf(port, portlen, "%s", close + 2);
		else if (close[1] != '\0')
			return -1;
		return 0;
	}
	if (colon != NULL && strchr(text, ':') == colon) {	/* one colon */
		snprintf(host, hostlen, "%.*s", (int)(colon - text), text);
		snprintf(port, portlen, "%s", colon + 1);
		return 0;
	}
	snprintf(host, hostlen, "%s", text);	/* a name, or bare IPv6 */
	return 0;
}

static int
parse_port(const char *port, uint16_t *out)
{
	char *end;
	long n;

	if (port[0] == '\0') {
		*out = MESH_DEFAULT_PORT;
		return 0;
	}
	n = strtol(port, &end, 10);
	if (*end != '\0' || n < 1 || n > 65535)
		return -1;
	*out = (uint16_t)n;
	return 0;
}

static int
resolve(const char *host, uint16_t port, struct sockaddr_in6 *out)
{
	struct addrinfo hints, *res;
	int rc;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_DGRAM;
	if ((rc = getaddrinfo(host, NULL, &hints, &res)) != 0)
		return rc;
	if (res->ai_family == AF_INET)
		map_v4(&((struct sockaddr_in *)(void *)res->ai_addr)->sin_addr,
		    htons(port), out);
	else {
		memcpy(out, res->ai_addr, sizeof *out);
		out->sin6_port = htons(port);
	}
	freeaddrinfo(res);
	return 0;
}

int
mesh_bind_parse(const char *text, struct sockaddr_in6 *out)
{
	struct in_addr v4;

	memset(out, 0, sizeof *out);
	out->sin6_family = AF_INET6;
	if (inet_pton(AF_INET, text, &v4) == 1) {
		map_v4(&v4, 0, out);
		return 0;
	}
	return inet_pton(AF_INET6, text, &out->sin6_addr) == 1 ? 0 : -1;
}

int
mesh_target_parse(const char *text, struct mesh_target *t, char *err,
    size_t errlen)
{
	char host[256], port[16];
	uint16_t portnum;
	int rc;

	memset(t, 0, sizeof *t);
	if (split_target(text, host, sizeof host, port, sizeof port) != 0 ||
	    host[0] == '\0') {
		snprintf(err, errlen, "'%s': want host, host:port, [v6]:port "
		    "or host:scan", text);
		return -1;
	}
	t->scan = strcmp(port, "scan") == 0;
	if (t->scan)
		port[0] = '\0';
	if (parse_port(port, &portnum) != 0) {
		snprintf(err, errlen, "'%s': port must be 1-65535 or scan", port);
		return -1;
	}
	if ((rc = resolve(host, portnum, &t->addr)) != 0) {
		snprintf(err, errlen, "cannot resolve '%s': %s", host,
		    gai_strerror(rc));
		return -1;
	}
	return 0;
}

int
mesh_addr_local(uint16_t port, struct mesh_endpoint *out, int max)
{
	struct ifaddrs *all, *ifa;
	struct sockaddr_in6 a;
	int n = 0;

	if (getifaddrs(&all) != 0)
		return 0;
	for (ifa = all; ifa != NULL && n < max; ifa = ifa->ifa_next) {
		if (ifa->ifa_addr == NULL || (ifa->ifa_flags & IFF_LOOPBACK) ||
		    !(ifa->ifa_flags & IFF_UP))
			continue;
		if (ifa->ifa_addr->sa_family == AF_INET)
			map_v4(&((struct sockaddr_in *)(void *)ifa->ifa_addr)->sin_addr,
			    htons(port), &a);
		else if (ifa->ifa_addr->sa_family == AF_INET6) {
			memcpy(&a, ifa->ifa_addr, sizeof a);
			if (IN6_IS_ADDR_LINKLOCAL(&a.sin6_addr))
				continue;
			a.sin6_port = htons(port);
		} else
			continue;
		mesh_addr_to_endpoint(&a, &out[n++]);
	}
	freeifaddrs(all);
	return n;
}
