/* pop3_reply.c: POP3 responses (see pop3_reply.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base64.h"
#include "pop3_reply.h"
#include "reader.h"

static enum pop3_status
bad(struct pop3_reply *r, const char *why)
{
	r->status = POP3_BAD;
	snprintf(r->text, sizeof r->text, "%s", why);
	return POP3_BAD;
}

/* Whether the next bytes of rd are exactly s; consumes them if so. */
static bool
take(struct reader *rd, const char *s)
{
	struct reader p = *rd;
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++)
		if (rd_left(&p) == 0 || rd_u8(&p) != (uint8_t)s[i])
			return false;
	*rd = p;
	return true;
}

static void
read_text(struct reader *rd, char *out)
{
	size_t n = 0;

	while (rd_left(rd) > 0 && n < POP3_LINE_MAX) {
		int c = rd_u8(rd);

		out[n++] = (c < 0x20 || c == 0x7f) ? '.' : (char)c;
	}
	out[n] = '\0';
}

/* "[CODE/SUB] " at the start of text, RFC 2449 section 8: moved into
 * r->code, the text shifted left. An unclosed '[' is left as text. */
static void
split_code(struct pop3_reply *r)
{
	const char *end;
	size_t n;

	if (r->text[0] != '[' || (end = strchr(r->text, ']')) == NULL)
		return;
	n = (size_t)(end - r->text) - 1;
	if (n == 0 || n >= sizeof r->code)
		return;
	memcpy(r->code, r->text + 1, n);
	r->code[n] = '\0';
	end++;
	if (*end == ' ')
		end++;
	memmove(r->text, end, strlen(end) + 1);
}

enum pop3_status
pop3_reply_parse(struct pop3_reply *r, const uint8_t *line, size_t len)
{
	struct reader rd;

	memset(r, 0, sizeof *r);
	if (len > POP3_LINE_MAX)
		return bad(r, "status line longer than 1024 bytes");
	rd_init(&rd, line, len);
	if (take(&rd, "+OK"))
		r->status = POP3_OK;
	else if (take(&rd, "-ERR"))
		r->status = POP3_ERR;
	else if (take(&rd, "+ ") || (len == 1 && take(&rd, "+")))
		r->status = POP3_CONT;
	else
		return bad(r, "a POP3 status line starts with +OK or -ERR");
	if (r->status != POP3_CONT && rd_left(&rd) > 0 && !take(&rd, " "))
		return bad(r, "+OK or -ERR is followed by a space");
	if (r->status == POP3_CONT)	/* RFC 5034 4: "+ " base64 */
		base64_text(line + (len - rd_left(&rd)), rd_left(&rd),
		    r->challenge, sizeof r->challenge);
	read_text(&rd, r->text);
	if (r->status != POP3_CONT)
		split_code(r);
	return r->status;
}

enum pop3_ml
pop3_ml_line(const uint8_t *line, size_t len, char *out, size_t *outlen)
{
	struct reader rd;
	size_t n = 0;

	*outlen = 0;
	out[0] = '\0';
	if (len > POP3_LINE_MAX)
		return POP3_ML_BAD;
	rd_init(&rd, line, len);
	if (take(&rd, ".")) {
		if (rd_left(&rd) == 0)
			return POP3_ML_END;
		/* RFC 1939 3: a leading '.' of a data line is doubled. */
	}
	while (rd_left(&rd) > 0)
		out[n++] = (char)rd_u8(&rd);
	out[n] = '\0';
	*outlen = n;
	return POP3_ML_DATA;
}

static const struct {
	const char	*name;
	const char	*meaning;
} codes[] = {
	{ "LOGIN-DELAY", "logging in again so soon is refused (RFC 2449)" },
	{ "IN-USE", "the mailbox is locked by another session (RFC 2449)" },
	{ "SYS/TEMP", "a temporary system problem: try later (RFC 3206)" },
	{ "SYS/PERM", "a permanent system problem (RFC 3206)" },
	{ "AUTH", "the credentials were wrong (RFC 3206)" },
}, capas[] = {
	{ "TOP", "TOP msg n: headers and the first n body lines" },
	{ "USER", "USER/PASS login (the password in the clear)" },
	{ "SASL", "AUTH with these SASL mechanisms (RFC 5034)" },
	{ "RESP-CODES", "-ERR replies carry [CODE]s (RFC 2449)" },
	{ "LOGIN-DELAY", "minimum seconds between logins" },
	{ "PIPELINING", "commands may be sent without waiting" },
	{ "EXPIRE", "how long the server keeps messages" },
	{ "UIDL", "unique message ids for keeping mail on the server" },
	{ "IMPLEMENTATION", "the server's software, for information" },
	{ "STLS", "the session can be upgraded to TLS (RFC 2595)" },
	{ "AUTH-RESP-CODE", "the [AUTH] code is used (RFC 3206)" },
	{ "UTF8", "UTF-8 in user names and messages (RFC 6856)" },
};

const char *
pop3_code_meaning(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcasecmp(codes[i].name, code) == 0)
			return codes[i].meaning;
	return code[0] == '\0' ? "no response code" : "an unknown response code";
}

const char *
pop3_capa_meaning(const char *capability)
{
	size_t i, n = strcspn(capability, " ");

	for (i = 0; i < sizeof capas / sizeof capas[0]; i++)
		if (strlen(capas[i].name) == n &&
		    strncasecmp(capas[i].name, capability, n) == 0)
			return capas[i].meaning;
	return "a capability this console does not know";
}
