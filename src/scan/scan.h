/*
 * scan.h: the TCP connect scan (any user). Many non-blocking connects in
 * flight; how many, and how long to wait, adapt as nmap's timing does:
 * the window grows by one with every answer and halves on a timeout, the
 * timeout follows the measured RTT (srtt + 4 rttvar, 0.1-2 s, 1 s at
 * first), and a silent port is tried once more before it is filtered.
 * Each port ends open (syn-ack), closed (reset) or filtered (timeout,
 * icmp-unreachable), reported as a "port" event; open ports can have
 * their banner read and the service guessed. A "done" event ends it.
 */
#ifndef SCAN_SCAN_H
#define SCAN_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "scan_ports.h"
#include "scan_target.h"

struct loop;
struct evlog;

struct scan_config {
	const struct scan_target *target;
	const struct port_set	*ports;
	unsigned		 rate;		/* connects per second; 0: no limit */
	unsigned		 max_inflight;	/* 0: from the fd limit */
	bool			 banners;
	bool			 report_closed;	/* a "port" event for closed too */
	double			 banner_wait;	/* seconds; 0: 2 s */
	const char		*services;	/* the service table text, or NULL */
	size_t			 services_len;
};

struct scan_counts {
	size_t		 total, done, open, closed, filtered, inflight;
	double		 elapsed, per_second;
	bool		 finished;
};

struct scan;

struct scan	*scan_new(struct loop *, struct evlog *, const struct scan_config *,
		     char *err, size_t errlen);
/* Starts probing; done(arg) runs once every port has an answer. */
void		 scan_start(struct scan *, void (*done)(void *), void *arg);
void		 scan_stop(struct scan *);	/* closes what is in flight */
void		 scan_counts(const struct scan *, struct scan_counts *);
void		 scan_free(struct scan *);

#endif
