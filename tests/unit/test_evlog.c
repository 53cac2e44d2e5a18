/* test_evlog.c: typed events, the bounded ring, and their JSON lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/core/evjson.h"
#include "../../src/core/evlog.h"
#include "../../protocols/utf8.h"

static void
fields_keep_their_types(void **state)
{
	struct ev ev;

	(void)state;
	ev_init(&ev, "scan", "port");
	ev_int(&ev, "port", 22);
	ev_str(&ev, "state", "open");
	ev_bool(&ev, "banner", true);
	ev_real(&ev, "rtt", 0.25);
	assert_int_equal(ev_find(&ev, "port")->v.i, 22);
	assert_string_equal(ev_get_str(&ev, "state"), "open");
	assert_true(ev_find(&ev, "banner")->v.b);
	assert_null(ev_get_str(&ev, "port"));	/* not a string */
	assert_null(ev_find(&ev, "missing"));
	assert_true(ev.ts > 1.6e9);
}

static void
json_line_has_ts_event_and_escapes(void **state)
{
	struct strbuf sb;
	struct ev ev;

	(void)state;
	ev_init(&ev, "mesh", "message");
	ev_str(&ev, "text", "say \"hi\"\n\\ \x01 caf\xc3\xa9");
	ev_int(&ev, "n", -3);
	ev_bool(&ev, "ok", false);
	sb_init(&sb);
	evjson_format(&ev, &sb);
	assert_non_null(strstr(sb.buf, "{\"ts\":"));
	assert_non_null(strstr(sb.buf, "\"event\":\"message\""));
	assert_non_null(strstr(sb.buf, "\"engine\":\"mesh\""));
	assert_non_null(strstr(sb.buf,
	    "\"text\":\"say \\\"hi\\\"\\n\\\\ \\u0001 caf\xc3\xa9\""));
	assert_non_null(strstr(sb.buf, "\"n\":-3,\"ok\":false}"));
	sb_free(&sb);
}

/* Integers and the timestamp are formatted by hand: as printf would. */
static void
json_numbers_match_printf(void **state)
{
	struct strbuf sb;
	struct ev ev;

	(void)state;
	ev_init(&ev, "core", "n");
	ev.ts = 1795595678.274556;
	ev_int(&ev, "zero", 0);
	ev_int(&ev, "min", INT64_MIN);
	ev_int(&ev, "max", INT64_MAX);
	ev_int(&ev, "neg", -1234567);
	sb_init(&sb);
	evjson_format(&ev, &sb);
	assert_string_equal(sb.buf, "{\"ts\":1795595678.274556,\"event\":\"n\","
	    "\"engine\":\"core\",\"zero\":0,\"min\":-9223372036854775808,"
	    "\"max\":9223372036854775807,\"neg\":-1234567}");
	sb_reset(&sb);
	ev.ts = 7.25;
	ev.nfields = 0;
	evjson_format(&ev, &sb);
	assert_non_null(strstr(sb.buf, "{\"ts\":7.250000,"));
	sb_free(&sb);
}

/* The JSON of one real, as the value of "v", must be "%.6g"'s. */
static void
assert_real_as_printf(struct strbuf *sb, double d)
{
	char want[64];
	struct ev ev;

	ev_init(&ev, "core", "r");
	ev.ts = 1;
	ev_real(&ev, "v", d);
	sb_reset(sb);
	evjson_format(&ev, sb);
	snprintf(want, sizeof want, "{\"ts\":1.000000,\"event\":\"r\","
	    "\"engine\":\"core\",\"v\":%.6g}", d);
	assert_string_equal(sb->buf, want);
}

/* Reals: the hand-made path for whole thousandths, and printf's for the
 * rest, both exactly as "%.6g". */
static void
json_reals_match_printf(void **state)
{
	static const double odd[] = { -0.0, -1.5, 1e-5, 0.1234567, 999.9995,
	    999.999, 1000, 123456789.0, 1e300, 0.3333, 2.5e-4, 0.0005 };
	struct strbuf sb;
	size_t i;

	(void)state;
	sb_init(&sb);
	for (i = 0; i < 1000000; i += i < 3000 ? 1 : 997)
		assert_real_as_printf(&sb, i / 1000.0);
	for (i = 0; i < sizeof odd / sizeof odd[0]; i++)
		assert_real_as_printf(&sb, odd[i]);
	sb_free(&sb);
}

/* Runs of plain bytes and every kind of escape, in one string. */
static void
json_strings_escape_each_byte_once(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb);
	sb_add_json_string(&sb, "");
	sb_add_json_string(&sb, "\x7f\"a\\b\tc\rd\ne\x1f");
	sb_add_json_string(&sb, "plain text");
	assert_string_equal(sb.buf, "\"\"\"\\u007f\\\"a\\\\b\\tc\\rd"
	    "\\ne\\u001f\"\"plain text\"");
	sb_reset(&sb);
	sb_printf(&sb, "%0200d|%s", 7, "x");	/* longer than the first try */
	assert_int_equal(sb.len, 202);
	assert_string_equal(sb.buf + 199, "7|x");
	sb_free(&sb);
}

