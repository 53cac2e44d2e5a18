/*
 * trace_icmp.c: ICMP echo probes (what mtr and traceroute -I send), with
 * CAP_NET_RAW. Our echoes carry an identifier of this trace and the
 * probe's number as their sequence; the destination answers with an echo
 * reply, a router with time exceeded quoting the echo.
 */
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "../../protocols/icmp_echo.h"
#include "trace_raw.h"

static const uint8_t payload[] = "punchline trace probe";

static bool
icmp_quoted(const struct trace *t, const struct icmp_quote *q, uint16_t *seq)
{
	if ((q->qproto != 1 && q->qproto != 58) || q->qid != t->raw->id)
		return false;
	*seq = q->qicmpseq;
	return true;
}

static void
on_echo(struct trace *t, const uint8_t *buf, size_t len,
    const struct sockaddr_storage *from)
{
	struct trace_probe *p;
	struct icmp_echo e;
	struct sockaddr_storage src = *from;

	netaddr_to_probe(from, &e.from);
	if (!(t->raw->dst.family == 4 ? icmp_echo_read4(buf, len, &e) :
	    icmp_echo_read6(buf, len, &e)) || !e.reply || e.id != t->raw->id ||
	    (p = trace_probe_of(t, e.seq)) == NULL)
		return;
	netaddr_from_probe(&e.from, &src);
	trace_answer(t, p, &src, ANS_DEST);
}

static int
icmp_open(struct trace *t, char *err, size_t errlen)
{
	if (trace_raw_open(t, false, err, errlen) != 0)
		return -1;
	t->raw->quoted = icmp_quoted;
	t->raw->on_icmp = on_echo;
	return 0;
}

static bool
icmp_send(struct trace *t, struct trace_probe *p)
{
	struct sockaddr_storage to;
	socklen_t tolen = trace_dst(t, 0, &to);
	uint8_t pkt[ICMP_ECHO_HDR + sizeof payload];
	size_t n = icmp_echo_build(pkt, sizeof pkt, to.ss_family == AF_INET6,
	    t->raw->id, p->seq, payload, sizeof payload - 1);

	if (n == 0 || trace_raw_set_ttl(t->raw->icmp_fd, to.ss_family, p->ttl) != 0 ||
	    sendto(t->raw->icmp_fd, pkt, n, 0, (struct sockaddr *)&to, tolen) < 0)
		return false;
	trace_probe_arm(t, p, -1, NULL);
	return true;
}

static void
icmp_release(struct trace_probe *p)
{
	(void)p;		/* the socket is shared */
}

const struct trace_method_ops trace_icmp_ops = {
	.name = "icmp",
	.open = icmp_open,
	.close = trace_raw_close,
	.send = icmp_send,
	.release = icmp_release,
};
