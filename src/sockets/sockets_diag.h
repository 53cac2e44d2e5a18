/*
 * sockets_diag.h: every socket of this network namespace from the kernel,
 * through NETLINK_SOCK_DIAG (inet_diag for TCP, UDP and RAW over IPv4 and
 * IPv6 with tcp_info for TCP; unix_diag for UNIX), over libmnl.
 */
#ifndef SOCKETS_SOCKETS_DIAG_H
#define SOCKETS_SOCKETS_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "sock_table.h"

struct sockets_diag;

/* NULL with the reason in err when NETLINK_SOCK_DIAG cannot be opened. */
struct sockets_diag	*sockets_diag_open(char *err, size_t errlen);
void			 sockets_diag_close(struct sockets_diag *);
/* Appends the sockets of one protocol (both families for inet) to t:
 * 0, or -1 with the reason in err (e.g. raw_diag not in this kernel).
 * tcp_info is asked for with every TCP socket only when with_info. */
int			 sockets_diag_dump(struct sockets_diag *, int proto,
			     bool with_info, struct sock_table *t, char *err,
			     size_t errlen);
/* The tcp_info of one TCP socket, asked for by its endpoints: 0, or -1
 * (gone, or the kernel gave none). */
int			 sockets_diag_tcp_info(struct sockets_diag *,
			     const struct sock *, struct diag_tcpinfo *out);

#endif
