/*
 * dns.h: how this host resolves names: the resolvers and search domains
 * of /etc/resolv.conf, whether they point at a local stub (such as
 * systemd-resolved on 127.0.0.53) and what is known of the stub's
 * upstream servers, and the hosts line of /etc/nsswitch.conf. One "dns"
 * event.
 */
#ifndef SOCKETS_DNS_H
#define SOCKETS_DNS_H

#include "../core/evlog.h"

#define DNS_ENGINE	"dns"

/* Paths may be overridden (tests): PUNCHLINE_RESOLV_CONF,
 * PUNCHLINE_NSSWITCH_CONF, PUNCHLINE_RESOLVED_CONF. */
void	 dns_report(struct evlog *log);

#endif
