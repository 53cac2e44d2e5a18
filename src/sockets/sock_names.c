/*
 * sock_names.c: reverse DNS and service names, cached (see sock_names.h).
 *
 * The host cache is direct-mapped on a hash of the address: a new address
 * may evict an old one, which is then simply looked up again. A lookup in
 * flight carries its own copy of the address, so an evicted slot is never
 * written by a late answer.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/dns.h>

#include "sock_names.h"

#define HOST_SLOTS	1024
#define SERV_SLOTS	512
#define NAME_MAX_LEN	256

enum host_state { HOST_EMPTY, HOST_PENDING, HOST_DONE, HOST_NONE };

struct host_slot {
	uint8_t		 family, state;
	uint8_t		 addr[16];
	char		 name[NAME_MAX_LEN];
};

struct serv_slot {
	uint16_t	 port;
	char		 proto[4];
	int		 known;		/* 0: not asked, 1: named, -1: none */
	char		 name[32];
};

struct sock_names {
	struct evdns_base	*dns;
	void			(*ready)(void *);
	void			*arg;
	struct host_slot	 hosts[HOST_SLOTS];
	struct serv_slot	 servs[SERV_SLOTS];
};

struct lookup {
	struct sock_names	*names;
	uint8_t			 family;
	uint8_t			 addr[16];
};

struct sock_names *
sock_names_new(struct loop *loop, void (*ready)(void *), void *arg)
{
	struct sock_names *n = calloc(1, sizeof *n);

	if (n == NULL)
		return NULL;
	n->ready = ready;
	n->arg = arg;
	/* Nameservers from /etc/resolv.conf; none is not fatal: then only
	 * loopback gets a name. */
	n->dns = evdns_base_new(loop_base(loop),
	    EVDNS_BASE_INITIALIZE_NAMESERVERS);
	if (n->dns == NULL)
		n->dns = evdns_base_new(loop_base(loop), 0);
	return n;
}

void
sock_names_free(struct sock_names *n)
{
	if (n == NULL)
		return;
	if (n->dns != NULL)
		evdns_base_free(n->dns, 1);	/* callbacks see SHUTDOWN */
	free(n);
}

static size_t
addr_len(int family)
{
	return family == AF_INET ? 4 : 16;
}

static unsigned
hash_addr(int family, const uint8_t *addr)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < addr_len(family); i++)
		h = (h ^ addr[i]) * 16777619u;
	return h % HOST_SLOTS;
}

static struct host_slot *
slot_of(struct sock_names *n, int family, const uint8_t *addr)
{
	return &n->hosts[hash_addr(family, addr)];
}

static bool
same_addr(const struct host_slot *h, int family, const uint8_t *addr)
{
	return h->family == family &&
	    memcmp(h->addr, addr, addr_len(family)) == 0;
}

static bool
is_loopback(int family, const uint8_t *addr)
{
	static const uint8_t v6_loopback[16] = { [15] = 1 };

	return family == AF_INET ? addr[0] == 127 :
	    memcmp(addr, v6_loopback, 16) == 0;
}

static void
on_answer(int result, char type, int count, int ttl, void *addresses,
    void *arg)
{
	struct lookup *l = arg;
	struct sock_names *n = l->names;
	struct host_slot *h;

	(void)ttl;
	if (result == DNS_ERR_SHUTDOWN) {
		free(l);
		return;
	}
	h = slot_of(n, l->family, l->addr);
	if (same_addr(h, l->family, l->addr) && h->state == HOST_PENDING) {
		h->state = HOST_NONE;
		if (result == DNS_ERR_NONE && type == DNS_PTR && count > 0 &&
		    addresses != NULL && *(char **)addresses != NULL) {
			snprintf(h->name, sizeof h->name, "%s",
			    *(char **)addresses);
			h->state = HOST_DONE;
		}
		if (n->ready != NULL)
			n->ready(n->arg);
	}
	free(l);
}

static void
start_lookup(struct sock_names *n, struct host_slot *h)
{
	struct lookup *l;
	struct evdns_request *req;

	h->state = HOST_NONE;
	if (n->dns == NULL || (l = calloc(1, sizeof *l)) == NULL)
		return;
	l->names = n;
	l->family = h->family;
	memcpy(l->addr, h->addr, sizeof l->addr);
	h->state = HOST_PENDING;
	if (h->family == AF_INET)
		req = evdns_base_resolve_reverse(n->dns,
		    (const struct in_addr *)(const void *)h->addr, 0,
		    on_answer, l);
	else
		req = evdns_base_resolve_reverse_ipv6(n->dns,
		    (const struct in6_addr *)(const void *)h->addr, 0,
		    on_answer, l);
	if (req == NULL) {	/* not started: no callback will come */
		h->state = HOST_NONE;
		free(l);
	}
}

const char *
sock_names_host(struct sock_names *n, int family, const uint8_t *addr)
{
	struct host_slot *h;

	if (family != AF_INET && family != AF_INET6)
		return NULL;
	if (is_loopback(family, addr))
		return "localhost";
	h = slot_of(n, family, addr);
	if (h->state == HOST_EMPTY || !same_addr(h, family, addr)) {
		memset(h, 0, sizeof *h);
		h->family = (uint8_t)family;
		memcpy(h->addr, addr, addr_len(family));
		start_lookup(n, h);
	}
	return h->state == HOST_DONE ? h->name : NULL;
}

const char *
sock_names_service(struct sock_names *n, uint16_t port, const char *proto)
{
	struct serv_slot *sv = &n->servs[(port * 2u + (proto[0] == 'u')) %
	    SERV_SLOTS];
	struct servent *se;

	if (port == 0)
		return NULL;
	if (sv->known == 0 || sv->port != port || strcmp(sv->proto, proto) != 0) {
		sv->port = port;
		snprintf(sv->proto, sizeof sv->proto, "%s", proto);
		/* /etc/services is a local file: no network, read once per
		 * port and kept. */
		se = getservbyport(htons(port), proto);
		sv->known = se != NULL ? 1 : -1;
		if (se != NULL)
			snprintf(sv->name, sizeof sv->name, "%s", se->s_name);
	}
	return sv->known > 0 ? sv->name : NULL;
}
