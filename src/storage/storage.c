/*
 * storage.c: the storage in flight on the loop (see storage.h): loading
 * the file into flight, bouncing every chunk again as its reply returns,
 * counting losses, and the recall.
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
#define REORDER		3	/* later echoes back before one: it is lost */
#define RTO_MIN_S	0.5
#define RTO_MAX_S	3.0
#define RECALL_MIN_S	2.0

static void lose_slot(struct storage *, unsigned slot, const char *why);

unsigned
storage_group_of(const struct storage *s, unsigned mb)
{
	return mb < s->ndata ? mb / s->cfg.k : (mb - s->ndata) / s->cfg.m;
}

unsigned
storage_pos_of(const struct storage *s, unsigned mb)
{
	return mb < s->ndata ? mb % s->cfg.k :
	    s->cfg.k + (mb - s->ndata) % s->cfg.m;
}

unsigned
storage_member_at(const struct storage *s, unsigned group, unsigned pos)
{
	return pos < s->cfg.k ? group * s->cfg.k + pos :
	    s->ndata + group * s->cfg.m + (pos - s->cfg.k);
}

unsigned
storage_real_data(const struct storage *s, unsigned group)
{
	unsigned first = group * s->cfg.k;

	return s->ndata - first < s->cfg.k ? s->ndata - first : s->cfg.k;
}

size_t
storage_window_bytes(unsigned k, unsigned m)
{
	/* Repair buffers (none without parity), the group being loaded,
	 * and the one packet being read or sent. */
	return (m > 0 ? STORAGE_REPAIRS * (size_t)(k + m) * STORAGE_CHUNK_MAX : 0) +
	    (size_t)(k + m) * STORAGE_CHUNK_MAX + 2048;
}

static uint16_t
payload_len(const struct storage *s, unsigned mb)
{
	uint64_t off = (uint64_t)mb * STORAGE_CHUNK_MAX;

	if (mb >= s->ndata)
		return STORAGE_CHUNK_MAX;
	return (uint16_t)(s->size - off < STORAGE_CHUNK_MAX ? s->size - off :
	    STORAGE_CHUNK_MAX);
}

size_t
storage_build(const struct storage *s, unsigned mb, const uint8_t *block,
    uint8_t *out, size_t outlen)
{
	struct storage_chunk c = {
		.kind = mb < s->ndata ? STORAGE_DATA : STORAGE_PARITY,
		.k = (uint8_t)s->cfg.k, .m = (uint8_t)s->cfg.m,
		.file_id = s->file_id,
		.index = (uint16_t)(mb < s->ndata ? mb :
		    storage_pos_of(s, mb) - s->cfg.k),
		.group = (uint16_t)storage_group_of(s, mb),
		.count = (uint16_t)s->ndata, .len = payload_len(s, mb),
		.file_size = (uint32_t)s->size,
	};

	return storage_chunk_build(out, outlen, &c, block);
}

static void
push_error(struct storage *s, const char *why)
{
	struct ev ev;

	ev_init(&ev, "storage", "error");
	ev_str(&ev, "via", s->cfg.via);
	ev_str(&ev, "why", why);
	evlog_push(s->log, &ev);
}

/* Puts one copy on the wire under a new sequence number. */
static void
send_slot(struct storage *s, unsigned slot, const uint8_t *bytes, size_t len)
{
	struct slot *sl = &s->slots[slot];
	uint16_t seq = s->next_seq;
	uint32_t old = s->seq_slot[seq];

	/* 65536 sends later, a copy still out is long lost. */
	if (old != 0 && s->slots[old - 1].seq == seq &&
	    s->slots[old - 1].state == SLOT_FLIGHT)
		lose_slot(s, old - 1, "sequence numbers wrapped");
	if (s->head == seq && s->st.sent > 0)
		s->head++;
	s->next_seq++;
	s->seq_slot[seq] = slot + 1;
	sl->seq = seq;
	sl->state = SLOT_FLIGHT;
	sl->bytes = (uint16_t)len;
	sl->sent = clock_mono();
	s->members[slot / s->cfg.copies].alive++;
	s->st.in_flight_packets++;
	s->st.in_flight_bytes += len;
	s->st.sent++;
	/* Refused by the kernel (a full queue): the copy counts as sent and
	 * its loss is found as any other. */
	storage_sock_send(&s->sock, seq, bytes, len);
}

