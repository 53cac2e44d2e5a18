/*
 * main.c: flags, subcommands and wiring. The only file that knows every
 * floor: it opens what needs privilege, drops the rest, and hands the
 * engines and the screen one loop and one event log.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/assets.h"
#include "core/cli.h"
#include "core/error.h"
#include "core/evjson.h"
#include "core/evlog.h"
#include "core/loop.h"
#include "core/priv.h"
#include "lab/lab.h"
#include "lab/lab_cli.h"
#include "lab/lab_topology.h"
#include "mesh/mesh_cli.h"
#include "mail/mail_cli.h"
#include "capture/capture.h"
#include "capture/capture_cli.h"
#include "scan/scan_cli.h"
#include "trace/trace_cli.h"
#include "storage/storage_cli.h"
#include "sockets/routes_cli.h"
#include "sockets/sockets.h"
#include "sockets/sockets_cli.h"
#include "mesh/mesh.h"
#include "sockets/routes.h"
#include "sockets/sock_names.h"
#include "sockets/sockets.h"
#include "../ui/pane_capture.h"
#include "../ui/pane_chat.h"
#include "../ui/pane_scanner.h"
#include "../ui/pane_sockets.h"
#include "../ui/pane_trace.h"
#include "../ui/pane_storage.h"
#include "../ui/pane_mail.h"
#include "../ui/keys.h"
#include "../ui/theme.h"
#include "../ui/tui.h"

#ifndef PUNCHLINE_VERSION
#define PUNCHLINE_VERSION "0.0.0"
#endif

struct options {
	const char	*user;		/* -Z */
	const char	*theme;
	bool		 ascii;
	/* The Chat pane's mesh: started when --room or --plaintext is given. */
	struct mesh_config chat;
	const char	*room, *connect;
	bool		 plaintext;
	/* The Sockets pane's refresh, seconds (0: the engine's default). */
	double		 sockets_interval;
	/* What the Capture pane opens at the start. */
	struct pane_capture_source capture;
	bool		 capture_lab;	/* the Capture pane in the lab's roles */
};

static const char usage_text[] =
    "usage: punchline [-Z USER] [--theme NAME] [--ascii]\n"
    "                 [--room SECRET | --plaintext] [--name N] [--port P]\n"
    "                 [--bind ADDR] [--connect TARGET]\n"
    "                 [--sockets-interval SECONDS] [--capture-lab]\n"
    "                 [--capture-iface IF]... [--capture-filter F]\n"
    "                 [--capture-file FILE]\n"
    "       punchline COMMAND [--help] [ARGS...]\n"
    "\n"
    "With no command, the full-screen lab: Chat, Sockets, Scanner and Capture\n"
    "panes, and the Trace (F8), Mail (F9) and Storage (F11) views.\n"
    "\n"
    "commands:\n"
    "  lab       the NAT lab: up, down, status, addr NODE, exec NODE CMD\n"
    "  privs     which privileges punchline holds and what each one enables\n"
    "  keys      every key of every pane (--man for the man page's list)\n"
    "  chat      chat over the UDP peer mesh, sealed or --plaintext\n"
    "  sockets   sockets and owning processes, like ss -tanp\n"
    "  routes    routes, rules and interfaces, like ip route (--watch)\n"
    "  dns       the resolvers and search domains in use\n"
    "  scan      connect, SYN and UDP port scans with banners, like nmap\n"
    "  trace     the path to a host, hop by hop, like mtr -r\n"
    "  mail      talk SMTP or POP3 line by line, every reply explained\n"
    "  store     keep a file alive only in ICMP echoes bounced off a host\n"
    "  capture   live capture and pcap files decoded, like tcpdump -nn\n"
    "\n"
    "options:\n"
    "  -Z, --user USER  after opening privileged sockets, run as USER\n"
    "                   (default: the user who ran sudo)\n"
    "  --theme NAME     colours from assets/themes/NAME.theme (default, mono)\n"
    "  --ascii          ASCII line drawing even in a UTF-8 locale\n"
    "  -h, --help       this help\n"
    "  -V, --version    print the version\n"
    "\n"
    "  --room SECRET, --plaintext, --name, --port, --bind, --connect TARGET:\n"
    "                   start the Chat pane's mesh, as punchline chat does\n"
    "                   (TARGET: host, host:port, [v6]:port or host:scan)\n"
    "  --sockets-interval SECONDS\n"
    "                   the Sockets pane's refresh (0.1-3600, default 1)\n"
    "  --capture-iface IF\n"
    "                   the Capture pane captures on IF from the start (up to\n"
    "                   8; default: none until Enter, then every interface)\n"
    "  --capture-filter F\n"
    "                   the Capture pane's BPF filter (\"udp port 9\")\n"
    "  --capture-file FILE\n"
    "                   the Capture pane reads a pcap or pcapng file instead\n"
    "                   (needs no privilege)\n"
    "  --capture-lab    the Capture pane captures in the lab's alice, nat-a,\n"
    "                   rendezvous, nat-b and bob at once and opens on their\n"
    "                   ladder (punchline lab up first; needs root)\n"
    "\n"
    "NO_COLOR set in the environment selects the mono theme.\n";

