/*
 * pane_capture.c: the Capture pane. Enter starts a live capture through
 * src/capture (the engine `punchline capture` uses) on every interface
 * ("any"), or on those --capture-iface names, and again stops it; "/"
 * edits the BPF filter, which Enter applies; o opens a pcap or pcapng file
 * by its path instead (no privilege needed), as --capture-file does.
 * The list shows the last packets kept in the engine's ring (number, time,
 * source, destination, protocol, length and the tcpdump-like summary),
 * coloured by protocol; below it, the selected packet's layers (the detail
 * tree) or, with x, its bytes in hex and ASCII. Follow mode keeps the
 * newest packet selected; moving the selection leaves it, End comes back.
 * p pauses (packets are counted, not kept); w saves the ring to a pcap;
 * F shows the flows instead (capture_flows.c: Enter there filters the
 * list on one); d the ladder of mesh datagrams (capture_ladder.c; l is
 * the global layout key).
 * Started with --capture-lab, it captures in the lab's five roles at
 * once and opens on their ladder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../protocols/dissect.h"
#include "../src/capture/capture.h"
#include "../src/capture/capture_events.h"
#include "../src/capture/capture_flows.h"
#include "../src/capture/capture_fmt.h"
#include "../src/capture/capture_json.h"
#include "../src/capture/capture_ring.h"
#include "../src/capture/capture_text.h"
#include "../src/capture/ladder.h"
#include "../src/core/loop.h"
#include "capture_flows.h"
#include "capture_ladder.h"
#include "draw.h"
#include "edit_keys.h"
#include "form.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_capture.h"
#include "theme.h"

#define RING_PACKETS	CAPTURE_RING_DEFAULT
#define SOURCE_MAX	512

struct capture_pane {
	struct capture		*cap[PANE_CAPTURE_MAX_IFS];
	size_t			 ncap;
	bool			 is_file, file_ended;
	char			 source[SOURCE_MAX];	/* "any", "lo, eth0", a path */
	struct capture		*lab[LADDER_ROLES_MAX];	/* --capture-lab */
	size_t			 nlab;
	bool			 lab_ladder;	/* the ring holds the lab's */
	struct capture_ring	*ring;
	struct capture_flows	*flows;
	struct capture_flows_view *fview;
	struct line_edit	 filter, path;
	char			 applied[LINE_MAX_BYTES + 1];
	bool			 editing, opening, paused, follow, hex, ladder;
	bool			 flows_shown;
	size_t			 selected;	/* index in the ring */
	uint64_t		 seen, unkept;
	char			 status[CAPTURE_ERR_MAX + 64];
	struct pane		*pane;
	struct event		*tick;		/* the flows' sparklines move */
	struct dissect		 dissect;	/* scratch */
};

static struct loop *attached_loop;
static struct evlog *attached_log;
static struct pane_capture_source configured;
static void (*changed_fn)(void *);
static void *changed_arg;
static const struct ladder_roles *lab_roles;
static struct capture *lab_caps[LADDER_ROLES_MAX];
static size_t nlab_caps;

void
pane_capture_attach(struct loop *loop, struct evlog *log)
{
	attached_loop = loop;
	attached_log = log;
}

void
pane_capture_attach_lab(const struct ladder_roles *roles,
    struct capture **caps, size_t n)
{
	lab_roles = roles;
	for (nlab_caps = 0; nlab_caps < n && nlab_caps < LADDER_ROLES_MAX;
	    nlab_caps++)
		lab_caps[nlab_caps] = caps[nlab_caps];
}

static void on_packet(const struct capture_pkt *, void *);
static void on_end(struct capture *, const char *, void *);

/* The lab's handles, opened by main before the drop: started once. */
static void
start_lab(struct capture_pane *v)
{
	char err[CAPTURE_ERR_MAX];
	size_t i;

	for (i = 0; i < nlab_caps; i++) {
		v->lab[v->nlab++] = lab_caps[i];
		if (capture_start(lab_caps[i], loop_base(attached_loop),
		    on_packet, on_end, v, err, sizeof err) != 0)
			snprintf(v->status, sizeof v->status, "%s", err);
		else if (attached_log != NULL)
			capture_report_started(attached_log,
			    capture_source(lab_caps[i]), NULL);
	}
	nlab_caps = 0;		/* the pane owns them now */
	v->lab_ladder = v->ladder = true;
}

