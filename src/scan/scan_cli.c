/*
 * scan_cli.c: `punchline scan TARGET`. Greppable lines by default
 * ("127.0.0.1 22/tcp open syn-ack ssh SSH-2.0-..."), or with --json one
 * object per port and line, then a "done" object with the counts. Every
 * open and filtered port gets its line; closed ones only with --closed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cli.h"
#include "../core/cli_run.h"
#include "scan_cli.h"
#include "scan_job.h"

const char scan_cli_usage[] =
    "usage: punchline scan TARGET [-p PORTS | --top N] [--connect|--syn|--udp]\n"
    "                      [--banners] [--banner-wait S] [--rate N]\n"
    "                      [--max-inflight N] [--closed] [--json]\n"
    "TARGET: a host name, an IPv4 or IPv6 address, or a.b.c.d/N (at most /20).\n"
    "PORTS: 22,80,443 or 1-1024 or - (all 65535). Default: 1-1024 and the\n"
    "       top ports list (assets/scan/top-ports). -p, --ports PORTS;\n"
    "       --top N: the first N of that list (with -p: both).\n"
    "--connect: TCP connect scan, any user (the default).\n"
    "--syn: TCP SYN scan (half-open), needs CAP_NET_RAW.\n"
    "--udp: UDP scan, any user (ICMP errors through IP_RECVERR).\n"
    "--banners: read what open ports say and guess the service;\n"
    "       --banner-wait S: how long to wait for it (1-30, default 2).\n"
    "--rate N: at most N probes a second. --max-inflight N: at most N at once.\n"
    "--closed: closed ports get a line too (else only counted).\n"
    "--json: a \"port\" object per port, then \"done\" with the counts.\n";

struct scan_args {
	const char	*target, *ports;
	long		 top;
	bool		 json, banners, closed, typed;
	enum scan_type	 type;
	unsigned	 rate, inflight;
	double		 banner_wait;
};

static const struct cli_cmd cmd = { "scan", scan_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
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
parse_option(int c, void *arg)
{
	struct scan_args *a = arg;
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
	int rc;

	if ((rc = cli_options(&cmd, argc, argv, "hp:", longopts, parse_option,
	    a)) >= 0)
		return rc;
	return cli_operand(&cmd, argc, argv, "TARGET", &a->target);
}

static void
print_text(const struct ev *ev, void *arg)
{
	const char *banner = ev_get_str(ev, "banner"), *svc = ev_get_str(ev, "service");

	(void)arg;
	if (strcmp(ev->kind, "port") == 0) {
		const struct ev_field *port = ev_find(ev, "port");

		printf("%s %lld/%s %s %s%s%s%s%s\n", ev_get_str(ev, "host"),
		    port != NULL ? (long long)port->v.i : 0LL, ev_get_str(ev, "proto"),
		    ev_get_str(ev, "state"), ev_get_str(ev, "reason"),
		    svc != NULL ? " " : "", svc != NULL ? svc : "",
		    banner != NULL ? " " : "", banner != NULL ? banner : "");
	} else if (strcmp(ev->kind, "done") == 0)
		cli_print_event(ev, NULL);
	fflush(stdout);
}

static void
on_signal(int sig, void *job)
{
	(void)sig;
	scan_job_stop(job);	/* its done (status 1) ends the loop */
}

static int
run_scan(const struct scan_args *a, const struct scan_request *req)
{
	struct cli_run run;
	struct scan_job *job;
	char err[320];

	if (cli_run_start(&run, cmd.name, 256, a->json, print_text) != 0)
		return 1;
	if ((job = scan_job_new(run.loop, &run.log, req, cli_run_done, &run,
	    err, sizeof err)) == NULL)
		run.status = usage_error("%s", err);
	else {
		cli_run_on_stop(&run, on_signal, job);
		loop_run(run.loop);
		if (run.status == 2)
			fprintf(stderr, "punchline scan: %s\n", scan_job_error(job));
	}
	scan_job_free(job);
	cli_run_end(&run);
	return run.status;
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
