/* lab_cli.c: parse `punchline lab` and print its events as text or JSON. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "lab.h"
#include "lab_cli.h"
#include "lab_netns.h"
#include "lab_topology.h"

const char lab_cli_usage[] =
    "usage: punchline lab up [--nat-a cone|symmetric] [--nat-b cone|symmetric]\n"
    "                        [--loss NODE=PCT]... [--json]\n"
    "       punchline lab down [--json]\n"
    "       punchline lab status [--json]\n"
    "       punchline lab addr NODE\n"
    "       punchline lab exec NODE CMD [ARG...]\n"
    "nodes: alice bob nat-a nat-b rendezvous r1 r2 far pub (namespaces pl-NODE)\n"
    "--nat-a, --nat-b: cone (the default) keeps one public port for every\n"
    "       destination; symmetric picks a new one per destination.\n"
    "--loss NODE=PCT: drop PCT% (0-100) of packets both ways on NODE's uplink.\n"
    "up on a running lab loads only the NAT and loss rules again.\n"
    "up, down and exec need root.\n";

static void
print_node(const struct ev *ev)
{
	const struct ev_field *present = ev_find(ev, "present");

	printf("%-11s %-7s %-14s %-8s %s\n", ev_get_str(ev, "node"),
	    ev_get_str(ev, "role"), ev_get_str(ev, "ns"),
	    present != NULL && present->v.b ? "present" : "absent",
	    ev_get_str(ev, "addrs"));
}

static void
print_status(const struct ev *ev)
{
	const struct ev_field *up = ev_find(ev, "up");
	const char *a = ev_get_str(ev, "nat_a"), *b = ev_get_str(ev, "nat_b");

	if (up != NULL && up->v.b)
		printf("lab is up: nat-a %s, nat-b %s\n", a, b);
	else
		printf("lab is down (%lld of %lld namespaces present)\n",
		    (long long)ev_find(ev, "present")->v.i,
		    (long long)ev_find(ev, "nodes")->v.i);
}

/* The text consumer: one readable line per event. */
static void
print_text(const struct ev *ev, void *arg)
{
	char line[1024];

	(void)arg;
	if (strcmp(ev->kind, "node") == 0)
		print_node(ev);
	else if (strcmp(ev->kind, "status") == 0)
		print_status(ev);
	else if (strcmp(ev->kind, "up") == 0)
		printf("lab %s: nat-a %s, nat-b %s, loss %s\n",
		    ev_find(ev, "already")->v.b ? "was up, rules reloaded" : "up",
		    ev_get_str(ev, "nat_a"), ev_get_str(ev, "nat_b"),
		    ev_get_str(ev, "loss"));
	else if (strcmp(ev->kind, "down") == 0)
		printf("lab down: %lld namespaces removed, %lld processes "
		    "stopped\n", (long long)ev_find(ev, "namespaces")->v.i,
		    (long long)ev_find(ev, "killed")->v.i);
	else {
		ev_format_text(ev, line, sizeof line);
		fprintf(stderr, "punchline lab: %s\n", line);
	}
	fflush(stdout);
}

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error("lab", lab_cli_usage, fmt, arg);
}

static int
parse_options(int argc, char **argv, struct lab_options *opts, bool *json)
{
	static const struct option longopts[] = {
		{ "nat-a", required_argument, NULL, 'a' },
		{ "nat-b", required_argument, NULL, 'b' },
		{ "loss", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char err[160];
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case 'a': case 'b':
			if (lab_nat_mode_parse(optarg,
			    c == 'a' ? &opts->nat_a : &opts->nat_b) != 0)
				return usage_error("NAT mode '%s': want cone or "
				    "symmetric", optarg);
			break;
		case 'l':
			if (lab_options_add_loss(opts, optarg, err,
			    sizeof err) != 0)
				return usage_error("%s", err);
			break;
		case 'j':
			*json = true;
			break;
		case 'h':
			fputs(lab_cli_usage, stdout);
			return 0;
		default:
			return usage_error("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return -1;
}

static int
cmd_addr(int argc, char **argv)
{
	char addr[64];

	if (argc != 3)
		return usage_error("%s", "addr wants one NODE");
	if (lab_node_find(argv[2]) == NULL)
		return usage_error("unknown node '%s'", argv[2]);
	if (lab_node_addr(argv[2], addr, sizeof addr) != 0) {
		fprintf(stderr, "punchline lab: %s has no address: is the lab "
		    "up (sudo punchline lab up), and are you root?\n", argv[2]);
		return 1;
	}
	printf("%s\n", addr);
	return 0;
}

static int
cmd_exec(int argc, char **argv)
{
	char ns[64];

	if (argc < 4)
		return usage_error("%s", "exec wants NODE and a command");
	if (lab_node_find(argv[2]) == NULL)
		return usage_error("unknown node '%s'", argv[2]);
	lab_ns_name(argv[2], ns, sizeof ns);
	if (!netns_exists(ns)) {
		fprintf(stderr, "punchline lab: node %s is not up: sudo "
		    "punchline lab up\n", argv[2]);
		return 1;
	}
	lab_exec(argv[2], argv + 3);
	perror("punchline lab: exec ip netns exec");
	return 1;
}

static int
run_action(const char *action, const struct lab_options *opts,
    struct evlog *log)
{
	if (strcmp(action, "up") == 0)
		return lab_up(opts, log) == 0 ? 0 : 1;
	if (strcmp(action, "down") == 0)
		return lab_down(log) == 0 ? 0 : 1;
	return lab_status(log) == 0 ? 0 : 1;
}

int
lab_cli_main(int argc, char **argv)
{
	struct lab_options opts;
	struct evlog log;
	bool json = false;
	const char *action;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(lab_cli_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	action = argv[1];
	if (strcmp(action, "addr") == 0)
		return cmd_addr(argc, argv);
	if (strcmp(action, "exec") == 0)
		return cmd_exec(argc, argv);
	if (strcmp(action, "up") != 0 && strcmp(action, "down") != 0 &&
	    strcmp(action, "status") != 0)
		return usage_error("unknown action '%s'", action);
	lab_options_init(&opts);
	if ((rc = parse_options(argc - 1, argv + 1, &opts, &json)) >= 0)
		return rc;
	if (strcmp(action, "up") != 0 && (opts.nloss > 0 ||
	    opts.nat_a != LAB_NAT_CONE || opts.nat_b != LAB_NAT_CONE))
		return usage_error("%s takes only --json", action);
	if (evlog_init(&log, 256) != 0) {
		perror("punchline lab");
		return 1;
	}
	evlog_subscribe(&log, json ? evjson_consumer : print_text,
	    json ? (void *)stdout : NULL);
	rc = run_action(action, &opts, &log);
	evlog_free(&log);
	return rc;
}
