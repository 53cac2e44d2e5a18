/*
 * mesh_scan.h: `host:scan`, finding a member on an unknown UDP port. One
 * SCAN datagram per port, paced by a 10 ms timer to at most `rate` a
 * second, lowest port first; the first SCAN_REPLY that echoes our token
 * ends the scan and the engine joins through the port that answered.
 */
#ifndef MESH_MESH_SCAN_H
#define MESH_MESH_SCAN_H

#include <stdbool.h>
#include <stdint.h>
#include <netinet/in.h>

struct mesh;
struct event;

struct mesh_scan {
	bool			 active;
	struct sockaddr_in6	 host;
	uint32_t		 lo, hi, next;	/* ports; next to probe */
	unsigned		 rate;
	uint64_t		 token;
	uint32_t		 sent;
	double			 started, last_progress, all_sent_at;
	struct event		*timer;
};

#define SCAN_RATE_DEFAULT	2000
#define SCAN_RATE_MAX		100000

void	 hostscan_start(struct mesh *, const struct sockaddr_in6 *host,
	     uint16_t lo, uint16_t hi, unsigned rate);
/* A SCAN_REPLY from `from`: true if it ended our scan. */
bool	 hostscan_on_reply(struct mesh *, uint64_t token,
	     const struct sockaddr_in6 *from);
void	 hostscan_stop(struct mesh *);

#endif
