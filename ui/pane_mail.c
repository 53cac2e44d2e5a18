/*
 * pane_mail.c: the Mail view (F9 puts it in place of the focused pane).
 * A form (host, port, protocol, mode; on a second row the CA file and
 * the name the certificate must carry, both optional); Enter connects.
 * Then the
 * transcript (our lines and the server's replies in their own colours,
 * the annotation beside each reply), the state strip (greeting -> EHLO ->
 * MAIL -> RCPT -> DATA -> sent -> QUIT, or POP3's three states), the TLS
 * status and an input line. In guided mode the next command of the
 * classic session waits in the input line with why (Enter sends it, or
 * edit it first); in free mode the line is yours. A certificate that is
 * not trusted holds the session on a question (y goes on insecurely, n
 * closes), the verdict and the choice on screen. It runs sessions
 * through the mail engine (the same path as `punchline mail`) and draws
 * from its events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/core/evlog.h"
#include "../src/mail/mail.h"
#include "draw.h"
#include "edit_keys.h"
#include "form.h"
#include "line_edit.h"
#include "mail_guide.h"
#include "mail_transcript.h"
#include "pane.h"
#include "pane_mail.h"
#include "theme.h"

#define CTRL(c)	((c) & 0x1f)
#define RCPT	"alice@lab.test"

enum field { F_HOST, F_PORT, F_PROTO, F_MODE, F_CAFILE, F_NAME, F_COUNT };

static const struct {
	const char	*name;
	unsigned	 port;
	enum mail_proto	 proto;
	bool		 tls;
} protos[] = {
	{ "smtp", 25, MAIL_SMTP, false },
	{ "submission", 587, MAIL_SMTP, false },
	{ "smtps", 465, MAIL_SMTP, true },
	{ "pop3", 110, MAIL_POP3, false },
	{ "pop3s", 995, MAIL_POP3, true },
};
#define NPROTOS	(int)(sizeof protos / sizeof protos[0])

struct mail_pane {
	struct line_edit	 host, port, input;
	/* Empty: the system's CA store; the host typed. */
	struct line_edit	 cafile, servername;
	int			 field, proto;
	bool			 guided, plaintext_auth;
	struct mail		*mail;
	bool			 open;		/* a session is live */
	char			 state[16];
	bool			 tls, trusted, offers_starttls;
	bool			 asking;	/* untrusted: y or n? */
	bool			 insecure;	/* went on untrusted */
	char			 tls_head[160];	/* version, cipher, verdict */
	char			 tls_tail[300];	/* subject, end of validity */
	char			 verdict[64];
	unsigned		 data_lines;
	char			 last_verb[16];
	char			 why[300];	/* of the suggestion */
	struct mail_transcript	 t;
	int			 scroll;	/* lines back from the end */
};

static struct {
	struct loop	*loop;
	struct evlog	*log;
} attached;

void
pane_mail_attach(struct loop *loop, struct evlog *log)
{
	attached.loop = loop;
	attached.log = log;
}

static void
set_default_port(struct mail_pane *v)
{
	char port[8];

	snprintf(port, sizeof port, "%u", protos[v->proto].port);
	line_set(&v->port, port);
}

static void
init(struct pane *pane)
{
	struct mail_pane *v = calloc(1, sizeof *v);

	if (v == NULL)
		return;
	pane->data = v;
	line_init(&v->host);
	line_init(&v->port);
	line_init(&v->input);
	line_init(&v->cafile);
	line_init(&v->servername);
	line_set(&v->host, "127.0.0.1");
	set_default_port(v);
	v->guided = true;
	mail_transcript_add(&v->t, MT_INFO, "* Enter connects. Guided mode "
	    "walks the classic session step by step: each command waits in "
	    "the input line with why; Enter sends it, or edit it first. "
	    "For a server whose certificate comes from a private CA, give "
	    "its CA file, and the name the certificate carries if not the "
	    "host.", NULL);
}

static void
free_pane(struct pane *pane)
{
	struct mail_pane *v = pane->data;

	if (v == NULL)
		return;
	mail_free(v->mail);
	mail_transcript_free(&v->t);
	free(v);
	pane->data = NULL;
}

