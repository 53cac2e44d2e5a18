/*
 * pane_trace.h: main hands the Trace view the loop and the event log its
 * traces run on, before the screen starts.
 */
#ifndef UI_PANE_TRACE_H
#define UI_PANE_TRACE_H

struct loop;
struct evlog;

void	 pane_trace_attach(struct loop *, struct evlog *);

#endif
