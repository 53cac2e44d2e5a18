/*
 * scan_int.h: the scan engine's own state, shared by its files only:
 * scan.c (scheduling and timing), scan_probe.c (one connect and what its
 * outcome means) and scan_banner.c (reading what an open port says).
 */
#ifndef SCAN_SCAN_INT_H
#define SCAN_SCAN_INT_H

#include <stdint.h>

#include "../../protocols/banner.h"
#include "scan.h"

struct event;

enum port_state { PORT_OPEN, PORT_CLOSED, PORT_FILTERED };

struct probe {
	struct scan	*scan;
	struct event	*ev;
	int		 fd;		/* -1: the slot is free */
	int		 family;
	uint32_t	 idx;		/* host * nports + port index */
	uint8_t		 tries;
	double		 sent;
	double		 rtt;
	bool		 asked;		/* banner: our probe was sent */
	size_t		 got;
	uint8_t		 buf[BANNER_MAX];
};

struct scan {
	struct loop		*loop;
	struct evlog		*log;
	struct scan_config	 cfg;
	struct probe		*slots;
	unsigned		 nslots;
	unsigned		*free_slots;	/* a stack of slot numbers */
	unsigned		 nfree;
	uint32_t		 total, next;
	uint32_t		*retry;		/* indices to try again */
	uint8_t			*retry_tries;
	size_t			 nretry, retry_cap;
	struct scan_counts	 counts;
	double			 srtt, rttvar, rto;
	double			 cwnd;
	double			 tokens, tokens_at;
	double			 started;
	bool			 running;
	bool			 in_fill;
	struct event		*pace;
	void			(*done)(void *);
	void			*done_arg;
};

/* scan.c */
void	 scan_finish(struct scan *, struct probe *, enum port_state,
	     const char *reason);
void	 scan_rtt_sample(struct scan *, double rtt);
void	 scan_timed_out(struct scan *, struct probe *);
uint16_t scan_port_of(const struct scan *, uint32_t idx);
const struct sockaddr_storage *scan_host_of(const struct scan *, uint32_t idx);

/* scan_probe.c: false if the connect could not be made now (no fd or no
 * local port free): the index goes back to the queue. */
bool	 probe_launch(struct scan *, struct probe *, uint32_t idx, uint8_t tries);
void	 probe_close(struct probe *, bool connected);

/* scan_banner.c */
void	 banner_start(struct scan *, struct probe *);

#endif
