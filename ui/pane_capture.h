/*
 * pane_capture.h: main hands the Capture pane the loop its live capture
 * runs on and the event log it reports into, before the screen starts.
 */
#ifndef UI_PANE_CAPTURE_H
#define UI_PANE_CAPTURE_H

#include <stddef.h>

struct loop;
struct evlog;
struct capture;
struct ladder_roles;

void	 pane_capture_attach(struct loop *, struct evlog *);
/* --capture-lab: handles main opened (privileged) in the lab's
 * namespaces, and the roles they watch; the pane starts them at once,
 * owns them, and draws their ladder with a column per role. */
void	 pane_capture_attach_lab(const struct ladder_roles *,
	     struct capture **, size_t n);

#endif
