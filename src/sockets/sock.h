/*
 * sock.h: one socket as the sockets engine keeps it, whatever told us
 * about it (sock_diag or /proc), with the process that owns it. Types and
 * names only: the engine fills these, the filter, the table and the
 * formatters read them.
 */
#ifndef SOCKETS_SOCK_H
#define SOCKETS_SOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "../../protocols/sockdiag.h"

enum sock_proto { SP_TCP, SP_UDP, SP_RAW, SP_UNIX, SP_NPROTO };

/* Kernel states (the TCP numbering, used by every kind in sock_diag). */
enum sock_state {
	ST_ESTAB = 1, ST_SYN_SENT, ST_SYN_RECV, ST_FIN_WAIT1,
	ST_FIN_WAIT2, ST_TIME_WAIT, ST_CLOSE, ST_CLOSE_WAIT, ST_LAST_ACK,
	ST_LISTEN, ST_CLOSING, ST_NSTATES
};

#define SOCK_COMM_MAX	16	/* TASK_COMM_LEN */

struct sock {
	uint8_t		 proto;		/* enum sock_proto */
	uint8_t		 family;	/* AF_INET, AF_INET6, AF_UNIX */
	uint8_t		 state;		/* enum sock_state */
	uint8_t		 unix_type;	/* SOCK_STREAM ... for UNIX */
	int8_t		 v6only;	/* -1: not said */
	uint16_t	 lport, rport;
	uint8_t		 laddr[16], raddr[16];
	uint32_t	 ifindex;
	uint32_t	 inode, peer_inode;
	uint32_t	 rqueue, wqueue;
	uint32_t	 uid;		/* the socket's */
	bool		 has_info;
	struct diag_tcpinfo info;
	char		 unix_name[DIAG_UNIX_NAME_MAX];
	/* The owner: pid 0 when none was found (TIME-WAIT, another pid ns). */
	int		 pid;
	uint32_t	 owner_uid;
	char		 comm[SOCK_COMM_MAX];
};

#endif
