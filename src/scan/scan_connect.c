/*
 * scan_connect.c: the connect scan, one non-blocking connect per probe,
 * and what its outcome means: connected = open (syn-ack); ECONNREFUSED =
 * closed (reset, or an ICMP port unreachable, which the kernel reports
 * the same way); no route, host or net unreachable, or refused by a local
 * filter = filtered (icmp-unreachable); no answer before the timeout =
 * filtered (timeout).
 */
#include <errno.h>
#include <string.h>
#include <poll.h>
#include <unistd.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "../core/loop.h"
#include "scan_int.h"

static void
connect_release(struct probe *p, bool connected)
{
	struct linger rst = { 1, 0 };

	if (p->fd < 0)
		return;
	/* A reset, not a FIN: no TIME_WAIT left behind per open port. */
	if (connected)
		setsockopt(p->fd, SOL_SOCKET, SO_LINGER, &rst, sizeof rst);
	close(p->fd);
	p->fd = -1;
}

/* A connect from the port it aims at, on the same address, meets itself
 * (TCP's simultaneous open) and looks open: scanning our own loopback,
 * the kernel may pick exactly that ephemeral port. */
static bool
connected_to_itself(int fd)
{
	struct sockaddr_storage me, peer;
	socklen_t mlen = sizeof me, plen = sizeof peer;

	if (getsockname(fd, (struct sockaddr *)&me, &mlen) != 0 ||
	    getpeername(fd, (struct sockaddr *)&peer, &plen) != 0)
		return false;
	return mlen == plen && memcmp(&me, &peer, mlen) == 0;
}

/* The verdict of a finished connect by its error; false if err is not
 * one we know (the port is then called filtered with the error's text). */
static bool
classify(struct scan *s, struct probe *p, int err)
{
	switch (err) {
	case 0:
		if (connected_to_itself(p->fd)) {
			scan_try_again(s, p);
			return true;
		}
		scan_rtt_sample(s, p->rtt);
		if (s->cfg.banners)
			banner_start(s, p);
		else
			scan_finish(s, p, PORT_OPEN, "syn-ack");
		return true;
	case ECONNREFUSED:
		scan_rtt_sample(s, p->rtt);
		scan_finish(s, p, PORT_CLOSED, "reset");
		return true;
	case EHOSTUNREACH: case ENETUNREACH: case EACCES: case EPERM:
	case EHOSTDOWN:
		scan_finish(s, p, PORT_FILTERED, "icmp-unreachable");
		return true;
	case ETIMEDOUT:
		scan_timed_out(s, p);
		return true;
	}
	return false;
}

static void
outcome(struct scan *s, struct probe *p, int err)
{
	p->rtt = clock_mono() - p->sent;
	if (!classify(s, p, err))
		scan_finish(s, p, PORT_FILTERED, strerror(err));
}

/* Whether the connect has finished: a timeout may fire in the same loop
 * pass as the answer, or before a busy loop got to it. */
static bool
connect_finished(evutil_socket_t fd, short what)
{
	struct pollfd pfd = { fd, POLLOUT, 0 };

	return (what & EV_WRITE) || (poll(&pfd, 1, 0) == 1 && pfd.revents != 0);
}

static void
on_connect(evutil_socket_t fd, short what, void *arg)
{
	struct probe *p = arg;
	socklen_t len = sizeof(int);
	int err = 0;

	if (!connect_finished(fd, what)) {
		scan_timed_out(p->scan, p);
		return;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
		err = errno;
	outcome(p->scan, p, err);
}

static bool
connect_launch(struct scan *s, struct probe *p, uint32_t idx, uint8_t tries)
{
	struct sockaddr_storage to;
	socklen_t tolen = scan_addr_of(s, idx, &to);
	int rc;

	if ((p->fd = socket(to.ss_family, SOCK_STREAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) < 0)
		return false;
	p->family = to.ss_family;
	probe_begin(p, idx, tries);
	if ((rc = connect(p->fd, (struct sockaddr *)&to, tolen)) == 0 ||
	    errno != EINPROGRESS) {
		int err = rc == 0 ? 0 : errno;

		if (err == EADDRNOTAVAIL || err == EAGAIN) {	/* no local port */
			close(p->fd);
			p->fd = -1;
			p->busy = false;
			return false;
		}
		outcome(s, p, err);
		return true;
	}
	/* Loopback and LAN answers often arrive within connect() itself: one
	 * getsockopt spares the epoll round for them. */
	if (getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &rc, &(socklen_t){ sizeof rc }) == 0 &&
	    rc != 0) {
		outcome(s, p, rc);
		return true;
	}
	probe_arm(s, p, p->fd, EV_WRITE, on_connect);
	return true;
}

const struct scan_method scan_connect_method = {
	.proto = "tcp",
	.silent_state = PORT_FILTERED,
	.silent_reason = "timeout",
	.launch = connect_launch,
	.release = connect_release,
};
