/* capture_fmt.c: numbers, addresses and times for the text line and JSON. */
#include <arpa/inet.h>
#include <string.h>
#include <time.h>

#include "capture_fmt.h"

void
fmt_u64(struct strbuf *sb, uint64_t v)
{
	char tmp[24];
	size_t n = sizeof tmp;

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	sb_addn(sb, tmp + n, sizeof tmp - n);
}

void
fmt_ipv4(struct strbuf *sb, const uint8_t a[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i > 0)
			sb_addc(sb, '.');
		fmt_u64(sb, a[i]);
	}
}

void
fmt_ipv6(struct strbuf *sb, const uint8_t a[16])
{
	char tmp[INET6_ADDRSTRLEN];

	if (inet_ntop(AF_INET6, a, tmp, sizeof tmp) != NULL)
		sb_add(sb, tmp);
}

void
fmt_mac(struct strbuf *sb, const uint8_t m[6])
{
	static const char hex[] = "0123456789abcdef";
	char tmp[17];
	int i;

	for (i = 0; i < 6; i++) {
		tmp[i * 3] = hex[m[i] >> 4];
		tmp[i * 3 + 1] = hex[m[i] & 15];
		if (i < 5)
			tmp[i * 3 + 2] = ':';
	}
	sb_addn(sb, tmp, sizeof tmp);
}

/* Six digits, zeros in front. */
static void
fmt_micros(struct strbuf *sb, long usec)
{
	unsigned long u = (unsigned long)usec % 1000000;
	char tmp[6];
	int i;

	for (i = 5; i >= 0; i--) {
		tmp[i] = (char)('0' + u % 10);
		u /= 10;
	}
	sb_addn(sb, tmp, sizeof tmp);
}

/* localtime_r costs more than the rest of a line: redo it once a second. */
void
fmt_clock(struct strbuf *sb, const struct timeval *tv)
{
	static time_t last = (time_t)-1;
	static char hms[16];
	struct tm tm;

	if (tv->tv_sec != last) {
		last = tv->tv_sec;
		if (localtime_r(&last, &tm) == NULL)
			memset(&tm, 0, sizeof tm);
		strftime(hms, sizeof hms, "%H:%M:%S.", &tm);
	}
	sb_add(sb, hms);
	fmt_micros(sb, (long)tv->tv_usec);
}

void
fmt_epoch(struct strbuf *sb, const struct timeval *tv)
{
	if (tv->tv_sec < 0) {
		sb_addc(sb, '-');
		fmt_u64(sb, (uint64_t)-(int64_t)tv->tv_sec);
	} else
		fmt_u64(sb, (uint64_t)tv->tv_sec);
	sb_addc(sb, '.');
	fmt_micros(sb, (long)tv->tv_usec);
}

void
fmt_ip_addr(struct strbuf *sb, const struct dissect_layer *ip, bool src)
{
	if (ip->proto == DP_IPV4)
		fmt_ipv4(sb, src ? ip->u.ip4.src : ip->u.ip4.dst);
	else
		fmt_ipv6(sb, src ? ip->u.ip6.src : ip->u.ip6.dst);
}

uint32_t
fmt_ip_upper_len(const struct dissect_layer *ip)
{
	const struct ipv6_hdr *h6;
	uint32_t ext = 0;
	size_t i;

	if (ip->proto == DP_IPV4)
		return ip->u.ip4.total_len > ip->u.ip4.header_len ?
		    ip->u.ip4.total_len - ip->u.ip4.header_len : 0;
	h6 = &ip->u.ip6;
	for (i = 0; i < h6->ext_count; i++)
		ext += h6->ext[i].len;
	return h6->declared_len > ext ? h6->declared_len - ext : 0;
}
