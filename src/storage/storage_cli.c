/*
 * storage_cli.c: `punchline store FILE --via HOST`. Keeps FILE alive only
 * in ICMP echoes to HOST; with --hold SECONDS --out FILE, recalls it after
 * that long and exits 0 only if it came back intact. --json: events.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "../core/cli.h"
#include "../core/cli_run.h"
#include "storage.h"
#include "storage_cli.h"
#include "storage_job.h"

#define DEFAULT_K	8
#define DEFAULT_M	4
#define DEFAULT_COPIES	2

const char storage_cli_usage[] =
    "usage: punchline store FILE --via HOST [--hold SECONDS --out FILE]\n"
    "                       [--copies K] [--parity M] [--group N] [--classic]\n"
    "                       [--json]\n"
    "Keeps FILE only in ICMP echoes bounced off HOST (IPv4): each chunk is\n"
    "sent again as its reply returns. Needs CAP_NET_RAW, or a ping socket\n"
    "allowed by net.ipv4.ping_group_range.\n"
    "--hold SECONDS: after that long, recall into --out FILE and exit 0 only\n"
    "       if it came back intact (without --hold: until Ctrl-C, which\n"
    "       recalls if --out is given).\n"
    "--copies K: copies of every chunk in flight (1-8, default 2).\n"
    "--parity M: Reed-Solomon parity chunks per group (0-16, default 4);\n"
    "--group N: data chunks per group (1-32, default 8).\n"
    "--classic: one copy, no parity, resend on reply (like pingfs).\n"
    "--json: events as JSON lines.\n";

struct store_args {
	const char		*file, *via, *out;
	double			 hold;
	bool			 json, classic, copies_set, parity_set;
	struct storage_config	 cfg;
};

struct run {
	struct cli_run		 cli;
	const struct store_args	*a;
	struct storage_job	*job;
	struct event		*hold_ev;
};

static const struct cli_cmd cmd = { "store", storage_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
}

static int
count_option(const char *arg, long min, long max, unsigned *out,
    const char *what)
{
	long n;

	if (cli_number(arg, min, max, &n) != 0)
		return usage_error(what, arg);
	*out = (unsigned)n;
	return -1;
}

static int
parse_option(int c, void *arg)
{
	struct store_args *a = arg;

	switch (c) {
	case 'v': a->via = optarg; return -1;
	case 'o': a->out = optarg; return -1;
	case 'j': a->json = true; return -1;
	case 'C': a->classic = true; return -1;
	case 'H':
		if (cli_seconds(optarg, 0.1, 86400, &a->hold) != 0)
			return usage_error("--hold '%s': want 0.1-86400 seconds",
			    optarg);
		return -1;
	case 'c':
		a->copies_set = true;
		return count_option(optarg, 1, 8, &a->cfg.copies,
		    "--copies '%s': want 1-8");
	case 'p':
		a->parity_set = true;
		return count_option(optarg, 0, 16, &a->cfg.m,
		    "--parity '%s': want 0-16");
	case 'g':
		return count_option(optarg, 1, 32, &a->cfg.k,
		    "--group '%s': want 1-32");
	case 'h':
		fputs(storage_cli_usage, stdout);
		return 0;
	}
	return usage_error("unknown option '%s'", optarg != NULL ? optarg : "?");
}

static int
check_args(struct store_args *a)
{
	if (a->file == NULL)
		return usage_error("%s", "no FILE to store");
	if (a->via == NULL)
		return usage_error("%s", "no --via HOST to bounce the echoes off");
	if (a->hold > 0 && a->out == NULL)
		return usage_error("%s", "--hold needs --out FILE to recall into");
	if (a->classic && (a->copies_set || a->parity_set))
		return usage_error("%s", "--classic is one copy and no parity: "
		    "not with --copies or --parity");
	if (a->classic) {
		a->cfg.copies = 1;
		a->cfg.m = 0;
		a->cfg.classic = true;
	}
	if (strlen(a->file) >= sizeof a->cfg.path || *a->file == '\0' ||
	    strlen(a->via) >= sizeof a->cfg.via || *a->via == '\0')
		return usage_error("%s", "FILE or HOST is too long or empty");
	snprintf(a->cfg.path, sizeof a->cfg.path, "%s", a->file);
	snprintf(a->cfg.via, sizeof a->cfg.via, "%s", a->via);
	return -1;
}

static int
parse_args(int argc, char **argv, struct store_args *a)
{
	static const struct option longopts[] = {
		{ "via", required_argument, NULL, 'v' },
		{ "hold", required_argument, NULL, 'H' },
		{ "out", required_argument, NULL, 'o' },
		{ "copies", required_argument, NULL, 'c' },
		{ "parity", required_argument, NULL, 'p' },
		{ "group", required_argument, NULL, 'g' },
		{ "classic", no_argument, NULL, 'C' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int rc;

	if ((rc = cli_options(&cmd, argc, argv, "h", longopts, parse_option,
	    a)) >= 0)
		return rc;
	if (optind < argc)
		a->file = argv[optind++];
	if ((rc = cli_no_more(&cmd, argc, argv)) >= 0)
		return rc;
	return check_args(a);
}

/* The job's end; a reason when it could not start (the host, the file,
 * the privilege). */
