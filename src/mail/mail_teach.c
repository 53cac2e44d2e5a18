/* mail_teach.c: warnings that teach (see mail_teach.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mail_teach.h"

void
mail_teach_authenticated(struct mail_teach *t, const char *user)
{
	t->authenticated = true;
	snprintf(t->identity, sizeof t->identity, "%s", user);
}

/* The address of "MAIL FROM:<a@b>" (or without <>) into out. */
static void
sender_of(const char *line, char *out, size_t len)
{
	const char *p = strchr(line, ':'), *end;

	out[0] = '\0';
	if (p == NULL)
		return;
	p++;
	while (*p == ' ' || *p == '<')
		p++;
	end = p + strcspn(p, "> ");
	snprintf(out, len, "%.*s", (int)(end - p), p);
}

/* Whether the sender is the identity: the same address, or the same
 * local part when the login was a bare user name. */
static bool
is_identity(const char *sender, const char *identity)
{
	size_t n = strlen(identity);

	if (strcasecmp(sender, identity) == 0)
		return true;
	return strchr(identity, '@') == NULL && strncasecmp(sender, identity,
	    n) == 0 && sender[n] == '@';
}

const char *
mail_teach_command(struct mail_teach *t, const char *line)
{
	static char text[512];
	char sender[256];

	if (strncasecmp(line, "DATA", 4) == 0 && line[4] == '\0') {
		t->in_headers = true;
		t->saw_from = t->saw_date = false;
		return NULL;
	}
	if (strncasecmp(line, "MAIL FROM", 9) != 0)
		return NULL;
	sender_of(line, sender, sizeof sender);
	if (!t->authenticated)
		return "nothing checks this sender: without AUTH anyone can "
		    "claim any address (receivers check it with SPF, DKIM "
		    "and DMARC)";
	if (t->identity[0] == '\0' || sender[0] == '\0' ||
	    is_identity(sender, t->identity))
		return NULL;
	snprintf(text, sizeof text, "MAIL FROM <%.200s> is not who you "
	    "logged in as (%.100s): many servers refuse it, and it is how "
	    "forged mail starts", sender, t->identity);
	return text;
}

const char *
mail_teach_data(struct mail_teach *t, const char *line)
{
	if (strcmp(line, ".") == 0) {
		if (t->saw_from && t->saw_date)
			return NULL;
		return !t->saw_from && !t->saw_date ? "the message has no "
		    "From: and no Date: header: spam filters frown on it "
		    "(some servers add them)" : !t->saw_from ? "the message "
		    "has no From: header: spam filters frown on it" :
		    "the message has no Date: header: spam filters frown on it";
	}
	if (!t->in_headers)
		return NULL;
	if (line[0] == '\0')
		t->in_headers = false;	/* the empty line ends the headers */
	else if (strncasecmp(line, "From:", 5) == 0)
		t->saw_from = true;
	else if (strncasecmp(line, "Date:", 5) == 0)
		t->saw_date = true;
	return NULL;
}
