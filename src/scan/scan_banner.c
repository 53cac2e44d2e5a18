/*
 * scan_banner.c: what an open port says. Many services greet first (SSH,
 * SMTP, FTP, POP3, IMAP); for those that wait, after a quiet spell we send
 * an HTTP HEAD, which web servers answer and TLS servers refuse with an
 * alert: either way the reply names the service.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "../core/loop.h"
#include "scan_int.h"

static const char http_head[] = "HEAD / HTTP/1.0\r\n\r\n";

static void on_banner(evutil_socket_t, short, void *);

static void
arm(struct scan *s, struct probe *p)
{
	double w = s->cfg.banner_wait > 0 ? s->cfg.banner_wait : 2.0;
	struct timeval tv = { (time_t)w, (suseconds_t)((w - (double)(time_t)w) * 1e6) };

	event_assign(p->ev, loop_base(s->loop), p->fd, EV_READ, on_banner, p);
	event_add(p->ev, &tv);
}

/* A line, a full buffer or the end: enough to name the service. */
static bool
have_enough(const struct probe *p)
{
	return p->got == sizeof p->buf || memchr(p->buf, '\n', p->got) != NULL;
}

static void
on_banner(evutil_socket_t fd, short what, void *arg)
{
	struct probe *p = arg;
	struct scan *s = p->scan;
	ssize_t n;

	if (!(what & EV_READ)) {	/* quiet: ask, or give up */
		if (p->got == 0 && !p->asked) {
			p->asked = true;
			if (write(fd, http_head, sizeof http_head - 1) > 0) {
				arm(s, p);
				return;
			}
		}
		scan_finish(s, p, PORT_OPEN, "syn-ack");
		return;
	}
	n = read(fd, p->buf + p->got, sizeof p->buf - p->got);
	if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
		arm(s, p);
		return;
	}
	if (n > 0)
		p->got += (size_t)n;
	if (n <= 0 || have_enough(p))
		scan_finish(s, p, PORT_OPEN, "syn-ack");
	else
		arm(s, p);
}

void
banner_start(struct scan *s, struct probe *p)
{
	arm(s, p);
}
