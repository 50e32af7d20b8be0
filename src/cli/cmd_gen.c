/* cmd_gen: placeholder until the subcommand lands. */
#include "cli.h"
#include <stdio.h>

int cmd_gen(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sortie: 'gen' is not built yet\n");
    return 2;
}
