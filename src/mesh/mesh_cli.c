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

const char mesh_cli_usage[] =
    "usage: punchline chat [--name N] [--port P] [--room SECRET | --plaintext]\n"
    "                      [--bind ADDR] [--keepalive SECONDS] [--json] [CONNECT]\n"
    "CONNECT: host, host:port, [v6addr]:port (default port 12345);\n"
    "         empty: wait for others to join.\n"
    "--bind ADDR: use and advertise only ADDR (e.g. 127.0.0.1 for tests).\n"
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

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error("chat", mesh_cli_usage, fmt, arg);
}

static int
parse_number(const char *s, long min, long max, long *out)
{
	char *end;

	*out = strtol(s, &end, 10);
	return *end != '\0' || end == s || *out < min || *out > max ? -1 : 0;
}

struct chat_args {
	struct mesh_config	 cfg;
	bool			 json, plaintext;
	const char		*room, *connect;
};

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
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long n;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (strlen(optarg) < 1 || strlen(optarg) > MESH_NAME_MAX)
				return usage_error("name '%s': 1-32 bytes", optarg);
			snprintf(a->cfg.name, sizeof a->cfg.name, "%s", optarg);
			break;
		case 'p':
			if (parse_number(optarg, 1, 65535, &n) != 0)
				return usage_error("port '%s': want 1-65535", optarg);
			a->cfg.port = (uint16_t)n;
			break;
		case 'k':
			if (parse_number(optarg, 1, 3600, &n) != 0)
				return usage_error("keepalive '%s': want 1-3600 s", optarg);
			a->cfg.keepalive = (double)n;
			break;
		case 'b':
			if (mesh_bind_parse(optarg, &a->cfg.bind) != 0)
				return usage_error("--bind '%s': want an IPv4 or "
				    "IPv6 address", optarg);
			a->cfg.bound = true;
			break;
		case 'r':	a->room = optarg; break;
		case 'P':	a->plaintext = true; break;
		case 'j':	a->json = true; break;
		case 'h':
			fputs(mesh_cli_usage, stdout);
			return 0;
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		a->connect = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	a->cfg.plaintext = a->plaintext;
	if (a->room != NULL || !a->plaintext)
		return usage_error("%s", "sealed rooms (--room) are not built yet; "
		    "run with --plaintext (the readable teaching mode)");
	return -1;
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
	if (a->connect != NULL)
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
	snprintf(a.cfg.name, sizeof a.cfg.name, "%s",
	    user != NULL && *user != '\0' ? user : "anonymous");
	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	if (a.connect != NULL &&
	    mesh_target_parse(a.connect, &target, err, sizeof err) != 0)
		return usage_error("%s", err);
	if (a.connect != NULL && target.scan)
		return usage_error("%s", "host:scan is not built yet");
	return run_chat(&a, &target);
}