static bool
wants_json(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--json") == 0)
			return true;
	return false;
}

static void
report_privs(struct evlog *log)
{
	static const struct { const char *what; enum priv_cap cap; } needs[] = {
		{ "live capture", PRIV_NET_RAW },
		{ "SYN scan", PRIV_NET_RAW },
		{ "traceroute (ICMP and TCP probes)", PRIV_NET_RAW },
		{ "storage in flight (raw ICMP; or a ping socket)", PRIV_NET_RAW },
		{ "the NAT lab", PRIV_NET_ADMIN },
	};
	struct privs p;
	char msg[256];
	struct ev ev;
	size_t i;

	priv_probe(&p);
	ev_init(&ev, "core", "privs");
	ev_int(&ev, "uid", p.uid);
	ev_int(&ev, "gid", p.gid);
	ev_bool(&ev, "net_raw", p.held[PRIV_NET_RAW]);
	ev_bool(&ev, "net_admin", p.held[PRIV_NET_ADMIN]);
	ev_str(&ev, "summary", priv_summary(&p));
	evlog_push(log, &ev);
	for (i = 0; i < sizeof needs / sizeof needs[0]; i++) {
		ev_init(&ev, "core", "need");
		ev_str(&ev, "what", needs[i].what);
		ev_str(&ev, "cap", priv_cap_name(needs[i].cap));
		ev_bool(&ev, "held", priv_require(&p, needs[i].cap,
		    needs[i].what, msg, sizeof msg));
		ev_str(&ev, "text", msg[0] ? msg : "");
		evlog_push(log, &ev);
	}
}

static void
print_privs_text(const struct ev *ev, void *arg)
{
	const struct ev_field *held = ev_find(ev, "held");

	(void)arg;
	if (strcmp(ev->kind, "privs") == 0)
		printf("uid %lld, holding: %s\n",
		    (long long)ev_find(ev, "uid")->v.i, ev_get_str(ev, "summary"));
	else if (held != NULL && held->v.b)
		printf("  ok       %s (%s)\n", ev_get_str(ev, "what"),
		    ev_get_str(ev, "cap"));
	else
		printf("  missing  %s\n", ev_get_str(ev, "text"));
}

/* Drops to -Z USER or the sudo user, keeping CAP_NET_RAW. */
static void
drop_privileges(const struct options *o)
{
	char err[160];

	if (priv_drop(o->user, err, sizeof err) != 0)
		fatalx("%s", err);
}

static int
cmd_privs(const struct options *o, int argc, char **argv)
{
	struct evlog log;

	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		puts("usage: punchline [-Z USER] privs [--json]");
		return 0;
	}
	drop_privileges(o);
	if (evlog_init(&log, 16) != 0)
		fatal("evlog");
	if (wants_json(argc, argv))
		evlog_subscribe(&log, evjson_consumer, stdout);
	else
		evlog_subscribe(&log, print_privs_text, NULL);
	report_privs(&log);
	evlog_free(&log);
	return 0;
}

