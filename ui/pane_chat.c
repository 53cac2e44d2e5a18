/*
 * pane_chat.c: the Chat pane. Messages with time, sender and delivery
 * mark; joins, punches, path changes and losses in the same stream; the
 * peers list on top (toggled by /peers); an input line with editing and
 * history; commands /connect, /peers, /nick, /quit, /help. It draws from
 * the mesh's events and mesh_peers() snapshots, and turns lines into
 * mesh commands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/core/evlog.h"
#include "../src/mesh/mesh.h"
#include "../src/mesh/mesh_scan.h"
#include "draw.h"
#include "edit_keys.h"
#include "ev_read.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_chat.h"
#include "theme.h"

#define CHAT_LINES	500	/* the stream keeps this many */
#define TRACKED		256	/* own messages whose delivery is shown */
#define PEERS_SHOWN	8

struct chat_line {
	char		 time[9];
	char		 who[MESH_NAME_MAX + 3];
	char		*text;
	uint32_t	 msg;		/* our own message number, or 0 */
	bool		 system;
};

struct tracked {
	uint32_t	 msg;
	int		 peers, delivered;
	char		 failed[MESH_NAME_MAX + 1];
};

struct chat_pane {
	struct mesh		*mesh;
	char			 why_none[400];
	void			(*quit)(void *);
	chat_start_fn		 start;
	void			*quit_arg;
	struct line_edit	 input;
	struct chat_line	 lines[CHAT_LINES];
	size_t			 nlines;	/* total ever added */
	struct tracked		 tracked[TRACKED];
	bool			 show_peers;
};

static struct {
	struct mesh	*mesh;
	const char	*why_none;
	void		(*quit)(void *);
	chat_start_fn	 start;
	void		*arg;
} attached;

void
pane_chat_attach(struct mesh *m, const char *why_none, void (*quit)(void *),
    chat_start_fn start, void *arg)
{
	attached.mesh = m;
	attached.why_none = why_none;
	attached.quit = quit;
	attached.start = start;
	attached.arg = arg;
}

static void
add_line(struct chat_pane *c, const char *who, const char *text, uint32_t msg,
    bool system)
{
	struct chat_line *l = &c->lines[c->nlines++ % CHAT_LINES];
	time_t now = time(NULL);

	free(l->text);
	strftime(l->time, sizeof l->time, "%H:%M:%S", localtime(&now));
	snprintf(l->who, sizeof l->who, "%s", who);
	l->text = strdup(text);
	l->msg = msg;
	l->system = system;
}

static void
say(struct chat_pane *c, const char *text)
{
	add_line(c, "*", text, 0, true);
}

static struct tracked *
track_find(struct chat_pane *c, uint32_t msg)
{
	struct tracked *t = &c->tracked[msg % TRACKED];

	return t->msg == msg ? t : NULL;
}

static void
init(struct pane *pane)
{
	struct chat_pane *c = calloc(1, sizeof *c);

	if (c == NULL)
		return;
	pane->data = c;
	line_init(&c->input);
	c->mesh = attached.mesh;
	c->quit = attached.quit;
	c->start = attached.start;
	c->quit_arg = attached.arg;
	c->show_peers = true;
	snprintf(c->why_none, sizeof c->why_none, "%s",
	    attached.why_none != NULL ? attached.why_none : "");
	say(c, "Type a line and Enter to send it to every peer; /help lists "
	    "the commands.");
}

static void
free_pane(struct pane *pane)
{
	struct chat_pane *c = pane->data;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < CHAT_LINES; i++)
		free(c->lines[i].text);
	free(c);
	pane->data = NULL;
}

/* The mark after one of our messages: sent, delivered to all, failed. */
static void
mark_of(struct chat_pane *c, uint32_t msg, char *buf, size_t len)
{
	struct tracked *t = track_find(c, msg);

	if (t == NULL)
		snprintf(buf, len, " ");
	else if (t->failed[0] != '\0')
		snprintf(buf, len, " [failed for %s]", t->failed);
	else if (t->peers == 0)
		snprintf(buf, len, " [no peer yet]");
	else if (t->delivered >= t->peers)
		snprintf(buf, len, " [delivered to all]");
	else
		snprintf(buf, len, " [sent %d/%d]", t->delivered, t->peers);
}

static int
draw_peers(struct chat_pane *c, WINDOW *win, int y, int w)
{
	struct mesh_peer_view v[PEERS_SHOWN];
	char row[512];
	size_t i, n = mesh_peers(c->mesh, v, PEERS_SHOWN);

	snprintf(row, sizeof row, "peers %zu  me %s port %u  rejected %u", n,
	    mesh_fingerprint(c->mesh)[0] ? mesh_fingerprint(c->mesh) : "-",
	    mesh_port(c->mesh), mesh_rejected(c->mesh));
	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM), row);
	for (i = 0; i < n; i++) {
		snprintf(row, sizeof row, "%-12s %-19s %-8s %-6s %s local %s "
		    "rtt %.1fms heard %.0fs ago rej %u", v[i].name,
		    v[i].fingerprint[0] ? v[i].fingerprint : "-", v[i].state,
		    v[i].path, v[i].endpoint[0] ? v[i].endpoint : "-",
		    v[i].local[0] ? v[i].local : "-", v[i].rtt_ms,
		    v[i].heard_ago, v[i].rejected);
		draw_text(win, y++, 0, w, theme_attr(ROLE_TEXT), row);
	}
	return y;
}

