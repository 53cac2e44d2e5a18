/*
 * storage_recall.c: the recall: every data chunk written out as it passes
 * (or as it is rebuilt), then a "recalled" event naming what is missing
 * and why; or, when nothing can come back, a "file_lost" event.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "storage_int.h"

#define RECALL_MIN_S	2.0

/* "3,7-9": the data chunks not recalled. */
static void
missing_list(const struct storage *s, char *buf, size_t len)
{
	unsigned i, j;
	size_t used = 0;

	buf[0] = '\0';
	for (i = 0; i < s->ndata && used + 24 < len; i = j) {
		if (s->members[i].written) {
			j = i + 1;
			continue;
		}
		for (j = i + 1; j < s->ndata && !s->members[j].written; j++)
			;
		used += (size_t)snprintf(buf + used, len - used, "%s%u", used ?
		    "," : "", i);
		if (j - 1 > i)
			used += (size_t)snprintf(buf + used, len - used, "-%u", j - 1);
	}
}

/* Nothing can come back: a recall reports what it has; without one, a
 * "file_lost" event names the chunks that are gone. */
void
storage_give_up(struct storage *s)
{
	char missing[600];
	struct ev ev;

	if (s->out_fd >= 0) {
		storage_finish_recall(s);
		return;
	}
	storage_push_stats(s, "stats");
	missing_list(s, missing, sizeof missing);
	ev_init(&ev, "storage", "file_lost");
	ev_int(&ev, "chunks", s->ndata);
	ev_int(&ev, "missing", s->ndata);
	ev_str(&ev, "missing_chunks", missing);
	ev_str(&ev, "why", s->why_gone);
	evlog_push(s->log, &ev);
	storage_end(s, 1);
}

void
storage_finish_recall(struct storage *s)
{
	char missing[600];
	bool intact = s->written == s->ndata;
	struct ev ev;

	storage_push_stats(s, "stats");
	missing_list(s, missing, sizeof missing);
	if (close(s->out_fd) != 0)
		intact = false;
	s->out_fd = -1;
	ev_init(&ev, "storage", "recalled");
	ev_str(&ev, "out", s->out);
	ev_bool(&ev, "intact", intact);
	ev_int(&ev, "size", (int64_t)s->size);
	ev_int(&ev, "chunks", s->ndata);
	ev_int(&ev, "recalled", s->written);
	ev_int(&ev, "missing", s->ndata - s->written);
	ev_str(&ev, "missing_chunks", missing);
	if (!intact)
		ev_str(&ev, "why", s->why_gone[0] != '\0' ? s->why_gone :
		    "not back before the recall's deadline");
	evlog_push(s->log, &ev);
	storage_end(s, intact ? 0 : 1);
}

void
storage_recall_block(struct storage *s, unsigned mb, const uint8_t *payload,
    size_t len)
{
	if (s->out_fd < 0 || s->members[mb].written)
		return;
	if (pwrite(s->out_fd, payload, len, (off_t)mb * STORAGE_CHUNK_MAX) !=
	    (ssize_t)len)
		return;		/* counted missing; close reports it too */
	s->members[mb].written = true;
	s->cells[mb] = STORAGE_CELL_RECALLED;
	s->written++;
}

int
storage_recall(struct storage *s, const char *out, char *err, size_t errlen)
{
	double wait = 4 * storage_rto(s);

	if (s->ended || s->out_fd >= 0) {
		snprintf(err, errlen, "nothing in flight to recall");
		return -1;
	}
	if ((s->out_fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0 || ftruncate(s->out_fd, (off_t)s->size) != 0) {
		snprintf(err, errlen, "%s: %s", out, strerror(errno));
		if (s->out_fd >= 0)
			close(s->out_fd);
		s->out_fd = -1;
		return -1;
	}
	snprintf(s->out, sizeof s->out, "%s", out);
	/* Every chunk passes once a round trip; lost ones need a repair. */
	s->recall_deadline = clock_mono() + (wait < RECALL_MIN_S ? RECALL_MIN_S :
	    wait);
	if (s->written == s->ndata - s->st.lost_for_good && s->st.lost_for_good > 0)
		storage_finish_recall(s);
	return 0;
}