static int
cmd_keys(int argc, char **argv)
{
	struct strbuf sb;
	bool man = argc > 1 && strcmp(argv[1], "--man") == 0;

	if (argc > 1 && !man) {
		fputs("usage: punchline keys [--man]\n", argc > 1 &&
		    strcmp(argv[1], "--help") == 0 ? stdout : stderr);
		return strcmp(argv[1], "--help") == 0 ? 0 : 2;
	}
	sb_init(&sb);
	keys_format_all(&sb, man);
	fputs(sb.buf, stdout);
	sb_free(&sb);
	return 0;
}

static void
status_fill(struct ui_status *st, void *arg)
{
	const char *node = lab_current_node();
	struct privs p;

	(void)arg;
	if (gethostname(st->host, sizeof st->host) != 0)
		snprintf(st->host, sizeof st->host, "?");
	st->host[sizeof st->host - 1] = '\0';
	priv_probe(&p);
	snprintf(st->privs, sizeof st->privs, "%s", priv_summary(&p));
	if (node != NULL)
		snprintf(st->lab, sizeof st->lab, "lab up, in %s", node);
	else
		snprintf(st->lab, sizeof st->lab, "lab %s",
		    lab_is_up() ? "up" : "off");
}

static void
load_theme(const struct options *o, struct theme *theme, bool *color)
{
	const char *no_color = getenv("NO_COLOR");
	const char *name = o->theme != NULL ? o->theme : "default";
	char rel[128], err[160];
	char *text;
	size_t len;

	*color = no_color == NULL || *no_color == '\0';
	if (!*color)
		name = "mono";
	if (strchr(name, '/') != NULL || name[0] == '.')
		fatalx("theme name '%s': want a name from assets/themes/", name);
	snprintf(rel, sizeof rel, "themes/%s.theme", name);
	if ((text = assets_read(rel, &len)) == NULL)
		fatal("theme '%s' (assets/%s)", name, rel);
	if (theme_parse(text, len, theme, err, sizeof err) != 0)
		fatalx("theme %s: %s", assets_path(rel), err);
	free(text);
}

/* The secret leaves the stack copy (volatile: not optimised away). */
static void
forget_secret(struct mesh_config *cfg)
{
	volatile char *p = cfg->room;
	size_t i;

	for (i = 0; i < sizeof cfg->room; i++)
		p[i] = 0;
}

static void
chat_quit(void *arg)
{
	loop_exit(arg);
}

static void
chat_closed(void *arg)
{
	loop_exit(arg);
}

/* What the Chat pane needs to start a mesh later, from its prompt. */
static struct chat_ctx {
	struct options	*o;
	struct loop	*loop;
	struct evlog	*log;
	struct mesh	*mesh;
} chat_ctx;

static struct mesh *
start_from_pane(void *arg, const char *room, char *why, size_t len)
{
	struct mesh_config cfg = chat_ctx.o->chat;
	char err[320];

	(void)arg;
	cfg.plaintext = room == NULL;
	if (room != NULL)
		snprintf(cfg.room, sizeof cfg.room, "%s", room);
	chat_ctx.mesh = mesh_new(chat_ctx.loop, chat_ctx.log, &cfg, err,
	    sizeof err);
	forget_secret(&cfg);
	if (chat_ctx.mesh == NULL)
		snprintf(why, len, "No mesh: %s", err);
	return chat_ctx.mesh;
}

/* The Chat pane's mesh, if asked for; NULL with the reason in why. */
static struct mesh *
start_chat(struct options *o, struct loop *loop, struct evlog *log,
    char *why, size_t len)
{
	struct mesh_target target;
	struct mesh *m;
	char err[320];

	if (o->room == NULL && !o->plaintext) {
		snprintf(why, len, "No mesh yet. Type /room SECRET (a sealed "
		    "room) or /plaintext (readable, for teaching), then "
		    "/connect HOST; or start punchline with --room or "
		    "--plaintext and --connect.");
		return NULL;
	}
	o->chat.plaintext = o->plaintext;
	if (o->room != NULL)
		snprintf(o->chat.room, sizeof o->chat.room, "%s", o->room);
	if (o->connect != NULL &&
	    mesh_target_parse(o->connect, &target, err, sizeof err) != 0)
		fatalx("--connect: %s", err);
	if ((m = mesh_new(loop, log, &o->chat, err, sizeof err)) == NULL) {
		snprintf(why, len, "No mesh: %s", err);
		return NULL;
	}
	if (o->connect != NULL && target.scan)
		mesh_scan(m, &target.addr, 1, 65535, 0);
	else if (o->connect != NULL)
		mesh_join(m, &target.addr);
	return m;
}

