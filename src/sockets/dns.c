/*
 * dns.c: resolv.conf, the resolver stub's upstream and nsswitch.conf's
 * hosts line, read from disk and decoded by protocols/dnsconf.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../protocols/dnsconf.h"
#include "dns.h"

#define FILE_MAX	(64 * 1024)

static const char *
path_of(const char *env, const char *fallback)
{
	const char *p = getenv(env);

	return p != NULL && *p != '\0' ? p : fallback;
}

/* Up to FILE_MAX bytes of path into buf; -1 if it cannot be read. */
static ssize_t
slurp(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "re");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, len, f);
	fclose(f);
	return (ssize_t)n;
}

static void
join(char *out, size_t len, const char (*list)[DNS_NAME_MAX], unsigned n)
{
	size_t used = 0;
	unsigned i;

	out[0] = '\0';
	for (i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s",
		    i > 0 ? " " : "", list[i]);
}

static void
join_ns(char *out, size_t len, const struct dns_resolv *r)
{
	size_t used = 0;
	unsigned i;

	out[0] = '\0';
	for (i = 0; i < r->nns && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s",
		    i > 0 ? " " : "", r->ns[i]);
}

static bool
points_at_stub(const struct dns_resolv *r)
{
	unsigned i;

	for (i = 0; i < r->nns; i++)
		if (dnsconf_is_loopback(r->ns[i]))
			return true;
	return false;
}

/* What the stub is, and its upstream servers if it says them. */
static void
stub_fields(struct ev *ev, const struct dns_resolv *r, char *buf,
    size_t len)
{
	struct dns_resolv up;
	char text[FILE_MAX];
	ssize_t n;
	bool resolved = false;
	unsigned i;

	for (i = 0; i < r->nns; i++)
		resolved |= strcmp(r->ns[i], "127.0.0.53") == 0 ||
		    strcmp(r->ns[i], "127.0.0.54") == 0;
	ev_str(ev, "stub", resolved ? "systemd-resolved" : "a local resolver");
	n = slurp(path_of("PUNCHLINE_RESOLVED_CONF",
	    "/run/systemd/resolve/resolv.conf"), text, sizeof text);
	if (!resolved || n < 0) {
		ev_str(ev, "upstream", "unknown");
		return;
	}
	dnsconf_parse_resolv(text, (size_t)n, &up);
	join_ns(buf, len, &up);
	ev_str(ev, "upstream", up.nns > 0 ? buf : "unknown");
}

void
dns_report(struct evlog *log)
{
	const char *resolv = path_of("PUNCHLINE_RESOLV_CONF", "/etc/resolv.conf");
	static char text[FILE_MAX];
	char buf[DNS_MAX_SEARCH * DNS_NAME_MAX], target[PATH_MAX];
	struct dns_resolv r;
	struct ev ev;
	ssize_t n;

	ev_init(&ev, DNS_ENGINE, "dns");
	ev_str(&ev, "resolv_conf", resolv);
	if ((n = readlink(resolv, target, sizeof target - 1)) > 0) {
		target[n] = '\0';
		ev_str(&ev, "resolv_conf_link", target);
	}
	n = slurp(resolv, text, sizeof text);
	dnsconf_parse_resolv(text, n > 0 ? (size_t)n : 0, &r);
	ev_bool(&ev, "readable", n >= 0);
	join_ns(buf, sizeof buf, &r);
	ev_str(&ev, "nameservers", buf);
	join(buf, sizeof buf, r.search, r.nsearch);
	ev_str(&ev, "search", buf);
	ev_str(&ev, "options", r.options);
	ev_bool(&ev, "local_stub", points_at_stub(&r));
	if (points_at_stub(&r))
		stub_fields(&ev, &r, buf, sizeof buf);
	n = slurp(path_of("PUNCHLINE_NSSWITCH_CONF", "/etc/nsswitch.conf"),
	    text, sizeof text);
	if (n < 0 || !dnsconf_parse_hosts(text, (size_t)n, buf, sizeof buf))
		snprintf(buf, sizeof buf, "%s", "(no hosts line: glibc's "
		    "default, dns files)");
	ev_str(&ev, "hosts", buf);
	evlog_push(log, &ev);
}
