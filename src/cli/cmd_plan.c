/* cmd_plan: placeholder until the subcommand lands. */
#include "cli.h"
#include <stdio.h>

int cmd_plan(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sortie: 'plan' is not built yet\n");
    return 2;
}
