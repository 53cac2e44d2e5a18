/* priv.c: capability checks and the drop to the invoking user (libcap-ng). */
#include <cap-ng.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>

#include "priv.h"

static const int cap_numbers[PRIV_NCAPS] = { CAP_NET_RAW, CAP_NET_ADMIN };
static const char *cap_names[PRIV_NCAPS] = { "CAP_NET_RAW", "CAP_NET_ADMIN" };

void
priv_probe(struct privs *p)
{
	int i;

	capng_clear(CAPNG_SELECT_BOTH);
	capng_get_caps_process();
	for (i = 0; i < PRIV_NCAPS; i++)
		p->held[i] = capng_have_capability(CAPNG_EFFECTIVE,
		    (unsigned int)cap_numbers[i]) != 0;
	p->uid = geteuid();
	p->gid = getegid();
}

const char *
priv_cap_name(enum priv_cap cap)
{
	return cap < PRIV_NCAPS ? cap_names[cap] : "?";
}

const char *
priv_summary(const struct privs *p)
{
	if (p->uid == 0 && p->held[PRIV_NET_RAW] && p->held[PRIV_NET_ADMIN])
		return "root";
	if (p->held[PRIV_NET_RAW] && p->held[PRIV_NET_ADMIN])
		return "net_raw+net_admin";
	if (p->held[PRIV_NET_RAW])
		return "net_raw";
	if (p->held[PRIV_NET_ADMIN])
		return "net_admin";
	return "user";
}

bool
priv_require(const struct privs *p, enum priv_cap cap, const char *what,
    char *msg, size_t len)
{
	const char *grant;

	if (len > 0)
		msg[0] = '\0';
	if (cap < PRIV_NCAPS && p->held[cap])
		return true;
	grant = cap == PRIV_NET_RAW ?
	    "sudo punchline, or once: sudo setcap cap_net_raw+ep "
	    "\"$(command -v punchline)\"" :
	    "sudo punchline";
	snprintf(msg, len, "%s needs %s; grant it with: %s", what,
	    priv_cap_name(cap), grant);
	return false;
}

static int
parse_id(const char *s, unsigned long *out)
{
	char *end;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno != 0 || *end != '\0' || *out > INT_MAX ? -1 : 0;
}

/* Who to become: -Z USER, else the user who ran sudo. */
static int
target_ids(const char *user, uid_t *uid, gid_t *gid, char *err, size_t len)
{
	unsigned long u, g;
	struct passwd *pw;

	if (user != NULL) {
		if ((pw = getpwnam(user)) == NULL) {
			snprintf(err, len, "unknown user '%s'", user);
			return -1;
		}
		*uid = pw->pw_uid;
		*gid = pw->pw_gid;
		return 1;
	}
	if (parse_id(getenv("SUDO_UID"), &u) != 0 ||
	    parse_id(getenv("SUDO_GID"), &g) != 0 || u == 0)
		return 0;
	*uid = (uid_t)u;
	*gid = (gid_t)g;
	return 1;
}

int
priv_drop(const char *user, char *err, size_t errlen)
{
	struct privs now;
	uid_t uid;
	gid_t gid;
	int found;

	if ((found = target_ids(user, &uid, &gid, err, errlen)) <= 0)
		return found;
	if (geteuid() != 0) {
		snprintf(err, errlen, "cannot switch user: not running as root");
		return -1;
	}
	priv_probe(&now);
	capng_clear(CAPNG_SELECT_BOTH);
	if (now.held[PRIV_NET_RAW])
		capng_update(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED,
		    CAP_NET_RAW);
	if (capng_change_id((int)uid, (int)gid,
	    CAPNG_DROP_SUPP_GRP | CAPNG_CLEAR_BOUNDING) != 0) {
		snprintf(err, errlen, "cannot switch to uid %u gid %u",
		    (unsigned)uid, (unsigned)gid);
		return -1;
	}
	return 0;
}
