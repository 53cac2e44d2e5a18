/*
 * scan_int.h: the scan engine's own state, shared by its files only:
 * scan.c (scheduling and timing, the same for every kind of scan), one
 * file per method (scan_connect.c, scan_syn.c, scan_udp.c: sending one
 * probe and what its answer means) and scan_banner.c (reading what an
 * open port says).
 */
#ifndef SCAN_SCAN_INT_H
#define SCAN_SCAN_INT_H

#include <stdint.h>

#include "../../protocols/banner.h"
#include "scan.h"

struct event;

enum port_state { PORT_OPEN, PORT_CLOSED, PORT_FILTERED, PORT_OPEN_FILTERED };

struct probe {
	struct scan	*scan;
	struct event	*ev;
	int		 fd;		/* its own socket (connect, udp) or -1 */
	bool		 busy;
	int		 family;
	uint32_t	 idx;		/* host * nports + port index */
	uint8_t		 tries;
	uint32_t	 seq;		/* syn: the sequence number sent */
	double		 sent;
	double		 rtt;
	bool		 asked;		/* banner: our probe was sent */
	size_t		 got;
	uint8_t		 buf[BANNER_MAX];
};

/* How one kind of scan sends a probe and reads its answer. The method
 * calls scan_finish or scan_timed_out when the probe has an outcome. */
struct scan_method {
	const char	*proto;			/* "tcp" or "udp" */
	enum port_state	 silent_state;		/* no answer after every try */
	const char	*silent_reason;
	/* Shared sockets (raw ones for syn); NULL: none. -1 with err. */
	int		(*open)(struct scan *, char *err, size_t errlen);
	void		(*close)(struct scan *);
	/* false: no fd or local port free now; the index is queued again. */
	bool		(*launch)(struct scan *, struct probe *, uint32_t idx,
			    uint8_t tries);
	void		(*release)(struct probe *, bool open);
};

extern const struct scan_method scan_connect_method;
extern const struct scan_method scan_udp_method;
extern const struct scan_method scan_syn_method;

struct scan_syn;
struct scan_udp;

struct scan {
	const struct scan_method *m;
	struct scan_syn		*syn;		/* scan_syn.c's shared state */
	struct scan_udp		*udp;		/* scan_udp.c's probe table */
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
	double			 last_cut;	/* when the window was last halved */
	double			 tokens, tokens_at;
	double			 started;
	bool			 running;
	bool			 in_fill;
	struct event		*pace;
	struct event		*progress;
	void			(*done)(void *);
	void			*done_arg;
};

/* scan.c */
void	 probe_begin(struct probe *, uint32_t idx, uint8_t tries);
void	 probe_arm(struct scan *, struct probe *, int fd, short what,
	     void (*cb)(int, short, void *));
void	 scan_finish(struct scan *, struct probe *, enum port_state,
	     const char *reason);
void	 scan_rtt_sample(struct scan *, double rtt);
void	 scan_timed_out(struct scan *, struct probe *);
void	 scan_try_again(struct scan *, struct probe *);
uint16_t scan_port_of(const struct scan *, uint32_t idx);
const struct sockaddr_storage *scan_host_of(const struct scan *, uint32_t idx);
socklen_t scan_addr_of(const struct scan *, uint32_t idx,
	     struct sockaddr_storage *);

/* scan_banner.c */
void	 banner_start(struct scan *, struct probe *);

#endif
