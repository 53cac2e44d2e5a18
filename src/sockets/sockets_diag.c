/*
 * sockets_diag.c: one dump request per protocol and family on one
 * NETLINK_SOCK_DIAG socket. libmnl does the netlink plumbing (socket,
 * sequence numbers, walking and checking messages); protocols/sockdiag.c
 * decodes each socket's payload.
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../protocols/reader.h"
#include "sockets_diag.h"

/* The kernel fills a dump's messages up to 32 KiB; room for two. */
#define DIAG_BUF	(64 * 1024)
#define ALL_STATES	0xfff

struct sockets_diag {
	struct mnl_socket	*nl;
	unsigned		 portid, seq;
	char			*buf;
};

struct dump_ctx {
	struct sock_table	*t;
	int			 proto;
	bool			 oom;
	struct diag_inet	*one;	/* an exact request's answer, or NULL */
	bool			 got;
};

struct sockets_diag *
sockets_diag_open(char *err, size_t errlen)
{
	struct sockets_diag *d = calloc(1, sizeof *d);

	if (d == NULL || (d->buf = malloc(DIAG_BUF)) == NULL) {
		snprintf(err, errlen, "out of memory");
		sockets_diag_close(d);
		return NULL;
	}
	if ((d->nl = mnl_socket_open(NETLINK_SOCK_DIAG)) == NULL ||
	    mnl_socket_bind(d->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		snprintf(err, errlen, "netlink sock_diag: %s", strerror(errno));
		sockets_diag_close(d);
		return NULL;
	}
	d->portid = mnl_socket_get_portid(d->nl);
	d->seq = (unsigned)time(NULL);
	return d;
}

void
sockets_diag_close(struct sockets_diag *d)
{
	if (d == NULL)
		return;
	if (d->nl != NULL)
		mnl_socket_close(d->nl);
	free(d->buf);
	free(d);
}

static void
from_inet(struct sock *s, const struct diag_inet *di, int proto)
{
	s->proto = (uint8_t)proto;
	s->family = di->family;
	s->state = di->state;
	s->v6only = (int8_t)di->v6only;
	s->lport = di->sport;
	s->rport = di->dport;
	memcpy(s->laddr, di->src, 16);
	memcpy(s->raddr, di->dst, 16);
	s->ifindex = di->ifindex;
	s->inode = di->inode;
	s->rqueue = di->rqueue;
	s->wqueue = di->wqueue;
	s->uid = di->uid;
	s->has_info = di->has_info;
	s->info = di->info;
}

static void
from_unix(struct sock *s, const struct diag_unix *du)
{
	s->proto = SP_UNIX;
	s->family = AF_UNIX;
	s->state = du->state;
	s->unix_type = du->type;
	s->inode = du->inode;
	s->peer_inode = du->peer;
	s->rqueue = du->rqueue;
	s->wqueue = du->wqueue;
	s->uid = du->uid;
	s->v6only = -1;
	memcpy(s->unix_name, du->name, sizeof s->unix_name);
}

static int
on_message(const struct nlmsghdr *nlh, void *arg)
{
	struct dump_ctx *c = arg;
	const void *p = mnl_nlmsg_get_payload(nlh);
	size_t len = mnl_nlmsg_get_payload_len(nlh);
	struct diag_inet di;
	struct diag_unix du;
	struct sock *s;

	if (c->one != NULL) {
		c->got = sockdiag_parse_inet(p, len, c->one) == 0;
		return MNL_CB_OK;
	}
	if ((s = sock_table_add(c->t)) == NULL) {
		c->oom = true;
		return MNL_CB_ERROR;
	}
	if (c->proto == SP_UNIX && sockdiag_parse_unix(p, len, &du) == 0)
		from_unix(s, &du);
	else if (c->proto != SP_UNIX && sockdiag_parse_inet(p, len, &di) == 0)
		from_inet(s, &di, c->proto);
	else
		sock_table_drop_last(c->t);
	return MNL_CB_OK;
}

/* NLMSG_DONE carries an error when the kernel lacks the protocol's diag
 * module (raw_diag, for one): ENOENT. libmnl's default would just stop. */
static int
on_done(const struct nlmsghdr *nlh, void *arg)
{
	struct reader rd;
	int32_t status;

	(void)arg;
	rd_init(&rd, mnl_nlmsg_get_payload(nlh), mnl_nlmsg_get_payload_len(nlh));
	status = (int32_t)rd_ne32(&rd);
	if (!rd.truncated && status < 0) {
		errno = -status;
		return MNL_CB_ERROR;
	}
	return MNL_CB_STOP;
}

/*
 * Every dump a refresh makes, one row each: the protocol it fills, the
 * family and IP protocol asked for, RAW's "every protocol" selector, and
 * the extensions wanted (tcp_info for TCP). UNIX has its own request.
 */
static const struct diag_request {
	int		 proto;		/* enum sock_proto */
	uint8_t		 family;
	uint8_t		 ipproto;
	uint8_t		 raw_protocol;	/* sdiag_raw_protocol (in pad) */
	uint8_t		 ext;
	const char	*name;
} requests[] = {
	{ SP_TCP, AF_INET, IPPROTO_TCP, 0, 1 << (INET_DIAG_INFO - 1), "tcp" },
	{ SP_TCP, AF_INET6, IPPROTO_TCP, 0, 1 << (INET_DIAG_INFO - 1), "tcp" },
	{ SP_UDP, AF_INET, IPPROTO_UDP, 0, 0, "udp" },
	{ SP_UDP, AF_INET6, IPPROTO_UDP, 0, 0, "udp" },
	{ SP_RAW, AF_INET, IPPROTO_RAW, IPPROTO_RAW, 0, "raw" },
	{ SP_RAW, AF_INET6, IPPROTO_RAW, IPPROTO_RAW, 0, "raw" },
	{ SP_UNIX, AF_UNIX, 0, 0, 0, "unix" },
};

static struct inet_diag_req_v2 *
inet_request(struct nlmsghdr *nlh, const struct diag_request *q,
    bool with_info)
{
	struct inet_diag_req_v2 *r = mnl_nlmsg_put_extra_header(nlh, sizeof *r);

	r->sdiag_family = q->family;
	r->sdiag_protocol = q->ipproto;
	r->idiag_ext = with_info ? q->ext : 0;
	r->pad = q->raw_protocol;
	r->idiag_states = ALL_STATES;
	return r;
}

static void
unix_request(struct nlmsghdr *nlh)
{
	struct unix_diag_req *r = mnl_nlmsg_put_extra_header(nlh, sizeof *r);

	r->sdiag_family = AF_UNIX;
	r->udiag_states = ALL_STATES;
	r->udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN;
}

static struct nlmsghdr *
request_header(struct sockets_diag *d, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(d->buf);

	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = ++d->seq;
	return nlh;
}

/* Sends the request in d->buf and reads its answer to the end. */
static int
run_request(struct sockets_diag *d, struct nlmsghdr *nlh, struct dump_ctx *c)
{
	static mnl_cb_t control[NLMSG_DONE + 1] = {
		[NLMSG_DONE] = on_done,
	};
	unsigned seq = nlh->nlmsg_seq;
	ssize_t n;
	int rc;

	if (mnl_socket_sendto(d->nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		if ((n = mnl_socket_recvfrom(d->nl, d->buf, DIAG_BUF)) <= 0)
			return -1;
		rc = mnl_cb_run2(d->buf, (size_t)n, seq, d->portid, on_message,
		    c, control, NLMSG_DONE + 1);
	} while (rc > MNL_CB_STOP && c->one == NULL);
	return rc >= MNL_CB_STOP ? 0 : -1;
}

static int
dump_one(struct sockets_diag *d, const struct diag_request *q,
    bool with_info, struct dump_ctx *c)
{
	struct nlmsghdr *nlh = request_header(d, NLM_F_REQUEST | NLM_F_DUMP);

	if (q->family == AF_UNIX)
		unix_request(nlh);
	else
		inet_request(nlh, q, with_info);
	return run_request(d, nlh, c);
}

/* An exact request (no dump): the kernel answers with the one socket,
 * or an error, during the send. */
int
sockets_diag_tcp_info(struct sockets_diag *d, const struct sock *s,
    struct diag_tcpinfo *out)
{
	struct nlmsghdr *nlh = request_header(d, NLM_F_REQUEST);
	struct inet_diag_req_v2 *r;
	struct diag_inet di;
	struct dump_ctx c = { NULL, SP_TCP, false, &di, false };

	if (s->proto != SP_TCP || (s->family != AF_INET &&
	    s->family != AF_INET6))
		return -1;
	r = inet_request(nlh, &requests[s->family == AF_INET ? 0 : 1], true);
	r->id.idiag_sport = htons(s->lport);
	r->id.idiag_dport = htons(s->rport);
	memcpy(r->id.idiag_src, s->laddr, 16);
	memcpy(r->id.idiag_dst, s->raddr, 16);
	r->id.idiag_if = s->ifindex;
	r->id.idiag_cookie[0] = r->id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	if (run_request(d, nlh, &c) != 0 || !c.got || !di.has_info)
		return -1;
	*out = di.info;
	return 0;
}

int
sockets_diag_dump(struct sockets_diag *d, int proto, bool with_info,
    struct sock_table *t, char *err, size_t errlen)
{
	struct dump_ctx c = { t, proto, false, NULL, false };
	size_t before = t->n, i;

	for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		if (requests[i].proto != proto || dump_one(d, &requests[i],
		    with_info, &c) == 0)
			continue;
		snprintf(err, errlen, "sock_diag %s dump: %s", requests[i].name,
		    c.oom ? "out of memory" : strerror(errno));
		t->n = before;
		return -1;
	}
	return 0;
}