/* The next command of the classic session, into the input line. */
static void
suggest(struct mail_pane *v)
{
	struct mail_guide_in in = { .pop3 = protos[v->proto].proto == MAIL_POP3,
	    .state = v->state, .data_lines = v->data_lines,
	    .last_verb = v->last_verb, .offers_starttls = v->offers_starttls,
	    .tls = v->tls, .rcpt = RCPT };
	char cmd[LINE_MAX_BYTES + 1];

	if (!v->guided || !v->open)
		return;
	if (mail_guide_next(&in, cmd, sizeof cmd, v->why, sizeof v->why))
		line_set(&v->input, cmd);
}

static void
on_ready(void *arg)
{
	suggest(arg);
}

static void
on_untrusted(void *arg)
{
	((struct mail_pane *)arg)->asking = true;
}

static void
on_closed(void *arg)
{
	struct mail_pane *v = arg;

	/* The engine is freed on the next connect. */
	v->open = v->asking = false;
	v->why[0] = '\0';
	line_set(&v->input, "");
}

/* An optional field: NULL when empty (the engine's default then). */
static const char *
optional(const struct line_edit *le)
{
	return le->buf[0] != '\0' ? le->buf : NULL;
}

static void
start_session(struct mail_pane *v)
{
	/* The engine keeps these pointers: the form's fields are not
	 * edited while a session is open. */
	struct mail_config cfg = { .host = v->host.buf, .proto =
	    protos[v->proto].proto, .implicit_tls = protos[v->proto].tls,
	    .untrusted = MAIL_UNTRUSTED_ASK, .cafile = optional(&v->cafile),
	    .servername = optional(&v->servername),
	    .allow_plaintext_auth = v->plaintext_auth };
	struct mail_callbacks cb = { on_ready, on_closed, v, on_untrusted };
	char err[300], line[400];
	long port = strtol(v->port.buf, NULL, 10);

	if (port < 1 || port > 65535 || v->host.buf[0] == '\0') {
		mail_transcript_add(&v->t, MT_WARN, "! want a host and a port "
		    "1-65535", NULL);
		return;
	}
	mail_free(v->mail);
	cfg.port = (unsigned)port;
	v->tls = v->trusted = v->offers_starttls = false;
	v->asking = v->insecure = false;
	v->data_lines = 0;
	v->last_verb[0] = '\0';
	snprintf(v->state, sizeof v->state, "connecting");
	snprintf(line, sizeof line, "* connecting to %.255s port %ld (%s)",
	    v->host.buf, port, protos[v->proto].name);
	mail_transcript_add(&v->t, MT_INFO, line, NULL);
	v->scroll = 0;
	v->open = true;
	if ((v->mail = mail_new(attached.loop, attached.log, &cfg, &cb, err,
	    sizeof err)) == NULL || mail_connect(v->mail, err, sizeof err) != 0) {
		snprintf(line, sizeof line, "! %s", err);
		mail_transcript_add(&v->t, MT_WARN, line, NULL);
		v->open = false;
		v->state[0] = '\0';
	}
}

/* The input line to the server. While in DATA the next suggestion comes
 * at once (message lines get no reply). */