static void
draw_stream(struct chat_pane *c, WINDOW *win, int top, int bottom, int w)
{
	size_t avail = (size_t)(bottom - top), n = c->nlines < CHAT_LINES ?
	    c->nlines : CHAT_LINES, first = n > avail ? c->nlines - avail :
	    c->nlines - n, i;
	char row[1400], mark[64];
	int y = top;

	for (i = first; i < c->nlines && y < bottom; i++, y++) {
		struct chat_line *l = &c->lines[i % CHAT_LINES];

		mark[0] = '\0';
		if (l->msg != 0)
			mark_of(c, l->msg, mark, sizeof mark);
		snprintf(row, sizeof row, "%s %s %s%s", l->time, l->who,
		    l->text != NULL ? l->text : "", mark);
		draw_text(win, y, 0, w, theme_attr(l->system ? ROLE_DIM :
		    ROLE_TEXT), row);
	}
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct chat_pane *c = pane->data;
	int h = getmaxy(win), w = getmaxx(win), y = 0;
	char prompt[LINE_MAX_BYTES + 8];

	if (c == NULL || h < 1)
		return;
	if (c->mesh == NULL)
		y = draw_wrapped(win, y, theme_attr(ROLE_WARNING), c->why_none);
	else if (mesh_plaintext(c->mesh))
		draw_text(win, y++, 0, w, theme_attr(ROLE_WARNING),
		    "PLAINTEXT: anyone on the path can read and forge this chat");
	if (c->mesh != NULL && c->show_peers && h > 8)
		y = draw_peers(c, win, y, w);
	draw_stream(c, win, y, h - 1, w);
	if (strncmp(c->input.buf, "/room ", 6) == 0)	/* typed hidden */
		snprintf(prompt, sizeof prompt, "> /room %.*s", (int)
		    (c->input.len - 6 < 64 ? c->input.len - 6 : 64),
		    "****************************************************************");
	else
		snprintf(prompt, sizeof prompt, "> %s", c->input.buf);
	draw_text(win, h - 1, 0, w, theme_attr(ROLE_TEXT), prompt);
}

static void
connect_to(struct chat_pane *c, const char *target)
{
	struct mesh_target t;
	char err[320], line[LINE_MAX_BYTES + 32];

	if (c->mesh == NULL) {
		say(c, "no mesh yet: /room SECRET or /plaintext first");
		return;
	}
	if (mesh_target_parse(target, &t, err, sizeof err) != 0) {
		say(c, err);
		return;
	}
	if (t.scan)
		mesh_scan(c->mesh, &t.addr, 1, 65535, SCAN_RATE_DEFAULT);
	else
		mesh_join(c->mesh, &t.addr);
	snprintf(line, sizeof line, "connecting to %s", target);
	say(c, line);
}

/* The connect prompt: /room SECRET or /plaintext starts the mesh here. */
static void
start_mesh(struct chat_pane *c, const char *room)
{
	char why[400];

	if (c->mesh != NULL) {
		say(c, "a mesh is running already");
		return;
	}
	if (c->start == NULL || (c->mesh = c->start(c->quit_arg, room, why,
	    sizeof why)) == NULL) {
		snprintf(c->why_none, sizeof c->why_none, "%s",
		    c->start == NULL ? "cannot start a mesh here" : why);
		return;
	}
	say(c, room != NULL ? "sealed room started; /connect HOST to join" :
	    "plaintext mesh started; /connect HOST to join");
}

static void
command(struct chat_pane *c, const char *line)
{
	if (strncmp(line, "/room ", 6) == 0 && line[6] != '\0')
		start_mesh(c, line + 6);
	else if (strcmp(line, "/plaintext") == 0)
		start_mesh(c, NULL);
	else if (strncmp(line, "/connect ", 9) == 0)
		connect_to(c, line + 9);
	else if (strcmp(line, "/peers") == 0)
		c->show_peers = !c->show_peers;
	else if (strncmp(line, "/nick ", 6) == 0 && c->mesh != NULL &&
	    strlen(line + 6) >= 1 && strlen(line + 6) <= MESH_NAME_MAX) {
		mesh_set_name(c->mesh, line + 6);
		say(c, "name changed; peers are told at once");
	} else if (strcmp(line, "/quit") == 0 && c->quit != NULL)
		c->quit(c->quit_arg);
	else
		say(c, "/room SECRET or /plaintext (start)  /connect "
		    "HOST[:PORT|:scan]  /peers (show or hide the list)  /nick "
		    "NAME (1-32 bytes)  /quit  /help");
}

