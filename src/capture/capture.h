/*
 * capture.h: the capture engine. A handle is one libpcap source, live (an
 * interface, "any" included) or a file (pcap or pcapng); several handles
 * run at once on the one event loop, e.g. one per lab namespace. Live
 * handles are non-blocking, in immediate mode, and read from their
 * selectable fd; a file is read in batches so the loop stays responsive.
 *
 * Order of use: open every handle (privileged), set filters and the dump
 * file, drop privileges (src/core/priv.c), then start.
 */
#ifndef CAPTURE_CAPTURE_H
#define CAPTURE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <event2/event.h>

#include "capture_pkt.h"

#define CAPTURE_SNAPLEN_DEFAULT	256
#define CAPTURE_BUFFER_BYTES	(8 * 1024 * 1024)
#define CAPTURE_ERR_MAX		512

struct capture;

/* Each packet, in order; the bytes are valid only during the call. */
typedef void (*capture_packet_fn)(const struct capture_pkt *, void *arg);
/* The end of a source: err is NULL at the end of a whole file, else why
 * it stopped ("FILE: truncated dump file; ..."). */
typedef void (*capture_end_fn)(struct capture *, const char *err, void *arg);

struct capture_stats {
	uint64_t	 seen;		/* handed to the callback */
	uint64_t	 received;	/* pcap_stats: by the filter */
	uint64_t	 dropped;	/* pcap_stats: no room in the buffer */
	uint64_t	 if_dropped;	/* pcap_stats: by the interface */
};

/* A live capture on ifname (NULL or "any": every interface). Without
 * CAP_NET_RAW, says exactly that and how to grant it. */
struct capture	*capture_open_live(const char *ifname, int snaplen,
		     char *err, size_t errlen);
/* A live capture on ifname inside the network namespace netns (a name
 * under /run/netns), which node names in the packets' where
 * ("nat-b:wan0"). Enters it, opens, comes back: the handle stays bound
 * to it. "any" there is opened as SLL2, so each packet's where names its
 * interface. Needs CAP_SYS_ADMIN as well. */
struct capture	*capture_open_live_in(const char *netns, const char *node,
		     const char *ifname, int snaplen, char *err, size_t errlen);
/* A pcap or pcapng file; "-" is stdin. */
struct capture	*capture_open_file(const char *path, char *err, size_t errlen);
/* A BPF filter; on error, libpcap's message in err. */
int		 capture_set_filter(struct capture *, const char *filter,
		     char *err, size_t errlen);
/* Every packet seen is also written to path (pcap format). */
int		 capture_dump_to(struct capture *, const char *path,
		     char *err, size_t errlen);
/* Stops after count packets (0: no limit); the end callback then gets NULL. */
void		 capture_set_count(struct capture *, uint64_t count);
int		 capture_start(struct capture *, struct event_base *,
		     capture_packet_fn, capture_end_fn, void *arg,
		     char *err, size_t errlen);
void		 capture_stop(struct capture *);
void		 capture_free(struct capture *);

uint32_t	 capture_linktype(const struct capture *);
int		 capture_snaplen(const struct capture *);
const char	*capture_source(const struct capture *);
bool		 capture_is_live(const struct capture *);
void		 capture_get_stats(struct capture *, struct capture_stats *);

#endif
