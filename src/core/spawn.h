/*
 * spawn.h: run a program and wait for it. This blocks, so it is for
 * one-shot command-line work (the lab's set-up), never inside the loop.
 */
#ifndef CORE_SPAWN_H
#define CORE_SPAWN_H

#include "strbuf.h"

/*
 * Runs argv[0] (PATH search) with input on its stdin (NULL: /dev/null) and,
 * when output is not NULL, collects its stdout there; stderr is left
 * alone. With quiet, stderr goes to /dev/null. Returns the exit status,
 * or -1 if it could not run or was killed.
 */
int	 spawn_wait(char *const argv[], const char *input, struct strbuf *output,
	     int quiet);

#endif
