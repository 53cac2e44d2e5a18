/*
 * storage.c: the storage in flight on the loop (see storage.h): checking
 * and loading the file into flight group by group, the timers (timeouts,
 * silence, statistics), and starting and ending. The chunks on the wire
 * are storage_flight.c's, the recall storage_recall.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/stat.h>

#include <event2/event.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "storage_int.h"

#define LOAD_INTERVAL_S	0.010	/* one group into flight per tick */
#define TICK_S		0.020	/* timeouts and deadlines */

size_t
storage_window_bytes(unsigned k, unsigned m)
{
	/* Repair buffers (none without parity), the group being loaded,
	 * and the one packet being read or sent. */
	return (m > 0 ? STORAGE_REPAIRS * (size_t)(k + m) * STORAGE_CHUNK_MAX : 0) +
	    (size_t)(k + m) * STORAGE_CHUNK_MAX + 2048;
}

void
storage_push_error(struct storage *s, const char *why)
{
	struct ev ev;

	ev_init(&ev, "storage", "error");
	ev_str(&ev, "via", s->cfg.via);
	ev_str(&ev, "why", why);
	evlog_push(s->log, &ev);
}

/* Reads group g's data, makes its parity, and puts all of it in flight. */
static int
load_group(struct storage *s, unsigned g)
{
	uint8_t data[STORAGE_RS_MAX_K][STORAGE_CHUNK_MAX];
	uint8_t parity[STORAGE_RS_MAX_M][STORAGE_CHUNK_MAX];
	uint8_t *dp[STORAGE_RS_MAX_K], *pp[STORAGE_RS_MAX_M];
	uint8_t pkt[STORAGE_CHUNK_HDR + STORAGE_CHUNK_MAX];
	unsigned pos, real = storage_real_data(s, g), mb;
	size_t len;
	ssize_t n;

	memset(data, 0, sizeof data);
	for (pos = 0; pos < s->cfg.k; pos++) {
		dp[pos] = data[pos];
		if (pos >= real)
			continue;
		mb = storage_member_at(s, g, pos);
		n = pread(s->fd, data[pos], storage_payload_len(s, mb),
		    (off_t)mb * STORAGE_CHUNK_MAX);
		if (n != (ssize_t)storage_payload_len(s, mb))
			return -1;
	}
	for (pos = 0; pos < s->cfg.m; pos++)
		pp[pos] = parity[pos];
	storage_rs_encode(&s->rs, dp, pp, STORAGE_CHUNK_MAX);
	for (pos = 0; pos < s->cfg.k + s->cfg.m; pos++) {
		if (pos < s->cfg.k && pos >= real)
			continue;
		mb = storage_member_at(s, g, pos);
		len = storage_build(s, mb, pos < s->cfg.k ? data[pos] :
		    parity[pos - s->cfg.k], pkt, sizeof pkt);
		if (len == 0)
			return -1;
		storage_revive(s, mb, pkt, len);
	}
	return 0;
}

void
storage_end(struct storage *s, int status)
{
	if (s->ended)
		return;
	s->ended = s->stopping = true;
	s->st.ended = true;
	if (s->load_ev != NULL)
		event_del(s->load_ev);
	if (s->tick_ev != NULL)
		event_del(s->tick_ev);
	if (s->stats_ev != NULL)
		event_del(s->stats_ev);
	storage_sock_close(&s->sock);
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	if (s->done != NULL)
		s->done(s->done_arg, status);
}

static void
on_load(evutil_socket_t fd, short what, void *arg)
{
	struct storage *s = arg;
	char why[300];

	(void)fd;
	(void)what;
	if (load_group(s, s->loaded_groups) != 0) {
		snprintf(why, sizeof why, "reading %.200s: %.80s", s->cfg.path,
		    errno != 0 ? strerror(errno) : "the file changed size");
		storage_push_error(s, why);
		storage_end(s, 1);
		return;
	}
	if (++s->loaded_groups < s->ngroups)
		return;
	/* All in flight: from now on the file is only on the wire. */
	event_del(s->load_ev);
	close(s->fd);
	s->fd = -1;
	s->st.loading = false;
}

void
storage_push_stats(struct storage *s, const char *kind)
{
	struct storage_stats st;
	struct ev ev;

	storage_get_stats(s, &st);
	ev_init(&ev, "storage", kind);
	ev_int(&ev, "in_flight_chunks", st.in_flight_chunks);
	ev_int(&ev, "in_flight_packets", st.in_flight_packets);
	ev_int(&ev, "in_flight_bytes", (int64_t)st.in_flight_bytes);
	ev_real(&ev, "rtt_ms", st.rtt_ms);
	ev_int(&ev, "sent", (int64_t)st.sent);
	ev_int(&ev, "received", (int64_t)st.received);
	ev_int(&ev, "lost", (int64_t)st.lost);
	ev_int(&ev, "copies_restored", (int64_t)st.copies_restored);
	ev_int(&ev, "repaired", (int64_t)st.repaired);
	ev_int(&ev, "lost_for_good", st.lost_for_good);
	ev_int(&ev, "window_bytes", (int64_t)st.window_bytes);
	ev_real(&ev, "elapsed", clock_mono() - s->started);
	evlog_push(s->log, &ev);
}

