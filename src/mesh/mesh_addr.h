/*
 * mesh_addr.h: peer addresses. The mesh uses one dual-stack UDP socket, so
 * every address is kept as IPv6 (IPv4 as ::ffff:a.b.c.d) and printed the
 * way ss prints it: "198.51.100.2:40112" or "[2001:db8::1]:12345".
 */
#ifndef MESH_MESH_ADDR_H
#define MESH_MESH_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>

#include "../../protocols/mesh.h"

#define MESH_DEFAULT_PORT 12345
#define MESH_ADDR_STRLEN 64

/* What the user typed after `punchline chat`: host, host:port, [v6]:port,
 * host:scan. */
struct mesh_target {
	struct sockaddr_in6	 addr;
	bool			 scan;	/* probe every port of host */
};

/* Resolves target (getaddrinfo: call before the loop runs, not inside it).
 * Returns 0, or -1 with a reason in err. */
int	 mesh_target_parse(const char *text, struct mesh_target *, char *err,
	     size_t errlen);
/* A numeric address (no port) for --bind. */
int	 mesh_bind_parse(const char *text, struct sockaddr_in6 *);
void	 mesh_addr_format(const struct sockaddr_in6 *, char *buf, size_t len);
bool	 mesh_addr_equal(const struct sockaddr_in6 *, const struct sockaddr_in6 *);
bool	 mesh_addr_is_v4(const struct sockaddr_in6 *);
/* Private, loopback or link-local: a path over it is "same LAN". */
bool	 mesh_addr_is_private(const struct sockaddr_in6 *);
void	 mesh_addr_from_endpoint(const struct mesh_endpoint *,
	     struct sockaddr_in6 *);
void	 mesh_addr_to_endpoint(const struct sockaddr_in6 *, struct mesh_endpoint *);
/* This host's own addresses (not loopback or link-local) with port:
 * what a peer on the same LAN could reach us at. Returns the count. */
int	 mesh_addr_local(uint16_t port, struct mesh_endpoint *out, int max);

#endif