static void
send_input(struct mail_pane *v)
{
	char line[LINE_MAX_BYTES + 1], verb[16] = "";
	bool data = mail_in_data(v->mail);

	line_take(&v->input, line, sizeof line);
	if (line[0] == '\0' && !data)
		return;
	if (!data) {
		sscanf(line, "%15s", verb);
		for (char *p = verb; *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		snprintf(v->last_verb, sizeof v->last_verb, "%s", verb);
		if (strcmp(verb, "AUTH") == 0 || strcmp(verb, "PASS") == 0)
			line_forget_last(&v->input);	/* a secret */
	}
	v->why[0] = '\0';
	mail_send(v->mail, line);
	if (data) {
		v->data_lines++;
		if (mail_in_data(v->mail))
			suggest(v);
	}
	v->scroll = 0;
}

static void
toggle_guided(struct mail_pane *v)
{
	char line[128];

	v->guided = !v->guided;
	if (v->guided && v->open && v->input.len == 0)
		suggest(v);
	else if (!v->guided)
		v->why[0] = '\0';
	snprintf(line, sizeof line, "* %s mode", v->guided ? "guided" : "free");
	mail_transcript_add(&v->t, MT_INFO, line, NULL);
}

static void
toggle_plaintext_auth(struct mail_pane *v)
{
	v->plaintext_auth = !v->plaintext_auth;
	if (v->mail != NULL)
		mail_allow_plaintext_auth(v->mail, v->plaintext_auth);
	mail_transcript_add(&v->t, MT_WARN, v->plaintext_auth ?
	    "! AUTH with a password outside TLS: allowed (anyone on the path "
	    "can read it)" : "! AUTH with a password outside TLS: refused",
	    NULL);
}

static bool
form_key(struct mail_pane *v, int ch)
{
	int step;

	if (form_focus_key(&v->field, F_COUNT, ch))
		return true;
	if (v->field == F_HOST)
		return form_text_key(&v->host, ch);
	if (v->field == F_CAFILE)
		return form_text_key(&v->cafile, ch);
	if (v->field == F_NAME)
		return form_text_key(&v->servername, ch);
	if (v->field == F_PORT)
		return (ch < 0x20 || ch >= 0x7f || (ch >= '0' && ch <= '9')) &&
		    edit_keys(&v->port, ch, 5, false);
	if ((step = form_choice_step(ch)) == 0)
		return false;
	if (v->field == F_PROTO) {
		v->proto = form_turn(v->proto, step, NPROTOS);
		set_default_port(v);
	} else
		toggle_guided(v);
	return true;
}

/* The answer to an untrusted certificate: y goes on, n or Esc closes;
 * other typed keys are kept from the input line until then. */
static bool
trust_key(struct mail_pane *v, int ch)
{
	bool yes = ch == 'y' || ch == 'Y';

	if (!yes && ch != 'n' && ch != 'N' && ch != 27)
		return ch >= 0x20 && ch < 0x7f;
	v->asking = false;
	v->insecure = yes;
	mail_trust(v->mail, yes);	/* its warning event says the choice */
	return true;
}

static bool
session_key(struct mail_pane *v, int ch)
{
	if (ch == 27) {
		mail_close(v->mail);
		return true;
	}
	return edit_keys_history(&v->input, ch, 998, true);
}

static bool
text(struct pane *pane, int ch)
{
	struct mail_pane *v = pane->data;
	bool used = true;

	if (v == NULL)
		return false;
	if (v->asking)
		used = trust_key(v, ch);
	else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		if (v->open)
			send_input(v);
		else
			start_session(v);
	} else if (ch == CTRL('g'))
		toggle_guided(v);
	else if (ch == CTRL('a'))
		toggle_plaintext_auth(v);
	else if (ch == KEY_PPAGE || ch == KEY_NPAGE)
		v->scroll += ch == KEY_PPAGE ? 10 : -10;
	else
		used = v->open ? session_key(v, ch) : form_key(v, ch);
	if (v->scroll < 0)
		v->scroll = 0;
	if (used)
		pane->dirty = true;
	return used;
}

/* The TLS status line, from the tls event. */
static void
on_tls(struct mail_pane *v, const struct ev *ev)
{
	const char *verify = ev_get_str(ev, "verify");

	v->tls = true;
	v->trusted = verify != NULL && strcmp(verify, "trusted") == 0;
	snprintf(v->verdict, sizeof v->verdict, "%s", verify);
	snprintf(v->tls_head, sizeof v->tls_head, "%s %s, certificate %s",
	    ev_get_str(ev, "version"), ev_get_str(ev, "cipher"), verify);
	snprintf(v->tls_tail, sizeof v->tls_tail, ": %s, valid to %s",
	    ev_get_str(ev, "subject"), ev_get_str(ev, "not_after"));
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct mail_pane *v = pane->data;
	const char *state = ev_get_str(ev, "state"), *text;

	if (v == NULL || v->mail == NULL || strcmp(ev->engine, "mail") != 0)
		return;
	mail_transcript_event(&v->t, ev);
	if (state != NULL)
		snprintf(v->state, sizeof v->state, "%s", state);
	if (strcmp(ev->kind, "tls") == 0)
		on_tls(v, ev);
	if (strcmp(ev->kind, "reply") == 0 && (text = ev_get_str(ev, "text")) != NULL &&
	    strstr(text, "\nSTARTTLS") != NULL)
		v->offers_starttls = true;
	if (strcmp(ev->kind, "reply") == 0 && v->state[0] != '\0' &&
	    strcmp(v->state, "data") != 0)
		v->data_lines = 0;
	pane->dirty = true;
}

