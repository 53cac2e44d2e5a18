/*
 * dnsconf.h: the resolver's configuration files, read into plain fields.
 *
 *  /etc/resolv.conf (resolv.conf(5)): "nameserver ADDR" (at most
 *    DNS_MAX_NS are used by glibc; we keep DNS_MAX_NS), "search D1 D2 ..."
 *    or "domain D" (the last of the two wins), "options ...". '#' and ';'
 *    start comments.
 *  /etc/nsswitch.conf (nsswitch.conf(5)): the "hosts:" line, e.g.
 *    "hosts: files mymachines resolve [!UNAVAIL=return] dns myhostname".
 * Pure: no I/O, no allocation.
 */
#ifndef PROTOCOLS_DNSCONF_H
#define PROTOCOLS_DNSCONF_H

#include <stdbool.h>
#include <stddef.h>

#define DNS_MAX_NS	8
#define DNS_MAX_SEARCH	8
#define DNS_NAME_MAX	256
#define DNS_ADDR_MAX	64
#define DNS_LINE_MAX	256

struct dns_resolv {
	char		 ns[DNS_MAX_NS][DNS_ADDR_MAX];
	unsigned	 nns;
	char		 search[DNS_MAX_SEARCH][DNS_NAME_MAX];
	unsigned	 nsearch;
	char		 options[DNS_LINE_MAX];
};

void	 dnsconf_parse_resolv(const char *text, size_t len, struct dns_resolv *);
/* The sources of the "hosts:" line into out ("" if there is none);
 * false if there is none. */
bool	 dnsconf_parse_hosts(const char *text, size_t len, char *out,
	     size_t outlen);
/* True for an address of this host: 127.0.0.0/8, ::1 (a local stub such
 * as systemd-resolved's 127.0.0.53, or dnsmasq on 127.0.0.1). */
bool	 dnsconf_is_loopback(const char *addr);

#endif
