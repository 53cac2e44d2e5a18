/* test_mail_auth.c: the AUTH helpers: which lines they take, the wire
 * lines of PLAIN and LOGIN (RFC 4616 / the LOGIN draft), the password
 * masked in what is shown. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/mail/mail_auth.h"

static void
helper_forms_are_recognised(void **state)
{
	struct mail_auth a;

	(void)state;
	assert_true(mail_auth_parse("AUTH PLAIN alice secret", &a));
	assert_int_equal(a.mech, MAIL_AUTH_PLAIN);
	assert_string_equal(a.user, "alice");
	assert_string_equal(a.pass, "secret");
	assert_true(mail_auth_parse("auth login bob pw", &a));
	assert_int_equal(a.mech, MAIL_AUTH_LOGIN);
	assert_false(mail_auth_parse("AUTH PLAIN AGFsaWNlAHNlY3JldA==", &a));
	assert_false(mail_auth_parse("AUTH CRAM-MD5 a b", &a));
	assert_false(mail_auth_parse("AUTH PLAIN a b c", &a));
	assert_false(mail_auth_parse("MAIL FROM:<a@b>", &a));
	assert_true(mail_auth_has_secret("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
	assert_true(mail_auth_has_secret("auth login a b"));
	assert_false(mail_auth_has_secret("AUTH LOGIN"));
	assert_false(mail_auth_has_secret("EHLO a b c"));
}

static void
plain_is_one_line_masked(void **state)
{
	struct mail_auth a;
	struct mail_auth_line l;

	(void)state;
	assert_true(mail_auth_parse("AUTH PLAIN alice secret", &a));
	assert_true(mail_auth_next(&a, &l));
	assert_string_equal(l.wire, "AUTH PLAIN AGFsaWNlAHNlY3JldA==");
	assert_null(strstr(l.shown, "secret"));
	assert_non_null(strstr(l.shown, "********"));
	assert_false(mail_auth_next(&a, &l));
}

static void
login_is_three_lines_masked(void **state)
{
	struct mail_auth a;
	struct mail_auth_line l;

	(void)state;
	assert_true(mail_auth_parse("AUTH LOGIN alice secret", &a));
	assert_true(mail_auth_next(&a, &l));
	assert_string_equal(l.wire, "AUTH LOGIN");
	assert_true(mail_auth_next(&a, &l));
	assert_string_equal(l.wire, "YWxpY2U=");
	assert_true(mail_auth_next(&a, &l));
	assert_string_equal(l.wire, "c2VjcmV0");
	assert_null(strstr(l.shown, "c2VjcmV0"));
	assert_false(mail_auth_next(&a, &l));
	mail_auth_clear(&a);
	assert_string_equal(a.pass, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(helper_forms_are_recognised),
		cmocka_unit_test(plain_is_one_line_masked),
		cmocka_unit_test(login_is_three_lines_masked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
