/* test_mail_guide.c: the Mail view's guided mode suggests the classic
 * session in order (SMTP and POP3), and the transcript turns mail events
 * into lines with the annotation beside the last line of a reply. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/core/evlog.h"
#include "../../ui/mail_guide.h"
#include "../../ui/mail_transcript.h"

static const char *
next(const char *state, unsigned data_lines, const char *verb, bool pop3)
{
	static char cmd[128];
	char why[300];
	struct mail_guide_in in = { .pop3 = pop3, .state = state,
	    .data_lines = data_lines, .last_verb = verb, .rcpt = "alice@lab.test" };

	if (!mail_guide_next(&in, cmd, sizeof cmd, why, sizeof why))
		return NULL;
	assert_true(why[0] != '\0');
	return cmd;
}

/* The reason given for the EHLO at a greeting, with or without TLS. */
static const char *
greeting_why(bool tls, const char *verb)
{
	static char why[300];
	char cmd[128];
	struct mail_guide_in in = { .state = "greeting", .last_verb = verb,
	    .tls = tls, .rcpt = "alice@lab.test" };

	assert_true(mail_guide_next(&in, cmd, sizeof cmd, why, sizeof why));
	assert_string_equal(cmd, "EHLO punchline.test");
	return why;
}

static void
ehlo_again_only_after_starttls(void **state)
{
	(void)state;
	assert_non_null(strstr(greeting_why(true, "STARTTLS"), "again"));
	/* 465: TLS first, so this is the first hello */
	assert_null(strstr(greeting_why(true, NULL), "again"));
	assert_non_null(strstr(greeting_why(true, NULL), "inside TLS from the start"));
	assert_null(strstr(greeting_why(false, ""), "again"));
}

static void
smtp_classic_session_in_order(void **state)
{
	(void)state;
	assert_string_equal(next("greeting", 0, "", false), "EHLO punchline.test");
	assert_string_equal(next("ehlo", 0, "EHLO", false), "MAIL FROM:<foo@bar.com>");
	assert_string_equal(next("mail", 0, "MAIL", false), "RCPT TO:<alice@lab.test>");
	assert_string_equal(next("rcpt", 0, "RCPT", false), "DATA");
	assert_string_equal(next("data", 0, "DATA", false), "Subject: hello from punchline");
	assert_string_equal(next("data", 1, "DATA", false), "");
	assert_string_equal(next("data", 2, "DATA", false), "This mail was typed by hand.");
	assert_string_equal(next("data", 3, "DATA", false), ".");
	assert_string_equal(next("sent", 0, ".", false), "QUIT");
	assert_null(next("quit", 0, "QUIT", false));
	assert_null(next("connecting", 0, "", false));
}

static void
pop3_session_in_order(void **state)
{
	(void)state;
	assert_string_equal(next("authorization", 0, "", true), "USER alice");
	assert_string_equal(next("authorization", 0, "USER", true), "PASS secret");
	assert_string_equal(next("transaction", 0, "PASS", true), "STAT");
	assert_string_equal(next("transaction", 0, "STAT", true), "LIST");
	assert_string_equal(next("transaction", 0, "LIST", true), "RETR 1");
	assert_string_equal(next("transaction", 0, "RETR", true), "QUIT");
	assert_null(next("update", 0, "QUIT", true));
}

static void
transcript_annotates_the_last_reply_line(void **state)
{
	struct mail_transcript t;
	struct ev ev;
	const struct mail_tline *l;

	(void)state;
	memset(&t, 0, sizeof t);
	ev_init(&ev, "mail", "reply");
	ev_int(&ev, "code", 250);
	ev_str(&ev, "enhanced", "");
	ev_str(&ev, "text", "mx.test\nSTARTTLS");
	ev_str(&ev, "meaning", "requested action okay, completed");
	ev_str(&ev, "state", "ehlo");
	mail_transcript_event(&t, &ev);
	assert_int_equal(mail_transcript_count(&t), 2);
	l = mail_transcript_line(&t, 0);
	assert_string_equal(l->text, "< 250-mx.test");
	assert_null(l->note);
	l = mail_transcript_line(&t, 1);
	assert_string_equal(l->text, "< 250 STARTTLS");
	assert_string_equal(l->note, "-> ehlo: requested action okay, completed");
	ev_init(&ev, "mail", "sent");
	ev_str(&ev, "line", "..x");
	ev_bool(&ev, "stuffed", true);
	mail_transcript_event(&t, &ev);
	l = mail_transcript_line(&t, 2);
	assert_int_equal(l->kind, MT_SENT);
	assert_non_null(strstr(l->note, "dot-stuffed"));
	ev_init(&ev, "scan", "port");		/* not ours: ignored */
	mail_transcript_event(&t, &ev);
	assert_int_equal(mail_transcript_count(&t), 3);
	mail_transcript_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(smtp_classic_session_in_order),
		cmocka_unit_test(ehlo_again_only_after_starttls),
		cmocka_unit_test(pop3_session_in_order),
		cmocka_unit_test(transcript_annotates_the_last_reply_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
