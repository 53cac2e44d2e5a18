/*
 * capture.c: libpcap sources on the event loop; see capture.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "../core/priv.h"
#include "capture.h"
#include "capture_place.h"

#define FILE_BATCH	512	/* packets read from a file per loop pass */
#define NETNS_DIR	"/run/netns/"
#define MAX_IFACES	16	/* interfaces named per namespace */

/* An interface of the handle's namespace, by index, as "node:ifname". */
struct iface_name {
	unsigned	 index;
	const char	*where;		/* capture_place()'s */
};

struct capture {
	pcap_t			*pcap;
	pcap_dumper_t		*dump;
	char			*source;
	const char		*where;		/* NULL, or fixed: capture_place()'s */
	struct iface_name	 iface[MAX_IFACES];	/* "any" in a namespace */
	size_t			 niface;
	bool			 live;
	bool			 done;
	uint64_t		 count;		/* 0: no limit */
	uint64_t		 seen;
	struct event		*ev;
	capture_packet_fn	 on_packet;
	capture_end_fn		 on_end;
	void			*arg;
	char			 err[CAPTURE_ERR_MAX];
};

static struct capture *
capture_new(pcap_t *p, const char *source, bool live)
{
	struct capture *c = calloc(1, sizeof *c);

	if (c == NULL || (c->source = strdup(source)) == NULL) {
		free(c);
		return NULL;
	}
	c->pcap = p;
	c->live = live;
	return c;
}

/* Why a live open failed, in the words a user can act on. */
static void
live_error(pcap_t *p, int rc, const char *ifname, char *err, size_t errlen)
{
	struct privs privs;
	char why[256];

	priv_probe(&privs);
	if (!priv_require(&privs, PRIV_NET_RAW, "live capture", why,
	    sizeof why)) {
		snprintf(err, errlen, "%s (reading a file with -r needs no "
		    "privilege)", why);
		return;
	}
	if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
		snprintf(err, errlen, "%s: no such interface", ifname);
	else
		snprintf(err, errlen, "%s: %s", ifname, rc == PCAP_ERROR ?
		    pcap_geterr(p) : pcap_statustostr(rc));
}

/* Creates and activates the handle in the namespace the thread is in. */
static pcap_t *
open_here(const char *ifname, int snaplen, bool sll2, char *err,
    size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p;
	int rc;

	if ((p = pcap_create(ifname, ebuf)) == NULL) {
		snprintf(err, errlen, "%s: %s", ifname, ebuf);
		return NULL;
	}
	pcap_set_snaplen(p, snaplen > 0 ? snaplen : CAPTURE_SNAPLEN_DEFAULT);
	pcap_set_buffer_size(p, CAPTURE_BUFFER_BYTES);
	pcap_set_immediate_mode(p, 1);
	pcap_set_promisc(p, 0);
	if ((rc = pcap_activate(p)) < 0) {
		live_error(p, rc, ifname, err, errlen);
		pcap_close(p);
		return NULL;
	}
	/* "any" as SLL2: each packet then carries its interface's index. */
	if (sll2 && strcmp(ifname, "any") == 0)
		(void)pcap_set_datalink(p, DLT_LINUX_SLL2);
	if (pcap_setnonblock(p, 1, ebuf) != 0 || pcap_get_selectable_fd(p) < 0) {
		snprintf(err, errlen, "%s: %s", ifname, ebuf[0] != '\0' ? ebuf :
		    "no selectable descriptor");
		pcap_close(p);
		return NULL;
	}
	return p;
}

struct capture *
capture_open_live(const char *ifname, int snaplen, char *err, size_t errlen)
{
	struct capture *c;
	pcap_t *p;

	if (ifname == NULL)
		ifname = "any";
	if ((p = open_here(ifname, snaplen, false, err, errlen)) == NULL)
		return NULL;
	if ((c = capture_new(p, ifname, true)) == NULL) {
		snprintf(err, errlen, "out of memory");
		pcap_close(p);
	}
	return c;
}

