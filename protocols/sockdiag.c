/*
 * sockdiag.c: inet_diag_msg and unix_diag_msg payloads into plain fields
 * (layouts in sockdiag.h; the kernel's linux/inet_diag.h, unix_diag.h).
 */
#include <string.h>

#include "nlattr.h"
#include "reader.h"
#include "sockdiag.h"

#define AF_INET_		2
#define AF_INET6_		10
#define AF_UNIX_		1
#define INET_DIAG_INFO_		2
#define INET_DIAG_SKV6ONLY_	11
#define UNIX_DIAG_NAME_		0
#define UNIX_DIAG_PEER_		2
#define UNIX_DIAG_RQLEN_	4
#define UNIX_DIAG_UID_		7

/* Offsets in struct tcp_info (linux/tcp.h; the layout only grows). */
#define TI_RTT			68
#define TI_RTTVAR		72
#define TI_CWND			80
#define TI_TOTAL_RETRANS	100
#define TI_BYTES_ACKED		120
#define TI_BYTES_RECEIVED	128

static uint32_t
u32_at(const void *buf, size_t len, size_t off)
{
	struct reader rd;

	rd_init(&rd, buf, len);
	rd_skip(&rd, off);
	return rd_ne32(&rd);
}

static uint64_t
u64_at(const void *buf, size_t len, size_t off)
{
	struct reader rd;

	rd_init(&rd, buf, len);
	rd_skip(&rd, off);
	return rd_ne64(&rd);
}

void
sockdiag_parse_tcpinfo(const void *buf, size_t len, struct diag_tcpinfo *ti)
{
	memset(ti, 0, sizeof *ti);
	ti->rtt_us = u32_at(buf, len, TI_RTT);
	ti->rttvar_us = u32_at(buf, len, TI_RTTVAR);
	ti->cwnd = u32_at(buf, len, TI_CWND);
	ti->retransmits = u32_at(buf, len, TI_TOTAL_RETRANS);
	ti->has_bytes = len >= TI_BYTES_RECEIVED + 8;
	ti->bytes_acked = u64_at(buf, len, TI_BYTES_ACKED);
	ti->bytes_received = u64_at(buf, len, TI_BYTES_RECEIVED);
}

static void
inet_attrs(struct reader *rd, struct diag_inet *d)
{
	struct reader p;
	uint16_t type;
	uint8_t info[256];
	size_t n;

	while (nla_next(rd, &type, &p)) {
		if (type == INET_DIAG_INFO_) {
			n = nla_copy(&p, info, sizeof info);
			sockdiag_parse_tcpinfo(info, n, &d->info);
			d->has_info = true;
		} else if (type == INET_DIAG_SKV6ONLY_ && rd_left(&p) >= 1)
			d->v6only = rd_u8(&p);
	}
}

int
sockdiag_parse_inet(const void *buf, size_t len, struct diag_inet *d)
{
	struct reader rd;

	memset(d, 0, sizeof *d);
	d->v6only = -1;
	rd_init(&rd, buf, len);
	d->family = rd_u8(&rd);
	d->state = rd_u8(&rd);
	rd_skip(&rd, 1);		/* timer */
	rd_skip(&rd, 1);		/* retrans (timer's) */
	d->sport = rd_be16(&rd);
	d->dport = rd_be16(&rd);
	rd_bytes(&rd, d->src, 16);
	rd_bytes(&rd, d->dst, 16);
	d->ifindex = rd_ne32(&rd);
	rd_skip(&rd, 8);		/* cookie */
	rd_skip(&rd, 4);		/* expires */
	d->rqueue = rd_ne32(&rd);
	d->wqueue = rd_ne32(&rd);
	d->uid = rd_ne32(&rd);
	d->inode = rd_ne32(&rd);
	if (rd.truncated || (d->family != AF_INET_ && d->family != AF_INET6_))
		return -1;
	inet_attrs(&rd, d);
	return 0;
}

/* UNIX_DIAG_NAME: a path, or '\0' then an abstract name, shown as "@name". */
static void
unix_name(struct reader *p, char *out, size_t len)
{
	struct reader peek = *p;
	size_t n = 0;
	uint8_t c;

	out[0] = '\0';
	if (rd_left(p) > 0 && rd_u8(&peek) == '\0') {
		rd_skip(p, 1);
		out[n++] = '@';
	}
	while (rd_left(p) > 0 && n + 1 < len) {
		c = rd_u8(p);
		if (c == '\0' && out[0] != '@')
			break;
		out[n++] = c == '\0' ? '@' : (char)c;	/* as ss shows NULs */
	}
	out[n] = '\0';
}

static void
unix_attrs(struct reader *rd, struct diag_unix *d)
{
	struct reader p;
	uint16_t type;

	while (nla_next(rd, &type, &p)) {
		switch (type) {
		case UNIX_DIAG_NAME_:
			unix_name(&p, d->name, sizeof d->name);
			break;
		case UNIX_DIAG_PEER_:
			d->peer = rd_ne32(&p);
			break;
		case UNIX_DIAG_RQLEN_:
			d->rqueue = rd_ne32(&p);
			d->wqueue = rd_ne32(&p);
			break;
		case UNIX_DIAG_UID_:
			d->uid = rd_ne32(&p);
			d->has_uid = !p.truncated;
			break;
		}
	}
}

int
sockdiag_parse_unix(const void *buf, size_t len, struct diag_unix *d)
{
	struct reader rd;

	memset(d, 0, sizeof *d);
	rd_init(&rd, buf, len);
	if (rd_u8(&rd) != AF_UNIX_)
		return -1;
	d->type = rd_u8(&rd);
	d->state = rd_u8(&rd);
	rd_skip(&rd, 1);
	d->inode = rd_ne32(&rd);
	rd_skip(&rd, 8);		/* cookie */
	if (rd.truncated)
		return -1;
	unix_attrs(&rd, d);
	return 0;
}
