/*
 * routes_tables.c: routing table names from rt_tables, read once and
 * kept (a small local file; the parser is protocols/rttables.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "../../protocols/rttables.h"
#include "routes_int.h"

#define RT_TABLES_MAX	(64 * 1024)

static char	*tables_text;
static size_t	 tables_len;
static int	 tables_read;

static void
read_tables(void)
{
	const char *paths[] = { getenv("PUNCHLINE_RT_TABLES"),
	    "/etc/iproute2/rt_tables", "/usr/share/iproute2/rt_tables" };
	size_t i;
	FILE *f;

	tables_read = 1;
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		if (paths[i] == NULL || (f = fopen(paths[i], "re")) == NULL)
			continue;
		if ((tables_text = malloc(RT_TABLES_MAX)) != NULL)
			tables_len = fread(tables_text, 1, RT_TABLES_MAX, f);
		fclose(f);
		return;
	}
}

void
routes_table_name(uint32_t table, char *buf, size_t len)
{
	if (!tables_read)
		read_tables();
	if (tables_text == NULL ||
	    !rttables_lookup(tables_text, tables_len, table, buf, len))
		snprintf(buf, len, "%u", table);
}
