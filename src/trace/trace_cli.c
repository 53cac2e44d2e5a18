/*
 * trace_cli.c: `punchline trace HOST`. A report like `mtr -r` by default,
 * or with --json one "hop" object per hop and line, then "done".
 */
#include <getopt.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/resolve.h"
#include "trace.h"
#include "trace_cli.h"

const char trace_cli_usage[] =
    "usage: punchline trace HOST [--udp|--icmp|--tcp] [--cycles N]\n"
    "                       [--max-ttl N] [--first-ttl N] [--interval S]\n"
    "                       [--timeout S] [--port P] [--probes] [--json]\n"
    "--udp: UDP probes, any user (the default). --icmp: ICMP echo and --tcp:\n"
    "       TCP SYN probes (port 80 unless --port), both need CAP_NET_RAW.\n"
    "--cycles N: rounds of probes (default 10); --interval S between rounds\n"
    "       (default 1); --timeout S a probe is waited for (default 2).\n"
    "--probes: with --json, a \"probe\" object per answer as it comes.\n"
    "Prints a report like mtr -r, or with --json one \"hop\" object per line.\n";

struct trace_args {
	const char		*host;
	bool			 json, typed;
	struct trace_config	 cfg;
};

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error("trace", trace_cli_usage, fmt, arg);
}

/* A number of seconds in [min, max], as "0.5" or "2". */
static int
seconds(const char *s, double min, double max, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end != '\0' || !(v >= min && v <= max))
		return -1;
	*out = v;
	return 0;
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
parse_option(int c, struct trace_args *a)
{
	long n;

	switch (c) {
	case 'U': return set_method(a, TRACE_UDP);
	case 'I': return set_method(a, TRACE_ICMP);
	case 'T': return set_method(a, TRACE_TCP);
	case 'j': a->json = true; return -1;
	case 'P': a->cfg.report_probes = true; return -1;
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
		if (seconds(optarg, 0.05, 3600, &a->cfg.interval) != 0)
			return usage_error("--interval '%s': want 0.05-3600 s", optarg);
		return -1;
	case 't':
		if (seconds(optarg, 0.05, 60, &a->cfg.timeout) != 0)
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
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;

	optind = 0;	/* 0: glibc starts over, forgetting main's "+" */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return usage_error("bad option '%s'", argv[optind - 1]);
		if ((rc = parse_option(c, a)) >= 0)
			return rc;
	}
	if (optind >= argc)
		return usage_error("%s", "no HOST");
	a->host = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
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
	char line[512];

	(void)arg;
	if (strcmp(ev->kind, "started") == 0)
		print_header(ev_get_str(ev, "target"));
	else if (strcmp(ev->kind, "hop") == 0)
		printf("%3.0f.|-- %-30.30s %5.1f%% %5.0f %6.1f %5.1f %5.1f %5.1f %5.1f\n",
		    real_of(ev, "ttl"), ev_get_str(ev, "addr"), real_of(ev, "loss"),
		    real_of(ev, "sent"), real_of(ev, "rtt_last"),
		    real_of(ev, "rtt_avg"), real_of(ev, "rtt_best"),
		    real_of(ev, "rtt_worst"), real_of(ev, "rtt_stdev"));
	else if (strcmp(ev->kind, "done") == 0) {
		ev_format_text(ev, line, sizeof line);
		printf("%s\n", line);
	}
	fflush(stdout);
}

struct run {
	struct loop		*loop;
	struct evlog		 log;
	struct trace		*trace;
	struct resolve		*lookup;
	struct trace_config	*cfg;
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
	if (r->trace != NULL)
		trace_stop(r->trace);	/* reports what it has, then ends */
	else
		loop_exit(r->loop);
}

static void
start_trace(struct run *r)
{
	char err[320];

	if ((r->trace = trace_new(r->loop, &r->log, r->cfg, err, sizeof err)) == NULL) {
		fprintf(stderr, "punchline trace: %s\n", err);
		r->status = 2;
		loop_exit(r->loop);
		return;
	}
	trace_start(r->trace, finished, r);
}

static void
on_lookup(void *arg, const struct addrinfo *res, const char *why)
{
	struct run *r = arg;
	const struct addrinfo *ai;

	if (why != NULL) {
		r->status = usage_error("host %s", why);
		loop_exit(r->loop);
		return;
	}
	for (ai = res; ai->ai_next != NULL && ai->ai_family != AF_INET;
	    ai = ai->ai_next)
		;	/* IPv4 first, as traceroute does */
	memcpy(&r->cfg->dst, ai->ai_addr, ai->ai_addrlen);
	start_trace(r);
}

/* A literal address at once; a name through the lookup. */
static void
begin(struct run *r, const char *host)
{
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST }, *res;
	char err[320];

	if (getaddrinfo(host, NULL, &hints, &res) == 0) {
		on_lookup(r, res, NULL);
		freeaddrinfo(res);
	} else if ((r->lookup = resolve_start(r->loop, host, on_lookup, r, err,
	    sizeof err)) == NULL)
		r->status = usage_error("host %s", err);
}

int
trace_cli_main(int argc, char **argv)
{
	struct trace_args a = { 0 };
	struct run r = { 0 };
	int rc;

	trace_config_init(&a.cfg);
	a.cfg.port = 33434;
	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	r.cfg = &a.cfg;
	if ((r.loop = loop_new()) == NULL || evlog_init(&r.log, 256) != 0) {
		fprintf(stderr, "punchline trace: cannot start the loop\n");
		loop_free(r.loop);
		return 1;
	}
	evlog_subscribe(&r.log, a.json ? evjson_consumer : print_text,
	    a.json ? (void *)stdout : NULL);
	loop_on_signal(r.loop, SIGINT, on_signal, &r);
	loop_on_signal(r.loop, SIGTERM, on_signal, &r);
	begin(&r, a.host);
	if (r.status == 0)
		loop_run(r.loop);
	resolve_free(r.lookup);
	trace_free(r.trace);
	loop_free(r.loop);
	evlog_free(&r.log);
	return r.status;
}
