/*
 * capture_cli.c: `punchline capture`. One line per packet like
 * `tcpdump -nn` (-S as there), or with --json one object per packet and line (see
 * capture_json.h). Live capture needs CAP_NET_RAW and says so; -r needs
 * nothing. A damaged file: the packets before the damage, then the error
 * naming the file, exit status 1. -i NODE:IF and --lab capture inside
 * network namespaces (each packet then says where it was seen); --ladder
 * prints the mesh datagrams as ladder arrows (ladder.h) instead.
 */
#include <getopt.h>
#include <signal.h>
#include <sys/time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../protocols/dissect.h"
#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/priv.h"
#include "../core/strbuf.h"
#include "capture.h"
#include "capture_cli.h"
#include "capture_events.h"
#include "capture_flows.h"
#include "capture_flows_fmt.h"
#include "capture_json.h"
#include "capture_ring.h"
#include "capture_tcpseq.h"
#include "capture_tapdump.h"
#include "capture_text.h"
#include "ladder_out.h"

#define MAX_SOURCES	8

const char capture_cli_usage[] =
    "usage: punchline capture [-i [NODE:]IF]... [--lab] [-f FILTER] [-r FILE]\n"
    "                         [-w FILE] [-c COUNT] [--snaplen N] [--ring N] [-S]\n"
    "                         [--flows] [--ladder] [--json]\n"
    "-i IF: a live capture on IF (\"any\", the default, is every interface);\n"
    "       up to 8 -i at once. Needs CAP_NET_RAW. NODE:IF captures on IF\n"
    "       inside NODE's network namespace (a lab node, or a name under\n"
    "       /run/netns; entering it needs root); each packet then says\n"
    "       where it was seen.\n"
    "--lab: capture in each of the lab's alice, nat-a, rendezvous, nat-b and\n"
    "       bob (every interface there), so both sides of each NAT are seen.\n"
    "       With -r: the file came from --lab -w; name the places again.\n"
    "--ladder: print punchline's mesh datagrams as a ladder instead: one\n"
    "       arrow per datagram, its copies merged, addresses before and\n"
    "       after each NAT, \"dropped at nat-b\" where a NAT stopped it.\n"
    "-r FILE: read a pcap or pcapng file (\"-\": stdin) instead; any user.\n"
    "-f FILTER: a BPF filter, as tcpdump takes it (\"udp port 53\").\n"
    "-w FILE: also write every packet to FILE (pcap; with --lab in\n"
    "       LINUX_SLL2, each packet's interface number naming its place).\n"
    "-c COUNT: stop after COUNT packets. --snaplen N: bytes kept of each\n"
    "       live packet (default 256).\n"
    "--ring N: keep the last N packets in memory; with -w, write only those,\n"
    "       at the end (a flight recorder). Says the ring's size on stderr.\n"
    "-S: absolute TCP sequence numbers (default: relative, as tcpdump).\n"
    "--flows: instead of the packets, at the end one line per flow (protocol,\n"
    "       both endpoints, packets and bytes in all and each way, first and\n"
    "       last packet), the most bytes first; with --json \"flow\" objects.\n"
    "--json: one JSON object per packet and line, with the decoded layers.\n";

struct capture_args {
	const char	*ifname[MAX_SOURCES];
	size_t		 nif;
	const char	*filter, *read, *write;
	long		 count, snaplen, ring;
	bool		 json, absolute, flows, lab, ladder;
};

struct run {
	struct loop	*loop;
	struct evlog	 log;
	struct capture	*cap[MAX_SOURCES];
	size_t		 ncap, ended;
	uint64_t	 no, limit;
	bool		 json, many, live;
	struct strbuf	 line;
	struct dissect	 dissect;
	struct capture_ring *ring;	/* --ring, or NULL */
	struct tcpseq	*seqs;		/* NULL with -S */
	struct capture_flows *flows;	/* --flows, or NULL */
	const struct capture_lab *lab;	/* --lab: its places, else NULL */
	struct tapdump	*tapdump;	/* --lab -w */
	struct ladder	*ladder;	/* --ladder */
	int		 status;
};

