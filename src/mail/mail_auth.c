/* mail_auth.c: AUTH PLAIN and LOGIN done for the user (see mail_auth.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "mail_auth.h"

#define MASK	"********"

/* The next space-separated word of *p into out; false if none or too long. */
static bool
word(const char **p, char *out, size_t outlen)
{
	size_t n = 0;

	while (**p == ' ')
		(*p)++;
	while (**p != '\0' && **p != ' ') {
		if (n + 1 >= outlen)
			return false;
		out[n++] = *(*p)++;
	}
	out[n] = '\0';
	return n > 0;
}

static int
count_words(const char *line)
{
	int n = 0;
	bool in = false;

	for (; *line != '\0'; line++) {
		if (*line != ' ' && !in)
			n++;
		in = *line != ' ';
	}
	return n;
}

bool
mail_auth_parse(const char *line, struct mail_auth *a)
{
	char verb[8], mech[8];
	const char *p = line;

	memset(a, 0, sizeof *a);
	if (count_words(line) != 4 || !word(&p, verb, sizeof verb) ||
	    strcasecmp(verb, "AUTH") != 0 || !word(&p, mech, sizeof mech))
		return false;
	if (strcasecmp(mech, "PLAIN") == 0)
		a->mech = MAIL_AUTH_PLAIN;
	else if (strcasecmp(mech, "LOGIN") == 0)
		a->mech = MAIL_AUTH_LOGIN;
	else
		return false;
	if (!word(&p, a->user, sizeof a->user) ||
	    !word(&p, a->pass, sizeof a->pass)) {
		mail_auth_clear(a);
		return false;
	}
	return true;
}

bool
mail_auth_has_secret(const char *line)
{
	char verb[8];
	const char *p = line;

	return word(&p, verb, sizeof verb) && strcasecmp(verb, "AUTH") == 0 &&
	    count_words(line) >= 3;
}

static void
base64(const void *bin, size_t len, char *out, size_t outlen)
{
	sodium_bin2base64(out, outlen, bin, len,
	    sodium_base64_VARIANT_ORIGINAL);
}

/* PLAIN (RFC 4616): authzid (empty) \0 authcid \0 password, one line. */
static void
plain_line(const struct mail_auth *a, struct mail_auth_line *l)
{
	unsigned char buf[2 * MAIL_AUTH_FIELD_MAX + 2];
	size_t ulen = strlen(a->user), plen = strlen(a->pass);

	buf[0] = '\0';
	memcpy(buf + 1, a->user, ulen);
	buf[1 + ulen] = '\0';
	memcpy(buf + 2 + ulen, a->pass, plen);
	snprintf(l->wire, sizeof l->wire, "AUTH PLAIN ");
	base64(buf, 2 + ulen + plen, l->wire + 11, sizeof l->wire - 11);
	sodium_memzero(buf, sizeof buf);
	snprintf(l->shown, sizeof l->shown, "AUTH PLAIN <base64 of "
	    "\"\\0%s\\0" MASK "\">", a->user);
}

bool
mail_auth_next(struct mail_auth *a, struct mail_auth_line *l)
{
	unsigned step = a->step++;

	if (a->mech == MAIL_AUTH_PLAIN && step == 0) {
		plain_line(a, l);
		return true;
	}
	if (a->mech != MAIL_AUTH_LOGIN || step > 2)
		return false;
	if (step == 0) {
		snprintf(l->wire, sizeof l->wire, "AUTH LOGIN");
		snprintf(l->shown, sizeof l->shown, "AUTH LOGIN");
	} else if (step == 1) {
		base64(a->user, strlen(a->user), l->wire, sizeof l->wire);
		snprintf(l->shown, sizeof l->shown, "%.500s  <base64 of "
		    "\"%s\">", l->wire, a->user);
	} else {
		base64(a->pass, strlen(a->pass), l->wire, sizeof l->wire);
		snprintf(l->shown, sizeof l->shown, "<base64 of \"" MASK "\">");
	}
	return true;
}

void
mail_auth_clear(struct mail_auth *a)
{
	sodium_memzero(a, sizeof *a);
}
