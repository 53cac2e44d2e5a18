/*
 * routes_cli.c: `punchline routes [--json]` (interfaces, routes of every
 * table, policy rules; the default route marked) and `punchline dns
 * [--json]` (resolvers, search domains, stub, hosts lookup order). Text is
 * one line per item; --json one event per line.
 */
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
    "usage: punchline routes [--json]\n"
    "Interfaces with addresses and state, the routes of every table (IPv4\n"
    "and IPv6; the default route marked with '*'), and the policy rules.\n"
    "--json: one object per line: \"link\", \"route\" (\"dst\", \"gateway\",\n"
    "\"dev\", \"table\", \"default\", ...) and \"rule\" events.\n";

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

static void
print_text(const struct ev *ev, void *arg)
{
	(void)arg;
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

/* --json or nothing; --help; anything else is a usage error. */
static int
parse(const char *cmd, const char *usage, int argc, char **argv, bool *json)
{
	int i;

	*json = false;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			*json = true;
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

int
routes_cli_main(int argc, char **argv)
{
	struct evlog log;
	char err[160];
	bool json;
	int rc;

	if ((rc = parse("routes", routes_cli_usage, argc, argv, &json)) >= 0)
		return rc;
	if (evlog_init(&log, 64) != 0)
		return 1;
	evlog_subscribe(&log, json ? evjson_consumer : print_text,
	    json ? (void *)stdout : NULL);
	rc = routes_report(&log, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "punchline routes: %s\n", err);
	evlog_free(&log);
	return rc == 0 ? 0 : 1;
}

int
dns_cli_main(int argc, char **argv)
{
	struct evlog log;
	bool json;
	int rc;

	if ((rc = parse("dns", dns_cli_usage, argc, argv, &json)) >= 0)
		return rc;
	if (evlog_init(&log, 4) != 0)
		return 1;
	evlog_subscribe(&log, json ? evjson_consumer : print_dns,
	    json ? (void *)stdout : NULL);
	dns_report(&log);
	evlog_free(&log);
	return 0;
}
