/*
 * mesh_cli.c: `punchline chat` headless. Each line on stdin is a message;
 * EOF finishes what is queued, says BYE and exits. Events go to stdout as
 * text, or with --json as one JSON object per line (the contract the lab's
 * robot peers and the tests use).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/cli.h"
#include "../core/evjson.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "mesh.h"
#include "mesh_cli.h"
#include "mesh_scan.h"

const char mesh_cli_usage[] =
    "usage: punchline chat (--room SECRET | --plaintext) [--name N] [--port P]\n"
    "                      [--identity FILE] [--bind ADDR] [--keepalive SECONDS]\n"
    "                      [--scan-rate N] [--scan-range LO-HI] [--json] [CONNECT]\n"
    "CONNECT: host, host:port, [v6addr]:port (default port 12345), or\n"
    "         host:scan (look for a peer on every UDP port of host);\n"
    "         empty: wait for others to join.\n"
    "--room SECRET: a sealed room (or set PUNCHLINE_ROOM, which ps does not\n"
    "         show); --plaintext: readable datagrams, for teaching.\n"
    "--name N: what peers call you (1-32 bytes, default $USER).\n"
    "--port P: the UDP port to listen on (default 12345).\n"
    "--identity FILE: the identity key (default ~/.config/punchline/identity).\n"
    "--bind ADDR: use and advertise only ADDR (e.g. 127.0.0.1 for tests).\n"
    "--keepalive SECONDS: how often NAT mappings are kept open (default 15).\n"
    "--json: events as JSON lines (ready, peer, message, delivered, ...).\n"
    "--scan-rate N: host:scan probes per second (default 2000).\n"
    "--scan-range LO-HI: host:scan ports (default 1-65535).\n"
    "Lines on stdin are sent as messages; EOF says bye and exits.\n";

#define INPUT_MAX	(64 * 1024)

struct chat {
	struct loop	*loop;
	struct mesh	*mesh;
	struct event	*stdin_ev, *resume_ev;
	char		 line[MESH_MESSAGE_MAX + 1];
	size_t		 len;
	char		 input[INPUT_MAX];	/* read, not yet taken as lines */
	size_t		 in_len, in_pos;
	bool		 eof, closing;
};

static void
print_text(const struct ev *ev, void *arg)
{
	const char *text = ev_get_str(ev, "text"), *from = ev_get_str(ev, "from");
	char line[1024];

	(void)arg;
	if (strcmp(ev->kind, "message") == 0)
		printf("%s: %s\n", from, text);
	else {
		ev_format_text(ev, line, sizeof line);
		printf("-- %s\n", line);
	}
	fflush(stdout);
}

static void
closed(void *arg)
{
	struct chat *c = arg;

	loop_exit(c->loop);
}

static void
start_close(struct chat *c)
{
	if (c->closing)
		return;
	c->closing = true;
	event_del(c->stdin_ev);
	mesh_close(c->mesh, closed, c);
}

static void
take_line(struct chat *c)
{
	if (c->len > 0 && c->line[c->len - 1] == '\r')
		c->len--;
	mesh_send_text(c->mesh, c->line, c->len);
	c->len = 0;
}

/* Takes lines from the input buffer while the mesh has room for them. */
static void
take_input(struct chat *c)
{
	char ch;

	while (c->in_pos < c->in_len &&
	    mesh_backlog(c->mesh) < mesh_backlog_max() / 2) {
		ch = c->input[c->in_pos++];
		if (ch == '\n')
			take_line(c);
		else if (c->len < MESH_MESSAGE_MAX)
			c->line[c->len++] = ch;
		else {		/* a line longer than a message: send what fits */
			take_line(c);
			c->line[c->len++] = ch;
		}
	}
	if (c->in_pos < c->in_len)
		return;
	c->in_pos = c->in_len = 0;
	if (!c->eof)
		return;
	if (c->len > 0)
		take_line(c);
	start_close(c);
}

/*
 * Backpressure: stdin is read only when every line read so far has been
 * handed to the mesh; while the mesh is full, a timer looks again.
 */
