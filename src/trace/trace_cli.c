/*
 * trace_cli.c: `punchline trace HOST`. A report like `mtr -r` by default,
 * or with --json one "hop" object per hop and line, then "done".
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/cli.h"
#include "../core/cli_run.h"
#include "trace_job.h"
#include "trace_cli.h"

const char trace_cli_usage[] =
    "usage: punchline trace HOST [--udp|--icmp|--tcp] [--cycles N]\n"
    "                       [--max-ttl N] [--first-ttl N] [--interval S]\n"
    "                       [--timeout S] [--port P] [-n] [--probes] [--json]\n"
    "--udp: UDP probes, any user (the default). --icmp: ICMP echo and --tcp:\n"
    "       TCP SYN probes (port 80 unless --port), both need CAP_NET_RAW.\n"
    "--cycles N: rounds of probes (default 10); --interval S between rounds\n"
    "       (default 1); --timeout S a probe is waited for (default 2).\n"
    "--first-ttl N, --max-ttl N: the TTLs probed (1-64; default 1 and 30).\n"
    "--port P: UDP's first port (default 33434, one more per TTL), or\n"
    "       TCP's port (default 80).\n"
    "-n, --numeric: no reverse DNS (names come from /etc/hosts and DNS).\n"
    "--probes: with --json, a \"probe\" object per answer as it comes.\n"
    "Prints a report like mtr -r, or with --json one \"hop\" object per line.\n";

struct trace_args {
	const char		*host;
	bool			 json, typed;
	struct trace_config	 cfg;
};

static const struct cli_cmd cmd = { "trace", trace_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
}

static int
set_method(struct trace_args *a, enum trace_method m)
{
	if (a->typed && a->cfg.method != m)
		return usage_error("%s", "one method at a time: --udp, --icmp or "
		    "--tcp");
	a->typed = true;
	a->cfg.method = m;
	if (m == TRACE_TCP && a->cfg.port == 33434)
		a->cfg.port = 80;
	return -1;
}

static int
parse_option(int c, void *arg)
{
	struct trace_args *a = arg;
	long n;

	switch (c) {
	case 'U': return set_method(a, TRACE_UDP);
	case 'I': return set_method(a, TRACE_ICMP);
	case 'T': return set_method(a, TRACE_TCP);
	case 'j': a->json = true; return -1;
	case 'P': a->cfg.report_probes = true; return -1;
	case 'n': a->cfg.names = false; return -1;
	case 'c':
		if (cli_number(optarg, 1, 100000, &n) != 0)
			return usage_error("--cycles '%s': want 1-100000", optarg);
		a->cfg.cycles = (unsigned)n;
		return -1;
	case 'm': case 'f':
		if (cli_number(optarg, 1, TRACE_MAX_TTL, &n) != 0)
			return usage_error("TTL '%s': want 1-64", optarg);
		*(c == 'm' ? &a->cfg.max_ttl : &a->cfg.first_ttl) = (unsigned)n;
		return -1;
	case 'i':
		if (cli_seconds(optarg, 0.05, 3600, &a->cfg.interval) != 0)
			return usage_error("--interval '%s': want 0.05-3600 s", optarg);
		return -1;
	case 't':
		if (cli_seconds(optarg, 0.05, 60, &a->cfg.timeout) != 0)
			return usage_error("--timeout '%s': want 0.05-60 s", optarg);
		return -1;
	case 'p':
		if (cli_number(optarg, 1, 65535, &n) != 0)
			return usage_error("--port '%s': want 1-65535", optarg);
		a->cfg.port = (uint16_t)n;
		return -1;
	case 'h':
		fputs(trace_cli_usage, stdout);
		return 0;
	}
	return usage_error("unknown option '%s'", optarg != NULL ? optarg : "?");
}

static int
parse_args(int argc, char **argv, struct trace_args *a)
{
	static const struct option longopts[] = {
		{ "udp", no_argument, NULL, 'U' },
		{ "icmp", no_argument, NULL, 'I' },
		{ "tcp", no_argument, NULL, 'T' },
		{ "cycles", required_argument, NULL, 'c' },
		{ "max-ttl", required_argument, NULL, 'm' },
		{ "first-ttl", required_argument, NULL, 'f' },
		{ "interval", required_argument, NULL, 'i' },
		{ "timeout", required_argument, NULL, 't' },
		{ "port", required_argument, NULL, 'p' },
		{ "probes", no_argument, NULL, 'P' },
		{ "numeric", no_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int rc;

	if ((rc = cli_options(&cmd, argc, argv, "hn", longopts, parse_option,
	    a)) >= 0 || (rc = cli_operand(&cmd, argc, argv, "HOST",
	    &a->host)) >= 0)
		return rc;
	if (a->cfg.first_ttl > a->cfg.max_ttl)
		return usage_error("%s", "--first-ttl is beyond --max-ttl");
	if (strlen(a->host) >= sizeof a->cfg.name)
		return usage_error("%s", "HOST: a name of at most 255 bytes");
	snprintf(a->cfg.name, sizeof a->cfg.name, "%s", a->host);
	return -1;
}

static void
print_header(const char *target)
{
	char host[64] = "", stamp[32];
	time_t now = time(NULL);

	gethostname(host, sizeof host - 1);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S%z", localtime(&now));
	printf("Start: %s  target: %s\n", stamp, target);
	printf("HOST: %-30.30s Loss%%   Snt   Last   Avg  Best  Wrst StDev\n",
	    host);
}

static double
real_of(const struct ev *ev, const char *key)
{
	const struct ev_field *f = ev_find(ev, key);

	return f == NULL ? 0 : f->type == EV_REAL ? f->v.d : (double)f->v.i;
}

/* mtr -r's lines: " 1.|-- 192.168.10.1   0.0%  10  0.1  0.1 ..." */
static void
print_text(const struct ev *ev, void *arg)
{
	(void)arg;
	if (strcmp(ev->kind, "started") == 0)
		print_header(ev_get_str(ev, "target"));
	else if (strcmp(ev->kind, "hop") == 0)
		printf("%3.0f.|-- %-30.30s %5.1f%% %5.0f %6.1f %5.1f %5.1f %5.1f %5.1f\n",
		    real_of(ev, "ttl"), ev_get_str(ev, "host") != NULL ?
		    ev_get_str(ev, "host") : ev_get_str(ev, "addr"), real_of(ev, "loss"),
		    real_of(ev, "sent"), real_of(ev, "rtt_last"),
		    real_of(ev, "rtt_avg"), real_of(ev, "rtt_best"),
		    real_of(ev, "rtt_worst"), real_of(ev, "rtt_stdev"));
	else if (strcmp(ev->kind, "done") == 0)
		cli_print_event(ev, NULL);
	fflush(stdout);
}

static void
on_signal(int sig, void *job)
{
	(void)sig;
	trace_job_stop(job);	/* reports, then ends */
}

int
trace_cli_main(int argc, char **argv)
{
	struct trace_args a = { 0 };
	struct cli_run run;
	struct trace_job *job;
	char err[400] = "";
	int rc;

	trace_config_init(&a.cfg);
	a.cfg.port = 33434;
	a.cfg.names = true;		/* as mtr; -n turns it off */
	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	if (cli_run_start(&run, cmd.name, 256, a.json, print_text) != 0)
		return 1;
	if ((job = trace_job_new(run.loop, &run.log, a.host, &a.cfg,
	    cli_run_done, &run, err, sizeof err)) == NULL)
		run.status = usage_error("host %s", err);
	else {
		cli_run_on_stop(&run, on_signal, job);
		loop_run(run.loop);
		if (run.status == 2)
			fprintf(stderr, "punchline trace: %s\n", trace_job_error(job));
	}
	trace_job_free(job);
	cli_run_end(&run);
	return run.status;
}
