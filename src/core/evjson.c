/* evjson.c: one JSON object per event and line, for --json and for tests. */
#include <math.h>

#include "evjson.h"

static void
add_value(struct strbuf *sb, const struct ev *ev, const struct ev_field *f)
{
	switch (f->type) {
	case EV_STR:
		sb_add_json_string(sb, ev_field_str(ev, f));
		break;
	case EV_INT:
		sb_printf(sb, "%lld", (long long)f->v.i);
		break;
	case EV_REAL:
		if (isfinite(f->v.d))
			sb_printf(sb, "%.6g", f->v.d);
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

	sb_printf(sb, "{\"ts\":%.6f,\"event\":", ev->ts);
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
