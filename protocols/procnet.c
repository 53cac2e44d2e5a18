/*
 * procnet.c: /proc/net/{tcp,udp,raw}{,6} and /proc/net/unix lines, and
 * "socket:[N]" fd links (formats in procnet.h).
 */
#include <string.h>

#include "procnet.h"
#include "reader.h"
#include "textline.h"

#define AF_INET_	2
#define AF_INET6_	10
#define SO_ACCEPTCON_	0x10000
#define SS_CONNECTED_	3
#define ST_ESTABLISHED	1
#define ST_CLOSE	7
#define ST_LISTEN	10

static int
hexval(uint8_t c)
{
	return c >= '0' && c <= '9' ? c - '0' :
	    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* n hex digits from rd; -1 if one is not a hex digit. */
static int64_t
hex_digits(struct reader *rd, unsigned n)
{
	int64_t v = 0;
	int d;

	while (n-- > 0) {
		if ((d = hexval(rd_u8(rd))) < 0 || rd->truncated)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* "ADDR:PORT": words of 8 hex digits in host order, then 4 for the port. */
static bool
endpoint(struct reader *line, int family, uint8_t addr[16], uint16_t *port)
{
	unsigned words = family == AF_INET6_ ? 4 : 1, i;
	int64_t w, p;
	uint32_t host;

	tl_skip_blank(line);
	for (i = 0; i < words; i++) {
		if ((w = hex_digits(line, 8)) < 0)
			return false;
		host = (uint32_t)w;
		memcpy(addr + 4 * i, &host, 4);	/* the kernel's bytes again */
	}
	if (rd_u8(line) != ':' || (p = hex_digits(line, 4)) < 0)
		return false;
	*port = (uint16_t)p;
	return true;
}

/* The "sl" or "Num" column of a socket line: a token ending in ':'. */
static bool
row_number(struct reader *line)
{
	char tok[24];
	size_t n = tl_token(line, tok, sizeof tok);

	return n > 0 && n < sizeof tok && strlen(tok) == n && tok[n - 1] == ':';
}

int
procnet_parse_inet(const char *text, size_t len, int family,
    struct diag_inet *d)
{
	struct reader line;
	uint64_t st, uid, inode;

	memset(d, 0, sizeof *d);
	d->v6only = -1;
	d->family = (uint8_t)family;
	rd_init(&line, text, len);
	if (!row_number(&line))
		return -1;		/* the header, or not a socket line */
	if (!endpoint(&line, family, d->src, &d->sport) ||
	    !endpoint(&line, family, d->dst, &d->dport) ||
	    !tl_hex(&line, &st) || st > 255)
		return -1;
	d->state = (uint8_t)st;
	tl_skip_tokens(&line, 3);	/* queues, timer, retransmits */
	if (!tl_dec(&line, &uid) || uid > UINT32_MAX)
		return -1;
	tl_skip_tokens(&line, 1);	/* timeout */
	if (!tl_dec(&line, &inode) || inode > UINT32_MAX)
		return -1;
	d->uid = (uint32_t)uid;
	d->inode = (uint32_t)inode;
	return 0;
}

static uint8_t
unix_state(uint64_t flags, uint64_t st)
{
	if (flags & SO_ACCEPTCON_)
		return ST_LISTEN;
	return st == SS_CONNECTED_ ? ST_ESTABLISHED : ST_CLOSE;
}

int
procnet_parse_unix(const char *text, size_t len, struct diag_unix *d)
{
	struct reader line;
	uint64_t flags, type, st, inode;

	memset(d, 0, sizeof *d);
	rd_init(&line, text, len);
	if (!row_number(&line))
		return -1;
	tl_skip_tokens(&line, 2);	/* RefCount, Protocol */
	if (!tl_hex(&line, &flags) || !tl_hex(&line, &type) ||
	    !tl_hex(&line, &st) || !tl_dec(&line, &inode) ||
	    type > 255 || inode > UINT32_MAX)
		return -1;
	d->type = (uint8_t)type;
	d->state = unix_state(flags, st);
	d->inode = (uint32_t)inode;
	tl_token(&line, d->name, sizeof d->name);	/* "@name" if abstract */
	return 0;
}

bool
procnet_socket_inode(const char *text, size_t len, uint32_t *inode)
{
	static const char prefix[] = "socket:[";
	struct reader rd;
	uint64_t v = 0;
	uint8_t c;
	char head[sizeof prefix - 1];
	size_t digits = 0;

	*inode = 0;
	rd_init(&rd, text, len);
	if (!rd_bytes(&rd, head, sizeof head) ||
	    memcmp(head, prefix, sizeof head) != 0)
		return false;
	while ((c = rd_u8(&rd)) >= '0' && c <= '9' && !rd.truncated) {
		v = v * 10 + (c - '0');
		if (v > UINT32_MAX)
			return false;
		digits++;
	}
	if (c != ']' || rd.truncated || digits == 0 || rd_left(&rd) != 0)
		return false;
	*inode = (uint32_t)v;
	return true;
}