static const struct cli_cmd cmd = { "capture", capture_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
}

static int
parse_option(int c, void *arg)
{
	struct capture_args *a = arg;

	switch (c) {
	case 'i':
		if (a->nif == MAX_SOURCES)
			return usage_error("%s", "at most 8 -i at once");
		a->ifname[a->nif++] = optarg;
		return -1;
	case 'f':	a->filter = optarg; return -1;
	case 'r':	a->read = optarg; return -1;
	case 'w':	a->write = optarg; return -1;
	case 'j':	a->json = true; return -1;
	case 'S':	a->absolute = true; return -1;
	case 'F':	a->flows = true; return -1;
	case 'L':	a->lab = true; return -1;
	case 'D':	a->ladder = true; return -1;
	case 'c':
		if (cli_number(optarg, 1, 2000000000L, &a->count) != 0)
			return usage_error("-c '%s': want a count of 1 or more",
			    optarg);
		return -1;
	case 's':
		if (cli_number(optarg, 64, 262144, &a->snaplen) != 0)
			return usage_error("--snaplen '%s': want 64-262144",
			    optarg);
		return -1;
	case 'R':
		if (cli_number(optarg, 1, 100000000L, &a->ring) != 0)
			return usage_error("--ring '%s': want 1-100000000", optarg);
		return -1;
	case 'h':
		fputs(capture_cli_usage, stdout);
		return 0;
	}
	return usage_error("%s", "unknown option");
}

static int
parse_args(int argc, char **argv, struct capture_args *a)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "snaplen", required_argument, NULL, 's' },
		{ "ring", required_argument, NULL, 'R' },
		{ "flows", no_argument, NULL, 'F' },
		{ "lab", no_argument, NULL, 'L' },
		{ "ladder", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int rc;

	if ((rc = cli_options(&cmd, argc, argv, "hSi:f:r:w:c:", longopts,
	    parse_option, a)) >= 0)
		return rc;
	if (optind < argc && a->filter == NULL && optind == argc - 1)
		a->filter = argv[optind++];	/* tcpdump's trailing filter */
	if ((rc = cli_no_more(&cmd, argc, argv)) >= 0)
		return rc;
	if (a->read != NULL && a->nif > 0)
		return usage_error("%s", "-r and -i do not go together");
	if (a->lab && a->nif > 0)
		return usage_error("%s", "--lab and -i do not go together");
	if (a->lab && a->ring > 0)
		return usage_error("%s", "--lab and --ring do not go together");
	return -1;
}

static void
stop_all(struct run *r)
{
	size_t i;

	for (i = 0; i < r->ncap; i++)
		capture_stop(r->cap[i]);
	loop_exit(r->loop);
}

static void
print_packet(struct run *r, const struct capture_pkt *pkt,
    enum decode_status st)
{
	sb_reset(&r->line);
	if (r->json)
		capture_json_packet(&r->line, pkt, &r->dissect, st);
	else
		capture_text_line(&r->line, pkt, &r->dissect, r->seqs);
	sb_addc(&r->line, '\n');
	fwrite(r->line.buf, 1, r->line.len, stdout);
}

static void
print_arrow(const struct ladder *l, const struct ladder_arrow *a, void *arg)
{
	struct run *r = arg;

	sb_reset(&r->line);
	if (r->json)
		ladder_json_line(&r->line, l, a);
	else
		ladder_text_line(&r->line, l, a);
	sb_addc(&r->line, '\n');
	fwrite(r->line.buf, 1, r->line.len, stdout);
}

