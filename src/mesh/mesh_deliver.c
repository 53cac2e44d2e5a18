/*
 * mesh_deliver.c: chat messages reach every peer exactly once and in order
 * per sender. Each link numbers its messages from 1; the receiver acks
 * every fragment, hands complete messages on in number order and acks
 * duplicates again; the sender retransmits what is not acked after an RTO
 * taken from the measured RTT, doubling it each time up to RTO_MAX. The
 * budget is time without progress: while the peer acks anything, a lost
 * fragment is sent again (giving up on one would stall every later
 * message, which must arrive in order); after NO_PROGRESS seconds without
 * a single ack, everything queued to that peer is reported failed.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "mesh_peer.h"

#define RTO_FIRST	0.4	/* before any RTT is measured */
#define RTO_MIN		0.3
#define RTO_MAX		1.0	/* random loss, not congestion: keep trying */
#define FAST_FLOOR	0.02	/* fast retransmit at most this often */
#define NO_PROGRESS	30.0

void
deliver_init(struct mesh_peer *p)
{
	p->tx_next = 1;
	p->rx_next = 1;
	p->out_head = p->out_len = 0;
	p->outq = calloc(MESH_OUTQ, sizeof *p->outq);
}

void
deliver_free(struct mesh_peer *p)
{
	size_t i;

	for (i = 0; i < MESH_RX_SLOTS; i++) {
		free(p->rx[i].buf);
		p->rx[i].buf = NULL;
	}
	free(p->outq);
	p->outq = NULL;
}

static struct out_frag *
out_at(struct mesh_peer *p, size_t i)
{
	return &p->outq[(p->out_head + i) % MESH_OUTQ];
}

bool
deliver_idle(const struct mesh_peer *p)
{
	return p->out_len == 0;
}

static void
emit_outcome(struct mesh *m, const struct mesh_peer *p, uint32_t local_msg,
    const char *kind, const char *why)
{
	struct ev ev;

	ev_init(&ev, "mesh", kind);
	ev_int(&ev, "msg", local_msg);
	ev_str(&ev, "to", p->name);
	if (why != NULL)
		ev_str(&ev, "reason", why);
	evlog_push(m->log, &ev);
}

void
deliver_queue(struct mesh *m, struct mesh_peer *p, uint32_t local_msg,
    const char *text, size_t len)
{
	size_t nfrags = len == 0 ? 1 : (len + MESH_FRAGMENT_MAX - 1) / MESH_FRAGMENT_MAX;
	size_t i, n;
	struct out_frag *f;

	if (p->outq == NULL || nfrags > MESH_MAX_FRAGMENTS ||
	    p->out_len + nfrags > MESH_OUTQ) {
		emit_outcome(m, p, local_msg, "failed", p->outq == NULL ?
		    "out of memory" : nfrags > MESH_MAX_FRAGMENTS ?
		    "message too long" : "send queue full");
		return;
	}
	if (p->out_len == 0)		/* the no-progress clock starts now */
		p->last_progress = clock_mono();
	for (i = 0; i < nfrags; i++) {
		f = out_at(p, p->out_len++);
		n = len - i * MESH_FRAGMENT_MAX;
		if (n > MESH_FRAGMENT_MAX)
			n = MESH_FRAGMENT_MAX;
		f->acked = false;
		f->tries = 0;
		f->sent_at = f->rto = 0;
		f->seq = p->tx_next;
		f->local_msg = local_msg;
		f->fragment = (uint16_t)i;
		f->fragments = (uint16_t)nfrags;
		f->len = (uint16_t)n;
		memcpy(f->text, text + i * MESH_FRAGMENT_MAX, n);
	}
	p->tx_next++;
}

static double
rto_of(const struct mesh_peer *p)
{
	double rto = p->srtt > 0 ? 2 * p->srtt + 0.05 : RTO_FIRST;

	return rto < RTO_MIN ? RTO_MIN : rto > RTO_MAX ? RTO_MAX : rto;
}

/* Sends a fragment; tries counts every send, so an RTT is sampled only
 * from a fragment sent once (Karn). */
static void
send_frag(struct mesh *m, struct mesh_peer *p, struct out_frag *f, double now)
{
	struct mesh_body b;

	b.u.chat = (struct mesh_chat){ f->seq, f->fragment, f->fragments,
	    f->len, f->text };
	mesh_send(m, p, &p->addr, MESH_CHAT, 0, &b);
	f->tries++;
	f->sent_at = now;
}

/* A first send, or a timeout: the RTO starts from the RTT, then doubles. */
static void
send_on_timer(struct mesh *m, struct mesh_peer *p, struct out_frag *f,
    double now)
{
	f->rto = f->tries == 0 ? rto_of(p) : f->rto * 2;
	if (f->rto > RTO_MAX)
		f->rto = RTO_MAX;
	send_frag(m, p, f, now);
}

/* Drops acked fragments from the front; reports a message once its last
 * fragment leaves the queue. */
static void
pop_acked(struct mesh *m, struct mesh_peer *p)
{
	struct out_frag *f;

	while (p->out_len > 0 && (f = out_at(p, 0))->acked) {
		if (f->fragment + 1 == f->fragments)
			emit_outcome(m, p, f->local_msg, "delivered", NULL);
		p->out_head = (p->out_head + 1) % MESH_OUTQ;
		p->out_len--;
	}
}

