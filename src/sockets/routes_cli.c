/*
 * routes_cli.c: `punchline routes [--json] [--watch]` (interfaces, routes
 * of every table, policy rules; the default route marked; with --watch
 * the changes as they happen) and `punchline dns
 * [--json]` (resolvers, search domains, stub, hosts lookup order). Text is
 * one line per item; --json one event per line.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "dns.h"
#include "routes.h"
#include "routes_cli.h"

const char routes_cli_usage[] =
    "usage: punchline routes [--json] [--watch]\n"
    "Interfaces with addresses and state, the routes of every table (IPv4\n"
    "and IPv6; the default route marked with '*'), and the policy rules.\n"
    "--json: one object per line: \"link\", \"route\" (\"dst\", \"gateway\",\n"
    "\"dev\", \"table\", \"default\", ...) and \"rule\" events.\n"
    "--watch: then every change as it happens, until interrupted: \"+\" or\n"
    "\"-\" lines; with --json \"route_added\", \"route_deleted\", \"addr_added\",\n"
    "\"addr_deleted\" (\"addr\", \"dev\"), \"link_changed\", \"link_deleted\".\n";

const char dns_cli_usage[] =
    "usage: punchline dns [--json]\n"
    "The resolvers and search domains of /etc/resolv.conf (and, when it\n"
    "points at a local stub such as systemd-resolved, the upstream servers\n"
    "known), and the hosts line of /etc/nsswitch.conf.\n";

static const char *
val(const struct ev *ev, const char *key)
{
	const char *s = ev_get_str(ev, key);

	return s != NULL && *s ? s : "-";
}

static void
print_route(const struct ev *ev)
{
	const struct ev_field *def = ev_find(ev, "default");

	printf("%s %-6s %-28s via %-24s dev %-10s table %-8s %s\n",
	    def != NULL && def->v.b ? "*" : " ", val(ev, "family"),
	    val(ev, "dst"), val(ev, "gateway"), val(ev, "dev"),
	    val(ev, "table"), val(ev, "type"));
}

/* A change seen by --watch: "+ route ...", "- addr ...", "~ link ...". */
static bool
print_change(const struct ev *ev)
{
	const char *k = ev->kind;
	char sign = strstr(k, "_added") ? '+' : strstr(k, "_deleted") ? '-' :
	    strstr(k, "_changed") ? '~' : 0;

	if (sign == 0)
		return false;
	if (strncmp(k, "route", 5) == 0) {
		printf("%c ", sign);
		print_route(ev);
	} else if (strncmp(k, "addr", 4) == 0)
		printf("%c addr %s dev %s\n", sign, val(ev, "addr"), val(ev, "dev"));
	else
		printf("%c link %-12s %s\n", sign, val(ev, "name"),
		    val(ev, "state"));
	return true;
}

static void
print_text(const struct ev *ev, void *arg)
{
	(void)arg;
	if (print_change(ev))
		return;
	if (strcmp(ev->kind, "route") == 0)
		print_route(ev);
	else if (strcmp(ev->kind, "link") == 0)
		printf("link %-12s %-8s %s\n", val(ev, "name"),
		    val(ev, "state"), val(ev, "addrs"));
	else if (strcmp(ev->kind, "rule") == 0)
		printf("rule %5lld from %s to %s%s%s %s %s\n",
		    (long long)ev_find(ev, "priority")->v.i, val(ev, "from"),
		    val(ev, "to"), *ev_get_str(ev, "iif") ? " iif " : "",
		    ev_get_str(ev, "iif"), val(ev, "action"), val(ev, "table"));
}

static void
print_dns(const struct ev *ev, void *arg)
{
	const struct ev_field *stub = ev_find(ev, "local_stub");

	(void)arg;
	printf("resolv.conf  %s\n", val(ev, "resolv_conf"));
	printf("nameservers  %s\n", val(ev, "nameservers"));
	printf("search       %s\n", val(ev, "search"));
	if (stub != NULL && stub->v.b)
		printf("local stub   %s; upstream: %s\n", val(ev, "stub"),
		    val(ev, "upstream"));
	printf("hosts        %s\n", val(ev, "hosts"));
}

/* --json, --watch (where watch is not NULL) or nothing; --help; anything
 * else is a usage error. */
static int
parse(const char *cmd, const char *usage, int argc, char **argv, bool *json,
    bool *watch)
{
	int i;

	*json = false;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			*json = true;
		else if (watch != NULL && strcmp(argv[i], "--watch") == 0)
			*watch = true;
		else if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		} else
			return cli_usage_error(cmd, usage, "unexpected argument "
			    "'%s'", argv[i]);
	}
	return -1;
}

static void
flush_out(void *arg)
{
	(void)arg;
	fflush(stdout);
}

static void
stop(int sig, void *arg)
{
	(void)sig;
	loop_exit(arg);
}

/* After the report: every change until SIGINT or SIGTERM. */
static int
watch_changes(struct evlog *log)
{
	struct routes_watch *w = NULL;
	struct loop *loop;
	char err[160];

	if ((loop = loop_new()) == NULL ||
	    (w = routes_watch_new(loop, log, flush_out, NULL, err,
	    sizeof err)) == NULL) {
		fprintf(stderr, "punchline routes: %s\n", loop == NULL ?
		    "cannot start the event loop" : err);
		loop_free(loop);
		return 1;
	}
	loop_on_signal(loop, SIGINT, stop, loop);
	loop_on_signal(loop, SIGTERM, stop, loop);
	fflush(stdout);
	loop_run(loop);
	routes_watch_free(w);
	loop_free(loop);
	return 0;
}

int
routes_cli_main(int argc, char **argv)
{
	struct evlog log;
	char err[160];
	bool json, watch = false;
	int rc;

	if ((rc = parse("routes", routes_cli_usage, argc, argv, &json,
	    &watch)) >= 0)
		return rc;
	if (evlog_init(&log, 64) != 0)
		return 1;
	evlog_subscribe(&log, json ? evjson_consumer : print_text,
	    json ? (void *)stdout : NULL);
	rc = routes_report(&log, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "punchline routes: %s\n", err);
	else if (watch)
		rc = watch_changes(&log);
	evlog_free(&log);
	return rc == 0 ? 0 : 1;
}

int
dns_cli_main(int argc, char **argv)
{
	struct evlog log;
	bool json;
	int rc;

	if ((rc = parse("dns", dns_cli_usage, argc, argv, &json, NULL)) >= 0)
		return rc;
	if (evlog_init(&log, 4) != 0)
		return 1;
	evlog_subscribe(&log, json ? evjson_consumer : print_dns,
	    json ? (void *)stdout : NULL);
	dns_report(&log);
	evlog_free(&log);
	return 0;
}
