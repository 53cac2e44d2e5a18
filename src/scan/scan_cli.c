/*
 * scan_cli.c: `punchline scan TARGET`. Greppable lines by default
 * ("127.0.0.1 22/tcp open syn-ack ssh SSH-2.0-..."), or with --json one
 * object per port and line, then a "done" object with the counts. Every
 * open and filtered port gets its line; closed ones only with --closed.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assets.h"
#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "scan.h"
#include "scan_cli.h"
#include "scan_resolve.h"

const char scan_cli_usage[] =
    "usage: punchline scan TARGET [-p PORTS | --top N] [--connect|--syn|--udp]\n"
    "                      [--banners] [--banner-wait S] [--rate N]\n"
    "                      [--max-inflight N] [--closed] [--json]\n"
    "TARGET: a host name, an IPv4 or IPv6 address, or a.b.c.d/N (at most /20).\n"
    "PORTS: 22,80,443 or 1-1024 or - (all 65535). Default: 1-1024 and the\n"
    "       top ports list (assets/scan/top-ports).\n"
    "--connect: TCP connect scan, any user (the default). --syn is not\n"
    "       built yet. --udp: UDP scan, any user (ICMP errors via IP_RECVERR).\n"
    "--banners: read what open ports say and guess the service.\n"
    "--rate N: at most N connects a second. --max-inflight N: at most N at once.\n";

struct scan_args {
	const char	*target, *ports;
	long		 top;
	bool		 json, banners, closed;
	enum scan_type	 type;
	unsigned	 rate, inflight;
	double		 banner_wait;
};

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error("scan", scan_cli_usage, fmt, arg);
}

static int
parse_option(int c, struct scan_args *a)
{
	long n;

	switch (c) {
	case 'p':	a->ports = optarg; return -1;
	case 'j':	a->json = true; return -1;
	case 'b':	a->banners = true; return -1;
	case 'c':	a->closed = true; return -1;
	case 'C':	a->type = SCAN_CONNECT; return -1;
	case 'U':	a->type = SCAN_UDP; return -1;
	case 'S':
		return usage_error("%s", "--syn is not built yet (it will need "
		    "CAP_NET_RAW); use --connect");
	case 't':
		if (cli_number(optarg, 1, 65535, &a->top) != 0)
			return usage_error("--top '%s': want 1-65535", optarg);
		return -1;
	case 'r':
		if (cli_number(optarg, 1, 1000000, &n) != 0)
			return usage_error("--rate '%s': want 1-1000000", optarg);
		a->rate = (unsigned)n;
		return -1;
	case 'm':
		if (cli_number(optarg, 1, 65536, &n) != 0)
			return usage_error("--max-inflight '%s': want 1-65536", optarg);
		a->inflight = (unsigned)n;
		return -1;
	case 'w':
		if (cli_number(optarg, 1, 30, &n) != 0)
			return usage_error("--banner-wait '%s': want 1-30 s", optarg);
		a->banner_wait = (double)n;
		return -1;
	case 'h':
		fputs(scan_cli_usage, stdout);
		return 0;
	}
	return usage_error("unknown option '%s'", optarg != NULL ? optarg : "?");
}

static int
parse_args(int argc, char **argv, struct scan_args *a)
{
	static const struct option longopts[] = {
		{ "ports", required_argument, NULL, 'p' },
		{ "top", required_argument, NULL, 't' },
		{ "connect", no_argument, NULL, 'C' },
		{ "syn", no_argument, NULL, 'S' },
		{ "udp", no_argument, NULL, 'U' },
		{ "banners", no_argument, NULL, 'b' },
		{ "banner-wait", required_argument, NULL, 'w' },
		{ "rate", required_argument, NULL, 'r' },
		{ "max-inflight", required_argument, NULL, 'm' },
		{ "closed", no_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;

	optind = 0;	/* 0: glibc starts over, forgetting main's "+" */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hp:", longopts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return usage_error("bad option '%s'", argv[optind - 1]);
		if ((rc = parse_option(c, a)) >= 0)
			return rc;
	}
	if (optind >= argc)
		return usage_error("%s", "no TARGET");
	a->target = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return -1;
}

static int
add_top(struct port_set *ps, size_t n, char *err, size_t errlen)
{
	size_t len;
	char *text = assets_read("scan/top-ports", &len);
	int rc;

	if (text == NULL) {
		snprintf(err, errlen, "assets/scan/top-ports: cannot read it");
		return -1;
	}
	rc = ports_add_top(ps, text, n, err, errlen);
	free(text);
	return rc;
}

/* -p and --top together add up; neither means 1-1024 and the whole top
 * list (0 to ports_add_top: every port of it). */
static int
choose_ports(const struct scan_args *a, struct port_set *ps, char *err,
    size_t errlen)
{
	if (a->ports != NULL && ports_parse(ps, a->ports, err, errlen) != 0)
		return -1;
	if (a->top > 0 && add_top(ps, (size_t)a->top, err, errlen) != 0)
		return -1;
	if (a->ports == NULL && a->top == 0)
		return ports_parse(ps, "1-1024", err, errlen) != 0 ? -1 :
		    add_top(ps, 0, err, errlen);
	return 0;
}