void
deliver_fail_all(struct mesh *m, struct mesh_peer *p, const char *why)
{
	struct out_frag *f;

	while (p->out_len > 0) {
		f = out_at(p, 0);
		if (f->fragment + 1 == f->fragments)
			emit_outcome(m, p, f->local_msg, "failed", why);
		p->out_head = (p->out_head + 1) % MESH_OUTQ;
		p->out_len--;
	}
}

void
deliver_tick(struct mesh *m, struct mesh_peer *p, double now)
{
	struct out_frag *f;
	size_t i;

	if (p->out_len == 0)
		p->last_progress = now;
	if (now - p->last_progress > NO_PROGRESS) {
		deliver_fail_all(m, p, "no ack for 30 s");
		return;
	}
	if (p->state != PEER_DIRECT)
		return;
	for (i = 0; i < p->out_len && i < MESH_WINDOW; i++) {
		f = out_at(p, i);
		if (f->acked || (f->tries > 0 && now - f->sent_at < f->rto))
			continue;
		send_on_timer(m, p, f, now);
	}
}

/*
 * Fast retransmit: an ack for a fragment sent at `when` means that every
 * fragment sent before it and still unacked was probably lost, so it goes
 * again now rather than after its RTO (at most once per max(2 RTT, 20 ms)).
 */
static void
resend_older(struct mesh *m, struct mesh_peer *p, double when, double now)
{
	double floor = p->srtt * 2 > FAST_FLOOR ? p->srtt * 2 : FAST_FLOOR;
	struct out_frag *f;
	size_t i;

	for (i = 0; i < p->out_len && i < MESH_WINDOW; i++) {
		f = out_at(p, i);
		if (f->acked || f->tries == 0 || f->sent_at >= when ||
		    now - f->sent_at < floor)
			continue;
		send_frag(m, p, f, now);	/* not a timeout: RTO kept */
	}
}

void
deliver_on_ack(struct mesh *m, struct mesh_peer *p, uint32_t seq,
    uint16_t fragment)
{
	double now = clock_mono(), when;
	struct out_frag *f;
	size_t i;

	for (i = 0; i < p->out_len && i < MESH_WINDOW; i++) {
		f = out_at(p, i);
		if (f->seq != seq || f->fragment != fragment || f->acked)
			continue;
		f->acked = true;
		p->last_progress = now;
		if (f->tries == 1)	/* Karn: only unambiguous samples */
			mesh_rtt_sample(p, now - f->sent_at);
		when = f->sent_at;
		pop_acked(m, p);
		if (p->state == PEER_DIRECT)
			resend_older(m, p, when, now);
		return;
	}
}

static void
send_ack(struct mesh *m, struct mesh_peer *p, uint32_t seq, uint16_t fragment)
{
	struct mesh_body b;

	b.u.ack.msg_id = seq;
	b.u.ack.fragment = fragment;
	mesh_send(m, p, &p->addr, MESH_ACK, 0, &b);
}

static void
hand_on(struct mesh *m, struct mesh_peer *p, struct rx_msg *r)
{
	size_t len = 0, i;
	char *text = malloc((size_t)r->fragments * MESH_FRAGMENT_MAX + 1);
	struct ev ev;

	if (text != NULL) {
		for (i = 0; i < r->fragments; i++) {
			memcpy(text + len, r->buf + i * MESH_FRAGMENT_MAX, r->lens[i]);
			len += r->lens[i];
		}
		text[len] = '\0';
		ev_init(&ev, "mesh", "message");
		ev_str(&ev, "from", p->name);
		ev_str(&ev, "text", text);
		evlog_push(m->log, &ev);
		free(text);
	}
	free(r->buf);
	memset(r, 0, sizeof *r);
}

/* Hands on every complete message from rx_next on, in order. */
static void
drain(struct mesh *m, struct mesh_peer *p)
{
	struct rx_msg *r;

	for (;;) {
		r = &p->rx[p->rx_next % MESH_RX_SLOTS];
		if (r->buf == NULL || r->seq != p->rx_next ||
		    r->have != (uint16_t)((1u << r->fragments) - 1))
			return;
		hand_on(m, p, r);
		p->rx_next++;
	}
}

void
deliver_on_chat(struct mesh *m, struct mesh_peer *p, const struct mesh_chat *c)
{
	struct rx_msg *r;

	if (c->msg_id < p->rx_next) {		/* a duplicate: ack again */
		send_ack(m, p, c->msg_id, c->fragment);
		return;
	}
	if (c->msg_id - p->rx_next >= MESH_RX_SLOTS)
		return;				/* too far ahead: let it come again */
	r = &p->rx[c->msg_id % MESH_RX_SLOTS];
	if (r->buf == NULL) {
		r->buf = malloc((size_t)c->fragments * MESH_FRAGMENT_MAX);
		if (r->buf == NULL)
			return;
		r->seq = c->msg_id;
		r->fragments = c->fragments;
		r->have = 0;
	}
	if (r->fragments != c->fragments)
		return;				/* disagrees with itself: drop */
	if (!(r->have & (1u << c->fragment))) {
		memcpy(r->buf + (size_t)c->fragment * MESH_FRAGMENT_MAX, c->text, c->len);
		r->lens[c->fragment] = c->len;
		r->have |= (uint16_t)(1u << c->fragment);
	}
	send_ack(m, p, c->msg_id, c->fragment);
	drain(m, p);
}
