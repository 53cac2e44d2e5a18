/*
 * sockets_proc.h: the fallback when NETLINK_SOCK_DIAG is not available:
 * the same sockets read from /proc/net/{tcp,udp,raw}{,6} and
 * /proc/net/unix (no tcp_info there).
 */
#ifndef SOCKETS_SOCKETS_PROC_H
#define SOCKETS_SOCKETS_PROC_H

#include <stddef.h>

#include "sock_table.h"

/* Appends one protocol's sockets to t: 0, or -1 with the reason in err. */
int	 sockets_proc_read(int proto, struct sock_table *t, char *err,
	     size_t errlen);

#endif
