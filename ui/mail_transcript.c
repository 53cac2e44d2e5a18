/* mail_transcript.c: transcript lines from mail events (see the header). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/core/evlog.h"
#include "ev_read.h"
#include "mail_transcript.h"

void
mail_transcript_add(struct mail_transcript *t, enum mail_tkind kind,
    const char *text, const char *note)
{
	struct mail_tline *l = &t->lines[t->n++ % MAIL_TLINES];

	free(l->text);
	free(l->note);
	l->kind = kind;
	l->text = strdup(text);
	l->note = note != NULL && note[0] != '\0' ? strdup(note) : NULL;
}

size_t
mail_transcript_count(const struct mail_transcript *t)
{
	return t->n < MAIL_TLINES ? t->n : MAIL_TLINES;
}

const struct mail_tline *
mail_transcript_line(const struct mail_transcript *t, size_t i)
{
	size_t first = t->n - mail_transcript_count(t);

	return &t->lines[(first + i) % MAIL_TLINES];
}

void
mail_transcript_free(struct mail_transcript *t)
{
	size_t i;

	for (i = 0; i < MAIL_TLINES; i++) {
		free(t->lines[i].text);
		free(t->lines[i].note);
	}
	memset(t, 0, sizeof *t);
}

/* "-> state: meaning; enhanced meaning", a challenge first ("-> state:
 * the server asks: Username:; meaning"): the note is cut at the edge. */
static void
reply_note(const struct ev *ev, char *note, size_t len)
{
	const char *em = ev_read_str(ev, "enhanced_meaning");
	const char *asks = ev_read_str(ev, "challenge");

	snprintf(note, len, "-> %s: %s%s%s%s%s%s", ev_read_str(ev, "state"),
	    asks[0] != '\0' ? "the server asks: " : "", asks,
	    asks[0] != '\0' ? "; " : "", ev_read_str(ev, "meaning"),
	    em[0] != '\0' ? "; " : "", em);
}

/* Each line of a multi-line reply as the server sent it ("250-..."),
 * the annotation beside the last. */
static void
smtp_reply(struct mail_transcript *t, const struct ev *ev)
{
	const char *text = ev_read_str(ev, "text"), *nl;
	const char *enh = ev_read_str(ev, "enhanced");
	long long c = (long long)ev_read_int(ev, "code");
	char line[1200], note[600];

	while ((nl = strchr(text, '\n')) != NULL) {
		snprintf(line, sizeof line, "< %lld-%.*s", c, (int)(nl - text), text);
		mail_transcript_add(t, MT_REPLY, line, NULL);
		text = nl + 1;
	}
	snprintf(line, sizeof line, "< %lld %s%s%s", c, enh,
	    enh[0] != '\0' ? " " : "", text);
	reply_note(ev, note, sizeof note);
	mail_transcript_add(t, MT_REPLY, line, note);
}

static void
pop3_reply(struct mail_transcript *t, const struct ev *ev)
{
	char line[1200], note[600];

	snprintf(line, sizeof line, "< %s %s", ev_read_str(ev, "status"),
	    ev_read_str(ev, "text"));
	reply_note(ev, note, sizeof note);
	mail_transcript_add(t, MT_REPLY, line, note);
}

static void
tls_report(struct mail_transcript *t, const struct ev *ev)
{
	char line[800];

	snprintf(line, sizeof line, "* TLS %s %s, certificate %s",
	    ev_read_str(ev, "version"), ev_read_str(ev, "cipher"),
	    ev_read_str(ev, "verify"));
	mail_transcript_add(t, MT_TLS, line, NULL);
	snprintf(line, sizeof line, "*   subject %s, issuer %s",
	    ev_read_str(ev, "subject"), ev_read_str(ev, "issuer"));
	mail_transcript_add(t, MT_TLS, line, NULL);
	snprintf(line, sizeof line, "*   names %s, valid %s to %s",
	    ev_read_str(ev, "sans")[0] != '\0' ? ev_read_str(ev, "sans") :
	    "(none)",
	    ev_read_str(ev, "not_before"), ev_read_str(ev, "not_after"));
	mail_transcript_add(t, MT_TLS, line, NULL);
}

static void
sent_line(struct mail_transcript *t, const struct ev *ev)
{
	char line[1200];

	snprintf(line, sizeof line, "> %s", ev_read_str(ev, "line"));
	mail_transcript_add(t, MT_SENT, line, ev_find(ev, "stuffed") != NULL ?
	    "dot-stuffed: went with one more '.'" : ev_find(ev, "helper") !=
	    NULL ? "made by the AUTH helper (password masked)" : NULL);
}

void
mail_transcript_event(struct mail_transcript *t, const struct ev *ev)
{
	const char *k = ev->kind;
	char line[1200];

	if (strcmp(ev->engine, "mail") != 0)
		return;
	if (strcmp(k, "sent") == 0)
		sent_line(t, ev);
	else if (strcmp(k, "reply") == 0 && ev_find(ev, "status") != NULL)
		pop3_reply(t, ev);
	else if (strcmp(k, "reply") == 0)
		smtp_reply(t, ev);
	else if (strcmp(k, "data") == 0) {
		snprintf(line, sizeof line, "< %s", ev_read_str(ev, "line"));
		mail_transcript_add(t, MT_REPLY, line, NULL);
	} else if (strcmp(k, "tls") == 0)
		tls_report(t, ev);
	else if (strcmp(k, "warning") == 0 || strcmp(k, "error") == 0) {
		snprintf(line, sizeof line, "! %s", ev_read_str(ev, "text"));
		mail_transcript_add(t, MT_WARN, line, NULL);
	} else if (strcmp(k, "connected") == 0) {
		snprintf(line, sizeof line, "* connected to %s port %lld",
		    ev_read_str(ev, "host"), ev_find(ev, "port") != NULL ?
		    (long long)ev_find(ev, "port")->v.i : 0LL);
		mail_transcript_add(t, MT_INFO, line, NULL);
	} else if (strcmp(k, "closed") == 0) {
		snprintf(line, sizeof line, "* closed by %s (state %s)",
		    ev_read_str(ev, "by"), ev_read_str(ev, "state"));
		mail_transcript_add(t, MT_INFO, line, NULL);
	}
}