static void
pump(struct chat *c)
{
	struct timeval again = { 0, 50 * 1000 };

	take_input(c);
	if (c->closing)
		return;
	if (c->in_len > 0) {
		event_del(c->stdin_ev);
		evtimer_add(c->resume_ev, &again);
	} else if (!c->eof)
		event_add(c->stdin_ev, NULL);
}

static void
on_resume(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	pump(arg);
}

static void
on_stdin(evutil_socket_t fd, short what, void *arg)
{
	struct chat *c = arg;
	ssize_t n;

	(void)what;
	n = read(fd, c->input, sizeof c->input);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		c->eof = true;
		event_del(c->stdin_ev);
	} else
		c->in_len = (size_t)n;
	c->in_pos = 0;
	pump(c);
}

static void
on_signal(int sig, void *arg)
{
	(void)sig;
	start_close(arg);
}

static const struct cli_cmd cmd = { "chat", mesh_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
}

struct chat_args {
	struct mesh_config	 cfg;
	bool			 json, plaintext;
	const char		*room, *connect;
	unsigned		 scan_rate;
	uint16_t		 scan_lo, scan_hi;
};

static int
parse_range(const char *s, uint16_t *lo, uint16_t *hi)
{
	unsigned a, b;
	char end;

	if (sscanf(s, "%u-%u%c", &a, &b, &end) != 2 || a < 1 || b > 65535 ||
	    a > b)
		return -1;
	*lo = (uint16_t)a;
	*hi = (uint16_t)b;
	return 0;
}

/* --room or PUNCHLINE_ROOM, or --plaintext: exactly one. */
static int
choose_mode(struct chat_args *a)
{
	const char *env = getenv("PUNCHLINE_ROOM");

	if (a->room == NULL && env != NULL && *env != '\0' && !a->plaintext)
		a->room = env;
	if (a->room != NULL && a->plaintext)
		return usage_error("%s", "--room and --plaintext: choose one");
	if (a->room == NULL && !a->plaintext)
		return usage_error("%s", "choose --room SECRET (a sealed room) or "
		    "--plaintext (readable datagrams, for teaching)");
	if (a->room != NULL && (*a->room == '\0' ||
	    strlen(a->room) > MESH_ROOM_MAX))
		return usage_error("%s", "the room secret must be 1-256 bytes");
	a->cfg.plaintext = a->plaintext;
	if (a->room == NULL)
		return -1;
	snprintf(a->cfg.room, sizeof a->cfg.room, "%s", a->room);
	if (a->room != env)	/* out of sight of ps from now on */
		memset((char *)a->room, 'x', strlen(a->room));
	return -1;
}

static int
parse_option(int c, void *arg)
{
	struct chat_args *a = arg;
	long n;

	switch (c) {
	case 'n':
		if (strlen(optarg) < 1 || strlen(optarg) > MESH_NAME_MAX)
			return usage_error("name '%s': 1-32 bytes", optarg);
		snprintf(a->cfg.name, sizeof a->cfg.name, "%s", optarg);
		return -1;
	case 'p':
		if (cli_number(optarg, 1, 65535, &n) != 0)
			return usage_error("port '%s': want 1-65535", optarg);
		a->cfg.port = (uint16_t)n;
		return -1;
	case 'k':
		if (cli_number(optarg, 1, 3600, &n) != 0)
			return usage_error("keepalive '%s': want 1-3600 s", optarg);
		a->cfg.keepalive = (double)n;
		return -1;
	case 'b':
		if (mesh_bind_parse(optarg, &a->cfg.bind) != 0)
			return usage_error("--bind '%s': want an IPv4 or "
			    "IPv6 address", optarg);
		a->cfg.bound = true;
		return -1;
	case 'i':
		if (strlen(optarg) >= sizeof a->cfg.identity)
			return usage_error("--identity '%s': too long",
			    optarg);
		snprintf(a->cfg.identity, sizeof a->cfg.identity, "%s",
		    optarg);
		return -1;
	case 'R':
		if (cli_number(optarg, 1, SCAN_RATE_MAX, &n) != 0)
			return usage_error("--scan-rate '%s': want 1-100000 "
			    "probes/s", optarg);
		a->scan_rate = (unsigned)n;
		return -1;
	case 'S':
		if (parse_range(optarg, &a->scan_lo, &a->scan_hi) != 0)
			return usage_error("--scan-range '%s': want LO-HI "
			    "within 1-65535", optarg);
		return -1;
	case 'r':	a->room = optarg; return -1;
	case 'P':	a->plaintext = true; return -1;
	case 'j':	a->json = true; return -1;
	case 'h':
		fputs(mesh_cli_usage, stdout);
		return 0;
	}
	return usage_error("%s", "unknown option");
}

