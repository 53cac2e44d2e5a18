/*
 * lab_rules.h: the nftables rule sets of the lab, as text for `nft -f -`.
 * Each set first creates and deletes its table, so loading it again
 * replaces the old one: that is what makes `lab up` idempotent.
 */
#ifndef LAB_RULES_H
#define LAB_RULES_H

#include "../core/strbuf.h"

enum lab_nat_mode { LAB_NAT_CONE, LAB_NAT_SYMMETRIC };

#define LAB_NAT_TABLE	"pl_nat"
#define LAB_LOSS_TABLE	"pl_loss"

const char	*lab_nat_mode_name(enum lab_nat_mode);
int		 lab_nat_mode_parse(const char *, enum lab_nat_mode *);
/*
 * A home router: MASQUERADE out of wan (fully-random ports for a symmetric
 * NAT), forward lan to wan and replies back, drop anything unsolicited
 * that arrives on wan, for the router itself or the LAN behind it.
 */
void		 lab_rules_nat(struct strbuf *, const char *lan, const char *wan,
		     enum lab_nat_mode);
/* Drops pct% of packets both ways on ifname; pct 0 removes the table. */
void		 lab_rules_loss(struct strbuf *, const char *ifname, int pct);

#endif