static void
on_stats(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	storage_push_stats(arg, "stats");
}

/* Copies not back within the RTO, and a far host gone quiet. */
static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct storage *s = arg;
	double now = clock_mono(), limit = storage_rto(s), quiet;
	char why[300];
	bool nothing_left;

	(void)fd;
	(void)what;
	storage_timeouts(s, now, limit);
	if (s->out_fd >= 0 && now >= s->recall_deadline) {
		storage_finish_recall(s);
		return;
	}
	quiet = now - s->last_reply;
	nothing_left = !s->st.loading && s->st.in_flight_packets == 0 &&
	    s->st.lost_for_good > 0;
	if (s->st.sent > 0 && (quiet >= STORAGE_SILENCE_S ||
	    (nothing_left && quiet >= STORAGE_RTO_MIN_S))) {
		snprintf(why, sizeof why, "no echo reply from %.60s for %.1f s: "
		    "%.60s is not answering, and what was in flight is gone",
		    s->cfg.via, quiet, s->cfg.via);
		storage_push_error(s, why);
		snprintf(s->why_gone, sizeof s->why_gone, "%.100s stopped "
		    "answering", s->cfg.via);
		storage_give_up(s);
		return;
	}
	if (nothing_left) {
		storage_push_error(s, "every chunk is lost: nothing is left in flight");
		storage_give_up(s);
	}
}

