/*
 * trace.h: an mtr-like traceroute. Probes leave with increasing TTLs
 * (hop limits); the router where one runs out answers time exceeded, the
 * destination answers the probe itself (port unreachable for UDP, an echo
 * reply for ICMP, SYN-ACK or RST for TCP). Rounds (cycles) repeat, and
 * each hop keeps mtr's figures: sent, received, loss, last, average, best,
 * worst and standard deviation of the RTT, and its name when asked for
 * (reverse DNS off the loop, core/rdns.h; the end waits a second at most
 * for names still coming).
 *
 * Methods: UDP works for any user (the kernel hands us the ICMP errors
 * through IP_RECVERR); ICMP echo and TCP SYN use raw sockets and need
 * CAP_NET_RAW. A cycle sends its first 8 TTLs at once (each goes to a
 * different router), then one every 2 ms, and stops at the TTL the
 * destination answered, so each router sees one probe per cycle, well
 * inside its ICMP rate limit.
 */
#ifndef TRACE_TRACE_H
#define TRACE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define TRACE_MAX_TTL	64

struct loop;
struct evlog;
struct trace;

enum trace_method { TRACE_UDP, TRACE_ICMP, TRACE_TCP };

struct trace_config {
	enum trace_method	 method;
	struct sockaddr_storage	 dst;
	char			 name[256];	/* as typed */
	unsigned		 first_ttl, max_ttl;	/* 1, 30 */
	unsigned		 cycles;	/* 0: until stopped */
	double			 interval;	/* s between cycles; 1 */
	double			 timeout;	/* s a probe is waited for; 2 */
	uint16_t		 port;		/* UDP: first port (33434); TCP: 80 */
	bool			 report_probes;	/* a "probe" event per answer */
	bool			 names;		/* reverse DNS of the hops */
};

struct trace_hop {
	struct sockaddr_storage	 addr;
	bool			 seen;		/* something answered */
	bool			 is_dest;
	bool			 unreachable;	/* said host/net unreachable */
	unsigned		 sent, received;
	double			 last, avg, best, worst, stdev;	/* ms */
	double			 m2;		/* Welford's running sum */
	char			 name[256];	/* from reverse DNS; "" if none */
};

void		 trace_config_init(struct trace_config *);
struct trace	*trace_new(struct loop *, struct evlog *,
		     const struct trace_config *, char *err, size_t errlen);
void		 trace_start(struct trace *, void (*done)(void *), void *arg);
void		 trace_stop(struct trace *);
void		 trace_free(struct trace *);
/* The hops so far, first_ttl..last: the destination's TTL once reached. */
const struct trace_hop *trace_hops(const struct trace *, unsigned *first,
		     unsigned *last);
bool		 trace_reached(const struct trace *);
const char	*trace_method_name(enum trace_method);

#endif
