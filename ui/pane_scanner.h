/*
 * pane_scanner.h: main hands the Scanner pane the loop and the event log
 * its scans run on, before the screen starts.
 */
#ifndef UI_PANE_SCANNER_H
#define UI_PANE_SCANNER_H

struct loop;
struct evlog;

void	 pane_scanner_attach(struct loop *, struct evlog *);

#endif
