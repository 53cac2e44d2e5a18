/*
 * mail_transcript.h: the Mail view's transcript: the lines we sent, the
 * server's replies as it sent them with the annotation that goes beside
 * each ("-> state: meaning; enhanced meaning; the server asks:
 * Username:"), TLS reports, warnings and errors, made from the mail
 * engine's events. A ring of the last MAIL_TLINES lines. No curses.
 */
#ifndef UI_MAIL_TRANSCRIPT_H
#define UI_MAIL_TRANSCRIPT_H

#include <stddef.h>

#define MAIL_TLINES	600

struct ev;

enum mail_tkind { MT_SENT, MT_REPLY, MT_INFO, MT_WARN, MT_TLS };

struct mail_tline {
	enum mail_tkind	 kind;
	char		*text;
	char		*note;		/* the annotation, or NULL */
};

struct mail_transcript {
	struct mail_tline	 lines[MAIL_TLINES];
	size_t			 n;	/* ever added */
};

void	 mail_transcript_add(struct mail_transcript *, enum mail_tkind,
	     const char *text, const char *note);
/* A "mail" event as transcript lines; others are ignored. */
void	 mail_transcript_event(struct mail_transcript *, const struct ev *);
/* How many lines are kept, and the i-th of them (0: the oldest kept). */
size_t	 mail_transcript_count(const struct mail_transcript *);
const struct mail_tline *mail_transcript_line(const struct mail_transcript *,
	     size_t);
void	 mail_transcript_free(struct mail_transcript *);

#endif
