/* cmd_check: placeholder until the subcommand lands. */
#include "cli.h"
#include <stdio.h>

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sortie: 'check' is not built yet\n");
    return 2;
}
