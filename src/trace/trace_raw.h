/*
 * trace_raw.h: what the ICMP and TCP traceroute methods share: their raw
 * sockets (CAP_NET_RAW), reading them from the loop, the identifier that
 * marks our probes, and ICMP errors matched back to the probe they quote.
 */
#ifndef TRACE_TRACE_RAW_H
#define TRACE_TRACE_RAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../protocols/icmp_error.h"
#include "../core/netaddr.h"
#include "trace_int.h"

struct trace_raw {
	int		 icmp_fd, tcp_fd;	/* -1 if not open */
	struct event	*icmp_ev, *tcp_ev;
	int		 reserve_fd;		/* holds sport (tcp) */
	uint16_t	 id;			/* echo id; upper half of TCP seq */
	uint16_t	 sport;
	struct probe_addr src, dst;
	/* The method's reader of what arrives on its TCP socket. */
	void		(*on_tcp)(struct trace *, const uint8_t *, size_t,
			    const struct sockaddr_storage *from);
	/* The method's reader of ICMP messages that are not errors. */
	void		(*on_icmp)(struct trace *, const uint8_t *, size_t,
			    const struct sockaddr_storage *from);
	/* Whether a quoted packet is one of our probes; its seq if so. */
	bool		(*quoted)(const struct trace *, const struct icmp_quote *,
			    uint16_t *seq);
};

int	 trace_raw_open(struct trace *, bool tcp, char *err, size_t errlen);
void	 trace_raw_close(struct trace *);
int	 trace_raw_set_ttl(int fd, int family, unsigned ttl);

#endif