/* --flows: the table at the end, the most bytes first. */
static void
print_flows(struct run *r)
{
	static const struct capture_flow *list[CAPTURE_FLOWS_MAX];
	size_t i, n;

	n = capture_flows_list(r->flows, list, CAPTURE_FLOWS_MAX,
	    FLOW_BY_BYTES, capture_flows_newest(r->flows));
	for (i = 0; i < n; i++) {
		sb_reset(&r->line);
		if (r->json)
			capture_flow_json(&r->line, list[i]);
		else
			capture_flow_text(&r->line, list[i]);
		sb_addc(&r->line, '\n');
		fwrite(r->line.buf, 1, r->line.len, stdout);
	}
}

/* --lab: a live packet's place into the file; a packet read back gets
 * its place from the number the file kept. */
static void
lab_place(struct run *r, struct capture_pkt *pkt)
{
	const struct ladder_roles *roles = &r->lab->roles;
	uint32_t tap;

	if (r->tapdump != NULL)
		tapdump_write(r->tapdump, pkt,
		    (uint32_t)(ladder_tap_index(roles, capture_pkt_where(pkt)) + 1));
	if (!r->live && (tap = capture_pkt_ifindex(pkt)) >= 1 &&
	    tap <= roles->ntap)
		pkt->where = roles->tap[tap - 1];
}

static void
on_packet(const struct capture_pkt *p, void *arg)
{
	struct run *r = arg;
	struct capture_pkt pkt = *p;
	enum decode_status st;

	if (r->limit != 0 && r->no >= r->limit)
		return;
	pkt.no = ++r->no;
	if (r->lab != NULL)
		lab_place(r, &pkt);
	if (r->ring != NULL && !capture_ring_push(r->ring, &pkt))
		r->status = 1;
	st = dissect_packet(pkt.linktype, pkt.data, pkt.caplen, &r->dissect);
	if (r->ladder != NULL) {
		ladder_add(r->ladder, &pkt, &r->dissect);
		if (!r->live)	/* a file's own clock ends its arrows */
			ladder_flush(r->ladder, &pkt.ts, print_arrow, r);
	} else if (r->flows != NULL) {
		capture_flows_add(r->flows, &pkt, &r->dissect);
	} else {
		print_packet(r, &pkt, st);
	}
	if (r->limit != 0 && r->no >= r->limit)
		stop_all(r);
}

static void
on_end(struct capture *c, const char *err, void *arg)
{
	struct run *r = arg;

	if (err != NULL) {
		capture_report_error(&r->log, capture_source(c), err);
		r->status = 1;
	}
	if (++r->ended == r->ncap)
		loop_exit(r->loop);
}

/* Live output reaches a pipe within a tenth of a second, without a write
 * per packet (which costs more than decoding it). */
static void
flush_tick(evutil_socket_t fd, short what, void *arg)
{
	struct run *r = arg;
	struct timeval now;

	(void)fd;
	(void)what;
	if (r->ladder != NULL) {
		gettimeofday(&now, NULL);
		ladder_flush(r->ladder, &now, print_arrow, r);
	}
	tapdump_flush(r->tapdump);
	fflush(stdout);
}

static void
on_signal(int sig, void *arg)
{
	(void)sig;
	stop_all(arg);
}

/* -i IF, or -i NODE:IF inside NODE's namespace. */
static struct capture *
open_iface(const struct capture_args *a, const struct capture_lab *lab,
    const char *spec, char *err, size_t errlen)
{
	const char *colon = strchr(spec, ':');
	char node[64], ns[64];

	if (colon == NULL)
		return capture_open_live(spec, (int)a->snaplen, err, errlen);
	snprintf(node, sizeof node, "%.*s", (int)(colon - spec), spec);
	if (lab == NULL || lab->netns_of == NULL ||
	    !lab->netns_of(node, ns, sizeof ns))
		snprintf(ns, sizeof ns, "%s", node);
	return capture_open_live_in(ns, node, colon + 1, (int)a->snaplen, err,
	    errlen);
}