void
pane_capture_source(const struct pane_capture_source *src)
{
	configured = *src;
}

void
pane_capture_on_change(void (*fn)(void *), void *arg)
{
	changed_fn = fn;
	changed_arg = arg;
}

static void
stop_lab(struct capture_pane *v)
{
	while (v->nlab > 0)
		capture_free(v->lab[--v->nlab]);
	snprintf(v->status, sizeof v->status, "stopped: %llu packets in the "
	    "lab (Enter captures on every interface here)",
	    (unsigned long long)v->seen);
}

static void
changed(struct capture_pane *v)
{
	v->pane->dirty = true;
	if (changed_fn != NULL)
		changed_fn(changed_arg);
}

static bool
live_running(const struct capture_pane *v)
{
	return (v->ncap > 0 && !v->is_file) || v->nlab > 0;
}

static void
report_error(const char *source, const char *err)
{
	if (attached_log != NULL)
		capture_report_error(attached_log, source, err);
}

/* Closes every handle; a live one reports its pcap_stats first. */
static void
close_sources(struct capture_pane *v)
{
	struct capture_stats st;
	uint64_t dropped = 0;
	size_t i;

	if (v->nlab > 0)
		stop_lab(v);
	for (i = 0; i < v->ncap; i++) {
		capture_get_stats(v->cap[i], &st);
		dropped += st.dropped;
		if (!v->is_file && attached_log != NULL)
			capture_report_stats(attached_log,
			    capture_source(v->cap[i]), &st);
		capture_free(v->cap[i]);
	}
	if (v->tick != NULL)
		event_del(v->tick);	/* only a live capture's flows move */
	if (v->ncap > 0 && !v->is_file)
		snprintf(v->status, sizeof v->status, "stopped: %llu packets, "
		    "%llu dropped", (unsigned long long)v->seen,
		    (unsigned long long)dropped);
	v->ncap = 0;
}

static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct capture_pane *v = arg;

	(void)fd;
	(void)what;
	if (v->flows_shown && live_running(v))
		v->pane->dirty = true;
}

static void
free_pane(struct pane *pane)
{
	struct capture_pane *v = pane->data;

	if (v == NULL)
		return;
	close_sources(v);
	if (v->tick != NULL)
		event_free(v->tick);
	capture_ring_free(v->ring);
	capture_flows_free(v->flows);
	free(v->fview);
	free(v);
	pane->data = NULL;
}

static void
on_packet(const struct capture_pkt *p, void *arg)
{
	struct capture_pane *v = arg;
	struct capture_pkt pkt = *p;

	v->seen++;
	changed(v);			/* the count at least */
	pkt.no = v->seen;
	dissect_packet(pkt.linktype, pkt.data, pkt.caplen, &v->dissect);
	capture_flows_add(v->flows, &pkt, &v->dissect);
	if (v->paused) {
		v->unkept++;
		return;
	}
	capture_ring_push(v->ring, &pkt);
	if (v->follow)
		v->selected = capture_ring_count(v->ring) - 1;
	else if (v->selected > 0 &&
	    capture_ring_count(v->ring) == capture_ring_capacity(v->ring))
		v->selected--;		/* the oldest went: stay on ours */
}

static void
on_end(struct capture *c, const char *err, void *arg)
{
	struct capture_pane *v = arg;

	if (v->is_file)
		v->file_ended = true;
	if (err != NULL) {
		snprintf(v->status, sizeof v->status, "%s", err);
		report_error(capture_source(c), err);
	}
	changed(v);
}

static void
reset_view(struct capture_pane *v)
{
	capture_ring_clear(v->ring);
	capture_flows_clear(v->flows);
	v->lab_ladder = false;
	v->seen = v->unkept = v->selected = 0;
	v->follow = true;
	v->status[0] = '\0';
}