unsigned
storage_revive(struct storage *s, unsigned mb, const uint8_t *bytes, size_t len)
{
	struct member *m = &s->members[mb];
	unsigned c, n = 0;

	if (s->stopping)
		return 0;
	for (c = 0; c < s->cfg.copies; c++)
		if (s->slots[mb * s->cfg.copies + c].state != SLOT_FLIGHT) {
			send_slot(s, mb * s->cfg.copies + c, bytes, len);
			n++;
		}
	if (n > 0 && m->dead) {
		m->dead = false;
		s->groups[storage_group_of(s, mb)].dead--;
		if (s->cells[mb] == STORAGE_CELL_LOST ||
		    s->cells[mb] == STORAGE_CELL_GONE)
			s->cells[mb] = STORAGE_CELL_FLIGHT;
	}
	if (n > 0 && m->gone) {		/* a late echo after all */
		m->gone = false;
		s->st.lost_for_good--;
	}
	return n;
}

static void
report_lost(struct storage *s, unsigned mb, const char *why)
{
	struct ev ev;

	ev_init(&ev, "storage", "chunk_lost");
	ev_int(&ev, "chunk", mb < s->ndata ? (int64_t)mb :
	    (int64_t)(storage_pos_of(s, mb) - s->cfg.k));
	ev_str(&ev, "kind", mb < s->ndata ? "data" : "parity");
	ev_int(&ev, "group", storage_group_of(s, mb));
	ev_str(&ev, "why", why);
	evlog_push(s->log, &ev);
}

void
storage_group_lost(struct storage *s, unsigned group, const char *why)
{
	unsigned pos, mb;
	struct ev ev;

	if (!s->groups[group].gone && s->why_gone[0] == '\0')
		snprintf(s->why_gone, sizeof s->why_gone, "group %u: %s", group, why);
	s->groups[group].gone = true;
	storage_repair_drop(s, group);
	for (pos = 0; pos < storage_real_data(s, group); pos++) {
		mb = storage_member_at(s, group, pos);
		if (s->members[mb].alive > 0 || s->members[mb].gone ||
		    s->members[mb].written)
			continue;
		s->members[mb].gone = true;
		s->cells[mb] = STORAGE_CELL_GONE;
		s->st.lost_for_good++;
		ev_init(&ev, "storage", "chunk_lost_for_good");
		ev_int(&ev, "chunk", mb);
		ev_int(&ev, "group", group);
		ev_str(&ev, "why", why);
		evlog_push(s->log, &ev);
	}
}

/* Chunks of the group we can still rebuild from: alive or held. */
static unsigned
available(const struct storage *s, unsigned group)
{
	unsigned pos, n = 0, real = storage_real_data(s, group);

	for (pos = 0; pos < s->cfg.k + s->cfg.m; pos++) {
		unsigned mb;

		if (pos < s->cfg.k && pos >= real) {
			n++;		/* padding: zeros */
			continue;
		}
		mb = storage_member_at(s, group, pos);
		n += s->members[mb].alive > 0 || storage_repair_holds(s, mb);
	}
	return n;
}

