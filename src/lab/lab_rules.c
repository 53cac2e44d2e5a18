/* lab_rules.c: nftables text for the lab's NAT routers and lossy links. */
#include <string.h>

#include "lab_rules.h"

const char *
lab_nat_mode_name(enum lab_nat_mode mode)
{
	return mode == LAB_NAT_SYMMETRIC ? "symmetric" : "cone";
}

int
lab_nat_mode_parse(const char *s, enum lab_nat_mode *mode)
{
	if (strcmp(s, "cone") == 0)
		*mode = LAB_NAT_CONE;
	else if (strcmp(s, "symmetric") == 0)
		*mode = LAB_NAT_SYMMETRIC;
	else
		return -1;
	return 0;
}

static void
replace_table(struct strbuf *sb, const char *family, const char *table)
{
	sb_printf(sb, "table %s %s {}\ndelete table %s %s\n", family, table,
	    family, table);
}

void
lab_rules_nat(struct strbuf *sb, const char *lan, const char *wan,
    enum lab_nat_mode mode)
{
	replace_table(sb, "inet", LAB_NAT_TABLE);
	sb_printf(sb, "table inet %s {\n", LAB_NAT_TABLE);
	/* Linux keeps the source port when it can: one mapping for every
	 * destination, so the router behaves as a port-restricted cone.
	 * fully-random picks a new port per flow: a symmetric NAT. */
	sb_printf(sb,
	    "  chain postrouting {\n"
	    "    type nat hook postrouting priority srcnat;\n"
	    "    oifname \"%s\" meta nfproto ipv4 masquerade%s\n"
	    "  }\n", wan, mode == LAB_NAT_SYMMETRIC ? " fully-random" : "");
	sb_printf(sb,
	    "  chain forward {\n"
	    "    type filter hook forward priority filter; policy drop;\n"
	    "    ct state established,related accept\n"
	    "    iifname \"%s\" oifname \"%s\" accept\n"
	    "    counter comment \"unsolicited from wan\"\n"
	    "  }\n", lan, wan);
	sb_printf(sb,
	    "  chain input {\n"
	    "    type filter hook input priority filter; policy accept;\n"
	    "    iifname \"%s\" ct state established,related accept\n"
	    "    iifname \"%s\" meta l4proto ipv6-icmp accept\n"
	    "    iifname \"%s\" counter drop comment \"unsolicited to router\"\n"
	    "  }\n}\n", wan, wan, wan);
}

void
lab_rules_loss(struct strbuf *sb, const char *ifname, int pct)
{
	replace_table(sb, "inet", LAB_LOSS_TABLE);
	if (pct <= 0)
		return;
	/* Before conntrack on the way in, after everything on the way out. */
	sb_printf(sb,
	    "table inet %s {\n"
	    "  chain in {\n"
	    "    type filter hook prerouting priority -300;\n"
	    "    iifname \"%s\" numgen random mod 100 < %d counter drop\n"
	    "  }\n"
	    "  chain out {\n"
	    "    type filter hook postrouting priority 300;\n"
	    "    oifname \"%s\" numgen random mod 100 < %d counter drop\n"
	    "  }\n}\n", LAB_LOSS_TABLE, ifname, pct, ifname, pct);
}
