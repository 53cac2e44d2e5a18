/* capture_cli.h: `punchline capture`, the capture engine without the screen. */
#ifndef CAPTURE_CAPTURE_CLI_H
#define CAPTURE_CAPTURE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "ladder.h"

/* What the lab lends the capture (src/main.c fills it from the lab's
 * topology; the capture itself knows nothing of the lab). */
struct capture_lab {
	struct ladder_roles	 roles;	/* --lab's places, the ladder's columns */
	/* The namespace of a lab node ("nat-b" -> "pl-nat-b"); false if
	 * node is none of the lab's. */
	bool			(*netns_of)(const char *node, char *ns,
				     size_t len);
};

extern const char capture_cli_usage[];
int	 capture_cli_main(int argc, char **argv, const struct capture_lab *);

#endif