/* The Sockets pane's engines: the table, refreshed on a timer, and the
 * names cache; the pane redraws after each refresh and each name. */
static struct sockets_ctx {
	struct sockets		*sockets;
	struct sock_names	*names;
	struct routes_watch	*routes;
	struct tui		*tui;
	char			 why[320];
} sockets_ctx;

static void
sockets_changed(void *arg)
{
	(void)arg;
	pane_sockets_changed();
	if (sockets_ctx.tui != NULL)
		tui_wake(sockets_ctx.tui);
}

/* The Capture pane got packets: a frame soon (throttled by the screen). */
static void
capture_changed(void *arg)
{
	(void)arg;
	if (sockets_ctx.tui != NULL)
		tui_wake(sockets_ctx.tui);
}

static void
start_sockets(const struct options *o, struct loop *loop, struct evlog *log)
{
	struct sockets_config cfg = { o->sockets_interval, SOCKETS_AUTO, true };
	struct pane_sockets_ctx ctx;
	char err[256];

	memset(&ctx, 0, sizeof ctx);
	sockets_ctx.sockets = sockets_new(loop, log, &cfg, err, sizeof err);
	if (sockets_ctx.sockets == NULL)
		snprintf(sockets_ctx.why, sizeof sockets_ctx.why, "No sockets "
		    "engine: %s", err);
	else {
		sockets_refresh(sockets_ctx.sockets);
		sockets_on_refresh(sockets_ctx.sockets, sockets_changed, NULL);
		sockets_start(sockets_ctx.sockets);
		sockets_ctx.names = sock_names_new(loop, sockets_changed, NULL);
	}
	/* Without it the sub-view is still right when opened; only the
	 * live changes are missing. */
	sockets_ctx.routes = routes_watch_new(loop, log, sockets_changed, NULL,
	    err, sizeof err);
	ctx.sockets = sockets_ctx.sockets;
	ctx.names = sockets_ctx.names;
	ctx.log = log;
	ctx.own_pid = (int)getpid();
	ctx.root = geteuid() == 0;
	ctx.why_none = sockets_ctx.why;
	pane_sockets_attach(&ctx);
}

static void
stop_sockets(void)
{
	routes_watch_free(sockets_ctx.routes);
	sock_names_free(sockets_ctx.names);
	sockets_free(sockets_ctx.sockets);
	memset(&sockets_ctx, 0, sizeof sockets_ctx);
}

static void fill_capture_lab(struct capture_lab *);

/* --capture-lab: a handle in each role's namespace, opened here because
 * entering a namespace needs the privilege the screen gives up. */
static void
open_capture_lab(void)
{
	static struct capture_lab cl;
	struct capture *caps[LADDER_ROLES_MAX];
	char err[CAPTURE_ERR_MAX];
	size_t i;

	fill_capture_lab(&cl);
	for (i = 0; i < cl.roles.nrole; i++)
		if ((caps[i] = capture_open_live_in(cl.roles.role[i].netns,
		    cl.roles.role[i].name, "any", CAPTURE_SNAPLEN_DEFAULT, err,
		    sizeof err)) == NULL)
			fatalx("--capture-lab: %s", err);
	pane_capture_attach_lab(&cl.roles, caps, cl.roles.nrole);
}