/* Opens, filters and starts one more handle; false with the status set. */
static bool
add_source(struct capture_pane *v, const char *name, bool file)
{
	char err[CAPTURE_ERR_MAX];
	struct capture *c;

	c = file ? capture_open_file(name, err, sizeof err) :
	    capture_open_live(name, CAPTURE_SNAPLEN_DEFAULT, err, sizeof err);
	if (c != NULL && ((v->applied[0] != '\0' &&
	    capture_set_filter(c, v->applied, err, sizeof err) != 0) ||
	    capture_start(c, loop_base(attached_loop), on_packet, on_end, v,
	    err, sizeof err) != 0)) {
		capture_free(c);
		c = NULL;
	}
	if (c == NULL) {
		snprintf(v->status, sizeof v->status, "%s", err);
		report_error(name, err);
		return false;
	}
	v->cap[v->ncap++] = c;
	return true;
}

static void
start_capture(struct capture_pane *v)
{
	size_t i, n = configured.nif > 0 ? configured.nif : 1;
	struct timeval second = { 1, 0 };
	char why[sizeof v->status];

	if (attached_loop == NULL)
		return;
	close_sources(v);
	reset_view(v);
	v->is_file = false;
	v->source[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(v->source + strlen(v->source), sizeof v->source -
		    strlen(v->source), "%s%s", i > 0 ? ", " : "",
		    configured.nif > 0 ? configured.ifname[i] : "any");
		if (!add_source(v, configured.nif > 0 ? configured.ifname[i] :
		    "any", false)) {
			snprintf(why, sizeof why, "%s", v->status);
			close_sources(v);	/* the ones opened before */
			snprintf(v->status, sizeof v->status, "%s", why);
			return;
		}
	}
	if (attached_log != NULL)
		capture_report_started(attached_log, v->source, v->applied);
	if (v->tick != NULL)
		event_add(v->tick, &second);
}

/* Reads a saved capture into the list and the flows, in batches. */
static void
open_file(struct capture_pane *v, const char *path)
{
	char name[SOURCE_MAX];

	if (attached_loop == NULL)
		return;
	snprintf(name, sizeof name, "%s", path);	/* path may be source */
	close_sources(v);
	reset_view(v);
	v->is_file = true;
	v->file_ended = false;
	snprintf(v->source, sizeof v->source, "%s", name);
	if (!add_source(v, name, true))
		v->is_file = false;
}

static void
apply_filter(struct capture_pane *v)
{
	char err[CAPTURE_ERR_MAX];
	size_t i;

	snprintf(v->applied, sizeof v->applied, "%s", v->filter.buf);
	v->editing = false;
	for (i = 0; i < v->nlab; i++)	/* the lab's cannot reopen: refilter */
		if (capture_set_filter(v->lab[i], v->applied[0] != '\0' ?
		    v->applied : "", err, sizeof err) != 0)
			snprintf(v->status, sizeof v->status, "%s", err);
	if (v->ncap > 0 && v->is_file)
		open_file(v, v->source);
	else if (v->ncap > 0)
		start_capture(v);
}

static void
init(struct pane *pane)
{
	struct capture_pane *v = calloc(1, sizeof *v);

	if (v == NULL)
		return;
	if ((v->ring = capture_ring_new(RING_PACKETS)) == NULL ||
	    (v->flows = capture_flows_new(0)) == NULL ||
	    (v->fview = calloc(1, sizeof *v->fview)) == NULL) {
		capture_ring_free(v->ring);
		capture_flows_free(v->flows);
		free(v);
		return;
	}
	pane->data = v;
	v->pane = pane;
	v->follow = true;
	line_init(&v->filter);
	line_init(&v->path);
	snprintf(v->status, sizeof v->status, "Enter captures on every "
	    "interface; / sets a filter first (e.g. udp port 12345); o opens "
	    "a pcap file.");
	if (configured.filter != NULL) {
		line_set(&v->filter, configured.filter);
		snprintf(v->applied, sizeof v->applied, "%s", v->filter.buf);
	}
	if (attached_loop != NULL)
		v->tick = event_new(loop_base(attached_loop), -1, EV_PERSIST,
		    on_tick, v);
	if (nlab_caps > 0 && attached_loop != NULL)
		start_lab(v);
	else if (configured.file != NULL)
		open_file(v, configured.file);
	else if (configured.start)
		start_capture(v);
}

