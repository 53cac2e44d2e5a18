/*
 * storage_sock.h: the echo socket the storage in flight bounces its chunks
 * on. A raw ICMP socket with CAP_NET_RAW; without it, an unprivileged ping
 * socket (SOCK_DGRAM, IPPROTO_ICMP) where net.ipv4.ping_group_range admits
 * our group. Which one we got is said in the "store_started" event. IPv4.
 */
#ifndef STORAGE_STORAGE_SOCK_H
#define STORAGE_STORAGE_SOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

struct loop;
struct event;

/* One echo reply for us: its sequence number and its data. */
typedef void (*storage_sock_reply_fn)(void *arg, uint16_t seq,
    const uint8_t *data, size_t len);

struct storage_sock {
	int			 fd;
	bool			 raw;	/* else a ping socket */
	uint16_t		 id;	/* raw: our echo identifier */
	struct sockaddr_in	 dst;
	struct event		*ev;
	storage_sock_reply_fn	 on_reply;
	void			*arg;
};

int	 storage_sock_open(struct storage_sock *, struct loop *,
	     const struct sockaddr_in *dst, storage_sock_reply_fn, void *arg,
	     char *err, size_t errlen);
/* Sends one echo request; false if the kernel refused it now. */
bool	 storage_sock_send(struct storage_sock *, uint16_t seq,
	     const uint8_t *data, size_t len);
void	 storage_sock_close(struct storage_sock *);
const char *storage_sock_kind(const struct storage_sock *);

#endif