static struct capture *
open_source(const struct capture_args *a, const struct capture_lab *lab,
    size_t i, char *err, size_t errlen)
{
	const struct ladder_role *role;

	if (a->read != NULL)
		return capture_open_file(a->read, err, errlen);
	if (a->lab) {
		role = &lab->roles.role[i];
		return capture_open_live_in(role->netns, role->name, "any",
		    (int)a->snaplen, err, errlen);
	}
	return open_iface(a, lab, a->nif > 0 ? a->ifname[i] : "any", err,
	    errlen);
}

/* Opens every source (the privileged part) and sets the filter. */
static int
open_sources(const struct capture_args *a, const struct capture_lab *lab,
    struct run *r, char *err, size_t errlen)
{
	size_t i, n = a->read != NULL ? 1 : a->lab ? lab->roles.nrole :
	    a->nif > 0 ? a->nif : 1;

	for (i = 0; i < n && i < MAX_SOURCES; i++) {
		if ((r->cap[i] = open_source(a, lab, i, err, errlen)) == NULL)
			return -1;
		r->ncap++;
		if (a->filter != NULL &&
		    capture_set_filter(r->cap[i], a->filter, err, errlen) != 0)
			return -2;
	}
	return 0;
}

static void
report_stats(struct run *r)
{
	struct capture_stats st;
	size_t i;

	for (i = 0; i < r->ncap; i++) {
		capture_get_stats(r->cap[i], &st);
		capture_report_stats(&r->log, capture_source(r->cap[i]), &st);
	}
}

/* Errors and pcap_stats on stderr, the way tcpdump words them. */
static void
stderr_consumer(const struct ev *ev, void *arg)
{
	const struct ev_field *f;

	(void)arg;
	fflush(stdout);		/* the packets before the damage come first */
	if (strcmp(ev->kind, "error") == 0)
		fprintf(stderr, "punchline capture: %s\n", ev_get_str(ev, "why"));
	else if (strcmp(ev->kind, "stats") == 0) {
		if ((f = ev_find(ev, "captured")) != NULL)
			fprintf(stderr, "%lld packets captured\n", (long long)f->v.i);
		if ((f = ev_find(ev, "received")) != NULL)
			fprintf(stderr, "%lld packets received by filter\n",
			    (long long)f->v.i);
		if ((f = ev_find(ev, "dropped")) != NULL)
			fprintf(stderr, "%lld packets dropped by kernel\n",
			    (long long)f->v.i);
	} else if (strcmp(ev->kind, "saved") == 0)
		fprintf(stderr, "ring: %s\n", ev_get_str(ev, "text"));
}

static int
start_sources(const struct capture_args *a, struct run *r, char *err,
    size_t errlen)
{
	size_t i;

	if (a->lab && r->live && a->write != NULL &&
	    (r->tapdump = tapdump_open(a->write, (int)a->snaplen, err,
	    errlen)) == NULL)
		return -1;
	if (r->ncap > 1 && a->write != NULL && r->ring == NULL &&
	    r->tapdump == NULL) {
		snprintf(err, errlen, "-w takes one source (or --lab)");
		return -1;
	}
	for (i = 0; i < r->ncap; i++) {
		if (a->write != NULL && r->ring == NULL && r->tapdump == NULL &&
		    capture_dump_to(r->cap[i], a->write, err, errlen) != 0)
			return -1;
		if (capture_start(r->cap[i], loop_base(r->loop), on_packet,
		    on_end, r, err, errlen) != 0)
			return -1;
		if (r->live)
			capture_report_started(&r->log,
			    capture_source(r->cap[i]), a->filter);
	}
	return 0;
}

/* --ring: its size on stderr; with -w, the packets it kept into the file. */
static void
finish_ring(const struct capture_args *a, struct run *r)
{
	char err[CAPTURE_ERR_MAX];
	long n;

	fprintf(stderr, "ring: %zu packets kept of %zu, %zu bytes\n",
	    capture_ring_count(r->ring), capture_ring_capacity(r->ring),
	    capture_ring_memory(r->ring));
	if (a->write == NULL)
		return;
	if ((n = capture_ring_save(r->ring, a->write, err, sizeof err)) < 0) {
		capture_report_error(&r->log, NULL, err);
		r->status = 1;
	} else
		capture_report_saved(&r->log, a->write, n);
}

