/* recverr.c: queued ICMP errors (see recverr.h). */
#include <string.h>
#include <netinet/in.h>
#include <linux/errqueue.h>

#include "recverr.h"

int
recverr_enable(int fd, int family)
{
	int on = 1;

	return setsockopt(fd, family == AF_INET6 ? SOL_IPV6 : SOL_IP,
	    family == AF_INET6 ? IPV6_RECVERR : IP_RECVERR, &on, sizeof on);
}

bool
recverr_read(int fd, struct recverr *r)
{
	char control[512];
	struct msghdr msg = { .msg_control = control,
	    .msg_controllen = sizeof control };
	struct sock_extended_err ee;
	const struct sockaddr *off;
	struct cmsghdr *c;

	if (recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
		return false;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (!((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
		    (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR)))
			continue;
		memcpy(&ee, CMSG_DATA(c), sizeof ee);
		if (ee.ee_origin != SO_EE_ORIGIN_ICMP &&
		    ee.ee_origin != SO_EE_ORIGIN_ICMP6)
			continue;
		r->v6 = ee.ee_origin == SO_EE_ORIGIN_ICMP6;
		r->type = ee.ee_type;
		r->code = ee.ee_code;
		/* The offender's address follows the structure. */
		off = (const struct sockaddr *)(CMSG_DATA(c) + sizeof ee);
		memset(&r->offender, 0, sizeof r->offender);
		memcpy(&r->offender, off, off->sa_family == AF_INET6 ?
		    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in));
		return true;
	}
	return false;
}

bool
recverr_port_unreachable(const struct recverr *r)
{
	return r->v6 ? r->type == 1 && r->code == 4 : r->type == 3 && r->code == 3;
}

bool
recverr_time_exceeded(const struct recverr *r)
{
	return r->type == (r->v6 ? 3 : 11);
}