static void
save_ring(struct capture_pane *v)
{
	char path[128], err[CAPTURE_ERR_MAX], stamp[32];
	const char *dir = getenv("TMPDIR");
	time_t now = time(NULL);
	struct tm tm;
	long n;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(path, sizeof path, "%s/punchline-capture-%s.pcap",
	    dir != NULL && *dir != '\0' ? dir : "/tmp", stamp);
	if ((n = capture_ring_save(v->ring, path, err, sizeof err)) < 0)
		snprintf(v->status, sizeof v->status, "save: %s", err);
	else {
		snprintf(v->status, sizeof v->status, "saved %ld packets to %s",
		    n, path);
		if (attached_log != NULL)
			capture_report_saved(attached_log, path, n);
	}
}

/* The colour of a packet: its top layer's protocol. */
static int
proto_attr(const struct dissect *d)
{
	enum dissect_proto p = d->count > 0 ? d->layer[d->count - 1].proto :
	    DP_NONE;

	switch (p) {
	case DP_TCP:	return theme_attr(ROLE_TEXT);
	case DP_UDP:	return theme_attr(ROLE_STATUS);
	case DP_ICMP: case DP_ICMPV6: return theme_attr(ROLE_WARNING);
	case DP_DNS:	return theme_attr(ROLE_TITLE);
	case DP_MESH: case DP_STORAGE:
		return theme_attr(ROLE_TITLE_FOCUS) | A_BOLD;
	default:	return theme_attr(ROLE_DIM);
	}
}

/* "10.0.0.1:53" (or the MACs of a frame without IP) into sb. */
static void
endpoint(struct strbuf *sb, const struct dissect *d, bool src)
{
	const struct dissect_layer *ip = dissect_find(d, DP_IPV4), *t;

	if (ip == NULL)
		ip = dissect_find(d, DP_IPV6);
	if (ip != NULL && ip->status == DECODE_OK) {
		fmt_ip_addr(sb, ip, src);
		if ((t = dissect_find(d, DP_UDP)) != NULL ||
		    (t = dissect_find(d, DP_TCP)) != NULL) {
			sb_addc(sb, ':');
			fmt_u64(sb, t->proto == DP_UDP ?
			    (src ? t->u.udp.sport : t->u.udp.dport) :
			    (src ? t->u.tcp.sport : t->u.tcp.dport));
		}
	} else if (d->count > 0 && d->layer[0].proto == DP_ETHERNET)
		fmt_mac(sb, src ? d->layer[0].u.eth.src : d->layer[0].u.eth.dst);
}

static void
draw_row(struct capture_pane *v, WINDOW *win, int y, int w,
    const struct capture_pkt *p, bool sel)
{
	struct strbuf a, b, s;
	char line[512], time_s[24];
	struct tm tm;
	time_t t = p->ts.tv_sec;

	dissect_packet(p->linktype, p->data, p->caplen, &v->dissect);
	sb_init(&a);
	sb_init(&b);
	sb_init(&s);
	endpoint(&a, &v->dissect, true);
	endpoint(&b, &v->dissect, false);
	capture_text_summary(&s, p, &v->dissect);
	localtime_r(&t, &tm);
	strftime(time_s, sizeof time_s, "%H:%M:%S", &tm);
	snprintf(line, sizeof line, "%-6llu %s.%03ld %-21.21s %-21.21s %-6s "
	    "%5u %s", (unsigned long long)p->no, time_s,
	    (long)p->ts.tv_usec / 1000, a.buf != NULL ? a.buf : "",
	    b.buf != NULL ? b.buf : "", v->dissect.count > 0 ?
	    dissect_proto_name(v->dissect.layer[v->dissect.count - 1].proto) :
	    "?", p->len, s.buf != NULL ? s.buf : "");
	draw_text(win, y, 0, w, proto_attr(&v->dissect) |
	    (sel ? A_REVERSE : 0), line);
	sb_free(&a);
	sb_free(&b);
	sb_free(&s);
}

