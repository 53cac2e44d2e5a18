/*
 * scan_target.h: what a scan is aimed at: an IPv4 or IPv6 address, a CIDR
 * block (at most TARGET_MAX_HOSTS addresses, network and broadcast
 * included as nmap does), or a host name, resolved before the scan starts.
 */
#ifndef SCAN_SCAN_TARGET_H
#define SCAN_SCAN_TARGET_H

#include <stddef.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define TARGET_MAX_HOSTS 4096

struct scan_target {
	struct sockaddr_storage	*hosts;
	size_t			 count;
	char			 name[256];	/* as typed */
};

/* 0, or -1 with a reason in err (unknown host, too large a block ...). */
int	 target_parse(const char *text, struct scan_target *, char *err,
	     size_t errlen);
void	 target_free(struct scan_target *);
/* "192.0.2.1" or "2001:db8::1" (no port, no brackets). */
void	 target_addr_str(const struct sockaddr_storage *, char *buf, size_t len);

#endif
