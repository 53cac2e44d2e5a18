/* trace_cli.h: `punchline trace`, the traceroute without the screen. */
#ifndef TRACE_TRACE_CLI_H
#define TRACE_TRACE_CLI_H

extern const char trace_cli_usage[];
int	 trace_cli_main(int argc, char **argv);

#endif