static void
draw_list(struct capture_pane *v, WINDOW *win, int y, int rows, int w)
{
	size_t n = capture_ring_count(v->ring), first, i;

	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM) | A_BOLD,
	    "No.    Time         Source                Destination           "
	    "Proto    Len Info");
	rows--;
	if (n == 0 || rows < 1)
		return;
	first = v->selected >= (size_t)rows ? v->selected - (size_t)rows + 1 : 0;
	for (i = first; i < n && (int)(i - first) < rows; i++)
		draw_row(v, win, y + (int)(i - first), w,
		    capture_ring_get(v->ring, i), i == v->selected);
}

/* {"proto":"ipv4","src":"10.0.0.1","ttl":64} -> "ipv4  src=10.0.0.1  ttl=64":
 * quotes and braces go, a colon or comma outside a string becomes = or
 * two spaces (addresses keep their colons). */
static void
json_to_fields(const char *json, struct strbuf *out)
{
	bool in_string = false, first_key = true;
	const char *c;

	for (c = json; *c != '\0'; c++) {
		if (*c == '\\' && in_string && c[1] != '\0') {
			sb_addc(out, *++c);
			continue;
		}
		if (*c == '"') {
			in_string = !in_string;
			continue;
		}
		if (in_string)
			sb_addc(out, *c);
		else if (*c == ':')
			sb_add(out, first_key ? "" : "=");
		else if (*c == ',')
			sb_add(out, "  ");
		else if (*c == '{' || *c == '}')
			continue;
		else
			sb_addc(out, *c);
		if (*c == ',' && first_key)
			first_key = false;
	}
}

/* The detail tree: a row per layer, indented one step per layer. */
static void
draw_detail(struct capture_pane *v, WINDOW *win, int y, int rows, int w,
    const struct capture_pkt *p)
{
	struct strbuf json, shown;
	size_t i;
	int indent;

	dissect_packet(p->linktype, p->data, p->caplen, &v->dissect);
	sb_init(&json);
	sb_init(&shown);
	for (i = 0; i < v->dissect.count && (int)i < rows; i++) {
		sb_reset(&json);
		sb_reset(&shown);
		capture_json_layer(&json, &v->dissect.layer[i]);
		/* Drop the "proto": key, keep its value as the row's name. */
		json_to_fields(json.buf + strlen("{\"proto\":"), &shown);
		indent = 2 * (int)i < w / 3 ? 2 * (int)i : w / 3;
		draw_text(win, y + (int)i, indent, w - indent,
		    theme_attr(i + 1 == v->dissect.count ? ROLE_TITLE :
		    ROLE_TEXT), shown.buf != NULL ? shown.buf : "");
	}
	sb_free(&json);
	sb_free(&shown);
}

static void
draw_hex(WINDOW *win, int y, int rows, int w, const struct capture_pkt *p)
{
	char line[96];
	uint32_t off, i;
	int at;

	for (off = 0; off < p->caplen && rows-- > 0; off += 16, y++) {
		at = snprintf(line, sizeof line, "%04x  ", off);
		for (i = 0; i < 16; i++)
			at += snprintf(line + at, sizeof line - (size_t)at,
			    off + i < p->caplen ? "%02x " : "   ",
			    off + i < p->caplen ? p->data[off + i] : 0);
		line[at++] = ' ';
		for (i = 0; i < 16 && off + i < p->caplen; i++)
			line[at++] = p->data[off + i] >= 0x20 &&
			    p->data[off + i] < 0x7f ? (char)p->data[off + i] : '.';
		line[at] = '\0';
		draw_text(win, y, 0, w, theme_attr(ROLE_TEXT), line);
	}
}

