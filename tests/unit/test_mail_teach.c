/* test_mail_teach.c: the teaching warnings: an unchecked sender, a
 * sender that is not the AUTH identity, headers without From:/Date:. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/mail/mail_teach.h"

static void
sender_checks(void **state)
{
	struct mail_teach t;

	(void)state;
	memset(&t, 0, sizeof t);
	assert_non_null(strstr(mail_teach_command(&t, "MAIL FROM:<foo@bar.com>"),
	    "nothing checks"));
	assert_null(mail_teach_command(&t, "RCPT TO:<a@b>"));
	mail_teach_authenticated(&t, "alice");
	assert_null(mail_teach_command(&t, "MAIL FROM:<alice@lab.test>"));
	assert_null(mail_teach_command(&t, "mail from: ALICE@lab.test"));
	assert_non_null(strstr(mail_teach_command(&t, "MAIL FROM:<alicex@lab.test>"),
	    "not who you logged in as (alice)"));
	mail_teach_authenticated(&t, "bob@bar.com");
	assert_null(mail_teach_command(&t, "MAIL FROM:<bob@bar.com> SIZE=10"));
	mail_teach_authenticated(&t, "");	/* base64 typed: unknown */
	assert_null(mail_teach_command(&t, "MAIL FROM:<x@y>"));
}

static void
header_checks(void **state)
{
	struct mail_teach t;

	(void)state;
	memset(&t, 0, sizeof t);
	assert_null(mail_teach_command(&t, "DATA"));
	assert_null(mail_teach_data(&t, "Subject: x"));
	assert_null(mail_teach_data(&t, ""));
	assert_null(mail_teach_data(&t, "From: in the body does not count"));
	assert_non_null(strstr(mail_teach_data(&t, "."), "no From: and no Date:"));
	mail_teach_command(&t, "DATA");
	mail_teach_data(&t, "from: a@b");
	assert_non_null(strstr(mail_teach_data(&t, "."), "no Date:"));
	mail_teach_command(&t, "DATA");
	mail_teach_data(&t, "From: a@b");
	mail_teach_data(&t, "Date: Wed, 25 Nov 2026 10:00:00 +0000");
	assert_null(mail_teach_data(&t, "."));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sender_checks),
		cmocka_unit_test(header_checks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