static int
parse_args(int argc, char **argv, struct chat_args *a)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "port", required_argument, NULL, 'p' },
		{ "room", required_argument, NULL, 'r' },
		{ "plaintext", no_argument, NULL, 'P' },
		{ "keepalive", required_argument, NULL, 'k' },
		{ "bind", required_argument, NULL, 'b' },
		{ "identity", required_argument, NULL, 'i' },
		{ "scan-rate", required_argument, NULL, 'R' },
		{ "scan-range", required_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int rc;

	if ((rc = cli_options(&cmd, argc, argv, "+h", longopts,
	    parse_option, a)) >= 0)
		return rc;
	if (optind < argc)
		a->connect = argv[optind++];
	if ((rc = cli_no_more(&cmd, argc, argv)) >= 0)
		return rc;
	return choose_mode(a);
}

static int
run_chat(struct chat_args *a, struct mesh_target *target)
{
	struct chat c;
	struct evlog log;
	char err[160];

	memset(&c, 0, sizeof c);	/* struct chat is large: 80 KiB */
	if ((c.loop = loop_new()) == NULL || evlog_init(&log, 1024) != 0) {
		fprintf(stderr, "punchline chat: cannot start the loop\n");
		return 1;
	}
	evlog_subscribe(&log, a->json ? evjson_consumer : print_text,
	    a->json ? (void *)stdout : NULL);
	if ((c.mesh = mesh_new(c.loop, &log, &a->cfg, err, sizeof err)) == NULL) {
		fprintf(stderr, "punchline chat: %s\n", err);
		evlog_free(&log);
		loop_free(c.loop);
		return 1;
	}
	if (a->connect != NULL && target->scan)
		mesh_scan(c.mesh, &target->addr, a->scan_lo, a->scan_hi,
		    a->scan_rate);
	else if (a->connect != NULL)
		mesh_join(c.mesh, &target->addr);
	fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
	c.stdin_ev = event_new(loop_base(c.loop), STDIN_FILENO,
	    EV_READ | EV_PERSIST, on_stdin, &c);
	c.resume_ev = evtimer_new(loop_base(c.loop), on_resume, &c);
	event_add(c.stdin_ev, NULL);
	loop_on_signal(c.loop, SIGINT, on_signal, &c);
	loop_on_signal(c.loop, SIGTERM, on_signal, &c);
	loop_run(c.loop);
	event_free(c.stdin_ev);
	event_free(c.resume_ev);
	mesh_free(c.mesh);
	loop_free(c.loop);
	evlog_free(&log);
	return 0;
}

int
mesh_cli_main(int argc, char **argv)
{
	struct chat_args a;
	struct mesh_target target;
	const char *user = getenv("USER");
	char err[320];
	int rc;

	memset(&a, 0, sizeof a);
	a.scan_lo = 1;
	a.scan_hi = 65535;
	snprintf(a.cfg.name, sizeof a.cfg.name, "%s",
	    user != NULL && *user != '\0' ? user : "anonymous");
	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	if (a.connect != NULL &&
	    mesh_target_parse(a.connect, &target, err, sizeof err) != 0)
		return usage_error("%s", err);
	return run_chat(&a, &target);
}
