/*
 * procnet.h: the /proc text the sockets engine falls back to when
 * NETLINK_SOCK_DIAG is not there, and the fd links that name a socket.
 *
 *  /proc/net/tcp, tcp6, udp, udp6, raw, raw6 (one socket a line):
 *    "  sl  local_address rem_address   st tx_queue:rx_queue tr tm->when
 *         retrnsmt   uid  timeout inode ..."
 *    "   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000
 *         00000000     0        0 12345 ..."
 *    addresses: 8 (v4) or 32 (v6) hex digits, each 32-bit word in host
 *    order; ports: 4 hex digits; st: the TCP state in hex.
 *  /proc/net/unix:
 *    "Num RefCount Protocol Flags Type St Inode Path"
 *    "0000000000000000: 00000002 00000000 00010000 0001 01 12345 /run/x"
 *    flag 0x10000 (__SO_ACCEPTCON): listening; St 03: connected.
 *  /proc/PID/fd/N link text: "socket:[12345]".
 * Pure: no I/O, no allocation. Results use the sock_diag structures.
 */
#ifndef PROTOCOLS_PROCNET_H
#define PROTOCOLS_PROCNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sockdiag.h"

/* One line of /proc/net/{tcp,udp,raw}{,6}; family AF_INET or AF_INET6.
 * 0, or -1 for the header line and malformed lines. */
int	 procnet_parse_inet(const char *line, size_t len, int family,
	     struct diag_inet *);
/* One line of /proc/net/unix. 0, or -1 for the header and bad lines. */
int	 procnet_parse_unix(const char *line, size_t len, struct diag_unix *);
/* The inode in a "socket:[N]" link text; false for any other link. */
bool	 procnet_socket_inode(const char *text, size_t len, uint32_t *inode);

#endif
