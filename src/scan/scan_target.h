/*
 * scan_target.h: what a scan is aimed at: an IPv4 or IPv6 address, a CIDR
 * block (at most TARGET_MAX_HOSTS addresses, network and broadcast
 * included as nmap does), or a host name, looked up without blocking the
 * loop (core/resolve.h) before the scan starts.
 */
#ifndef SCAN_SCAN_TARGET_H
#define SCAN_SCAN_TARGET_H

#include <stddef.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define TARGET_MAX_HOSTS 4096
#define TARGET_NEEDS_LOOKUP 1	/* target_parse: a name to look up */

struct addrinfo;

struct scan_target {
	struct sockaddr_storage	*hosts;
	size_t			 count;
	char			 name[256];	/* as typed */
};

/* 0 (addresses in hosts), TARGET_NEEDS_LOOKUP (a name: hosts empty), or
 * -1 with a reason in err (too large a block, a bad address ...). */
int	 target_parse(const char *text, struct scan_target *, char *err,
	     size_t errlen);
int	 target_add_host(struct scan_target *, const struct sockaddr *,
	     socklen_t);
int	 target_add_first(struct scan_target *, const struct addrinfo *);
void	 target_free(struct scan_target *);
/* "192.0.2.1" or "2001:db8::1" (no port, no brackets). */
void	 target_addr_str(const struct sockaddr_storage *, char *buf, size_t len);

#endif
