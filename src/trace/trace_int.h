/*
 * trace_int.h: the traceroute's own state, shared by its files only:
 * trace.c (cycles, TTLs, statistics, events) and one file per method
 * (trace_udp.c, trace_icmp.c, trace_tcp.c: sending one probe and
 * recognising what answers it).
 */
#ifndef TRACE_TRACE_INT_H
#define TRACE_TRACE_INT_H

#include "trace.h"

struct event;

#define TRACE_PROBES	256	/* probes in flight at most */

enum trace_answer { ANS_HOP, ANS_DEST, ANS_UNREACH };

struct trace_probe {
	struct trace	*t;
	struct event	*ev;
	int		 fd;		/* its own socket (udp) or -1 */
	bool		 busy;
	unsigned	 ttl;
	uint16_t	 seq;		/* names the probe on the wire */
	double		 sent;
};

struct trace_method_ops {
	const char	*name;
	/* Shared sockets (raw ones); NULL: none. -1 with err. */
	int		(*open)(struct trace *, char *err, size_t errlen);
	void		(*close)(struct trace *);
	/* Sends p (ttl and seq set); false if it could not leave. */
	bool		(*send)(struct trace *, struct trace_probe *);
	void		(*release)(struct trace_probe *);
};

extern const struct trace_method_ops trace_udp_ops;
extern const struct trace_method_ops trace_icmp_ops;
extern const struct trace_method_ops trace_tcp_ops;

struct trace_raw;
struct rdns;

struct trace {
	struct loop			*loop;
	struct evlog			*log;
	struct trace_config		 cfg;
	const struct trace_method_ops	*ops;
	struct trace_raw		*raw;	/* the raw methods' state */
	struct rdns			*rdns;	/* NULL: numeric */
	struct event			*names_wait;
	struct trace_hop		 hops[TRACE_MAX_TTL + 1];
	struct trace_probe		 probes[TRACE_PROBES];
	unsigned			 dest_ttl, unreach_ttl;	/* 0: not yet */
	unsigned			 cycle, ttl_next, inflight;
	uint16_t			 gen;	/* seq = gen << 8 | slot */
	struct event			*tick, *next_cycle;
	double				 started, cycle_started;
	bool				 running, sending, names_waited;
	void				(*done)(void *);
	void				*done_arg;
};

/* An answer to p from `from`; the method has matched it to p. */
void	 trace_answer(struct trace *, struct trace_probe *,
	     const struct sockaddr_storage *from, enum trace_answer);
/* No answer (timeout, or it could not be sent). */
void	 trace_lost(struct trace_probe *);
/* The probe named seq on the wire, if one is in flight. */
struct trace_probe *trace_probe_of(struct trace *, uint16_t seq);
/* Waits for p's fd (or with fd -1 only for its timeout). */
void	 trace_probe_arm(struct trace *, struct trace_probe *, int fd,
	     void (*cb)(int, short, void *));
/* The destination with this port, for connect or sendto. */
socklen_t trace_dst(const struct trace *, uint16_t port,
	     struct sockaddr_storage *);

#endif
