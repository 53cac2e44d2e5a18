/* sockets_net.c: the routes, interfaces and DNS sub-view (sockets_net.h). */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "sockets_net.h"
#include "theme.h"

static const char *const section_titles[NET_NSECTIONS] = {
	"Routes (* default, every table)", "Policy rules", "Interfaces",
	"DNS",
};

void
sockets_net_clear(struct sockets_net *net)
{
	memset(net->n, 0, sizeof net->n);
	net->error[0] = '\0';
}

void
sockets_net_error(struct sockets_net *net, const char *err)
{
	snprintf(net->error, sizeof net->error, "routes: %s", err);
}

static const char *
val(const struct ev *ev, const char *key)
{
	const char *s = ev_get_str(ev, key);

	return s != NULL && *s ? s : "-";
}

static bool
flag(const struct ev *ev, const char *key)
{
	const struct ev_field *f = ev_find(ev, key);

	return f != NULL && f->type == EV_BOOL && f->v.b;
}

static struct net_line *
add(struct sockets_net *net, enum net_section s)
{
	if (net->n[s] >= NET_LINES)
		return NULL;
	net->lines[s][net->n[s]].highlight = false;
	return &net->lines[s][net->n[s]++];
}

static void
on_route(struct sockets_net *net, const struct ev *ev)
{
	struct net_line *l = add(net, NET_ROUTE);
	const char *gw = ev_get_str(ev, "gateway");

	if (l == NULL)
		return;
	l->highlight = flag(ev, "default");
	snprintf(l->text, sizeof l->text, "%s %-5s %-24s %s%s dev %-8s table %s %s",
	    l->highlight ? "*" : " ", val(ev, "family"),
	    l->highlight ? "default" : val(ev, "dst"),
	    gw != NULL && *gw ? "via " : "", gw != NULL ? gw : "",
	    val(ev, "dev"), val(ev, "table"), val(ev, "type"));
}

static void
on_dns(struct sockets_net *net, const struct ev *ev)
{
	struct net_line *l;

	if ((l = add(net, NET_DNS)) != NULL)
		snprintf(l->text, sizeof l->text, "nameservers %s  search %s  (%s)",
		    val(ev, "nameservers"), val(ev, "search"),
		    val(ev, "resolv_conf"));
	if (flag(ev, "local_stub") && (l = add(net, NET_DNS)) != NULL)
		snprintf(l->text, sizeof l->text, "a local stub: %s; upstream: %s",
		    val(ev, "stub"), val(ev, "upstream"));
	if ((l = add(net, NET_DNS)) != NULL)
		snprintf(l->text, sizeof l->text, "nsswitch hosts: %s",
		    val(ev, "hosts"));
}

void
sockets_net_on_event(struct sockets_net *net, const struct ev *ev)
{
	struct net_line *l;
	const struct ev_field *prio;

	if (strcmp(ev->kind, "route") == 0)
		on_route(net, ev);
	else if (strcmp(ev->kind, "dns") == 0)
		on_dns(net, ev);
	else if (strcmp(ev->kind, "link") == 0 && (l = add(net, NET_LINK)))
		snprintf(l->text, sizeof l->text, "%-12s %-8s mtu %-6lld %s",
		    val(ev, "name"), val(ev, "state"), (long long)(ev_find(ev,
		    "mtu") != NULL ? ev_find(ev, "mtu")->v.i : 0),
		    val(ev, "addrs"));
	else if (strcmp(ev->kind, "rule") == 0 && (l = add(net, NET_RULE))) {
		prio = ev_find(ev, "priority");
		snprintf(l->text, sizeof l->text, "%5lld: %-5s from %s to %s %s %s",
		    (long long)(prio != NULL ? prio->v.i : 0), val(ev, "family"),
		    val(ev, "from"),
		    val(ev, "to"), val(ev, "action"), val(ev, "table"));
	}
}

void
sockets_net_draw(const struct sockets_net *net, WINDOW *win)
{
	int h = getmaxy(win), w = getmaxx(win), y = 0, s, i;

	if (net->error[0] != '\0')
		draw_text(win, y++, 0, w, theme_attr(ROLE_WARNING), net->error);
	for (s = 0; s < NET_NSECTIONS && y < h; s++) {
		draw_text(win, y++, 0, w, theme_attr(ROLE_TITLE),
		    section_titles[s]);
		for (i = 0; i < net->n[s] && y < h; i++)
			draw_text(win, y++, 1, w - 1, theme_attr(
			    net->lines[s][i].highlight ? ROLE_WARNING :
			    ROLE_TEXT), net->lines[s][i].text);
	}
}
