/*
 * evlog.h: typed events and the bounded event log they go into.
 *
 * Every engine reports what happens as an event: a time, the engine's name,
 * a kind ("peer", "port", "up") and a few typed fields. The log keeps the
 * last EVLOG_CAPACITY events in a ring and hands each new one to its
 * consumers: the TUI, and the JSON-lines writer of headless mode.
 *
 * Engine names, kinds and field keys must be string literals (they are
 * kept by pointer); string values are copied and cleaned to valid UTF-8.
 * Short values live in the event's arena; one long value per event (a
 * chat message, up to EV_LONG_MAX) is copied to the heap, and the event
 * then owns it: evlog_push hands it to the ring, which frees it when the
 * slot is reused; an event that is never pushed needs ev_release.
 */
#ifndef CORE_EVLOG_H
#define CORE_EVLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EV_MAX_FIELDS	16
#define EV_ARENA_SIZE	768
#define EV_LONG_MAX	(64 * 1024)
#define EV_OFF_HEAP	UINT16_MAX	/* the field's string is ev->heap */
#define EVLOG_CAPACITY	4096
#define EVLOG_MAX_SUBSCRIBERS 8

enum ev_type { EV_STR, EV_INT, EV_REAL, EV_BOOL };

struct ev_field {
	const char	*key;
	enum ev_type	 type;
	union {
		int64_t	 i;
		double	 d;
		bool	 b;
		uint16_t off;	/* of the string in the event's arena */
	} v;
};

struct ev {
	uint64_t	 seq;		/* set by evlog_push */
	double		 ts;		/* wall clock, seconds since the epoch */
	const char	*engine;
	const char	*kind;
	uint8_t		 nfields;
	bool		 clipped;	/* a field did not fit and was cut */
	struct ev_field	 fields[EV_MAX_FIELDS];
	uint16_t	 arena_used;
	char		 arena[EV_ARENA_SIZE];
	char		*heap;		/* the one long string, or NULL */
};

void		 ev_init(struct ev *, const char *engine, const char *kind);
/* Frees what an event owns, for one that is not pushed. */
void		 ev_release(struct ev *);
void		 ev_str(struct ev *, const char *key, const char *value);
void		 ev_int(struct ev *, const char *key, int64_t value);
void		 ev_real(struct ev *, const char *key, double value);
void		 ev_bool(struct ev *, const char *key, bool value);
const struct ev_field *ev_find(const struct ev *, const char *key);
const char	*ev_get_str(const struct ev *, const char *key);
const char	*ev_field_str(const struct ev *, const struct ev_field *);
/* One human line: the "text" field if any, else "engine kind k=v ...". */
void		 ev_format_text(const struct ev *, char *buf, size_t len);

typedef void (*evlog_consumer)(const struct ev *, void *arg);

struct evlog {
	struct ev	*ring;
	size_t		 capacity;
	uint64_t	 next_seq;
	struct {
		evlog_consumer	 fn;
		void		*arg;
	} subs[EVLOG_MAX_SUBSCRIBERS];
	size_t		 nsubs;
};

int		 evlog_init(struct evlog *, size_t capacity);
void		 evlog_free(struct evlog *);
int		 evlog_subscribe(struct evlog *, evlog_consumer, void *arg);
void		 evlog_unsubscribe(struct evlog *, evlog_consumer, void *arg);
void		 evlog_push(struct evlog *, struct ev *);
size_t		 evlog_count(const struct evlog *);
/* The i-th newest event still held (0 is the newest), or NULL. */
const struct ev	*evlog_recent(const struct evlog *, size_t i);

#endif
