/*
 * scan.h: port scans: TCP connect (any user), TCP SYN (CAP_NET_RAW) and
 * UDP (any user). Many probes in flight; how many, and how long to wait,
 * adapt as nmap's timing does: the window grows by one with every answer
 * and halves on a TCP timeout, the timeout follows the measured RTT
 * (srtt + 4 rttvar, 0.1-2 s, 1 s at first), and a silent port is tried
 * once more. TCP ports end open (syn-ack), closed (reset) or filtered
 * (timeout, icmp-unreachable); UDP ports open (udp-response), closed
 * (port-unreach), filtered (icmp-unreachable) or open|filtered
 * (no-response). Each is a "port" event; open TCP ports can have their
 * banner read and the service guessed. A "done" event ends the scan.
 */
#ifndef SCAN_SCAN_H
#define SCAN_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "scan_ports.h"
#include "scan_target.h"

struct loop;
struct evlog;

enum scan_type {
	SCAN_CONNECT,	/* any user: the kernel's connect() */
	SCAN_SYN,	/* CAP_NET_RAW: half-open, raw SYNs */
	SCAN_UDP,	/* any user: a datagram, ICMP errors via IP_RECVERR */
};

struct scan_config {
	enum scan_type		 type;
	const struct scan_target *target;
	const struct port_set	*ports;
	unsigned		 rate;		/* connects per second; 0: no limit */
	unsigned		 max_inflight;	/* 0: from the fd limit */
	bool			 banners;
	bool			 report_closed;	/* a "port" event for closed too */
	double			 banner_wait;	/* seconds; 0: 2 s */
	const char		*services;	/* the service table text, or NULL */
	size_t			 services_len;
	double			 progress_every;	/* s between "progress" events; 0: none */
	const char		*udp_probes;	/* assets/scan/udp-probes, or NULL */
	size_t			 udp_probes_len;
};

struct scan_counts {
	size_t		 total, done, open, closed, filtered, open_filtered;
	size_t		 inflight;
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
const char	*scan_type_name(enum scan_type);

#endif