/* The namespace's interfaces by index, read while inside it. */
static void
name_ifaces(struct capture *c, const char *node)
{
	struct if_nameindex *ifs = if_nameindex(), *i;

	if (ifs == NULL)
		return;
	for (i = ifs; i->if_index != 0 && c->niface < MAX_IFACES; i++) {
		c->iface[c->niface].index = i->if_index;
		c->iface[c->niface].where = capture_place(node, i->if_name);
		c->niface++;
	}
	if_freenameindex(ifs);
}

/* Enters netns; on success *back is a descriptor of the namespace to come
 * back to. */
static int
enter_netns(const char *netns, int *back, char *err, size_t errlen)
{
	char path[256];
	int fd;

	snprintf(path, sizeof path, NETNS_DIR "%s", netns);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "namespace %s: %s%s", netns,
		    strerror(errno), errno == ENOENT && strncmp(netns, "pl-", 3)
		    == 0 ? " (is the lab up? punchline lab up)" : "");
		return -1;
	}
	if ((*back = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) < 0 ||
	    setns(fd, CLONE_NEWNET) != 0) {
		snprintf(err, errlen, "namespace %s: %s (entering one needs "
		    "CAP_SYS_ADMIN: run as root)", netns, strerror(errno));
		if (*back >= 0)
			close(*back);
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

struct capture *
capture_open_live_in(const char *netns, const char *node, const char *ifname,
    int snaplen, char *err, size_t errlen)
{
	struct capture *c = NULL;
	char source[300];
	pcap_t *p;
	int back;

	if (enter_netns(netns, &back, err, errlen) != 0)
		return NULL;
	snprintf(source, sizeof source, "%s:%s", node, ifname);
	if ((p = open_here(ifname, snaplen, true, err, errlen)) != NULL &&
	    (c = capture_new(p, source, true)) == NULL) {
		snprintf(err, errlen, "out of memory");
		pcap_close(p);
	}
	if (c != NULL && strcmp(ifname, "any") == 0)
		name_ifaces(c, node);
	else if (c != NULL)
		c->where = capture_place(node, ifname);
	/* The socket stays bound to the namespace it was made in. */
	if (setns(back, CLONE_NEWNET) != 0) {
		snprintf(err, errlen, "cannot come back from %s: %s", netns,
		    strerror(errno));
		capture_free(c);
		c = NULL;
	}
	close(back);
	return c;
}

struct capture *
capture_open_file(const char *path, char *err, size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct capture *c;
	pcap_t *p;

	if ((p = pcap_open_offline(path, ebuf)) == NULL) {
		/* libpcap names the file in some messages, not in others. */
		if (strncmp(ebuf, path, strlen(path)) == 0)
			snprintf(err, errlen, "%s", ebuf);
		else
			snprintf(err, errlen, "%s: %s", path, ebuf);
		return NULL;
	}
	if ((c = capture_new(p, path, false)) == NULL) {
		snprintf(err, errlen, "out of memory");
		pcap_close(p);
	}
	return c;
}

int
capture_set_filter(struct capture *c, const char *filter, char *err,
    size_t errlen)
{
	struct bpf_program prog;
	int rc;

	if (pcap_compile(c->pcap, &prog, filter, 1,
	    PCAP_NETMASK_UNKNOWN) != 0) {
		snprintf(err, errlen, "filter '%s': %s", filter,
		    pcap_geterr(c->pcap));
		return -1;
	}
	rc = pcap_setfilter(c->pcap, &prog);
	pcap_freecode(&prog);
	if (rc != 0) {
		snprintf(err, errlen, "filter '%s': %s", filter,
		    pcap_geterr(c->pcap));
		return -1;
	}
	return 0;
}

int
capture_dump_to(struct capture *c, const char *path, char *err, size_t errlen)
{
	if ((c->dump = pcap_dump_open(c->pcap, path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, pcap_geterr(c->pcap));
		return -1;
	}
	return 0;
}

void
capture_set_count(struct capture *c, uint64_t count)
{
	c->count = count;
}

static void
finish(struct capture *c, const char *err)
{
	if (c->done)
		return;
	c->done = true;
	if (c->ev != NULL)
		event_del(c->ev);
	if (c->dump != NULL)
		pcap_dump_flush(c->dump);
	if (c->on_end != NULL)
		c->on_end(c, err, c->arg);
}

/* The fixed place of the handle, or the interface an SLL2 header names. */
static void
where_of(const struct capture *c, struct capture_pkt *pkt)
{
	uint32_t index = capture_pkt_ifindex(pkt);
	size_t i;

	pkt->where = c->where;
	for (i = 0; index != 0 && i < c->niface; i++)
		if (c->iface[i].index == index)
			pkt->where = c->iface[i].where;
}

static void
got_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
	struct capture *c = (struct capture *)user;
	struct capture_pkt pkt;

	if (c->done)
		return;
	if (c->dump != NULL)
		pcap_dump((u_char *)c->dump, h, bytes);
	pkt.no = ++c->seen;
	pkt.ts = h->ts;
	pkt.len = h->len;
	pkt.caplen = h->caplen;
	pkt.linktype = (uint32_t)pcap_datalink(c->pcap);
	pkt.data = bytes;
	where_of(c, &pkt);
	c->on_packet(&pkt, c->arg);
	if (c->count != 0 && c->seen >= c->count) {
		pcap_breakloop(c->pcap);
		finish(c, NULL);
	}
}

static void
read_error(struct capture *c)
{
	snprintf(c->err, sizeof c->err, "%s: %s", c->source,
	    pcap_geterr(c->pcap));
	finish(c, c->err);
}

/* Live: the fd is readable; take what is there, never block. */
static void
live_readable(evutil_socket_t fd, short what, void *arg)
{
	struct capture *c = arg;
	int n;

	(void)fd;
	(void)what;
	n = pcap_dispatch(c->pcap, -1, got_packet, (u_char *)c);
	if (n == PCAP_ERROR)
		read_error(c);
}

/* File: a batch, then come back on the next loop pass. */
static void
file_batch(evutil_socket_t fd, short what, void *arg)
{
	struct capture *c = arg;
	int n;

	(void)fd;
	(void)what;
	n = pcap_dispatch(c->pcap, FILE_BATCH, got_packet, (u_char *)c);
	if (c->done)
		return;
	if (n == PCAP_ERROR)
		read_error(c);
	else if (n == 0)
		finish(c, NULL);	/* end of file */
	else
		event_active(c->ev, EV_TIMEOUT, 0);
}

int
capture_start(struct capture *c, struct event_base *base,
    capture_packet_fn on_packet, capture_end_fn on_end, void *arg,
    char *err, size_t errlen)
{
	c->on_packet = on_packet;
	c->on_end = on_end;
	c->arg = arg;
	if (c->live)
		c->ev = event_new(base, pcap_get_selectable_fd(c->pcap),
		    EV_READ | EV_PERSIST, live_readable, c);
	else
		c->ev = event_new(base, -1, 0, file_batch, c);
	if (c->ev == NULL || (c->live && event_add(c->ev, NULL) != 0)) {
		snprintf(err, errlen, "%s: cannot watch the capture", c->source);
		return -1;
	}
	if (!c->live)
		event_active(c->ev, EV_TIMEOUT, 0);
	return 0;
}

void
capture_stop(struct capture *c)
{
	if (c != NULL && c->ev != NULL)
		event_del(c->ev);
}

void
capture_free(struct capture *c)
{
	if (c == NULL)
		return;
	if (c->ev != NULL)
		event_free(c->ev);
	if (c->dump != NULL)
		pcap_dump_close(c->dump);
	pcap_close(c->pcap);
	free(c->source);
	free(c);
}

uint32_t
capture_linktype(const struct capture *c)
{
	return (uint32_t)pcap_datalink(c->pcap);
}

int
capture_snaplen(const struct capture *c)
{
	return pcap_snapshot(c->pcap);
}

const char *
capture_source(const struct capture *c)
{
	return c->source;
}

bool
capture_is_live(const struct capture *c)
{
	return c->live;
}

void
capture_get_stats(struct capture *c, struct capture_stats *st)
{
	struct pcap_stat ps;

	memset(st, 0, sizeof *st);
	st->seen = c->seen;
	if (c->live && pcap_stats(c->pcap, &ps) == 0) {
		st->received = ps.ps_recv;
		st->dropped = ps.ps_drop;
		st->if_dropped = ps.ps_ifdrop;
	}
}
