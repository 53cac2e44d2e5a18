/* fuzz_theme.c: theme files come from disk; any bytes must parse or fail. */

#include "fuzz.h"
#include "../../ui/theme.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme t;
	char err[128];

	(void)theme_parse((const char *)data, size, &t, err, sizeof err);
	return 0;
}
