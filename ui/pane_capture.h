/*
 * pane_capture.h: main hands the Capture pane the loop its live capture
 * runs on and the event log it reports into, before the screen starts.
 */
#ifndef UI_PANE_CAPTURE_H
#define UI_PANE_CAPTURE_H

struct loop;
struct evlog;

void	 pane_capture_attach(struct loop *, struct evlog *);

#endif
