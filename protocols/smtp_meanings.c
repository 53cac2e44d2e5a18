/*
 * smtp_meanings.c: what SMTP codes mean, in plain words, for the Mail
 * console's annotations. The tables are compiled in rather than read from
 * assets/ because they are fixed by the RFCs (5321 basic codes, 3463 and
 * its IANA registry for enhanced codes, the EHLO keywords of RFCs 1870,
 * 2920, 3030, 3207, 3461, 4954, 6152, 6531) and a console that explains a
 * failed session must not itself depend on a data file being installed.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "smtp_reply.h"

struct code_meaning {
	int		 code;
	const char	*meaning;
};

static const struct code_meaning basic_codes[] = {
	{ 211, "system status or help reply" },
	{ 214, "help message for a human reader" },
	{ 220, "service ready: the server greets you" },
	{ 221, "service closing the connection (after QUIT)" },
	{ 235, "authentication succeeded" },
	{ 250, "requested action okay, completed" },
	{ 251, "user not local; the server will forward" },
	{ 252, "cannot verify the user, but will accept the message" },
	{ 334, "authentication challenge: send the next (base64) line" },
	{ 354, "start mail input; end it with <CRLF>.<CRLF>" },
	{ 421, "service not available, closing the connection" },
	{ 432, "a password transition is needed" },
	{ 450, "mailbox unavailable right now (busy or greylisted): try later" },
	{ 451, "local error in processing: try later" },
	{ 452, "insufficient system storage, or too many recipients" },
	{ 454, "temporary authentication failure, or TLS not available" },
	{ 455, "server unable to accommodate parameters" },
	{ 500, "syntax error, command unrecognised (or line too long)" },
	{ 501, "syntax error in parameters or arguments" },
	{ 502, "command not implemented" },
	{ 503, "bad sequence of commands: not legal in this state" },
	{ 504, "command parameter not implemented" },
	{ 521, "this host does not accept mail" },
	{ 530, "authentication required (often: STARTTLS first)" },
	{ 534, "authentication mechanism is too weak" },
	{ 535, "authentication credentials invalid" },
	{ 538, "encryption required for this authentication mechanism" },
	{ 550, "mailbox unavailable (not found, no access, or policy)" },
	{ 551, "user not local; try the forward path given" },
	{ 552, "exceeded storage allocation (message too big?)" },
	{ 553, "mailbox name not allowed (bad address syntax)" },
	{ 554, "transaction failed (or no SMTP service here)" },
	{ 555, "MAIL FROM/RCPT TO parameters not recognised" },
};

/* RFC 3463 and the IANA "Enumerated Status Codes" registry, by
 * subject.detail (the class digit is explained apart). */
static const struct {
	const char	*code;
	const char	*meaning;
} enhanced_codes[] = {
	{ "0.0", "other undefined status" },
	{ "1.0", "other address status" },
	{ "1.1", "bad destination mailbox address (no such user)" },
	{ "1.2", "bad destination system address (no such domain)" },
	{ "1.3", "bad destination mailbox address syntax" },
	{ "1.4", "destination mailbox address ambiguous" },
	{ "1.5", "destination address valid" },
	{ "1.6", "destination mailbox has moved" },
	{ "1.7", "bad sender's mailbox address syntax" },
	{ "1.8", "bad sender's system address" },
	{ "1.10", "recipient address has a null MX" },
	{ "2.0", "other or undefined mailbox status" },
	{ "2.1", "mailbox disabled, not accepting messages" },
	{ "2.2", "mailbox full" },
	{ "2.3", "message length exceeds administrative limit" },
	{ "2.4", "mailing list expansion problem" },
	{ "3.0", "other or undefined mail system status" },
	{ "3.1", "mail system full" },
	{ "3.2", "system not accepting network messages" },
	{ "3.3", "system not capable of selected features" },
	{ "3.4", "message too big for system" },
	{ "3.5", "system incorrectly configured" },
	{ "4.0", "other or undefined network or routing status" },
	{ "4.1", "no answer from host" },
	{ "4.2", "bad connection" },
	{ "4.3", "directory server failure" },
	{ "4.4", "unable to route" },
	{ "4.5", "mail system congestion" },
	{ "4.6", "routing loop detected" },
	{ "4.7", "delivery time expired" },
	{ "5.0", "other or undefined protocol status" },
	{ "5.1", "invalid command" },
	{ "5.2", "syntax error" },
	{ "5.3", "too many recipients" },
	{ "5.4", "invalid command arguments" },
	{ "5.5", "wrong protocol version" },
	{ "5.6", "authentication exchange line too long" },
	{ "6.0", "other or undefined media error" },
	{ "6.1", "media not supported" },
	{ "6.2", "conversion required and prohibited" },
	{ "6.3", "conversion required but not supported" },
	{ "6.7", "non-ASCII addresses not permitted for that sender/recipient" },
	{ "7.0", "other or undefined security status" },
	{ "7.1", "delivery not authorized, message refused" },
	{ "7.2", "mailing list expansion prohibited" },
	{ "7.3", "security conversion required but not possible" },
	{ "7.4", "security features not supported" },
	{ "7.5", "cryptographic failure" },
	{ "7.7", "message integrity failure" },
	{ "7.8", "authentication credentials invalid" },
	{ "7.9", "authentication mechanism is too weak" },
	{ "7.10", "encryption needed" },
	{ "7.11", "encryption required for requested authentication mechanism" },
	{ "7.12", "a password transition is needed" },
	{ "7.13", "user account disabled" },
	{ "7.14", "trust relationship required" },
	{ "7.15", "priority level is too low" },
	{ "7.16", "message is too big for the specified priority" },
	{ "7.17", "mailbox owner has changed" },
	{ "7.18", "domain owner has changed" },
	{ "7.19", "RRVS test cannot be completed" },
	{ "7.20", "no passing DKIM signature found" },
	{ "7.23", "SPF validation failed" },
	{ "7.25", "reverse DNS validation failed" },
	{ "7.26", "multiple authentication checks failed" },
	{ "7.27", "sender address has null MX" },
};

