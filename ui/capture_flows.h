/*
 * capture_flows.h: the Capture pane's flows view (F): a row per flow of
 * src/capture/capture_flows.h with its protocol, endpoints, packets,
 * bytes, rate and a sparkline of its bytes per second, sorted by bytes,
 * packets or rate (s). Enter gives the BPF filter of the selected flow,
 * which the pane applies to its list.
 */
#ifndef UI_CAPTURE_FLOWS_H
#define UI_CAPTURE_FLOWS_H

#include <stdbool.h>
#include <stdint.h>
#include <curses.h>

#include "../src/capture/capture_flows.h"
#include "../src/core/strbuf.h"

struct capture_flows_view {
	enum capture_flow_order	 order;
	size_t			 selected;	/* row in the sorted list */
	const struct capture_flow *list[CAPTURE_FLOWS_MAX];
};

/* rows from y; now: the second that rates and sparklines end at. */
void	 capture_flows_draw(WINDOW *, int y, int rows, int w,
	     const struct capture_flows *, struct capture_flows_view *,
	     int64_t now);
/* Up, Down, PgUp, PgDn, Home, End and s (the next order); true if used. */
bool	 capture_flows_key(struct capture_flows_view *,
	     const struct capture_flows *, int ch, int page);
/* The selected flow's BPF filter into out; false if there is none. */
bool	 capture_flows_filter(struct capture_flows_view *,
	     const struct capture_flows *, int64_t now, struct strbuf *out);

#endif
