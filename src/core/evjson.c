/* evjson.c: one JSON object per event and line, for --json and for tests. */
#include <math.h>

#include "evjson.h"

/* Integers by hand: printf's machinery was a tenth of a 20k-socket
 * `punchline sockets --once --json` (perf). Output is as "%lld". */
static void
add_int(struct strbuf *sb, long long v)
{
	char buf[24];
	size_t i = sizeof buf;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		buf[--i] = '-';
	sb_addn(sb, buf + i, sizeof buf - i);
}

/* The timestamp as "%.6f" prints it, from whole microseconds (a value
 * exactly half-way between two may round the other way: 1 us). */
static void
add_ts(struct strbuf *sb, double ts)
{
	long long us, frac;
	char digits[6];
	int i;

	if (!isfinite(ts) || ts < 0 || ts > 1e12) {
		sb_printf(sb, "%.6f", ts);
		return;
	}
	us = llround(ts * 1e6);
	add_int(sb, us / 1000000);
	sb_addc(sb, '.');
	frac = us % 1000000;
	for (i = 5; i >= 0; i--, frac /= 10)
		digits[i] = (char)('0' + frac % 10);
	sb_addn(sb, digits, sizeof digits);
}

/*
 * A real as "%.6g" prints it. Most reals in events are whole thousandths
 * below 1000 (milliseconds from microseconds: rtt_ms): those have at most
 * six significant digits, so "%.6g" shows them exactly, and they are
 * written by hand; any other value goes to printf.
 */
static void
add_real(struct strbuf *sb, double d)
{
	long long milli;
	char frac[4];
	int n = 3, i;

	milli = !signbit(d) && d < 1000 ? llround(d * 1000) : -1;
	if (milli < 0 || (double)milli / 1000 != d) {
		sb_printf(sb, "%.6g", d);
		return;
	}
	add_int(sb, milli / 1000);
	for (milli %= 1000; n > 0 && milli % 10 == 0 && milli != 0; n--)
		milli /= 10;
	if (milli == 0)
		return;
	frac[0] = '.';
	for (i = n; i > 0; i--, milli /= 10)
		frac[i] = (char)('0' + milli % 10);
	sb_addn(sb, frac, (size_t)n + 1);
}

static void
add_value(struct strbuf *sb, const struct ev *ev, const struct ev_field *f)
{
	switch (f->type) {
	case EV_STR:
		sb_add_json_string(sb, ev_field_str(ev, f));
		break;
	case EV_INT:
		add_int(sb, (long long)f->v.i);
		break;
	case EV_REAL:
		if (isfinite(f->v.d))
			add_real(sb, f->v.d);
		else
			sb_add(sb, "null");
		break;
	case EV_BOOL:
		sb_add(sb, f->v.b ? "true" : "false");
		break;
	}
}

void
evjson_format(const struct ev *ev, struct strbuf *sb)
{
	size_t i;

	sb_add(sb, "{\"ts\":");
	add_ts(sb, ev->ts);
	sb_add(sb, ",\"event\":");
	sb_add_json_string(sb, ev->kind);
	sb_add(sb, ",\"engine\":");
	sb_add_json_string(sb, ev->engine);
	for (i = 0; i < ev->nfields; i++) {
		sb_addc(sb, ',');
		sb_add_json_string(sb, ev->fields[i].key);
		sb_addc(sb, ':');
		add_value(sb, ev, &ev->fields[i]);
	}
	if (ev->clipped)
		sb_add(sb, ",\"clipped\":true");
	sb_addc(sb, '}');
}

void
evjson_consumer(const struct ev *ev, void *arg)
{
	FILE *out = arg;
	struct strbuf sb;

	sb_init(&sb);
	evjson_format(ev, &sb);
	sb_addc(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, out);
	fflush(out);
	sb_free(&sb);
}
