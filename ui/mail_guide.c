/* mail_guide.c: the next step of the classic session (see mail_guide.h). */
#include <stdio.h>
#include <string.h>

#include "mail_guide.h"

static bool
is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

static bool
put(char *cmd, size_t cmdlen, char *why, size_t whylen, const char *c,
    const char *w)
{
	snprintf(cmd, cmdlen, "%s", c);
	snprintf(why, whylen, "%s", w);
	return true;
}

/* Inside DATA: a header, the empty line, a body line, then the dot. */
static bool
data_step(unsigned n, char *cmd, size_t cmdlen, char *why, size_t whylen)
{
	if (n == 0)
		return put(cmd, cmdlen, why, whylen, "Subject: hello from punchline",
		    "headers first (add From: and Date: too: spam filters "
		    "want them)");
	if (n == 1)
		return put(cmd, cmdlen, why, whylen, "",
		    "an empty line ends the headers; the body follows");
	if (n == 2)
		return put(cmd, cmdlen, why, whylen, "This mail was typed by hand.",
		    "the body: any lines (one starting with '.' is "
		    "dot-stuffed for you)");
	return put(cmd, cmdlen, why, whylen, ".",
	    "a lone '.' ends the message; the server answers 250 with a "
	    "queue id");
}

/* After STARTTLS the server forgets the first EHLO; on 465 TLS came
 * first and this is the first hello. */
static const char *
greeting_why(const struct mail_guide_in *in)
{
	if (in->tls && is(in->last_verb, "STARTTLS"))
		return "say hello again: inside TLS the server lists its "
		    "extensions anew (AUTH now)";
	if (in->tls)
		return "say hello: inside TLS from the start, EHLO asks the "
		    "server to list its extensions (AUTH among them)";
	return "say hello: EHLO asks the server to list its extensions (HELO "
	    "is the old form)";
}

static bool
smtp_step(const struct mail_guide_in *in, char *cmd, size_t cmdlen,
    char *why, size_t whylen)
{
	char rcpt[300];

	if (is(in->state, "greeting"))
		return put(cmd, cmdlen, why, whylen, "EHLO punchline.test",
		    greeting_why(in));
	if (is(in->state, "ehlo"))
		return put(cmd, cmdlen, why, whylen, "MAIL FROM:<foo@bar.com>",
		    in->offers_starttls && !in->tls ? "the envelope sender, "
		    "never checked: anyone can claim any address. (The server "
		    "offers STARTTLS: type it first to encrypt the rest.)" :
		    "the envelope sender, never checked: anyone can claim any "
		    "address (hence SPF and DKIM)");
	if (is(in->state, "mail")) {
		snprintf(rcpt, sizeof rcpt, "RCPT TO:<%s>", in->rcpt);
		return put(cmd, cmdlen, why, whylen, rcpt, "the envelope "
		    "recipient: who gets it (one RCPT per recipient)");
	}
	if (is(in->state, "rcpt"))
		return put(cmd, cmdlen, why, whylen, "DATA", "start the "
		    "message: the server answers 354 and takes lines until '.'");
	if (is(in->state, "data"))
		return data_step(in->data_lines, cmd, cmdlen, why, whylen);
	if (is(in->state, "sent"))
		return put(cmd, cmdlen, why, whylen, "QUIT", "the message is "
		    "queued: QUIT ends the session (MAIL FROM would start "
		    "another)");
	return false;
}

static bool
pop3_step(const struct mail_guide_in *in, char *cmd, size_t cmdlen,
    char *why, size_t whylen)
{
	if (is(in->state, "authorization"))
		return is(in->last_verb, "USER") ?
		    put(cmd, cmdlen, why, whylen, "PASS secret", in->tls ?
		    "the password, inside TLS" : "the password, in the clear: "
		    "STLS first would hide it") :
		    put(cmd, cmdlen, why, whylen, "USER alice", "who you are");
	if (!is(in->state, "transaction"))
		return false;
	if (is(in->last_verb, "STAT"))
		return put(cmd, cmdlen, why, whylen, "LIST",
		    "each message's number and size");
	if (is(in->last_verb, "LIST"))
		return put(cmd, cmdlen, why, whylen, "RETR 1",
		    "fetch message 1 (its dot-stuffed lines come back unstuffed)");
	if (is(in->last_verb, "RETR"))
		return put(cmd, cmdlen, why, whylen, "QUIT",
		    "end the session: messages marked with DELE go now");
	return put(cmd, cmdlen, why, whylen, "STAT",
	    "how many messages, and their total size");
}

bool
mail_guide_next(const struct mail_guide_in *in, char *cmd, size_t cmdlen,
    char *why, size_t whylen)
{
	cmd[0] = why[0] = '\0';
	return in->pop3 ? pop3_step(in, cmd, cmdlen, why, whylen) :
	    smtp_step(in, cmd, cmdlen, why, whylen);
}
