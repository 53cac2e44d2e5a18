/*
 * pane_storage.c: the Storage view (F11 puts it in place of the focused
 * pane). A form (file, host, mode), Enter to store the file in echoes
 * bounced off the host, Enter again to recall it into FILE.recalled, Esc to
 * let it go. The file is drawn as a grid of chunk cells, data then parity,
 * coloured by state: in flight, lost, repaired, lost for good, recalled;
 * above it bytes in flight, RTT, losses, repairs and the bound on what the
 * program holds. It starts stores through storage_job, the same engine as
 * `punchline store`, and redraws on its events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/core/evlog.h"
#include "../src/storage/storage_job.h"
#include "draw.h"
#include "form.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_storage.h"
#include "theme.h"

enum field { F_FILE, F_HOST, F_MODE, F_COUNT };

struct storage_pane {
	struct line_edit	 file, host;
	bool			 classic;
	int			 field;
	struct storage_job	*job;
	bool			 running, recalling;
	char			 status[640];
};

static struct {
	struct loop	*loop;
	struct evlog	*log;
} attached;

void
pane_storage_attach(struct loop *loop, struct evlog *log)
{
	attached.loop = loop;
	attached.log = log;
}

static void
init(struct pane *pane)
{
	struct storage_pane *v = calloc(1, sizeof *v);

	if (v == NULL)
		return;
	pane->data = v;
	line_set(&v->file, "notes.txt");
	line_set(&v->host, "203.0.113.10");
	snprintf(v->status, sizeof v->status, "Enter stores the file in echoes "
	    "bounced off the host; Enter again recalls it.");
}

static void
free_pane(struct pane *pane)
{
	struct storage_pane *v = pane->data;

	if (v == NULL)
		return;
	storage_job_free(v->job);
	free(v);
	pane->data = NULL;
}

static void
on_job_done(void *arg, int status, const char *why)
{
	struct storage_pane *v = arg;

	v->running = v->recalling = false;
	if (why != NULL)
		snprintf(v->status, sizeof v->status, "%s", why);
	else if (status != 0 && v->status[0] == '\0')
		snprintf(v->status, sizeof v->status, "ended: the file did not "
		    "come back whole");
}

static void
start_store(struct storage_pane *v)
{
	struct storage_config cfg = { .copies = 2, .k = 8, .m = 4 };
	char err[400] = "";

	storage_job_free(v->job);
	v->job = NULL;
	v->status[0] = '\0';
	if (v->classic) {
		cfg.copies = 1;
		cfg.m = 0;
		cfg.classic = true;
	}
	snprintf(cfg.path, sizeof cfg.path, "%s", v->file.buf);
	snprintf(cfg.via, sizeof cfg.via, "%.255s", v->host.buf);
	v->running = true;
	if ((v->job = storage_job_new(attached.loop, attached.log, &cfg,
	    on_job_done, v, err, sizeof err)) == NULL) {
		v->running = false;
		snprintf(v->status, sizeof v->status, "%s", err);
	}
}

static void
recall(struct storage_pane *v)
{
	struct storage *s = v->job != NULL ? storage_job_storage(v->job) : NULL;
	char out[LINE_MAX_BYTES + 16], err[400];

	if (s == NULL || v->recalling)
		return;
	snprintf(out, sizeof out, "%s.recalled", v->file.buf);
	if (storage_recall(s, out, err, sizeof err) != 0)
		snprintf(v->status, sizeof v->status, "%s", err);
	else
		v->recalling = true;
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct storage_pane *v = pane->data;
	const char *s;
	char line[600];

	if (v == NULL || v->job == NULL || strcmp(ev->engine, "storage") != 0)
		return;
	if (strcmp(ev->kind, "recalled") == 0 || strcmp(ev->kind, "file_lost") == 0 ||
	    strcmp(ev->kind, "error") == 0) {
		ev_format_text(ev, line, sizeof line);
		snprintf(v->status, sizeof v->status, "%s", (s = ev_get_str(ev,
		    "why")) != NULL && strcmp(ev->kind, "error") == 0 ? s : line);
	}
	pane->dirty = true;
}

static const struct {
	char		 ch;
	int		 role, attr;
	const char	*name;
} cells[] = {
	[STORAGE_CELL_FLIGHT] = { '#', ROLE_TEXT, 0, "flying" },
	[STORAGE_CELL_LOST] = { '!', ROLE_WARNING, A_BOLD, "lost" },
	[STORAGE_CELL_REPAIRED] = { '+', ROLE_STATUS, A_BOLD, "repaired" },
	[STORAGE_CELL_GONE] = { 'x', ROLE_WARNING, A_REVERSE, "gone" },
	[STORAGE_CELL_RECALLED] = { '=', ROLE_TITLE_FOCUS, 0, "recalled" },
};

static void
draw_legend(WINDOW *win, int y, int w)
{
	char item[40];
	/* Short names: the legend fits a quarter of the screen. */
	size_t i;
	int x = 0;

	for (i = 0; i < sizeof cells / sizeof cells[0] && x < w; i++) {
		snprintf(item, sizeof item, "%c %s ", cells[i].ch, cells[i].name);
		x += draw_text(win, y, x, w - x, theme_attr(cells[i].role) |
		    cells[i].attr, item);
	}
}