static void
print_text(const struct ev *ev, void *arg)
{
	const char *banner = ev_get_str(ev, "banner"), *svc = ev_get_str(ev, "service");
	char line[512];

	(void)arg;
	if (strcmp(ev->kind, "port") == 0) {
		const struct ev_field *port = ev_find(ev, "port");

		printf("%s %lld/%s %s %s%s%s%s%s\n", ev_get_str(ev, "host"),
		    port != NULL ? (long long)port->v.i : 0LL, ev_get_str(ev, "proto"),
		    ev_get_str(ev, "state"), ev_get_str(ev, "reason"),
		    svc != NULL ? " " : "", svc != NULL ? svc : "",
		    banner != NULL ? " " : "", banner != NULL ? banner : "");
	} else if (strcmp(ev->kind, "done") == 0) {
		ev_format_text(ev, line, sizeof line);
		printf("%s\n", line);
	}
	fflush(stdout);
}

struct run {
	struct loop		*loop;
	struct evlog		 log;
	struct scan		*scan;
	struct target_lookup	*lookup;
	const struct scan_config *cfg;
	int			 status;
};

static void
finished(void *arg)
{
	loop_exit(((struct run *)arg)->loop);
}

static void
on_signal(int sig, void *arg)
{
	struct run *r = arg;

	(void)sig;
	if (r->scan != NULL)
		scan_stop(r->scan);
	r->status = 1;
	loop_exit(r->loop);
}

static void
start_scan(struct run *r)
{
	char err[256];

	if ((r->scan = scan_new(r->loop, &r->log, r->cfg, err, sizeof err)) == NULL) {
		fprintf(stderr, "punchline scan: %s\n", err);
		r->status = 1;
		loop_exit(r->loop);
		return;
	}
	scan_start(r->scan, finished, r);
}

/* An unknown host is a usage error, as a bad address is. */
static void
on_lookup(void *arg, const char *why)
{
	struct run *r = arg;

	if (why != NULL) {
		r->status = usage_error("%s", why);
		loop_exit(r->loop);
		return;
	}
	start_scan(r);
}

static int
run_scan(const struct scan_args *a, const struct scan_config *cfg,
    struct scan_target *target, bool lookup)
{
	struct run r = { .cfg = cfg };
	char err[320];

	if ((r.loop = loop_new()) == NULL || evlog_init(&r.log, 256) != 0) {
		fprintf(stderr, "punchline scan: cannot start the loop\n");
		loop_free(r.loop);
		return 1;
	}
	evlog_subscribe(&r.log, a->json ? evjson_consumer : print_text,
	    a->json ? (void *)stdout : NULL);
	loop_on_signal(r.loop, SIGINT, on_signal, &r);
	loop_on_signal(r.loop, SIGTERM, on_signal, &r);
	if (!lookup)
		start_scan(&r);
	else if ((r.lookup = target_lookup_start(r.loop, target, on_lookup, &r,
	    err, sizeof err)) == NULL)
		r.status = usage_error("%s", err);
	if (r.status == 0)
		loop_run(r.loop);
	target_lookup_free(r.lookup);
	scan_free(r.scan);
	loop_free(r.loop);
	evlog_free(&r.log);
	return r.status;
}

int
scan_cli_main(int argc, char **argv)
{
	struct scan_args a = { 0 };
	struct scan_config cfg = { 0 };
	struct scan_target target = { 0 };
	struct port_set ports;
	char err[320];
	size_t slen = 0;
	int rc, lookup = 0;

	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	ports_init(&ports);
	if (choose_ports(&a, &ports, err, sizeof err) != 0 ||
	    (lookup = target_parse(a.target, &target, err, sizeof err)) < 0) {
		ports_free(&ports);
		target_free(&target);
		return usage_error("%s", err);
	}
	if (a.banners && a.type == SCAN_UDP) {
		ports_free(&ports);
		target_free(&target);
		return usage_error("%s", "--banners is for TCP scans (a UDP scan "
		    "shows what an open port answers anyway)");
	}
	cfg.type = a.type;
	cfg.target = &target;
	cfg.ports = &ports;
	cfg.rate = a.rate;
	cfg.max_inflight = a.inflight;
	cfg.banners = a.banners;
	cfg.report_closed = a.closed;
	cfg.banner_wait = a.banner_wait;
	cfg.services = a.banners ? assets_read("scan/services", &slen) : NULL;
	cfg.services_len = slen;
	if (a.type == SCAN_UDP &&
	    (cfg.udp_probes = assets_read("scan/udp-probes", &slen)) != NULL)
		cfg.udp_probes_len = slen;
	rc = run_scan(&a, &cfg, &target, lookup == TARGET_NEEDS_LOOKUP);
	free((char *)cfg.services);
	free((char *)cfg.udp_probes);
	ports_free(&ports);
	target_free(&target);
	return rc;
}
