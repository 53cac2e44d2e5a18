/*
 * assets.h: finding and reading punchline's data files (themes, tables).
 * Looked up in $PUNCHLINE_ASSETS, then assets/ beside the binary (a build
 * tree), then the installed data directory.
 */
#ifndef CORE_ASSETS_H
#define CORE_ASSETS_H

#include <stddef.h>

/* The whole file, NUL-terminated, in a malloc'd buffer; NULL with errno. */
char	*assets_read(const char *relpath, size_t *len);
/* Where relpath was found, for messages (static buffer). */
const char *assets_path(const char *relpath);

#endif
