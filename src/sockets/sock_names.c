/*
 * sock_names.c: host names through core/rdns (nsswitch, as the traceroute
 * names its hops), service names from /etc/services, both cached (see
 * sock_names.h).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/rdns.h"
#include "sock_names.h"

#define SERV_SLOTS	512

struct serv_slot {
	uint16_t	 port;
	char		 proto[4];
	int		 known;		/* 0: not asked, 1: named, -1: none */
	char		 name[32];
};

struct sock_names {
	struct rdns		*rdns;
	struct serv_slot	 servs[SERV_SLOTS];
};

struct sock_names *
sock_names_new(struct loop *loop, void (*ready)(void *), void *arg)
{
	struct sock_names *n = calloc(1, sizeof *n);

	if (n == NULL || (n->rdns = rdns_new(loop, ready, arg)) == NULL) {
		free(n);
		return NULL;
	}
	return n;
}

void
sock_names_free(struct sock_names *n)
{
	if (n == NULL)
		return;
	rdns_free(n->rdns);
	free(n);
}

const char *
sock_names_host(struct sock_names *n, int family, const uint8_t *addr)
{
	struct sockaddr_storage ss;
	const char *name;

	memset(&ss, 0, sizeof ss);
	if (family == AF_INET) {
		ss.ss_family = AF_INET;
		memcpy(&((struct sockaddr_in *)&ss)->sin_addr, addr, 4);
	} else if (family == AF_INET6) {
		ss.ss_family = AF_INET6;
		memcpy(&((struct sockaddr_in6 *)&ss)->sin6_addr, addr, 16);
	} else
		return NULL;
	name = rdns_lookup(n->rdns, &ss);
	return name != NULL && name[0] != '\0' ? name : NULL;
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