static void
draw_status(struct capture_pane *v, WINDOW *win, int w)
{
	char line[SOURCE_MAX + LINE_MAX_BYTES + CAPTURE_ERR_MAX + 256];
	struct capture_stats st;
	uint64_t dropped = 0;
	size_t i;

	if (v->nlab > 0) {
		snprintf(line, sizeof line, "capturing in the lab (%zu "
		    "namespaces)%s%s: %llu packets%s", v->nlab,
		    v->applied[0] != '\0' ? ", filter " : "", v->applied,
		    (unsigned long long)v->seen, v->paused ? ", PAUSED" : "");
		draw_text(win, 1, 0, w, theme_attr(ROLE_STATUS), line);
		return;
	}
	if (v->ncap == 0) {
		draw_text(win, 1, 0, w, theme_attr(ROLE_WARNING), v->status);
		return;
	}
	for (i = 0; i < v->ncap; i++) {
		capture_get_stats(v->cap[i], &st);
		dropped += st.dropped;
	}
	snprintf(line, sizeof line, "%s %s%s%s: %llu packets", v->is_file ?
	    "file" : "capturing on", v->source, v->applied[0] != '\0' ?
	    ", filter " : "", v->applied, (unsigned long long)v->seen);
	if (v->is_file)
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s",
		    v->file_ended ? "" : ", reading");
	else
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    ", %llu dropped", (unsigned long long)dropped);
	snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s%s%s",
	    v->paused ? ", PAUSED" : "", v->follow ? ", following" : "",
	    v->status[0] != '\0' ? " | " : "", v->status);
	draw_text(win, 1, 0, w, theme_attr(v->is_file && v->status[0] != '\0' ?
	    ROLE_WARNING : ROLE_STATUS), line);
}

/* The first row: the filter, or the path being typed after o. */
static void
draw_input(struct capture_pane *v, WINDOW *win, int w)
{
	int x;

	x = form_text(win, 0, 0, w, v->opening ? "File   " : "Filter ",
	    v->opening ? &v->path : &v->filter, 30,
	    v->opening || v->editing) + 2;
	draw_text(win, 0, x, w - x, theme_attr(ROLE_DIM), v->opening ?
	    "Enter: open  Esc: cancel" : v->editing ?
	    "Enter: apply  Esc: done" : live_running(v) ? "Enter: stop" :
	    "Enter: start  o: open a file  F: flows");
}

static int64_t
flows_now(const struct capture_pane *v)
{
	return live_running(v) ? (int64_t)time(NULL) :
	    capture_flows_newest(v->flows);
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct capture_pane *v = pane->data;
	int h = getmaxy(win), w = getmaxx(win), list_rows;
	const struct capture_pkt *sel;

	if (v == NULL || !draw_fits(win, 5, 40, pane->ops->title))
		return;
	draw_input(v, win, w);
	draw_status(v, win, w);
	if (v->flows_shown) {
		capture_flows_draw(win, 2, h - 2, w, v->flows, v->fview,
		    flows_now(v));
		return;
	}
	if (v->ladder) {
		capture_ladder_draw(win, 2, h - 2, w, v->ring, &v->dissect,
		    v->lab_ladder ? lab_roles : NULL);
		return;
	}
	sel = capture_ring_get(v->ring, v->selected);
	list_rows = sel != NULL && h >= 12 ? (h - 2) * 3 / 5 : h - 2;
	draw_list(v, win, 2, list_rows, w);
	if (sel == NULL || list_rows == h - 2)
		return;
	if (v->hex)
		draw_hex(win, 2 + list_rows, h - 2 - list_rows, w, sel);
	else
		draw_detail(v, win, 2 + list_rows, h - 2 - list_rows, w, sel);
}

static bool
edit_filter(struct capture_pane *v, int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		apply_filter(v);
		return true;
	case 27:
		v->editing = false;
		return true;
	}
	return form_text_key(&v->filter, ch);
}

static bool
edit_path(struct capture_pane *v, int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		v->opening = false;
		if (v->path.len > 0) {
			v->flows_shown = v->ladder = false;
			open_file(v, v->path.buf);
		}
		return true;
	case 27:
		v->opening = false;
		return true;
	}
	return edit_keys(&v->path, ch, SOURCE_MAX - 1, true);
}

