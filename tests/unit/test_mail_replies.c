/* test_mail_replies.c: SMTP replies joined and explained, POP3 status
 * lines and multi-line responses, bad and overlong lines refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/base64.h"
#include "../../protocols/pop3_reply.h"
#include "../../protocols/smtp_reply.h"

static enum smtp_feed
feed(struct smtp_reply *r, const char *line)
{
	return smtp_reply_feed(r, (const uint8_t *)line, strlen(line));
}

static void
ehlo_reply_is_joined_with_capabilities(void **state)
{
	struct smtp_reply r;
	char kw[64], params[64];

	(void)state;
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "250-mx.test Hello"), SMTP_REPLY_MORE);
	assert_int_equal(feed(&r, "250-STARTTLS"), SMTP_REPLY_MORE);
	assert_int_equal(feed(&r, "250-auth PLAIN LOGIN"), SMTP_REPLY_MORE);
	assert_int_equal(feed(&r, "250 SIZE=35882577"), SMTP_REPLY_DONE);
	assert_int_equal(r.code, 250);
	assert_int_equal(r.lines, 4);
	assert_string_equal(r.text, "mx.test Hello\nSTARTTLS\nauth PLAIN LOGIN\nSIZE=35882577");
	assert_true(smtp_ehlo_keyword(&r, 2, kw, sizeof kw));
	assert_string_equal(kw, "AUTH");
	assert_true(smtp_ehlo_keyword(&r, 3, kw, sizeof kw));
	assert_string_equal(kw, "SIZE");
	assert_false(smtp_ehlo_keyword(&r, 4, kw, sizeof kw));
	assert_true(smtp_ehlo_has(&r, "AUTH", params, sizeof params));
	assert_string_equal(params, "PLAIN LOGIN");
	assert_true(smtp_ehlo_has(&r, "starttls", NULL, 0));
	assert_false(smtp_ehlo_has(&r, "STARTTL", NULL, 0));
	assert_false(smtp_ehlo_has(&r, "CHUNKING", NULL, 0));
	assert_string_equal(smtp_ehlo_meaning(kw), "largest message accepted, in bytes (RFC 1870)");
}

static void
enhanced_code_is_split_and_explained(void **state)
{
	struct smtp_reply r;

	(void)state;
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "550 5.1.1 <nobody@x>: Recipient address rejected"),
	    SMTP_REPLY_DONE);
	assert_int_equal(r.code, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	assert_string_equal(r.text, "<nobody@x>: Recipient address rejected");
	assert_string_equal(smtp_enhanced_meaning(r.enhanced),
	    "bad destination mailbox address (no such user)");
	assert_string_equal(smtp_code_meaning(503),
	    "bad sequence of commands: not legal in this state");
	assert_string_equal(smtp_code_meaning(299), "positive completion: done");
	assert_string_equal(smtp_enhanced_meaning("4.99.1"), "persistent transient failure");
	assert_string_equal(smtp_enhanced_meaning("9.1.1"), "no enhanced status code");
	/* not an enhanced code: a version number in the text */
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "220 2.0.0x ready"), SMTP_REPLY_DONE);
	assert_string_equal(r.enhanced, "");
	assert_string_equal(r.text, "2.0.0x ready");
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "250"), SMTP_REPLY_DONE);	/* bare code is legal */
	assert_string_equal(r.text, "");
}

static void
bad_lines_are_refused(void **state)
{
	struct smtp_reply r;
	uint8_t longline[SMTP_LINE_MAX + 1];
	unsigned i;

	(void)state;
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "hello there"), SMTP_REPLY_BAD);
	assert_string_equal(r.error, "a reply line starts with a three-digit code");
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "25"), SMTP_REPLY_BAD);
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "250x"), SMTP_REPLY_BAD);
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "250-first"), SMTP_REPLY_MORE);
	assert_int_equal(feed(&r, "251 second"), SMTP_REPLY_BAD);
	smtp_reply_init(&r);
	assert_int_equal(feed(&r, "650 no"), SMTP_REPLY_BAD);
	memset(longline, 'a', sizeof longline);
	memcpy(longline, "250 ", 4);
	smtp_reply_init(&r);
	assert_int_equal(smtp_reply_feed(&r, longline, sizeof longline), SMTP_REPLY_BAD);
	assert_string_equal(r.error, "reply line longer than 1024 bytes");
	assert_int_equal(smtp_reply_feed(&r, longline, SMTP_LINE_MAX), SMTP_REPLY_DONE);
	smtp_reply_init(&r);
	for (i = 0; i < SMTP_REPLY_LINES; i++)
		assert_int_equal(feed(&r, "250-x"), SMTP_REPLY_MORE);
	assert_int_equal(feed(&r, "250 x"), SMTP_REPLY_BAD);
	/* control bytes are shown, not passed to the terminal */
	smtp_reply_init(&r);
	assert_int_equal(smtp_reply_feed(&r, (const uint8_t *)"220 a\033[2Jb\0c", 12),
	    SMTP_REPLY_DONE);
	assert_string_equal(r.text, "a.[2Jb.c");
}

static void
text_too_long_for_the_buffer_is_cut(void **state)
{
	struct smtp_reply r;
	uint8_t line[1000];
	unsigned i;

	(void)state;
	memset(line, 'b', sizeof line);
	memcpy(line, "250-", 4);
	smtp_reply_init(&r);
	for (i = 0; i < 6; i++)
		assert_int_equal(smtp_reply_feed(&r, line, sizeof line), SMTP_REPLY_MORE);
	assert_true(r.cut);
	assert_true(strlen(r.text) < SMTP_TEXT_MAX);
}

