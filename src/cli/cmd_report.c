/* cmd_report: placeholder until the subcommand lands. */
#include "cli.h"
#include <stdio.h>

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sortie: 'report' is not built yet\n");
    return 2;
}