/* The port field has a cell more than the 5 digits, for the cursor. */
static void
draw_form(struct mail_pane *v, WINDOW *win, int w, bool f)
{
	bool form = f && !v->open;
	int x;

	x = form_text(win, 0, 0, w, "Host ", &v->host, 20,
	    form && v->field == F_HOST) + 1;
	x = form_text(win, 0, x, w, "Port ", &v->port, 6,
	    form && v->field == F_PORT) + 1;
	x = form_choice(win, 0, x, w, "Protocol ", protos[v->proto].name,
	    form && v->field == F_PROTO) + 1;
	x = form_choice(win, 0, x, w, "Mode ", v->guided ? "guided" : "free",
	    form && v->field == F_MODE) + 2;
	draw_text(win, 0, x, w - x, theme_attr(ROLE_DIM), v->open ?
	    "Esc: close" : "Enter: connect");
	/* The path takes what the name leaves (44 columns at 80x24). */
	x = form_text(win, 1, 0, w, "CA file ", &v->cafile, w - 34 > 10 ?
	    w - 34 : 10, form && v->field == F_CAFILE) + 1;
	form_text(win, 1, x, w, "Name ", &v->servername, 20,
	    form && v->field == F_NAME);
}

/* greeting -> EHLO -> [MAIL] -> RCPT ...: where the session is, in
 * brackets and reverse; the steps before it plain, after it dim. */
static void
draw_strip(struct mail_pane *v, WINDOW *win, int y, int w)
{
	static const char *const smtp[][2] = { { "greeting", "greeting" },
	    { "ehlo", "EHLO" }, { "mail", "MAIL" }, { "rcpt", "RCPT" },
	    { "data", "DATA" }, { "sent", "sent" }, { "quit", "QUIT" } };
	static const char *const pop3[][2] = { { "authorization",
	    "authorization" }, { "transaction", "transaction" },
	    { "update", "update" } };
	bool is_pop3 = protos[v->proto].proto == MAIL_POP3;
	const char *const (*steps)[2] = is_pop3 ? pop3 : smtp;
	int n = is_pop3 ? 3 : 7, i, at = -1, x;
	char name[24];

	for (i = 0; i < n; i++)
		if (strcmp(v->state, steps[i][0]) == 0)
			at = i;
	x = draw_text(win, y, 0, w, theme_attr(ROLE_DIM), "State ");
	for (i = 0; i < n && x < w; i++) {
		if (i > 0)
			x += draw_text(win, y, x, w - x, theme_attr(ROLE_DIM),
			    " -> ");
		snprintf(name, sizeof name, i == at ? "[%s]" : "%s", steps[i][1]);
		x += draw_text(win, y, x, w - x, i == at ?
		    theme_attr(ROLE_TITLE) | (int)A_REVERSE :
		    theme_attr(i < at ? ROLE_TEXT : ROLE_DIM), name);
	}
	if (at < 0 && v->state[0] != '\0' && x + 3 < w)
		draw_text(win, y, x + 2, w - x - 2, theme_attr(ROLE_DIM), v->state);
}

static void
draw_tls(struct mail_pane *v, WINDOW *win, int y, int w)
{
	int x = draw_text(win, y, 0, w, theme_attr(ROLE_DIM), "TLS   ");

	if (v->tls) {
		int attr = theme_attr(v->trusted ? ROLE_TEXT : ROLE_WARNING);

		x += draw_text(win, y, x, w - x, attr, v->tls_head);
		if (v->insecure)
			x += draw_text(win, y, x, w - x, attr | (int)A_BOLD,
			    " (insecure: your choice)");
		x += draw_text(win, y, x, w - x, attr, v->tls_tail);
	} else if (v->open)
		x += draw_text(win, y, x, w - x, theme_attr(ROLE_WARNING),
		    "none: plaintext, anyone on the path can read this session");
	else
		x += draw_text(win, y, x, w - x, theme_attr(ROLE_DIM), "-");
	draw_text(win, y, x + 2, w - x - 2, theme_attr(ROLE_DIM),
	    v->plaintext_auth ? "AUTH in clear: allowed (C-a)" :
	    "AUTH in clear: refused (C-a)");
}

static int
kind_attr(enum mail_tkind k)
{
	switch (k) {
	case MT_SENT:	return theme_attr(ROLE_SENT);
	case MT_REPLY:	return theme_attr(ROLE_RECEIVED);
	case MT_WARN:	return theme_attr(ROLE_WARNING);
	case MT_TLS:	return theme_attr(ROLE_TEXT);
	case MT_INFO:	break;
	}
	return theme_attr(ROLE_DIM);
}