static void
move_selection(struct capture_pane *v, long by)
{
	size_t n = capture_ring_count(v->ring);
	long to = (long)v->selected + by;

	if (n == 0)
		return;
	v->selected = to < 0 ? 0 : to >= (long)n ? n - 1 : (size_t)to;
	v->follow = v->selected == n - 1 && by > 0;
}

/* Enter on a flow: its filter becomes the list's, and the list shows. */
static void
filter_on_flow(struct capture_pane *v)
{
	struct strbuf bpf;

	sb_init(&bpf);
	if (capture_flows_filter(v->fview, v->flows, flows_now(v), &bpf)) {
		line_set(&v->filter, bpf.buf);
		v->flows_shown = false;
		apply_filter(v);
	}
	sb_free(&bpf);
}

static bool
flows_key(struct pane *pane, struct capture_pane *v, int ch)
{
	if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		filter_on_flow(v);
		return true;
	}
	return capture_flows_key(v->fview, v->flows, ch, pane->h / 2);
}

static bool
open_prompt(struct capture_pane *v)
{
	v->opening = true;
	v->editing = false;
	line_set(&v->path, v->is_file ? v->source : "");
	return true;
}

static bool
text(struct pane *pane, int ch)
{
	struct capture_pane *v = pane->data;

	if (v == NULL)
		return false;
	pane->dirty = true;
	if (v->opening)
		return edit_path(v, ch);
	if (v->editing)
		return edit_filter(v, ch);
	if (v->flows_shown && flows_key(pane, v, ch))
		return true;
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		if (live_running(v))
			close_sources(v);
		else
			start_capture(v);
		return true;
	case '/':	v->editing = true; return true;
	case 'o':	return open_prompt(v);
	case 'F':	v->flows_shown = !v->flows_shown; return true;
	case 'p':	v->paused = !v->paused; return true;
	case 'x':	v->hex = !v->hex; return true;
	case 'd':	v->ladder = !v->ladder; v->flows_shown = false; return true;
	case 'w':	save_ring(v); return true;
	case KEY_UP:	move_selection(v, -1); return true;
	case KEY_DOWN:	move_selection(v, 1); return true;
	case KEY_PPAGE:	move_selection(v, -(pane->h / 2)); return true;
	case KEY_NPAGE:	move_selection(v, pane->h / 2); return true;
	case KEY_END: case 'f':
		v->follow = true;
		move_selection(v, (long)capture_ring_count(v->ring));
		return true;
	}
	pane->dirty = false;
	return false;
}

static const char *
busy(struct pane *pane)
{
	struct capture_pane *v = pane->data;

	return v != NULL && live_running(v) ? "a capture is running" : NULL;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "start capturing (every interface, or --capture-iface) "
	    "or stop; in the flows view: filter the list on the selected flow" },
	{ '/', 0, NULL, "edit the BPF filter (Enter applies it, Esc leaves)" },
	{ 'o', 0, NULL, "open a pcap or pcapng file: type its path, Enter" },
	{ KEY_UP, 0, NULL, "select a packet or flow (Down too; leaves follow mode)" },
	{ KEY_PPAGE, 0, NULL, "a page of packets up (PgDn: down)" },
	{ KEY_END, 0, NULL, "follow the newest packet again (f too)" },
	{ 'p', 0, NULL, "pause: packets are counted, not kept (again: go on)" },
	{ 'x', 0, NULL, "the selected packet in hex and ASCII (again: layers)" },
	{ 'F', 0, NULL, "the flows: endpoints, packets, bytes, rate (again: the list)" },
	{ 's', 0, NULL, "in the flows view: sort by bytes, packets or rate" },
	{ 'd', 0, NULL, "the ladder of mesh datagrams, a column per lab role with "
	    "--capture-lab (again: the list)" },
	{ 'w', 0, NULL, "save the packets kept to $TMPDIR (or /tmp) as pcap" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_capture = {
	.name = "capture",
	.title = "Capture",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.busy = busy,
};
