/*
 * sockets_net.h: the Sockets pane's routes sub-view: interfaces with their
 * addresses and state, routes of every table (the default routes marked
 * and highlighted), policy rules summarised, and how names resolve; made
 * from the routes and dns engines' events.
 */
#ifndef UI_SOCKETS_NET_H
#define UI_SOCKETS_NET_H

#include <stdbool.h>
#include <curses.h>

#include "../src/core/evlog.h"

#define NET_LINES	512
#define NET_LINE_MAX	256

enum net_section { NET_ROUTE, NET_RULE, NET_LINK, NET_DNS, NET_NSECTIONS };

struct net_line {
	char		 text[NET_LINE_MAX];
	bool		 highlight;
};

struct sockets_net {
	struct net_line	 lines[NET_NSECTIONS][NET_LINES];
	int		 n[NET_NSECTIONS];
	char		 error[200];
};

void	 sockets_net_clear(struct sockets_net *);
void	 sockets_net_error(struct sockets_net *, const char *);
void	 sockets_net_on_event(struct sockets_net *, const struct ev *);
void	 sockets_net_draw(const struct sockets_net *, WINDOW *);

#endif
