/* capture_cli.h: `punchline capture`, the capture engine without the screen. */
#ifndef CAPTURE_CAPTURE_CLI_H
#define CAPTURE_CAPTURE_CLI_H

extern const char capture_cli_usage[];
int	 capture_cli_main(int argc, char **argv);

#endif