static void
invalid_utf8_is_cleaned_and_long_values_clipped(void **state)
{
	char big[2000];
	struct ev ev;

	(void)state;
	ev_init(&ev, "mesh", "peer");
	ev_str(&ev, "name", "a\xff\xc0z\xe2\x82");
	assert_string_equal(ev_get_str(&ev, "name"), "a??z??");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ev_str(&ev, "big", big);		/* the one long value: kept whole */
	assert_false(ev.clipped);
	assert_int_equal(strlen(ev_get_str(&ev, "big")), sizeof big - 1);
	ev_str(&ev, "big2", big);		/* a second one is clipped */
	assert_true(ev.clipped);
	assert_true(strlen(ev_get_str(&ev, "big2")) < EV_ARENA_SIZE);
	ev_release(&ev);
}

static void
long_values_survive_the_ring(void **state)
{
	static char big[10000];
	struct evlog log;
	struct ev ev;
	int i;

	(void)state;
	memset(big, 'y', sizeof big - 1);
	assert_int_equal(evlog_init(&log, 2), 0);
	for (i = 0; i < 5; i++) {		/* slots reused: old heaps freed */
		ev_init(&ev, "mesh", "message");
		ev_str(&ev, "text", big);
		evlog_push(&log, &ev);
		assert_null(ev.heap);
	}
	assert_int_equal(strlen(ev_get_str(evlog_recent(&log, 0), "text")),
	    sizeof big - 1);
	evlog_free(&log);
}

static void
too_many_fields_are_clipped_not_overflowed(void **state)
{
	struct ev ev;
	int i;

	(void)state;
	ev_init(&ev, "core", "many");
	for (i = 0; i < EV_MAX_FIELDS + 5; i++)
		ev_int(&ev, "k", i);
	assert_int_equal(ev.nfields, EV_MAX_FIELDS);
	assert_true(ev.clipped);
}

static void
count(const struct ev *ev, void *arg)
{
	(void)ev;
	(*(int *)arg)++;
}

static void
ring_keeps_the_newest(void **state)
{
	struct evlog log;
	struct ev ev;
	int seen = 0, i;

	(void)state;
	assert_int_equal(evlog_init(&log, 4), 0);
	evlog_subscribe(&log, count, &seen);
	for (i = 0; i < 10; i++) {
		ev_init(&ev, "core", "tick");
		ev_int(&ev, "i", i);
		evlog_push(&log, &ev);
	}
	assert_int_equal(seen, 10);
	assert_int_equal(evlog_count(&log), 4);
	assert_int_equal(ev_find(evlog_recent(&log, 0), "i")->v.i, 9);
	assert_int_equal(ev_find(evlog_recent(&log, 3), "i")->v.i, 6);
	assert_null(evlog_recent(&log, 4));
	assert_int_equal(evlog_recent(&log, 0)->seq, 9);
	evlog_free(&log);
}

static void
text_format_prefers_text_field(void **state)
{
	char line[64];
	struct ev ev;

	(void)state;
	ev_init(&ev, "lab", "up");
	ev_int(&ev, "nodes", 9);
	ev_format_text(&ev, line, sizeof line);
	assert_string_equal(line, "lab up nodes=9");
	ev_str(&ev, "text", "the lab is up");
	ev_format_text(&ev, line, sizeof line);
	assert_string_equal(line, "the lab is up");
	ev_format_text(&ev, line, 5);
	assert_string_equal(line, "the ");
}

static void
utf8_sequences(void **state)
{
	(void)state;
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xc3\xa9", 2), 2);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xe2\x82\xac", 3), 3);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xc0\x80", 2), 0);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xed\xa0\x80", 3), 0);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xf4\x90\x80\x80", 4), 0);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xe2\x82", 2), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_keep_their_types),
		cmocka_unit_test(json_line_has_ts_event_and_escapes),
		cmocka_unit_test(json_numbers_match_printf),
		cmocka_unit_test(json_reals_match_printf),
		cmocka_unit_test(json_strings_escape_each_byte_once),
		cmocka_unit_test(invalid_utf8_is_cleaned_and_long_values_clipped),
		cmocka_unit_test(too_many_fields_are_clipped_not_overflowed),
		cmocka_unit_test(long_values_survive_the_ring),
		cmocka_unit_test(ring_keeps_the_newest),
		cmocka_unit_test(text_format_prefers_text_field),
		cmocka_unit_test(utf8_sequences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
