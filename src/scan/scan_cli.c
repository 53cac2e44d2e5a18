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

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "scan_cli.h"
#include "scan_job.h"

const char scan_cli_usage[] =
    "usage: punchline scan TARGET [-p PORTS | --top N] [--connect|--syn|--udp]\n"
    "                      [--banners] [--banner-wait S] [--rate N]\n"
    "                      [--max-inflight N] [--closed] [--json]\n"
    "TARGET: a host name, an IPv4 or IPv6 address, or a.b.c.d/N (at most /20).\n"
    "PORTS: 22,80,443 or 1-1024 or - (all 65535). Default: 1-1024 and the\n"
    "       top ports list (assets/scan/top-ports).\n"
    "--connect: TCP connect scan, any user (the default).\n"
    "--syn: TCP SYN scan (half-open), needs CAP_NET_RAW.\n"
    "--udp: UDP scan, any user (ICMP errors through IP_RECVERR).\n"
    "--banners: read what open ports say and guess the service.\n"
    "--rate N: at most N connects a second. --max-inflight N: at most N at once.\n";

struct scan_args {
	const char	*target, *ports;
	long		 top;
	bool		 json, banners, closed, typed;
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
set_type(struct scan_args *a, enum scan_type t)
{
	if (a->typed && a->type != t)
		return usage_error("%s", "one kind of scan at a time: --connect, "
		    "--syn or --udp");
	a->typed = true;
	a->type = t;
	return -1;
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
	case 'C': case 'S': case 'U':
		return set_type(a, c == 'S' ? SCAN_SYN : c == 'U' ? SCAN_UDP :
		    SCAN_CONNECT);
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
	struct loop	*loop;
	struct scan_job	*job;
	int		 status;
};

static void
on_done(void *arg, int status)
{
	struct run *r = arg;

	r->status = status;
	loop_exit(r->loop);
}

static void
on_signal(int sig, void *arg)
{
	struct run *r = arg;

	(void)sig;
	scan_job_stop(r->job);	/* on_done(1) ends the loop */
}

static int
run_scan(const struct scan_args *a, const struct scan_request *req)
{
	struct run r = { 0 };
	struct evlog log;
	char err[320];

	if ((r.loop = loop_new()) == NULL || evlog_init(&log, 256) != 0) {
		fprintf(stderr, "punchline scan: cannot start the loop\n");
		loop_free(r.loop);
		return 1;
	}
	evlog_subscribe(&log, a->json ? evjson_consumer : print_text,
	    a->json ? (void *)stdout : NULL);
	if ((r.job = scan_job_new(r.loop, &log, req, on_done, &r, err,
	    sizeof err)) == NULL)
		r.status = usage_error("%s", err);
	else {
		loop_on_signal(r.loop, SIGINT, on_signal, &r);
		loop_on_signal(r.loop, SIGTERM, on_signal, &r);
		loop_run(r.loop);
		if (r.status == 2)
			fprintf(stderr, "punchline scan: %s\n", scan_job_error(r.job));
	}
	scan_job_free(r.job);
	loop_free(r.loop);
	evlog_free(&log);
	return r.status;
}

int
scan_cli_main(int argc, char **argv)
{
	struct scan_args a = { 0 };
	struct scan_request req = { 0 };
	int rc;

	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	req.target = a.target;
	req.ports = a.ports;
	req.top = (size_t)a.top;
	req.type = a.type;
	req.banners = a.banners;
	req.report_closed = a.closed;
	req.rate = a.rate;
	req.max_inflight = a.inflight;
	req.banner_wait = a.banner_wait;
	return run_scan(&a, &req);
}
