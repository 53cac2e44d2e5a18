/* panes.h: the registry of panes, in screen order. */
#ifndef UI_PANES_H
#define UI_PANES_H

#include <stddef.h>

struct pane_ops;

extern const struct pane_ops *const panes_all[];
extern const size_t panes_count;

#endif