static int
open_file(struct storage *s, char *err, size_t errlen)
{
	struct stat sb;
	uint64_t members;

	if ((s->fd = open(s->cfg.path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(s->fd, &sb) != 0) {
		snprintf(err, errlen, "%s: %s", s->cfg.path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", s->cfg.path);
		return -1;
	}
	if (sb.st_size == 0) {
		snprintf(err, errlen, "%s is empty: there is nothing to store",
		    s->cfg.path);
		return -1;
	}
	s->size = (uint64_t)sb.st_size;
	s->ndata = (unsigned)((s->size + STORAGE_CHUNK_MAX - 1) / STORAGE_CHUNK_MAX);
	s->ngroups = (s->ndata + s->cfg.k - 1) / s->cfg.k;
	members = s->ndata + (uint64_t)s->ngroups * s->cfg.m;
	if (s->size > UINT32_MAX || members * s->cfg.copies > STORAGE_MAX_SLOTS) {
		snprintf(err, errlen, "%s: %llu bytes is too big: at most %u "
		    "chunks with their copies and parity may be in flight",
		    s->cfg.path, (unsigned long long)s->size, STORAGE_MAX_SLOTS);
		return -1;
	}
	s->nmembers = (unsigned)members;
	s->nslots = s->nmembers * s->cfg.copies;
	return 0;
}

static int
allocate(struct storage *s)
{
	unsigned g;

	s->members = calloc(s->nmembers, sizeof *s->members);
	s->slots = calloc(s->nslots, sizeof *s->slots);
	s->groups = calloc(s->ngroups, sizeof *s->groups);
	s->cells = calloc(s->nmembers, 1);
	s->seq_slot = calloc(65536, sizeof *s->seq_slot);
	if (s->members == NULL || s->slots == NULL || s->groups == NULL ||
	    s->cells == NULL || s->seq_slot == NULL || storage_repair_init(s) != 0)
		return -1;
	for (g = 0; g < s->ngroups; g++)
		s->groups[g].repair = -1;
	return 0;
}

static bool
config_valid(const struct storage_config *cfg, char *err, size_t errlen)
{
	if (cfg->copies < 1 || cfg->copies > 8 || cfg->k < 1 ||
	    cfg->k > STORAGE_RS_MAX_K || cfg->m > STORAGE_RS_MAX_M ||
	    cfg->k + cfg->m > 255) {
		snprintf(err, errlen, "copies 1-8, data chunks per group 1-%d, "
		    "parity 0-%d", STORAGE_RS_MAX_K, STORAGE_RS_MAX_M);
		return false;
	}
	if (cfg->dst.sin_family != AF_INET) {
		snprintf(err, errlen, "the storage bounces IPv4 echoes only");
		return false;
	}
	return true;
}

struct storage *
storage_new(struct loop *loop, struct evlog *log, const struct storage_config *cfg,
    char *err, size_t errlen)
{
	struct storage *s;

	if (!config_valid(cfg, err, errlen))
		return NULL;
	if ((s = calloc(1, sizeof *s)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	s->loop = loop;
	s->log = log;
	s->cfg = *cfg;
	s->fd = s->out_fd = s->sock.fd = -1;
	storage_rs_init(&s->rs, (int)cfg->k, (int)cfg->m);
	if (open_file(s, err, errlen) != 0)
		goto fail;
	if (allocate(s) != 0) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	if (storage_sock_open(&s->sock, loop, &cfg->dst, storage_on_reply, s, err,
	    errlen) != 0)
		goto fail;
	if (getrandom(&s->file_id, sizeof s->file_id, 0) != sizeof s->file_id)
		s->file_id = (uint32_t)getpid() ^ (uint32_t)clock_mono();
	return s;
fail:
	storage_free(s);
	return NULL;
}

static void
report_started(struct storage *s)
{
	struct ev ev;
	char text[300];

	ev_init(&ev, "storage", "store_started");
	ev_str(&ev, "file", s->cfg.path);
	ev_str(&ev, "via", s->cfg.via);
	ev_int(&ev, "size", (int64_t)s->size);
	ev_int(&ev, "chunks", s->ndata);
	ev_int(&ev, "parity_chunks", s->nmembers - s->ndata);
	ev_int(&ev, "groups", s->ngroups);
	ev_int(&ev, "k", s->cfg.k);
	ev_int(&ev, "m", s->cfg.m);
	ev_int(&ev, "copies", s->cfg.copies);
	ev_bool(&ev, "classic", s->cfg.classic);
	ev_str(&ev, "socket", storage_sock_kind(&s->sock));
	ev_int(&ev, "window_bytes", (int64_t)s->st.window_bytes);
	ev_int(&ev, "file_id", s->file_id);
	snprintf(text, sizeof text, "storing %.100s (%llu bytes, %u chunks) in "
	    "echoes to %.60s over a %s socket; this program holds at most %zu bytes "
	    "of it", s->cfg.path, (unsigned long long)s->size, s->ndata,
	    s->cfg.via, storage_sock_kind(&s->sock), s->st.window_bytes);
	ev_str(&ev, "text", text);
	evlog_push(s->log, &ev);
}

static struct event *
timer(struct storage *s, double secs, event_callback_fn fn)
{
	struct timeval tv = { (time_t)secs, (suseconds_t)((secs - (time_t)secs) * 1e6) };
	struct event *ev = event_new(loop_base(s->loop), -1, EV_PERSIST, fn, s);

	if (ev != NULL && event_add(ev, &tv) != 0) {
		event_free(ev);
		return NULL;
	}
	return ev;
}

int
storage_start(struct storage *s, storage_done_fn done, void *arg, char *err,
    size_t errlen)
{
	s->done = done;
	s->done_arg = arg;
	s->started = s->last_reply = clock_mono();
	s->st.window_bytes = storage_window_bytes(s->cfg.k, s->cfg.m);
	s->st.loading = true;
	s->load_ev = timer(s, LOAD_INTERVAL_S, on_load);
	s->tick_ev = timer(s, TICK_S, on_tick);
	s->stats_ev = timer(s, 1.0, on_stats);
	if (s->load_ev == NULL || s->tick_ev == NULL || s->stats_ev == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	report_started(s);
	event_active(s->load_ev, EV_TIMEOUT, 0);	/* the first group now */
	return 0;
}

void
storage_stop(struct storage *s)
{
	if (!s->ended)
		storage_push_error(s, "stopped without a recall: what was in flight is "
		    "let go");
	storage_end(s, 1);
}

void
storage_free(struct storage *s)
{
	if (s == NULL)
		return;
	s->done = NULL;
	storage_end(s, 1);
	if (s->load_ev != NULL)
		event_free(s->load_ev);
	if (s->tick_ev != NULL)
		event_free(s->tick_ev);
	if (s->stats_ev != NULL)
		event_free(s->stats_ev);
	if (s->out_fd >= 0)
		close(s->out_fd);
	storage_repair_free(s);
	free(s->members);
	free(s->slots);
	free(s->groups);
	free(s->cells);
	free(s->seq_slot);
	free(s);
}

void
storage_get_stats(const struct storage *s, struct storage_stats *st)
{
	unsigned i;

	*st = s->st;
	st->data_chunks = s->ndata;
	st->parity_chunks = s->nmembers - s->ndata;
	st->copies = s->cfg.copies;
	st->k = s->cfg.k;
	st->m = s->cfg.m;
	st->size = s->size;
	st->rtt_ms = s->have_rtt ? s->srtt * 1000 : 0;
	st->socket_kind = storage_sock_kind(&s->sock);
	st->recalling = s->out_fd >= 0;
	st->in_flight_chunks = 0;
	for (i = 0; i < s->nmembers; i++)
		st->in_flight_chunks += s->members[i].alive > 0;
}

const uint8_t *
storage_cells(const struct storage *s, size_t *n)
{
	*n = s->nmembers;
	return s->cells;
}
