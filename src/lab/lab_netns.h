/* lab_netns.h: the lab's namespaces as the kernel sees them. */
#ifndef LAB_NETNS_H
#define LAB_NETNS_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/strbuf.h"

#define NETNS_RUN_DIR "/run/netns"

bool	 netns_exists(const char *ns);
/* True if this process runs in namespace ns. */
bool	 netns_is_current(const char *ns);
/* SIGTERM, then SIGKILL, to every process in ns but this one; the count. */
int	 netns_kill_all(const char *ns);
/*
 * The addresses in ns but loopback and link-local, "ifname addr/len" one
 * per line (needs
 * CAP_SYS_ADMIN to enter the namespace). Returns 0, or -1 with errno.
 */
int	 netns_addrs(const char *ns, struct strbuf *out);

#endif
