/* lab_cli.h: `punchline lab ...`, the lab's command line. */
#ifndef LAB_LAB_CLI_H
#define LAB_LAB_CLI_H

extern const char lab_cli_usage[];

/* argv[0] is "lab". Returns the exit status. */
int	 lab_cli_main(int argc, char **argv);

#endif