static int
run_tui(struct options *o)
{
	struct mesh *mesh;
	char why[400];
	struct tui_config cfg;
	struct theme theme;
	struct loop *loop;
	struct evlog log;
	struct tui *tui;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		fatalx("the screen needs a terminal; for scripts use a command "
		    "with --json (see punchline --help)");
	load_theme(o, &theme, &cfg.use_color);
	/* Engines open their privileged sockets here, before the drop. */
	if (o->capture_lab)
		open_capture_lab();
	drop_privileges(o);
	cfg.theme = &theme;
	cfg.utf8 = !o->ascii && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	cfg.status_fn = status_fill;
	cfg.status_arg = NULL;
	if ((loop = loop_new()) == NULL || evlog_init(&log, EVLOG_CAPACITY) != 0)
		fatal("cannot start the event loop");
	loop_reap_children(loop);
	mesh = start_chat(o, loop, &log, why, sizeof why);
	chat_ctx = (struct chat_ctx){ o, loop, &log, mesh };
	pane_chat_attach(mesh, why, chat_quit, start_from_pane, loop);
	start_sockets(o, loop, &log);
	pane_scanner_attach(loop, &log);
	pane_trace_attach(loop, &log);
	pane_storage_attach(loop, &log);
	pane_capture_attach(loop, &log);
	pane_capture_source(&o->capture);
	pane_capture_on_change(capture_changed, NULL);
	pane_mail_attach(loop, &log);
	tui = tui_new(loop, &log, &cfg);
	sockets_ctx.tui = tui;
	if (tui_start(tui) != 0)
		fatalx("cannot take the terminal");
	loop_run(loop);
	tui_free(tui);
	stop_sockets();
	if ((mesh = chat_ctx.mesh) != NULL) {	/* queued goes out, then BYE */
		mesh_close(mesh, chat_closed, loop);
		loop_run(loop);
		mesh_free(mesh);
	}
	evlog_free(&log);
	loop_free(loop);
	return 0;
}

static bool
lab_netns_of(const char *node, char *ns, size_t len)
{
	if (lab_node_find(node) == NULL)
		return false;
	lab_ns_name(node, ns, len);
	return true;
}

/* An address of a link end, without its prefix length. */
static void
add_role_addr(struct ladder_role *r, const char *cidr)
{
	if (cidr == NULL || r->naddr == LADDER_ADDRS_MAX)
		return;
	snprintf(r->addr[r->naddr], LADDER_ADDR_LEN, "%.*s",
	    (int)strcspn(cidr, "/"), cidr);
	r->naddr++;
}

/* The lab's roles and places for the capture, from its topology. */
static void
fill_capture_lab(struct capture_lab *cl)
{
	const struct lab_node *n;
	struct ladder_role *r;
	size_t i, k;

	memset(cl, 0, sizeof *cl);
	cl->netns_of = lab_netns_of;
	for (i = 0; lab_ladder_roles[i] != NULL && i < LADDER_ROLES_MAX; i++) {
		r = &cl->roles.role[cl->roles.nrole++];
		snprintf(r->name, sizeof r->name, "%s", lab_ladder_roles[i]);
		lab_ns_name(r->name, r->netns, sizeof r->netns);
		n = lab_node_find(r->name);
		r->nat = n != NULL && n->role == LAB_NAT;
		for (k = 0; k < lab_nlinks; k++) {
			if (strcmp(lab_links[k].a.node, r->name) == 0) {
				add_role_addr(r, lab_links[k].a.addr4);
				add_role_addr(r, lab_links[k].a.addr6);
			}
			if (strcmp(lab_links[k].b.node, r->name) == 0) {
				add_role_addr(r, lab_links[k].b.addr4);
				add_role_addr(r, lab_links[k].b.addr6);
			}
		}
	}
	for (i = 0; lab_ladder_taps[i] != NULL && i < LADDER_TAPS_MAX; i++)
		snprintf(cl->roles.tap[cl->roles.ntap++], CAPTURE_WHERE_MAX, "%s",
		    lab_ladder_taps[i]);
}

static int
run_command(const struct options *o, int argc, char **argv)
{
	struct capture_lab capture_lab;

	if (strcmp(argv[0], "lab") == 0)
		return lab_cli_main(argc, argv);
	if (strcmp(argv[0], "chat") == 0)
		return mesh_cli_main(argc, argv);
	if (strcmp(argv[0], "scan") == 0)
		return scan_cli_main(argc, argv);
	if (strcmp(argv[0], "capture") == 0) {
		fill_capture_lab(&capture_lab);
		return capture_cli_main(argc, argv, &capture_lab);
	}
	if (strcmp(argv[0], "trace") == 0)
		return trace_cli_main(argc, argv);
	if (strcmp(argv[0], "mail") == 0)
		return mail_cli_main(argc, argv);
	if (strcmp(argv[0], "store") == 0)
		return storage_cli_main(argc, argv);
	if (strcmp(argv[0], "sockets") == 0)
		return sockets_cli_main(argc, argv);
	if (strcmp(argv[0], "routes") == 0)
		return routes_cli_main(argc, argv);
	if (strcmp(argv[0], "dns") == 0)
		return dns_cli_main(argc, argv);
	if (strcmp(argv[0], "privs") == 0)
		return cmd_privs(o, argc, argv);
	if (strcmp(argv[0], "keys") == 0)
		return cmd_keys(argc, argv);
	fprintf(stderr, "punchline: unknown command '%s'\n%s", argv[0],
	    usage_text);
	return 2;
}

