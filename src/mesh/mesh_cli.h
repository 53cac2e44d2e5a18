/* mesh_cli.h: `punchline chat`, the mesh without the screen. */
#ifndef MESH_MESH_CLI_H
#define MESH_MESH_CLI_H

extern const char mesh_cli_usage[];

/* argv[0] is "chat". Returns the exit status. */
int	 mesh_cli_main(int argc, char **argv);

#endif
