/*
 * mail_guide.h: the Mail view's guided mode. From where the session is
 * (the engine's state name, the lines sent in DATA, the last command) it
 * suggests the next command of the classic lesson and says why: EHLO,
 * MAIL FROM, RCPT TO, DATA, a Subject, the empty line, a body line, ".",
 * QUIT; for POP3 USER, PASS, STAT, LIST, RETR 1, QUIT. Pure: no curses.
 */
#ifndef UI_MAIL_GUIDE_H
#define UI_MAIL_GUIDE_H

#include <stdbool.h>
#include <stddef.h>

struct mail_guide_in {
	bool		 pop3;
	const char	*state;		/* mail_state(): "greeting", "ehlo" ... */
	unsigned	 data_lines;	/* message lines sent since 354 */
	const char	*last_verb;	/* of the last command sent, upper case */
	bool		 offers_starttls, tls;
	const char	*rcpt;		/* the suggested recipient */
};

/* The next command into cmd (may be "": the empty line after headers)
 * and why into why; false when there is nothing to suggest. */
bool	 mail_guide_next(const struct mail_guide_in *, char *cmd, size_t cmdlen,
	     char *why, size_t whylen);

#endif
