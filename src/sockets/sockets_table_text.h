/*
 * sockets_table_text.h: the last refresh as an ss-like text table
 * (Netid State Recv-Q Send-Q Local Peer Process), for `punchline sockets`
 * without --json.
 */
#ifndef SOCKETS_SOCKETS_TABLE_TEXT_H
#define SOCKETS_SOCKETS_TABLE_TEXT_H

#include <stdio.h>

#include "sock_filter.h"
#include "sockets.h"

void	 sockets_table_text(struct sockets *, const struct sock_filter *,
	     FILE *out);

#endif