static enum pop3_status
parse(struct pop3_reply *r, const char *line)
{
	return pop3_reply_parse(r, (const uint8_t *)line, strlen(line));
}

static void
pop3_status_lines(void **state)
{
	struct pop3_reply r;

	(void)state;
	assert_int_equal(parse(&r, "+OK Dovecot ready."), POP3_OK);
	assert_string_equal(r.text, "Dovecot ready.");
	assert_int_equal(parse(&r, "+OK"), POP3_OK);
	assert_string_equal(r.text, "");
	assert_int_equal(parse(&r, "-ERR [AUTH] Authentication failed."), POP3_ERR);
	assert_string_equal(r.code, "AUTH");
	assert_string_equal(r.text, "Authentication failed.");
	assert_string_equal(pop3_code_meaning(r.code), "the credentials were wrong (RFC 3206)");
	assert_int_equal(parse(&r, "-ERR [SYS/TEMP] later"), POP3_ERR);
	assert_string_equal(r.code, "SYS/TEMP");
	assert_int_equal(parse(&r, "-ERR [unclosed"), POP3_ERR);
	assert_string_equal(r.code, "");
	assert_int_equal(parse(&r, "+ "), POP3_CONT);
	assert_int_equal(parse(&r, "+ dXNlcg=="), POP3_CONT);
	assert_string_equal(r.text, "dXNlcg==");
	assert_int_equal(parse(&r, "+OKAY"), POP3_BAD);
	assert_int_equal(parse(&r, "OK"), POP3_BAD);
	assert_int_equal(parse(&r, ""), POP3_BAD);
	assert_string_equal(pop3_capa_meaning("SASL PLAIN"), "AUTH with these SASL mechanisms (RFC 5034)");
}

static void
pop3_multiline_unstuffs_and_ends(void **state)
{
	char out[POP3_LINE_MAX + 1];
	uint8_t longline[POP3_LINE_MAX + 1];
	size_t n;

	(void)state;
	assert_int_equal(pop3_ml_line((const uint8_t *)"1 120", 5, out, &n), POP3_ML_DATA);
	assert_string_equal(out, "1 120");
	assert_int_equal(pop3_ml_line((const uint8_t *)"..hidden", 8, out, &n), POP3_ML_DATA);
	assert_string_equal(out, ".hidden");
	assert_int_equal(n, 7);
	assert_int_equal(pop3_ml_line((const uint8_t *)"", 0, out, &n), POP3_ML_DATA);
	assert_int_equal(n, 0);
	assert_int_equal(pop3_ml_line((const uint8_t *)".", 1, out, &n), POP3_ML_END);
	memset(longline, 'x', sizeof longline);
	assert_int_equal(pop3_ml_line(longline, sizeof longline, out, &n), POP3_ML_BAD);
}

/* RFC 5034 "+ base64" challenges: decoded when they are text. */
static void
pop3_challenges_are_decoded(void **state)
{
	struct pop3_reply r;

	(void)state;
	assert_int_equal(parse(&r, "+ VXNlcm5hbWU6"), POP3_CONT);
	assert_string_equal(r.challenge, "Username:");
	assert_string_equal(r.text, "VXNlcm5hbWU6");
	assert_int_equal(parse(&r, "+ UGFzc3dvcmQ6"), POP3_CONT);
	assert_string_equal(r.challenge, "Password:");
	assert_int_equal(parse(&r, "+ YWxpY2U="), POP3_CONT);	/* one '=' */
	assert_string_equal(r.challenge, "alice");
	assert_int_equal(parse(&r, "+ YQ=="), POP3_CONT);
	assert_string_equal(r.challenge, "a");
	/* Empty, binary, not base64, cut, padding inside: no text. */
	static const char *const none[] = { "+", "+ ", "+ AAEC", "+ not base64!",
	    "+ VXNlcm5hbWU", "+ YQ=a", "+ YQ==YQ==", "+ Y===", "+ VXNl cm5h" };
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		assert_int_equal(parse(&r, none[i]), POP3_CONT);
		assert_string_equal(r.challenge, "");
	}
	assert_int_equal(parse(&r, "+OK VXNlcm5hbWU6"), POP3_OK);
	assert_string_equal(r.challenge, "");	/* only a continuation */
}

static void
base64_decodes_within_bounds(void **state)
{
	uint8_t out[8];
	char text[8];

	(void)state;
	assert_int_equal(base64_decode((const uint8_t *)"AAEC", 4, out, sizeof out), 3);
	assert_memory_equal(out, "\x00\x01\x02", 3);
	assert_int_equal(base64_decode((const uint8_t *)"", 0, out, sizeof out), 0);
	assert_int_equal(base64_decode((const uint8_t *)"AAECAwQFBgc=", 12, out, 7), -1);
	assert_int_equal(base64_decode((const uint8_t *)"AAECAwQFBgc=", 12, out, 8), 8);
	/* Text needs room for its NUL: 9 letters do not fit in 9 bytes. */
	assert_false(base64_text((const uint8_t *)"VXNlcm5hbWU6", 12, text, sizeof text));
	assert_string_equal(text, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ehlo_reply_is_joined_with_capabilities),
		cmocka_unit_test(enhanced_code_is_split_and_explained),
		cmocka_unit_test(bad_lines_are_refused),
		cmocka_unit_test(text_too_long_for_the_buffer_is_cut),
		cmocka_unit_test(pop3_status_lines),
		cmocka_unit_test(pop3_multiline_unstuffs_and_ends),
		cmocka_unit_test(pop3_challenges_are_decoded),
		cmocka_unit_test(base64_decodes_within_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
