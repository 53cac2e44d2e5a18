/* scan_cli.h: `punchline scan`, the scanner without the screen. */
#ifndef SCAN_SCAN_CLI_H
#define SCAN_SCAN_CLI_H

extern const char scan_cli_usage[];
int	 scan_cli_main(int argc, char **argv);

#endif