/* A chunk with no copy left: repair it, or say the group is lost. */
static void
member_dead(struct storage *s, unsigned mb, const char *why)
{
	unsigned group = storage_group_of(s, mb);
	char text[200];

	s->st.lost++;
	s->cells[mb] = STORAGE_CELL_LOST;
	s->members[mb].dead = true;
	s->groups[group].dead++;
	report_lost(s, mb, why);
	if (s->groups[group].gone) {
		storage_group_lost(s, group, "its group was already lost");
		return;
	}
	if (s->cfg.m == 0) {
		snprintf(text, sizeof text, "chunk %u: %s, with no %s to rebuild "
		    "it from", mb, why, s->cfg.copies > 1 ? "copy or parity" :
		    "copy or parity (one copy, no parity)");
		storage_group_lost(s, group, text);
		return;
	}
	if (available(s, group) < s->cfg.k) {
		snprintf(text, sizeof text, "only %u of its %u chunks left, %u "
		    "needed to rebuild", available(s, group), s->cfg.k + s->cfg.m,
		    s->cfg.k);
		storage_group_lost(s, group, text);
		return;
	}
	storage_repair_want(s, group);
}

static void
lose_slot(struct storage *s, unsigned slot, const char *why)
{
	struct slot *sl = &s->slots[slot];
	unsigned mb = slot / s->cfg.copies;

	sl->state = SLOT_DEAD;
	s->st.in_flight_packets--;
	s->st.in_flight_bytes -= sl->bytes;
	if (--s->members[mb].alive == 0 && !s->stopping)
		member_dead(s, mb, why);
}

static bool
slot_live(const struct storage *s, uint16_t seq, unsigned *slot)
{
	uint32_t v = s->seq_slot[seq];

	if (v == 0 || s->slots[v - 1].seq != seq ||
	    s->slots[v - 1].state != SLOT_FLIGHT)
		return false;
	*slot = v - 1;
	return true;
}

/* The wire keeps order: what was sent REORDER sends before an echo that
 * came back, and is still out, was dropped. */
static void
lose_older(struct storage *s, uint16_t seq)
{
	unsigned slot;

	while (s->head != s->next_seq && (int16_t)(seq - s->head) > REORDER) {
		if (slot_live(s, s->head, &slot))
			lose_slot(s, slot, "later echoes came back first");
		s->head++;
	}
}

static double
rto(const struct storage *s)
{
	double t = s->have_rtt ? 2 * s->srtt + 4 * s->rttvar : 1.0;

	return t < RTO_MIN_S ? RTO_MIN_S : t > RTO_MAX_S ? RTO_MAX_S : t;
}

static void
rtt_sample(struct storage *s, double r)
{
	if (!s->have_rtt) {
		s->srtt = r;
		s->rttvar = r / 2;
		s->have_rtt = true;
		return;
	}
	s->rttvar = 0.75 * s->rttvar + 0.25 * (r > s->srtt ? r - s->srtt :
	    s->srtt - r);
	s->srtt = 0.875 * s->srtt + 0.125 * r;
}

/* Which member a chunk on the wire is. */
static bool
member_of(const struct storage *s, const struct storage_chunk *c, unsigned *mb)
{
	if (c->file_id != s->file_id || c->count != s->ndata ||
	    c->k != s->cfg.k || c->m != s->cfg.m)
		return false;
	if (c->kind == STORAGE_DATA)
		*mb = c->index;
	else if (c->group < s->ngroups)
		*mb = storage_member_at(s, c->group, s->cfg.k + c->index);
	else
		return false;
	return true;
}

static void finish_recall(struct storage *);

