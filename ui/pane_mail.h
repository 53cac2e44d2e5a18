/*
 * pane_mail.h: main hands the Mail view the loop and the event log its
 * sessions run on, before the screen starts.
 */
#ifndef UI_PANE_MAIL_H
#define UI_PANE_MAIL_H

struct loop;
struct evlog;

void	 pane_mail_attach(struct loop *, struct evlog *);

#endif
