/*
 * pane_chat.h: main hands the Chat pane the mesh it started (or NULL,
 * with the reason), and how to quit, before the screen starts.
 */
#ifndef UI_PANE_CHAT_H
#define UI_PANE_CHAT_H

struct mesh;

void	 pane_chat_attach(struct mesh *, const char *why_none,
	     void (*quit)(void *), void *arg);

#endif
