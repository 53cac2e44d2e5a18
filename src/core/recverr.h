/*
 * recverr.h: the ICMP error the kernel queued on a socket with
 * IP_RECVERR / IPV6_RECVERR set (see ip(7)): which ICMP message, and the
 * address of whoever sent it (the offender). The UDP scan and the UDP
 * traceroute read their answers this way, as any user.
 */
#ifndef CORE_RECVERR_H
#define CORE_RECVERR_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

struct recverr {
	bool			 v6;		/* ICMPv6 (else ICMP) */
	uint8_t			 type, code;
	struct sockaddr_storage	 offender;
};

/* Turns the option on for fd's family: 0, or -1 with errno. */
int	 recverr_enable(int fd, int family);
/* false if no ICMP error is queued. */
bool	 recverr_read(int fd, struct recverr *);
/* Port unreachable (ICMP 3/3, ICMPv6 1/4). */
bool	 recverr_port_unreachable(const struct recverr *);
/* Time exceeded (ICMP 11, ICMPv6 3). */
bool	 recverr_time_exceeded(const struct recverr *);

#endif
