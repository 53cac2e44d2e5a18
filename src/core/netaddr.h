/*
 * netaddr.h: between the sockets API's addresses (sockaddr_storage) and
 * the wire's (struct probe_addr of protocols/, 4 or 16 bytes), for the
 * engines that build and read raw packets.
 */
#ifndef CORE_NETADDR_H
#define CORE_NETADDR_H

#include <stdbool.h>
#include <sys/socket.h>

#include "../../protocols/icmp_error.h"

void	 netaddr_to_probe(const struct sockaddr_storage *, struct probe_addr *);
void	 netaddr_from_probe(const struct probe_addr *, struct sockaddr_storage *);
bool	 netaddr_probe_equal(const struct probe_addr *, const struct probe_addr *);

#endif
