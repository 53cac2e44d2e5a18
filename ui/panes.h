/* panes.h: the registry of panes, in screen order. */
#ifndef UI_PANES_H
#define UI_PANES_H

#include <stddef.h>

struct pane_ops;

extern const struct pane_ops *const panes_all[];
extern const size_t panes_count;
/* Views: panes shown in place of the focused pane on a key (F8 ...). */
extern const struct pane_ops *const views_all[];
extern const size_t views_count;

#endif
