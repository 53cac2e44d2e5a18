/*
 * pane_chat.h: main hands the Chat pane the mesh it started (or NULL,
 * with the reason), how to quit, and how to start a mesh from the pane's
 * own prompt (/room SECRET or /plaintext), before the screen starts.
 */
#ifndef UI_PANE_CHAT_H
#define UI_PANE_CHAT_H

#include <stddef.h>

struct mesh;

/* Starts a mesh: sealed with room, or plaintext when room is NULL;
 * NULL with the reason in why. */
typedef struct mesh *(*chat_start_fn)(void *arg, const char *room, char *why,
    size_t whylen);

void	 pane_chat_attach(struct mesh *, const char *why_none,
	     void (*quit)(void *), chat_start_fn start, void *arg);

#endif
