/*
 * priv.h: which network privileges we hold, and dropping the rest.
 *
 * Like tcpdump and mtr: open what needs privilege first, then switch to the
 * invoking user (SUDO_UID/SUDO_GID, or -Z USER) keeping only CAP_NET_RAW, so
 * a capture or raw scan started later still works and nothing else runs as
 * root. This is the only file that calls the capability API.
 */
#ifndef CORE_PRIV_H
#define CORE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

enum priv_cap { PRIV_NET_RAW, PRIV_NET_ADMIN, PRIV_NCAPS };

struct privs {
	bool	 held[PRIV_NCAPS];
	uid_t	 uid;
	gid_t	 gid;
};

void		 priv_probe(struct privs *);
const char	*priv_cap_name(enum priv_cap);
/* The status-bar summary, e.g. "root", "net_raw" or "user". */
const char	*priv_summary(const struct privs *);
/*
 * Explains what is missing: "<what> needs CAP_NET_RAW; grant it with: ...".
 * Returns true (and leaves msg empty) when the capability is held.
 */
bool		 priv_require(const struct privs *, enum priv_cap,
		     const char *what, char *msg, size_t len);
/*
 * Switches to user (a name), or to SUDO_UID/SUDO_GID when user is NULL,
 * keeping CAP_NET_RAW if it was held. Does nothing when there is no one to
 * switch to. Returns 0, or -1 with a reason in err.
 */
int		 priv_drop(const char *user, char *err, size_t errlen);

#endif
