/*
 * capture_flows.c: the flows view of the Capture pane; see
 * capture_flows.h. The list is sorted afresh at each draw (at most
 * CAPTURE_FLOWS_MAX flows, a few times a second at most), so the order
 * follows the traffic.
 */
#include <stdio.h>
#include <string.h>

#include "../src/capture/capture_flows_fmt.h"
#include "capture_flows.h"
#include "draw.h"
#include "theme.h"

#define SPARK_MAX	CAPTURE_FLOW_HISTORY

static const char *const order_name[FLOW_ORDER_COUNT] = { "bytes",
    "packets", "rate" };

/* "950 B/s", "12.3 kB/s", "4.1 MB/s". */
static void
human_rate(double r, char *out, size_t len)
{
	if (r < 1000)
		snprintf(out, len, "%.0f B/s", r);
	else if (r < 1e6)
		snprintf(out, len, "%.1f kB/s", r / 1e3);
	else
		snprintf(out, len, "%.1f MB/s", r / 1e6);
}

/* The flow's last seconds, oldest first, scaled to its busiest. */
static void
flow_spark(const struct capture_flow *f, int64_t now, int width, char *out,
    size_t len)
{
	float values[SPARK_MAX], max = 0;
	int i;

	if (width > SPARK_MAX)
		width = SPARK_MAX;
	for (i = 0; i < width; i++) {
		values[i] = (float)capture_flow_bytes_at(f, now,
		    (unsigned)(width - 1 - i));
		if (values[i] > max)
			max = values[i];
	}
	for (i = 0; i < width; i++)
		if (values[i] == 0)
			values[i] = -1;		/* a quiet second: a gap */
	draw_sparkline(values, width > 0 ? width : 0, max, out, len);
}

static void
draw_flow(WINDOW *win, int y, int w, const struct capture_flow *f,
    int64_t now, bool sel)
{
	char line[256], proto[16], rate[24], spark[SPARK_MAX * 4 + 1];
	struct strbuf a, b;
	int x;

	sb_init(&a);
	sb_init(&b);
	capture_flow_endpoint(&a, f, false);
	capture_flow_endpoint(&b, f, true);
	if (f->icmp != FLOW_PORTS) {
		sb_addc(&b, ' ');
		capture_flow_icmp_label(&b, f);
	}
	human_rate(capture_flow_rate(f, now), rate, sizeof rate);
	snprintf(line, sizeof line, "%-5s %-23.23s %-23.23s %9llu %11llu "
	    "%10s ", capture_flow_proto_name(f, proto, sizeof proto),
	    a.buf, b.buf, (unsigned long long)capture_flow_packets(f),
	    (unsigned long long)capture_flow_bytes(f), rate);
	x = draw_text(win, y, 0, w, theme_attr(ROLE_TEXT) |
	    (sel ? A_REVERSE : 0), line);
	flow_spark(f, now, w - x, spark, sizeof spark);
	draw_text(win, y, x, w - x, theme_attr(ROLE_STATUS) |
	    (sel ? A_REVERSE : 0), spark);
	sb_free(&a);
	sb_free(&b);
}

void
capture_flows_draw(WINDOW *win, int y, int rows, int w,
    const struct capture_flows *flows, struct capture_flows_view *v,
    int64_t now)
{
	size_t n = capture_flows_list(flows, v->list, CAPTURE_FLOWS_MAX,
	    v->order, now), first, i;
	char head[160];

	if (rows < 2)
		return;
	if (v->selected >= n)
		v->selected = n > 0 ? n - 1 : 0;
	snprintf(head, sizeof head, "%zu flows, by %s (s: sort, Enter: "
	    "filter the list on one, F: back)", n, order_name[v->order]);
	if (capture_flows_evicted(flows) > 0)
		snprintf(head + strlen(head), sizeof head - strlen(head),
		    ", %llu evicted", (unsigned long long)
		    capture_flows_evicted(flows));
	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM), head);
	snprintf(head, sizeof head, "%-5s %-23s %-23s %9s %11s %10s %s",
	    "Proto", "A", "B", "Packets", "Bytes", "Rate",
	    "each second, the newest right");
	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM) | A_BOLD, head);
	rows -= 2;
	first = v->selected >= (size_t)rows ? v->selected - (size_t)rows + 1 : 0;
	for (i = first; i < n && (int)(i - first) < rows; i++)
		draw_flow(win, y + (int)(i - first), w, v->list[i], now,
		    i == v->selected);
}

bool
capture_flows_key(struct capture_flows_view *v,
    const struct capture_flows *flows, int ch, int page)
{
	size_t n = capture_flows_count(flows);
	long to = (long)v->selected;

	switch (ch) {
	case 's':
		v->order = (v->order + 1) % FLOW_ORDER_COUNT;
		return true;
	case KEY_UP:	to--; break;
	case KEY_DOWN:	to++; break;
	case KEY_PPAGE:	to -= page; break;
	case KEY_NPAGE:	to += page; break;
	case KEY_HOME:	to = 0; break;
	case KEY_END:	to = (long)n - 1; break;
	default:	return false;
	}
	v->selected = to < 0 || n == 0 ? 0 : to >= (long)n ? n - 1 : (size_t)to;
	return true;
}

bool
capture_flows_filter(struct capture_flows_view *v,
    const struct capture_flows *flows, int64_t now, struct strbuf *out)
{
	size_t n = capture_flows_list(flows, v->list, CAPTURE_FLOWS_MAX,
	    v->order, now);

	if (v->selected >= n)
		return false;
	capture_flow_bpf(out, v->list[v->selected]);
	return true;
}