static void
on_done(void *arg, int status, const char *why)
{
	struct run *r = arg;

	if (why != NULL)
		fprintf(stderr, "punchline store: %s\n", why);
	cli_run_done(&r->cli, status);
}

static void
recall_now(struct run *r)
{
	struct storage *storage = storage_job_storage(r->job);
	char err[300];

	if (storage == NULL)
		return;
	if (r->a->out == NULL) {
		storage_stop(storage);
		return;
	}
	if (storage_recall(storage, r->a->out, err, sizeof err) != 0) {
		fprintf(stderr, "punchline store: %s\n", err);
		storage_stop(storage);
	}
}

static void
arm_hold(struct run *r, double seconds)
{
	struct timeval tv;

	tv.tv_sec = (time_t)seconds;
	tv.tv_usec = (suseconds_t)((seconds - (double)tv.tv_sec) * 1e6);
	event_add(r->hold_ev, &tv);
}

/* --hold ran out: recall, or if the host is still being looked up, look
 * again in a tenth of a second (the hold counts from the start). */
static void
on_hold(evutil_socket_t fd, short what, void *arg)
{
	struct run *r = arg;

	(void)fd;
	(void)what;
	if (storage_job_storage(r->job) == NULL)
		arm_hold(r, 0.1);
	else
		recall_now(r);
}

static void
on_signal(int sig, void *arg)
{
	struct run *r = arg;

	(void)sig;
	if (storage_job_storage(r->job) == NULL)
		cli_run_done(&r->cli, 1);
	else
		recall_now(r);
}

static int
run_store(const struct store_args *a)
{
	struct run r = { .a = a };
	char err[300] = "";

	if (cli_run_start(&r.cli, cmd.name, 256, a->json, cli_print_event) != 0)
		return 1;
	cli_run_on_stop(&r.cli, on_signal, &r);
	if ((r.job = storage_job_new(r.cli.loop, &r.cli.log, &a->cfg, on_done,
	    &r, err, sizeof err)) == NULL) {
		fprintf(stderr, "punchline store: host %s\n", err);
		r.cli.status = 2;
	} else {
		if (a->hold > 0 && (r.hold_ev = event_new(loop_base(r.cli.loop),
		    -1, 0, on_hold, &r)) != NULL)
			arm_hold(&r, a->hold);
		loop_run(r.cli.loop);
	}
	if (r.hold_ev != NULL)
		event_free(r.hold_ev);
	storage_job_free(r.job);
	cli_run_end(&r.cli);
	return r.cli.status;
}

int
storage_cli_main(int argc, char **argv)
{
	struct store_args a = { .cfg = { .copies = DEFAULT_COPIES,
	    .k = DEFAULT_K, .m = DEFAULT_M } };
	int rc;

	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	return run_store(&a);
}