static int
chat_option(struct options *o, int c, const char *arg)
{
	long port;
	char *end;

	if (c == 'n' && strlen(arg) >= 1 && strlen(arg) <= MESH_NAME_MAX) {
		snprintf(o->chat.name, sizeof o->chat.name, "%s", arg);
		return 0;
	}
	port = strtol(arg, &end, 10);
	if (c == 'p' && *end == '\0' && port >= 1 && port <= 65535) {
		o->chat.port = (uint16_t)port;
		return 0;
	}
	if (c == 'b' && mesh_bind_parse(arg, &o->chat.bind) == 0) {
		o->chat.bound = true;
		return 0;
	}
	fprintf(stderr, "punchline: bad --%s '%s'\n", c == 'n' ? "name" :
	    c == 'p' ? "port" : "bind", arg);
	return -1;
}

static int
capture_option(struct pane_capture_source *src, int c, const char *arg)
{
	if (c == 'f')
		src->filter = arg;
	else if (c == 'F')
		src->file = arg;
	else if (src->nif == PANE_CAPTURE_MAX_IFS) {
		fprintf(stderr, "punchline: at most %d --capture-iface\n",
		    PANE_CAPTURE_MAX_IFS);
		return -1;
	} else {
		src->ifname[src->nif++] = arg;
		src->start = true;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "user", required_argument, NULL, 'Z' },
		{ "theme", required_argument, NULL, 't' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "room", required_argument, NULL, 'r' },
		{ "plaintext", no_argument, NULL, 'P' },
		{ "name", required_argument, NULL, 'n' },
		{ "port", required_argument, NULL, 'p' },
		{ "bind", required_argument, NULL, 'b' },
		{ "connect", required_argument, NULL, 'c' },
		{ "sockets-interval", required_argument, NULL, 'I' },
		{ "capture-iface", required_argument, NULL, 'i' },
		{ "capture-filter", required_argument, NULL, 'f' },
		{ "capture-file", required_argument, NULL, 'F' },
		{ "capture-lab", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o;
	const char *user = getenv("USER");
	int c;

	memset(&o, 0, sizeof o);
	snprintf(o.chat.name, sizeof o.chat.name, "%s",
	    user != NULL && *user != '\0' ? user : "anonymous");
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_IGN);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hVZ:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("punchline %s\n", PUNCHLINE_VERSION);
			return 0;
		case 'Z':	o.user = optarg; break;
		case 't':	o.theme = optarg; break;
		case 'a':	o.ascii = true; break;
		case 'r':	o.room = optarg; break;
		case 'P':	o.plaintext = true; break;
		case 'c':	o.connect = optarg; break;
		case 'L':	o.capture_lab = true; break;
		case 'I':
			if (cli_seconds(optarg, 0.1, 3600,
			    &o.sockets_interval) != 0) {
				fprintf(stderr, "punchline: bad --sockets-interval "
				    "'%s': want 0.1-3600 seconds\n", optarg);
				return 2;
			}
			break;
		case 'n': case 'p': case 'b':
			if (chat_option(&o, c, optarg) != 0)
				return 2;
			break;
		case 'i': case 'f': case 'F':
			if (capture_option(&o.capture, c, optarg) != 0)
				return 2;
			break;
		default:
			fprintf(stderr, "punchline: unknown or incomplete option "
			    "'%s'\n%s", argv[optind - 1], usage_text);
			return 2;
		}
	}
	if (optind < argc)
		return run_command(&o, argc - optind, argv + optind);
	if (o.room != NULL && o.plaintext) {
		fprintf(stderr, "punchline: --room and --plaintext: choose one\n");
		return 2;
	}
	return run_tui(&o);
}