static const struct {
	const char	*keyword;
	const char	*meaning;
} ehlo_keywords[] = {
	{ "8BITMIME", "accepts 8-bit message bodies (RFC 6152)" },
	{ "AUTH", "SMTP AUTH with these SASL mechanisms (RFC 4954)" },
	{ "BINARYMIME", "accepts binary bodies with BDAT (RFC 3030)" },
	{ "CHUNKING", "BDAT: the message in sized chunks (RFC 3030)" },
	{ "DSN", "delivery status notifications: NOTIFY=, RET= (RFC 3461)" },
	{ "ENHANCEDSTATUSCODES", "replies carry x.y.z codes (RFC 2034)" },
	{ "ETRN", "remote queue starting (RFC 1985)" },
	{ "EXPN", "mailing lists can be expanded" },
	{ "HELP", "HELP answers" },
	{ "MT-PRIORITY", "message priorities (RFC 6710)" },
	{ "PIPELINING", "commands may be sent without waiting (RFC 2920)" },
	{ "REQUIRETLS", "the message may demand TLS all the way (RFC 8689)" },
	{ "SIZE", "largest message accepted, in bytes (RFC 1870)" },
	{ "SMTPUTF8", "UTF-8 addresses and headers (RFC 6531)" },
	{ "STARTTLS", "the session can be upgraded to TLS (RFC 3207)" },
	{ "VRFY", "addresses can be verified" },
};

const char *
smtp_code_meaning(int code)
{
	size_t i;

	for (i = 0; i < sizeof basic_codes / sizeof basic_codes[0]; i++)
		if (basic_codes[i].code == code)
			return basic_codes[i].meaning;
	switch (code / 100) {
	case 1: return "positive preliminary reply";
	case 2: return "positive completion: done";
	case 3: return "positive intermediate: send more";
	case 4: return "transient failure: try again later";
	case 5: return "permanent failure: do not retry as is";
	default: return "not an SMTP reply code";
	}
}

const char *
smtp_enhanced_meaning(const char *enhanced)
{
	size_t i, len;

	if (!smtp_enhanced_at(enhanced, &len) || len < 4)
		return "no enhanced status code";
	for (i = 0; i < sizeof enhanced_codes / sizeof enhanced_codes[0]; i++)
		if (strlen(enhanced_codes[i].code) == len - 2 &&
		    strncmp(enhanced_codes[i].code, enhanced + 2, len - 2) == 0)
			return enhanced_codes[i].meaning;
	switch (enhanced[0]) {
	case '2': return "success";
	case '4': return "persistent transient failure";
	default: return "permanent failure";
	}
}

const char *
smtp_ehlo_meaning(const char *keyword)
{
	size_t i;

	for (i = 0; i < sizeof ehlo_keywords / sizeof ehlo_keywords[0]; i++)
		if (strcasecmp(ehlo_keywords[i].keyword, keyword) == 0)
			return ehlo_keywords[i].meaning;
	return "an extension this console does not know";
}
