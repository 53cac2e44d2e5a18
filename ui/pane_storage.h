/*
 * pane_storage.h: main hands the Storage view the loop and the event log
 * its stores run on, before the screen starts.
 */
#ifndef UI_PANE_STORAGE_H
#define UI_PANE_STORAGE_H

struct loop;
struct evlog;

void	 pane_storage_attach(struct loop *, struct evlog *);

#endif
