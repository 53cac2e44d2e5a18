/*
 * sockets_cli.c: `punchline sockets [--json] [--once] [--interval S]
 * [FILTER]`. --once prints the table (an ss-like table, or with --json one
 * "socket" event per socket and line); without it the table comes first,
 * then one line per change, every interval, until interrupted. SIGUSR1
 * pauses and resumes the refresh.
 */
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/strbuf.h"
#include "sock_format.h"
#include "sockets.h"
#include "sockets_cli.h"
#include "sockets_table_text.h"

const char sockets_cli_usage[] =
    "usage: punchline sockets [--json] [--once] [--interval SECONDS]\n"
    "                         [--source auto|netlink|proc] [FILTER...]\n"
    "Every TCP, UDP, RAW and UNIX socket with its owning process, like\n"
    "ss -tuanpwx. --once: the table, then exit; otherwise the table, then\n"
    "a line per change (new, state OLD->NEW, closed) every interval\n"
    "(default 1 s; SIGUSR1 pauses and resumes).\n"
    "--json: one object per socket or change and line, with \"proto\",\n"
    "\"local\", \"peer\", \"state\", \"pid\", \"program\", \"user\", \"inode\".\n"
    "FILTER: words KEY:VALUE, e.g. state:listen port:22 prog:sshd proto:tcp\n"
    "(keys: proto state port sport dport pid prog user family; a key given twice\n"
    "matches either value, different keys must all match).\n"
    "--source: netlink (sock_diag; exit if it cannot be opened), proc\n"
    "(/proc/net only, no tcp_info) or auto (the default: netlink, else\n"
    "/proc/net). Both netlink and auto read /proc/net for a protocol\n"
    "whose diag module the kernel lacks.\n";

struct sockets_args {
	bool			 json, once;
	struct sockets_config	 cfg;
	struct sock_filter	 filter;
};

struct run {
	struct loop	*loop;
	struct sockets	*sockets;
	struct strbuf	 line;
	bool		 json;
};

static const struct cli_cmd cmd = { "sockets", sockets_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
}

static int
parse_interval(const char *s, double *out)
{
	return cli_seconds(s, 0.1, 3600, out);
}

static int
parse_source(const char *s, enum sockets_source *out)
{
	if (strcmp(s, "auto") == 0)
		*out = SOCKETS_AUTO;
	else if (strcmp(s, "netlink") == 0)
		*out = SOCKETS_NETLINK;
	else if (strcmp(s, "proc") == 0)
		*out = SOCKETS_PROC;
	else
		return -1;
	return 0;
}

static int
parse_option(int c, void *arg)
{
	struct sockets_args *a = arg;

	switch (c) {
	case 'j':	a->json = true; return -1;
	case '1':	a->once = true; return -1;
	case 'i':
		if (parse_interval(optarg, &a->cfg.interval) != 0)
			return usage_error("--interval '%s': want 0.1-3600 "
			    "seconds", optarg);
		return -1;
	case 's':
		if (parse_source(optarg, &a->cfg.source) != 0)
			return usage_error("--source '%s': want auto, "
			    "netlink or proc", optarg);
		return -1;
	case 'h':
		fputs(sockets_cli_usage, stdout);
		return 0;
	}
	return usage_error("%s", "unknown option");
}

static int
parse_args(int argc, char **argv, struct sockets_args *a)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "once", no_argument, NULL, '1' },
		{ "interval", required_argument, NULL, 'i' },
		{ "source", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char err[256];
	int rc;

	if ((rc = cli_options(&cmd, argc, argv, "+h", longopts,
	    parse_option, a)) >= 0)
		return rc;
	if (sock_filter_parse(&a->filter, argc - optind, argv + optind, err,
	    sizeof err) != 0)
		return usage_error("%s", err);
	return -1;
}

/* JSON lines, buffered: stdout is flushed once per refresh, not per line. */
static void
print_json(const struct ev *ev, void *arg)
{
	struct run *r = arg;

	sb_reset(&r->line);
	evjson_format(ev, &r->line);
	sb_addc(&r->line, '\n');
	fwrite(r->line.buf, 1, r->line.len, stdout);
}

static void
print_change(const struct ev *ev, void *arg)
{
	const char *kind = ev->kind, *old = ev_get_str(ev, "old");
	const struct ev_field *pid = ev_find(ev, "pid");
	char when[16], state[48];
	time_t t = (time_t)ev->ts;

	(void)arg;
	if (strcmp(kind, "notice") == 0) {
		fprintf(stderr, "punchline sockets: %s\n", ev_get_str(ev, "text"));
		return;
	}
	if (strncmp(kind, "socket_", 7) != 0)
		return;
	strftime(when, sizeof when, "%H:%M:%S", localtime(&t));
	snprintf(state, sizeof state, "%s%s%s", old != NULL ? old : "",
	    old != NULL ? "->" : "", ev_get_str(ev, "state"));
	printf("%s %-6s %-5s %-22s %-22s %-22s %s/%lld\n", when, kind + 7,
	    ev_get_str(ev, "proto"), state, ev_get_str(ev, "local"),
	    ev_get_str(ev, "peer"), ev_get_str(ev, "program"),
	    pid != NULL ? (long long)pid->v.i : 0LL);
}

static void
flush_stdout(void *arg)
{
	(void)arg;
	fflush(stdout);
}

static void
on_signal(int sig, void *arg)
{
	struct run *r = arg;

	if (sig == SIGUSR1)
		sockets_pause(r->sockets, !sockets_paused(r->sockets));
	else
		loop_exit(r->loop);
}

static int
run_live(struct run *r)
{
	if ((r->loop = loop_new()) == NULL)
		return -1;
	loop_on_signal(r->loop, SIGINT, on_signal, r);
	loop_on_signal(r->loop, SIGTERM, on_signal, r);
	loop_on_signal(r->loop, SIGUSR1, on_signal, r);
	return 0;
}

static int
run_sockets(struct sockets_args *a)
{
	struct run r;
	struct evlog log;
	char err[256];
	int rc = 0;

	memset(&r, 0, sizeof r);
	sb_init(&r.line);
	r.json = a->json;
	if (evlog_init(&log, 64) != 0 || (!a->once && run_live(&r) != 0)) {
		fprintf(stderr, "punchline sockets: cannot start\n");
		return 1;
	}
	evlog_subscribe(&log, a->json ? print_json : print_change, &r);
	if ((r.sockets = sockets_new(r.loop, &log, &a->cfg, err,
	    sizeof err)) == NULL || sockets_refresh(r.sockets) != 0) {
		fprintf(stderr, "punchline sockets: %s\n", r.sockets == NULL ?
		    err : "no source of sockets could be read");
		rc = 1;
		goto out;
	}
	sockets_set_filter(r.sockets, &a->filter);
	if (a->json)
		sockets_report(r.sockets);
	else
		sockets_table_text(r.sockets, &a->filter, stdout);
	fflush(stdout);
	if (!a->once) {
		sockets_on_refresh(r.sockets, flush_stdout, NULL);
		sockets_start(r.sockets);
		loop_run(r.loop);
	}
out:
	sockets_free(r.sockets);
	if (r.loop != NULL)
		loop_free(r.loop);
	evlog_free(&log);
	sb_free(&r.line);
	return rc;
}

int
sockets_cli_main(int argc, char **argv)
{
	struct sockets_args a;
	int rc;

	memset(&a, 0, sizeof a);
	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	return run_sockets(&a);
}