static void
on_reply(void *arg, uint16_t seq, const uint8_t *data, size_t len)
{
	struct storage *s = arg;
	struct storage_chunk c;
	unsigned slot, mb, n;
	uint32_t v = s->seq_slot[seq];

	if (s->ended || storage_chunk_parse(data, len, &c) != STORAGE_CHUNK_OK ||
	    !member_of(s, &c, &mb) || v == 0 || (v - 1) / s->cfg.copies != mb ||
	    s->slots[v - 1].seq != seq || s->slots[v - 1].state == SLOT_IDLE)
		return;		/* not ours, damaged, or a duplicate */
	slot = v - 1;
	s->st.received++;
	s->last_reply = clock_mono();
	if (s->slots[slot].state == SLOT_FLIGHT) {
		rtt_sample(s, s->last_reply - s->slots[slot].sent);
		lose_older(s, seq);
		s->slots[slot].state = SLOT_IDLE;
		s->st.in_flight_packets--;
		s->st.in_flight_bytes -= s->slots[slot].bytes;
		s->members[mb].alive--;
	}	/* else a late one, counted lost already: welcome back */
	if (mb < s->ndata)
		storage_recall_block(s, mb, c.payload, c.len);
	storage_repair_offer(s, mb, &c);
	/* Itself, and any sibling copy that was lost. */
	n = storage_revive(s, mb, data, STORAGE_CHUNK_HDR + c.len);
	if (n > 1)
		s->st.copies_restored += n - 1;
	if (s->out_fd >= 0 && s->written == s->ndata - s->st.lost_for_good)
		finish_recall(s);
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
		n = pread(s->fd, data[pos], payload_len(s, mb),
		    (off_t)mb * STORAGE_CHUNK_MAX);
		if (n != (ssize_t)payload_len(s, mb))
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

static void
end(struct storage *s, int status)
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
		push_error(s, why);
		end(s, 1);
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

static void
push_stats(struct storage *s, const char *kind)
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
	push_stats(arg, "stats");
}

static void missing_list(const struct storage *, char *, size_t);

/* Nothing can come back: a recall reports what it has; without one, a
 * "file_lost" event names the chunks that are gone. */
static void
give_up(struct storage *s)
{
	char missing[600];
	struct ev ev;

	if (s->out_fd >= 0) {
		finish_recall(s);
		return;
	}
	push_stats(s, "stats");
	missing_list(s, missing, sizeof missing);
	ev_init(&ev, "storage", "file_lost");
	ev_int(&ev, "chunks", s->ndata);
	ev_int(&ev, "missing", s->ndata);
	ev_str(&ev, "missing_chunks", missing);
	ev_str(&ev, "why", s->why_gone);
	evlog_push(s->log, &ev);
	end(s, 1);
}

/* Copies not back within the RTO, and a far host gone quiet. */
static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct storage *s = arg;
	double now = clock_mono(), limit = rto(s), quiet;
	unsigned slot;
	char why[300];
	bool nothing_left;

	(void)fd;
	(void)what;
	while (s->head != s->next_seq) {
		if (slot_live(s, s->head, &slot)) {
			if (now - s->slots[slot].sent < limit)
				break;
			snprintf(why, sizeof why, "no reply within %.0f ms",
			    limit * 1000);
			lose_slot(s, slot, why);
		}
		s->head++;
	}
	if (s->out_fd >= 0 && now >= s->recall_deadline) {
		finish_recall(s);
		return;
	}
	quiet = now - s->last_reply;
	nothing_left = !s->st.loading && s->st.in_flight_packets == 0 &&
	    s->st.lost_for_good > 0;
	if (s->st.sent > 0 && (quiet >= STORAGE_SILENCE_S ||
	    (nothing_left && quiet >= RTO_MIN_S))) {
		snprintf(why, sizeof why, "no echo reply from %.60s for %.1f s: "
		    "%.60s is not answering, and what was in flight is gone",
		    s->cfg.via, quiet, s->cfg.via);
		push_error(s, why);
		snprintf(s->why_gone, sizeof s->why_gone, "%.100s stopped "
		    "answering", s->cfg.via);
		give_up(s);
		return;
	}
	if (nothing_left) {
		push_error(s, "every chunk is lost: nothing is left in flight");
		give_up(s);
	}
}

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

static void
finish_recall(struct storage *s)
{
	char missing[600];
	bool intact = s->written == s->ndata;
	struct ev ev;

	push_stats(s, "stats");
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
	end(s, intact ? 0 : 1);
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
	double wait = 4 * rto(s);

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
		finish_recall(s);
	return 0;
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
	if (storage_sock_open(&s->sock, loop, &cfg->dst, on_reply, s, err,
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
		push_error(s, "stopped without a recall: what was in flight is "
		    "let go");
	end(s, 1);
}

void
storage_free(struct storage *s)
{
	if (s == NULL)
		return;
	s->done = NULL;
	end(s, 1);
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
