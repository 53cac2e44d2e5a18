/*
 * mail_teach.h: the warnings that teach, from what the user sends: a MAIL
 * FROM nobody checked (no AUTH: anyone can claim any sender), a MAIL FROM
 * that is not the identity logged in with AUTH, a message whose headers
 * lack From: or Date: (spam filters frown on it). Pure: lines in,
 * warning texts out.
 */
#ifndef MAIL_MAIL_TEACH_H
#define MAIL_MAIL_TEACH_H

#include <stdbool.h>

struct mail_teach {
	bool	 authenticated;
	char	 identity[256];		/* the AUTH helper's user, or "" */
	bool	 in_headers, saw_from, saw_date;
};

/* AUTH succeeded (user: the helper's, or "" when typed in base64). */
void		 mail_teach_authenticated(struct mail_teach *, const char *user);
/* A command line about to go; a warning, or NULL. */
const char	*mail_teach_command(struct mail_teach *, const char *line);
/* A message line (after 354); a warning (at the final "."), or NULL. */
const char	*mail_teach_data(struct mail_teach *, const char *line);

#endif