static void
send_line(struct chat_pane *c)
{
	char line[LINE_MAX_BYTES + 1];

	line_take(&c->input, line, sizeof line);
	if (line[0] == '\0')
		return;
	if (strncmp(line, "/room ", 6) == 0)	/* the secret: not in history */
		line_forget_last(&c->input);
	if (line[0] == '/') {
		command(c, line);
		return;
	}
	if (c->mesh == NULL) {
		say(c, "not sent: no mesh is running");
		return;
	}
	add_line(c, "me", line, mesh_send_text(c->mesh, line, strlen(line)),
	    false);
}

static bool
text(struct pane *pane, int ch)
{
	struct chat_pane *c = pane->data;

	if (c == NULL)
		return false;
	pane->dirty = true;
	if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		send_line(c);
		return true;
	}
	if (edit_keys_history(&c->input, ch, LINE_MAX_BYTES, true))
		return true;
	pane->dirty = false;
	return false;
}

static void
on_delivery(struct chat_pane *c, const struct ev *ev)
{
	uint32_t msg = (uint32_t)ev_read_int(ev, "msg");
	struct tracked *t = &c->tracked[msg % TRACKED];

	if (strcmp(ev->kind, "sent") == 0) {
		memset(t, 0, sizeof *t);
		t->msg = msg;
		t->peers = (int)ev_read_int(ev, "peers");
	} else if ((t = track_find(c, msg)) == NULL)
		return;
	else if (strcmp(ev->kind, "delivered") == 0)
		t->delivered++;
	else
		snprintf(t->failed, sizeof t->failed, "%s",
		    ev_get_str(ev, "to") != NULL ? ev_get_str(ev, "to") : "?");
}

static const char *
str_or(const struct ev *ev, const char *key, const char *dflt)
{
	const char *v = ev_get_str(ev, key);

	return v != NULL ? v : dflt;
}

/* Joins, punches, path changes and losses, said the way a class reads
 * them: "bob: direct (public) 198.51.100.3:12345, hole punched". */
static bool
plain_words(const struct ev *ev, char *line, size_t len)
{
	if (strcmp(ev->kind, "peer") == 0)
		snprintf(line, len, "%s: %s (%s) %s, %s", str_or(ev, "name", "?"),
		    str_or(ev, "state", "?"), str_or(ev, "path", "?"),
		    str_or(ev, "endpoint", ""), str_or(ev, "reason", ""));
	else if (strcmp(ev->kind, "public_endpoint") == 0)
		snprintf(line, len, "our NAT shows us as %s",
		    str_or(ev, "endpoint", "?"));
	else if (strcmp(ev->kind, "mode_mismatch") == 0)
		snprintf(line, len, "%s cannot talk to us: %s",
		    str_or(ev, "from", "?"), str_or(ev, "why", ""));
	else
		return false;
	return true;
}

/* Everything else the mesh says, as a line in the stream. */
static void
on_mesh_event(struct chat_pane *c, const struct ev *ev)
{
	char line[512];

	if (strcmp(ev->kind, "message") == 0) {
		add_line(c, ev_get_str(ev, "from"), ev_get_str(ev, "text"), 0, false);
		return;
	}
	if (strcmp(ev->kind, "sent") == 0 || strcmp(ev->kind, "delivered") == 0 ||
	    strcmp(ev->kind, "failed") == 0) {
		on_delivery(c, ev);
		return;
	}
	if (strcmp(ev->kind, "rejected") == 0 ||
	    strcmp(ev->kind, "scan_progress") == 0 ||
	    strcmp(ev->kind, "scanned") == 0)
		return;		/* counted in the peers list; too many to list */
	if (!plain_words(ev, line, sizeof line))
		ev_format_text(ev, line, sizeof line);
	say(c, line);
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct chat_pane *c = pane->data;

	if (c == NULL || strcmp(ev->engine, "mesh") != 0)
		return;
	on_mesh_event(c, ev);
	pane->dirty = true;
}

static const char *
busy(struct pane *pane)
{
	struct chat_pane *c = pane->data;
	size_t i;

	if (c == NULL || c->mesh == NULL)
		return NULL;
	for (i = 0; i < TRACKED; i++)
		if (c->tracked[i].msg != 0 && c->tracked[i].failed[0] == '\0' &&
		    c->tracked[i].delivered < c->tracked[i].peers)
			return "chat messages are still being delivered";
	return NULL;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "send the line (or run a /command)" },
	{ KEY_UP, 0, NULL, "the previous line sent (history)" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_chat = {
	.name = "chat",
	.title = "Chat",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.on_event = on_event,
	.busy = busy,
};
