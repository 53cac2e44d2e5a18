/*
 * storage_flight.c: the chunks on the wire: numbering, sending a copy,
 * an echo coming back (sent again at once, its bytes from the reply), and
 * losses: found by order (the wire keeps it) or by the RTO, then put back
 * from a sibling copy or handed to the repair (storage_repair.c).
 */
#include <stdio.h>
#include <string.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "storage_int.h"

#define REORDER		3	/* later echoes back before one: it is lost */

#define RTO_MAX_S	3.0

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

uint16_t
storage_payload_len(const struct storage *s, unsigned mb)
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
		.count = (uint16_t)s->ndata, .len = storage_payload_len(s, mb),
		.file_size = (uint32_t)s->size,
	};

	return storage_chunk_build(out, outlen, &c, block);
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

double
storage_rto(const struct storage *s)
{
	double t = s->have_rtt ? 2 * s->srtt + 4 * s->rttvar : 1.0;

	if (t < STORAGE_RTO_MIN_S)
		return STORAGE_RTO_MIN_S;
	return t > RTO_MAX_S ? RTO_MAX_S : t;
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

void
storage_on_reply(void *arg, uint16_t seq, const uint8_t *data, size_t len)
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
		storage_finish_recall(s);
}

/* Copies not back within the RTO, oldest first. */
void
storage_timeouts(struct storage *s, double now, double limit)
{
	unsigned slot;
	char why[80];

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
}
