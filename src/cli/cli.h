/*
 * cli: the `sortie` command. Argument parsing and printing only; all work is
 * done by the library through include/sortie.h. Each subcommand lives in
 * its own cmd_<name>.c and returns the process exit status:
 * 0 success, 1 no valid plan / check failed, 2 usage or input error.
 */
#ifndef SORTIE_CLI_H
#define SORTIE_CLI_H

#include "sortie.h"

int cmd_types(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_gen(int argc, char **argv);

/* Prints every message of diag to stderr as "sortie: MESSAGE", then notes how
 * many were left out. Frees nothing. */
void cli_print_diag(const sortie_diag *diag);

/* Reads a scenario from path, or the built-in example when path is NULL;
 * on failure prints the errors and returns NULL. */
sortie_scenario *cli_load_scenario(const char *path);

/* Writes text to path ("-" for stdout); prints an error and returns false on failure. */
int cli_write_file(const char *path, const char *text);

#endif