/* One cell a chunk, data then parity, a space between the two. */
static void
draw_grid(WINDOW *win, int y, int h, int w, const struct storage *s)
{
	struct storage_stats st;
	size_t n, i;
	const uint8_t *c = storage_cells(s, &n);
	int row = y, col = 0;
	char one[2] = { 0, 0 };

	storage_get_stats(s, &st);
	for (i = 0; i < n && row < h; i++) {
		if (i == st.data_chunks && col > 0) {
			row++;		/* parity on its own rows */
			col = 0;
			if (row >= h)
				break;
		}
		one[0] = cells[c[i]].ch;
		mvwaddstr(win, row, col, one);
		mvwchgat(win, row, col, 1, theme_attr(cells[c[i]].role) |
		    cells[c[i]].attr, 0, NULL);
		if (++col >= w) {
			col = 0;
			row++;
		}
	}
	if (i < n && h > y)
		draw_text(win, h - 1, w > 20 ? w - 20 : 0, 20,
		    theme_attr(ROLE_DIM), " ... (z zooms)");
}

/* Four short lines, so the view reads in a quarter of the screen. */
static void
draw_stats(WINDOW *win, int y, int w, const struct storage *s)
{
	struct storage_stats st;
	char line[4][200];
	int i;

	storage_get_stats(s, &st);
	snprintf(line[0], sizeof line[0], "%llu B: %u data + %u parity chunks, "
	    "%u cop%s, %s socket", (unsigned long long)st.size, st.data_chunks,
	    st.parity_chunks, st.copies, st.copies == 1 ? "y" : "ies",
	    st.socket_kind);
	snprintf(line[1], sizeof line[1], "in flight %u chunks %llu B  RTT "
	    "%.1f ms", st.in_flight_chunks,
	    (unsigned long long)st.in_flight_bytes, st.rtt_ms);
	snprintf(line[2], sizeof line[2], "lost %llu  repaired %llu  copies "
	    "back %llu  lost for good %u", (unsigned long long)st.lost,
	    (unsigned long long)st.repaired,
	    (unsigned long long)st.copies_restored, st.lost_for_good);
	snprintf(line[3], sizeof line[3], "this program holds at most %zu B "
	    "of it", st.window_bytes);
	for (i = 0; i < 4; i++)
		draw_text(win, y + i, 0, w, theme_attr(i == 0 ? ROLE_TEXT :
		    ROLE_STATUS), line[i]);
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct storage_pane *v = pane->data;
	struct storage *s;
	int h = getmaxy(win), w = getmaxx(win), x;
	bool f = pane->focused;

	if (v == NULL || !draw_fits(win, 9, 40, pane->ops->title))
		return;
	x = form_text(win, 0, 0, w, "File ", &v->file, 14,
	    f && v->field == F_FILE) + 2;
	x = form_text(win, 0, x, w, "Via ", &v->host, 15,
	    f && v->field == F_HOST) + 2;
	x = form_choice(win, 0, x, w, "", v->classic ? "classic" : "ours",
	    f && v->field == F_MODE) + 2;
	draw_text(win, 0, x, w - x, theme_attr(ROLE_DIM), !v->running ?
	    "Enter: store" : v->recalling ? "recalling" : "Enter: recall");
	s = v->job != NULL ? storage_job_storage(v->job) : NULL;
	form_status(win, 1, w, v->running && v->status[0] == '\0' ?
	    "stored: on the wire only (Esc lets it go)" : NULL, v->status);
	if (s == NULL)
		return;
	draw_stats(win, 2, w, s);
	draw_legend(win, 6, w);
	draw_grid(win, 7, h, w, s);
}

static void
enter(struct storage_pane *v)
{
	if (!v->running)
		start_store(v);
	else
		recall(v);
}

static bool
text(struct pane *pane, int ch)
{
	struct storage_pane *v = pane->data;

	if (v == NULL)
		return false;
	pane->dirty = true;
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		enter(v);
		return true;
	case 27:
		if (v->running && v->job != NULL &&
		    storage_job_storage(v->job) != NULL)
			storage_stop(storage_job_storage(v->job));
		return true;
	}
	if (form_focus_key(&v->field, F_COUNT, ch))
		return true;
	if (v->field == F_FILE && form_text_key(&v->file, ch))
		return true;
	if (v->field == F_HOST && form_text_key(&v->host, ch))
		return true;
	if (v->field == F_MODE && form_choice_step(ch) != 0) {
		v->classic = !v->classic;
		return true;
	}
	pane->dirty = false;
	return false;
}

static const char *
busy(struct pane *pane)
{
	struct storage_pane *v = pane->data;

	return v != NULL && v->running ? "a file is stored in flight (quitting "
	    "lets it go)" : NULL;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "store the file via the host; while stored, recall it into FILE.recalled" },
	{ 27, 0, NULL, "let the stored file go, without a recall" },
	{ KEY_UP, 0, NULL, "between the File, Via and Mode fields (Down too)" },
	{ KEY_LEFT, 0, NULL, "in Mode: ours (copies and parity) or classic (Right, Space too)" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_storage = {
	.name = "storage",
	.title = "Storage",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.on_event = on_event,
	.busy = busy,
};
