/* ladder_out.c: an arrow as a text line or a JSON object; see
 * ladder_out.h. */
#include <inttypes.h>
#include <string.h>

#include "capture_fmt.h"
#include "ladder_out.h"

void
ladder_label(struct strbuf *sb, const struct ladder_arrow *a)
{
	sb_add(sb, mesh_type_name(a->type));
	if (a->flags & MESH_FLAG_REPLY)
		sb_add(sb, " reply");
	if (a->flags & MESH_FLAG_SEALED)
		sb_add(sb, " (sealed)");
}

void
ladder_text_line(struct strbuf *sb, const struct ladder *l,
    const struct ladder_arrow *a)
{
	const struct ladder_copy *b = ladder_before(a), *e = ladder_after(a);

	fmt_clock(sb, &a->ts);
	sb_printf(sb, " %s -> %s ", ladder_column_name(l, a->from),
	    ladder_column_name(l, a->to));
	ladder_label(sb, a);
	sb_printf(sb, ": %s > %s", b->src, b->dst);
	if (strcmp(b->src, e->src) != 0 || strcmp(b->dst, e->dst) != 0)
		sb_printf(sb, ", after NAT %s > %s", e->src, e->dst);
	if (a->dropped_at >= 0)
		sb_printf(sb, ", dropped at %s", ladder_column_name(l,
		    a->dropped_at));
	else if (a->lost)
		sb_printf(sb, ", lost after %s", e->where);
}

static void
str(struct strbuf *sb, const char *k, const char *v)
{
	sb_printf(sb, ",\"%s\":", k);
	sb_add_json_string(sb, v);
}

void
ladder_json_line(struct strbuf *sb, const struct ladder *l,
    const struct ladder_arrow *a)
{
	const struct ladder_copy *b = ladder_before(a), *e = ladder_after(a);
	struct strbuf label;
	size_t i;

	sb_add(sb, "{\"event\":\"ladder\",\"engine\":\"capture\",\"ts\":");
	fmt_epoch(sb, &a->ts);
	sb_init(&label);
	ladder_label(&label, a);
	str(sb, "type", mesh_type_name(a->type));
	str(sb, "label", label.buf != NULL ? label.buf : "");
	sb_free(&label);
	str(sb, "from", ladder_column_name(l, a->from));
	str(sb, "to", ladder_column_name(l, a->to));
	str(sb, "src", b->src);
	str(sb, "dst", b->dst);
	str(sb, "src_after", e->src);
	str(sb, "dst_after", e->dst);
	if (a->dropped_at >= 0)
		str(sb, "dropped_at", ladder_column_name(l, a->dropped_at));
	else if (a->lost)
		str(sb, "lost_after", e->where);
	sb_printf(sb, ",\"sender\":\"%016" PRIx64 "\",\"seq\":%" PRIu32,
	    a->sender, a->seq);
	sb_add(sb, ",\"seen\":[");
	for (i = 0; i < a->ncopy; i++) {
		if (i > 0)
			sb_addc(sb, ',');
		sb_add_json_string(sb, a->copy[i].where);
	}
	sb_add(sb, "]}");
}
