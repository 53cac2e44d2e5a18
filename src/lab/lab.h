/*
 * lab.h: the NAT lab, a small internet made of network namespaces.
 * Everything it does is reported as events of engine "lab" into the log.
 * Setting up and tearing down run external commands (ip, nft, sysctl) and
 * block, so they belong to the `punchline lab` command, not the loop.
 */
#ifndef LAB_LAB_H
#define LAB_LAB_H

#include <stdbool.h>
#include <stddef.h>

#include "lab_rules.h"

struct evlog;

#define LAB_MAX_LOSS 16

struct lab_loss {
	const char	*node;
	int		 pct;
};

struct lab_options {
	enum lab_nat_mode nat_a, nat_b;
	struct lab_loss	 loss[LAB_MAX_LOSS];
	size_t		 nloss;
};

void		 lab_options_init(struct lab_options *);
/* "alice=20" into opts; -1 with a reason in err. */
int		 lab_options_add_loss(struct lab_options *, const char *spec,
		     char *err, size_t errlen);

int		 lab_up(const struct lab_options *, struct evlog *);
int		 lab_down(struct evlog *);
/* One "node" event per node, then a "status" event. */
int		 lab_status(struct evlog *);
/* Every namespace of the lab exists. */
bool		 lab_is_up(void);
/* The node this process runs in, or NULL. */
const char	*lab_current_node(void);
/* The node's main IPv4 address as the kernel has it, in buf; -1 if the
 * node is unknown, down, or cannot be looked into (not root). */
int		 lab_node_addr(const char *node, char *buf, size_t len);
/* Runs argv inside node; returns only on failure. */
int		 lab_exec(const char *node, char *const argv[]);

#endif
