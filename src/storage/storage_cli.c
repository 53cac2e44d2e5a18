/*
 * storage_cli.c: `punchline store FILE --via HOST`. Keeps FILE alive only
 * in ICMP echoes to HOST; with --hold SECONDS --out FILE, recalls it after
 * that long and exits 0 only if it came back intact. --json: events.
 */
#include <getopt.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/resolve.h"
#include "storage.h"
#include "storage_cli.h"

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
	struct loop		*loop;
	struct evlog		*log;
	struct store_args	*a;
	struct storage		*storage;
	struct resolve		*lookup;
	struct event		*hold_ev;
	int			 status;
};

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error("store", storage_cli_usage, fmt, arg);
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
parse_option(int c, struct store_args *a)
{
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
	if (strlen(a->file) >= sizeof a->cfg.path ||
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
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return usage_error("bad option '%s'", argv[optind - 1]);
		if ((rc = parse_option(c, a)) >= 0)
			return rc;
	}
	if (optind < argc)
		a->file = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return check_args(a);
}

static void
print_text(const struct ev *ev, void *arg)
{
	char line[1024];

	(void)arg;
	ev_format_text(ev, line, sizeof line);
	printf("%s\n", line);
	fflush(stdout);
}

static void
on_done(void *arg, int status)
{
	struct run *r = arg;

	r->status = status;
	loop_exit(r->loop);
}

static void
recall_now(struct run *r)
{
	char err[300];

	if (r->storage == NULL)
		return;
	if (r->a->out == NULL) {
		storage_stop(r->storage);
		return;
	}
	if (storage_recall(r->storage, r->a->out, err, sizeof err) != 0) {
		fprintf(stderr, "punchline store: %s\n", err);
		storage_stop(r->storage);
	}
}

static void
on_hold(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	recall_now(arg);
}

static void
on_signal(int sig, void *arg)
{
	struct run *r = arg;

	(void)sig;
	if (r->storage == NULL) {
		r->status = 1;
		loop_exit(r->loop);
	} else
		recall_now(r);
}

static void
begin(struct run *r)
{
	char err[600] = "";
	struct timeval tv;

	if ((r->storage = storage_new(r->loop, r->log, &r->a->cfg, err,
	    sizeof err)) == NULL ||
	    storage_start(r->storage, on_done, r, err, sizeof err) != 0) {
		fprintf(stderr, "punchline store: %s\n", err);
		r->status = 2;
		loop_exit(r->loop);
		return;
	}
	if (r->a->hold > 0) {
		tv.tv_sec = (time_t)r->a->hold;
		tv.tv_usec = (suseconds_t)((r->a->hold - (double)tv.tv_sec) * 1e6);
		r->hold_ev = event_new(loop_base(r->loop), -1, 0, on_hold, r);
		if (r->hold_ev != NULL)
			event_add(r->hold_ev, &tv);
	}
}

static void
on_lookup(void *arg, const struct addrinfo *res, const char *why)
{
	struct run *r = arg;
	const struct addrinfo *ai;

	for (ai = res; ai != NULL && ai->ai_family != AF_INET; ai = ai->ai_next)
		;
	if (why != NULL || ai == NULL) {
		fprintf(stderr, "punchline store: host %s\n", why != NULL ? why :
		    "has no IPv4 address (the storage bounces IPv4 echoes)");
		r->status = 2;
		loop_exit(r->loop);
		return;
	}
	memcpy(&r->a->cfg.dst, ai->ai_addr, sizeof r->a->cfg.dst);
	begin(r);
}

static int
start_lookup(struct run *r)
{
	char err[300] = "";

	if ((r->lookup = resolve_start(r->loop, r->a->via, on_lookup, r, err,
	    sizeof err)) == NULL) {
		fprintf(stderr, "punchline store: host %s\n", err);
		return -1;
	}
	return 0;
}

int
storage_cli_main(int argc, char **argv)
{
	struct store_args a = { .cfg = { .copies = DEFAULT_COPIES,
	    .k = DEFAULT_K, .m = DEFAULT_M } };
	struct run r = { .a = &a };
	struct evlog log;
	int rc;

	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	if ((r.loop = loop_new()) == NULL || evlog_init(&log, 256) != 0) {
		fprintf(stderr, "punchline store: cannot start the loop\n");
		loop_free(r.loop);
		return 1;
	}
	r.log = &log;
	evlog_subscribe(&log, a.json ? evjson_consumer : print_text,
	    a.json ? (void *)stdout : NULL);
	loop_on_signal(r.loop, SIGINT, on_signal, &r);
	loop_on_signal(r.loop, SIGTERM, on_signal, &r);
	if (start_lookup(&r) != 0)
		r.status = 2;
	else if (r.status == 0 && (r.storage != NULL || r.lookup != NULL))
		loop_run(r.loop);
	resolve_free(r.lookup);
	if (r.hold_ev != NULL)
		event_free(r.hold_ev);
	storage_free(r.storage);
	loop_free(r.loop);
	evlog_free(&log);
	return r.status;
}
