/*
 * main: the `sortie` command's entry point: picks the subcommand, prints
 * help, and holds the small helpers every subcommand shares (cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: sortie COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  plan [SCENARIO]        plan a scenario (the built-in 2022 example without one)\n"
    "  check SCENARIO PLAN    validate a plan against FORMAT.md's rules\n"
    "  types [--json]         list the built-in aircraft catalog\n"
    "  report SCENARIO PLAN   write the plan's HTML report\n"
    "  gen --scale S|M|L      generate a realistic scenario\n"
    "\n"
    "Run 'sortie COMMAND --help' for a command's options.\n"
    "Exit status: 0 success, 1 no valid plan or check failed, 2 usage or input error.\n";

void cli_print_diag(const sortie_diag *diag)
{
    size_t n = sortie_diag_count(diag);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "sortie: %s\n", sortie_diag_message(diag, i));
    if (sortie_diag_dropped(diag) > 0)
        fprintf(stderr, "sortie: ... and %zu more\n", sortie_diag_dropped(diag));
}

sortie_scenario *cli_load_scenario(const char *path)
{
    sortie_scenario *scenario = NULL;
    sortie_diag *diag = NULL;
    sortie_status st;
    if (path) {
        st = sortie_scenario_read_file(path, &scenario, &diag);
    } else {
        size_t len = 0;
        const char *text = sortie_example_json(&len);
        st = sortie_scenario_read_buffer(text, len, SORTIE_EXAMPLE_NAME, &scenario, &diag);
    }
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        if (sortie_diag_count(diag) == 0)
            fprintf(stderr, "sortie: %s: %s\n", path ? path : SORTIE_EXAMPLE_NAME, sortie_strerror(st));
    }
    sortie_diag_free(diag);
    return scenario;
}

int cli_write_file(const char *path, const char *text)
{
    if (strcmp(path, "-") == 0) {
        fputs(text, stdout);
        return fflush(stdout) == 0;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "sortie: %s: cannot write: %s\n", path, strerror(errno));
        return 0;
    }
    size_t len = strlen(text);
    int ok = fwrite(text, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    if (!ok)
        fprintf(stderr, "sortie: %s: write failed: %s\n", path, strerror(errno));
    return ok;
}

int main(int argc, char **argv)
{
    /* A closed pipe (sortie plan | head) ends the program quietly. */
    signal(SIGPIPE, SIG_DFL);
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        puts("sortie 0.1.0");
        return 0;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {
        {"plan", cmd_plan}, {"check", cmd_check}, {"types", cmd_types}, {"report", cmd_report}, {"gen", cmd_gen},
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "sortie: unknown command '%s'\n%s", cmd, usage);
    return 2;
}
