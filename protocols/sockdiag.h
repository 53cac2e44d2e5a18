/*
 * sockdiag.h: the payloads of NETLINK_SOCK_DIAG answers (linux/inet_diag.h,
 * linux/unix_diag.h): one socket each, decoded into plain fields.
 *
 * inet_diag_msg (72 bytes, host order except ports and addresses):
 *  +-------+-------+-------+-------+
 *  |family | state | timer |retrans|
 *  +-------+-------+-------+-------+
 *  | sport (be16)  | dport (be16)  |   id: inet_diag_sockid
 *  | src[16], dst[16] (network)    |
 *  | ifindex, cookie[2]            |
 *  +-------------------------------+
 *  | expires, rqueue, wqueue, uid, inode (u32 each)
 *  +-------------------------------+
 *  | attributes: INET_DIAG_INFO (struct tcp_info), INET_DIAG_SKV6ONLY ...
 *
 * unix_diag_msg (16 bytes): family, type, state, pad, inode u32, cookie[2];
 * attributes UNIX_DIAG_NAME (path, or '\0' + abstract name), UNIX_DIAG_PEER
 * (the peer's inode), UNIX_DIAG_RQLEN, UNIX_DIAG_UID.
 * Pure: no I/O, no allocation; every byte through reader.h.
 */
#ifndef PROTOCOLS_SOCKDIAG_H
#define PROTOCOLS_SOCKDIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DIAG_UNIX_NAME_MAX	110	/* sun_path (108) + '@' + NUL */

/* The few tcp_info fields we show (INET_DIAG_INFO). */
struct diag_tcpinfo {
	uint32_t	 rtt_us, rttvar_us;
	uint32_t	 cwnd;
	uint32_t	 retransmits;		/* total_retrans */
	uint64_t	 bytes_acked, bytes_received;
	bool		 has_bytes;		/* kernel's tcp_info was long enough */
};

struct diag_inet {
	uint8_t		 family;		/* AF_INET or AF_INET6 */
	uint8_t		 state;			/* TCP_ESTABLISHED ... */
	uint16_t	 sport, dport;		/* host order */
	uint8_t		 src[16], dst[16];	/* network order; v4 in the first 4 */
	uint32_t	 ifindex;
	uint32_t	 rqueue, wqueue, uid, inode;
	int		 v6only;		/* -1: not said */
	bool		 has_info;
	struct diag_tcpinfo info;
};

struct diag_unix {
	uint8_t		 type;			/* SOCK_STREAM, SOCK_DGRAM, ... */
	uint8_t		 state;			/* TCP_ESTABLISHED, TCP_LISTEN, TCP_CLOSE */
	uint32_t	 inode, peer;		/* peer 0: none */
	uint32_t	 rqueue, wqueue;
	uint32_t	 uid;
	bool		 has_uid;
	/* "" unnamed, "/path", or "@name" for the abstract namespace */
	char		 name[DIAG_UNIX_NAME_MAX];
};

/* 0, or -1 when the message is too short or its family unknown. */
int	 sockdiag_parse_inet(const void *buf, size_t len, struct diag_inet *);
int	 sockdiag_parse_unix(const void *buf, size_t len, struct diag_unix *);
/* struct tcp_info bytes (as long as the kernel sent) into the fields. */
void	 sockdiag_parse_tcpinfo(const void *buf, size_t len,
	     struct diag_tcpinfo *);

#endif
