/*
 * pane_capture.h: main hands the Capture pane the loop its capture runs
 * on and the event log it reports into, and what to open at the start
 * (--capture-iface, --capture-filter, --capture-file), before the screen
 * starts.
 */
#ifndef UI_PANE_CAPTURE_H
#define UI_PANE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>

#define PANE_CAPTURE_MAX_IFS	8

struct loop;
struct evlog;
struct capture;
struct ladder_roles;

/* The strings must outlive the pane (argv does). */
struct pane_capture_source {
	const char	*ifname[PANE_CAPTURE_MAX_IFS];	/* none: "any" */
	size_t		 nif;
	const char	*filter;	/* NULL: none */
	const char	*file;		/* read this instead of capturing */
	bool		 start;		/* capture live from the start */
};

void	 pane_capture_attach(struct loop *, struct evlog *);
void	 pane_capture_source(const struct pane_capture_source *);
/* Called when packets came (the screen then draws a frame soon, at most
 * its frame rate), so the list moves while they flow. */
void	 pane_capture_on_change(void (*fn)(void *), void *arg);
/* --capture-lab: handles main opened (privileged) in the lab's
 * namespaces, and the roles they watch; the pane starts them at once,
 * owns them, and draws their ladder with a column per role. */
void	 pane_capture_attach_lab(const struct ladder_roles *,
	     struct capture **, size_t n);

#endif