/* A line, and its annotation beside it from the middle of the pane (or
 * right after a longer line). */
static void
draw_tline(WINDOW *win, int y, int w, const struct mail_tline *l)
{
	int col = w * 45 / 100, used;

	if (l->note == NULL) {
		draw_text(win, y, 0, w, kind_attr(l->kind), l->text);
		return;
	}
	used = draw_text(win, y, 0, w - 12 > col ? w - 12 : w,
	    kind_attr(l->kind), l->text);
	if (used + 2 > col)
		col = used + 2;
	if (col + 4 < w) {
		draw_text(win, y, col, 2, theme_attr(ROLE_DIM), "# ");
		draw_text(win, y, col + 2, w - col - 2, theme_attr(ROLE_DIM),
		    l->note);
	}
}

static void
draw_transcript(struct mail_pane *v, WINDOW *win, int top, int bottom, int w)
{
	size_t n = mail_transcript_count(&v->t), rows = (size_t)(bottom - top);
	size_t back = (size_t)v->scroll, end, first, i;

	if (back + rows > n)
		back = n > rows ? n - rows : 0;
	end = n - back;
	first = end > rows ? end - rows : 0;
	for (i = first; i < end; i++)
		draw_tline(win, top + (int)(i - first), w,
		    mail_transcript_line(&v->t, i));
}

static void
draw_input(struct mail_pane *v, WINDOW *win, int h, int w, bool f)
{
	char prompt[LINE_MAX_BYTES + 64];

	if (v->why[0] != '\0') {
		snprintf(prompt, sizeof prompt, "Next: %s", v->why);
		draw_text(win, h - 2, 0, w, theme_attr(ROLE_TITLE), prompt);
	}
	if (!v->open) {
		draw_text(win, h - 1, 0, w, theme_attr(ROLE_DIM), v->t.n > 1 ?
		    "(no session: Enter connects)" : "");
		return;
	}
	if (v->asking) {
		snprintf(prompt, sizeof prompt, "The certificate is not "
		    "trusted (%s). y: go on anyway (insecure)  n: close",
		    v->verdict);
		draw_text(win, h - 1, 0, w, theme_attr(ROLE_WARNING) |
		    (int)A_REVERSE, prompt);
		return;
	}
	snprintf(prompt, sizeof prompt, "> %s", v->input.buf);
	draw_text(win, h - 1, 0, w, theme_attr(ROLE_SENT), prompt);
	if (f && (int)v->input.cursor + 2 < w)
		mvwchgat(win, h - 1, (int)v->input.cursor + 2, 1, A_REVERSE,
		    0, NULL);
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct mail_pane *v = pane->data;
	int h = getmaxy(win), w = getmaxx(win);

	if (v == NULL || !draw_fits(win, 9, 40, pane->ops->title))
		return;
	draw_form(v, win, w, pane->focused);
	draw_strip(v, win, 2, w);
	draw_tls(v, win, 3, w);
	draw_transcript(v, win, 4, h - 2, w);
	draw_input(v, win, h, w, pane->focused);
}

static const char *
busy(struct pane *pane)
{
	struct mail_pane *v = pane->data;

	return v != NULL && v->open ? "a mail session" : (const char *)NULL;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "connect (in the form); send the line (in a session)" },
	{ KEY_UP, 0, NULL, "form: the next field (Down too); session: the "
	    "lines sent before" },
	{ KEY_LEFT, 0, NULL, "in Protocol and Mode: change it (Right, Space too)" },
	{ 27, 0, NULL, "close the session (without QUIT)" },
	{ 'y', 0, NULL, "when the certificate is not trusted: go on inside "
	    "TLS anyway (insecure, said on screen)" },
	{ 'n', 0, NULL, "when the certificate is not trusted: refuse it and "
	    "close the session (Esc too)" },
	{ CTRL('g'), 0, NULL, "guided mode (the classic session suggested step "
	    "by step) or free mode" },
	{ CTRL('a'), 0, NULL, "allow or refuse AUTH with a password outside "
	    "TLS (warned either way)" },
	{ KEY_PPAGE, 0, NULL, "scroll the transcript back (PgDn: forward)" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_mail = {
	.name = "mail",
	.title = "Mail",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.on_event = on_event,
	.busy = busy,
};