static int
run_capture(const struct capture_args *a, const struct capture_lab *lab)
{
	static char outbuf[1 << 16];
	struct timeval tenth = { 0, 100000 };
	struct event *tick = NULL;
	struct run r = { 0 };
	char err[CAPTURE_ERR_MAX];
	int rc;
	size_t i;

	r.json = a->json;
	r.limit = (uint64_t)a->count;
	r.live = a->read == NULL;
	r.lab = a->lab ? lab : NULL;
	sb_init(&r.line);
	setvbuf(stdout, outbuf, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF,
	    sizeof outbuf);
	if (a->ring > 0 && (r.ring = capture_ring_new((size_t)a->ring)) == NULL) {
		fprintf(stderr, "punchline capture: no memory for the ring\n");
		return 1;
	}
	if (a->flows && (r.flows = capture_flows_new(0)) == NULL) {
		fprintf(stderr, "punchline capture: no memory for the flows\n");
		capture_ring_free(r.ring);
		return 1;
	}
	if (!a->json && !a->absolute && (r.seqs = tcpseq_new()) == NULL) {
		fprintf(stderr, "punchline capture: out of memory\n");
		capture_ring_free(r.ring);
		capture_flows_free(r.flows);
		return 1;
	}
	if ((r.loop = loop_new()) == NULL || evlog_init(&r.log, 64) != 0 ||
	    (a->ladder && (r.ladder = ladder_new(r.lab != NULL ?
	    &r.lab->roles : NULL, LADDER_ARROWS_DEFAULT)) == NULL)) {
		fprintf(stderr, "punchline capture: cannot start the loop\n");
		loop_free(r.loop);
		capture_ring_free(r.ring);
		tcpseq_free(r.seqs);
		capture_flows_free(r.flows);
		return 1;
	}
	evlog_subscribe(&r.log, stderr_consumer, NULL);
	if (r.json)
		evlog_subscribe(&r.log, evjson_consumer, stdout);
	if ((rc = open_sources(a, lab, &r, err, sizeof err)) != 0 ||
	    priv_drop(NULL, err, sizeof err) != 0 ||
	    start_sources(a, &r, err, sizeof err) != 0) {
		capture_report_error(&r.log, NULL, err);
		r.status = rc == -2 ? 2 : 1;
	} else {
		loop_on_signal(r.loop, SIGINT, on_signal, &r);
		loop_on_signal(r.loop, SIGTERM, on_signal, &r);
		if (r.live && (tick = event_new(loop_base(r.loop), -1,
		    EV_PERSIST, flush_tick, &r)) != NULL)
			event_add(tick, &tenth);
		loop_run(r.loop);
		if (tick != NULL)
			event_free(tick);
		if (r.flows != NULL)
			print_flows(&r);
		if (r.ladder != NULL)	/* the rest, grace or not */
			ladder_flush(r.ladder, NULL, print_arrow, &r);
		fflush(stdout);
		if (r.live)
			report_stats(&r);
		if (r.ring != NULL)
			finish_ring(a, &r);
	}
	for (i = 0; i < r.ncap; i++)
		capture_free(r.cap[i]);
	loop_free(r.loop);
	evlog_free(&r.log);
	capture_ring_free(r.ring);
	tcpseq_free(r.seqs);
	capture_flows_free(r.flows);
	tapdump_close(r.tapdump);
	ladder_free(r.ladder);
	sb_free(&r.line);
	fflush(stdout);
	return r.status;
}

int
capture_cli_main(int argc, char **argv, const struct capture_lab *lab)
{
	struct capture_args a = { .snaplen = CAPTURE_SNAPLEN_DEFAULT };
	int rc;

	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	if (a.lab && (lab == NULL || lab->roles.nrole == 0))
		return usage_error("%s", "--lab: no lab roles known");
	return run_capture(&a, lab);
}
