/* cmd_report: `sortie report SCENARIO PLAN -o report.html`: the plan's offline HTML report. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char report_usage[] =
    "usage: sortie report SCENARIO PLAN [-o REPORT.html]\n"
    "Writes one self-contained HTML file (map, closure curve, Gantt chart, ground\n"
    "occupancy, manifests, summary) for a plan of the scenario; it opens offline.\n"
    "\n"
    "  -o, --output FILE   where the report goes; '-' or no -o: standard output\n"
    "  -h, --help          this help\n"
    "\n"
    "A plan that breaks the scenario's rules still gets a report, with a warning;\n"
    "'sortie check SCENARIO PLAN' lists what it breaks.\n";

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sortie: report: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nusage: sortie report SCENARIO PLAN [-o REPORT.html]; 'sortie report --help' for more\n", stderr);
    return 2;
}

/* Tells the user when the plan breaks rules; the report is written anyway. */
static void warn_if_invalid(const sortie_model *model, const sortie_plan *plan, const char *plan_path)
{
    sortie_diag *violations = NULL;
    if (sortie_check(model, plan, &violations) == SORTIE_OK) {
        size_t n = sortie_diag_count(violations) + sortie_diag_dropped(violations);
        if (n > 0)
            fprintf(stderr, "sortie: warning: %s breaks %zu rule%s of the scenario; run 'sortie check' for the list\n",
                    plan_path, n, n == 1 ? "" : "s");
    }
    sortie_diag_free(violations);
}

int cmd_report(int argc, char **argv)
{
    const char *paths[2] = {NULL, NULL};
    int n_paths = 0;
    const char *output = "-";
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            fputs(report_usage, stdout);
            return 0;
        } else if (!options_done && (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)) {
            if (i + 1 >= argc)
                return usage_error("%s needs a file name", a);
            output = argv[++i];
        } else if (!options_done && strncmp(a, "--output=", 9) == 0) {
            output = a + 9;
        } else if (!options_done && strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else if (n_paths < 2) {
            paths[n_paths++] = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
    }
    if (n_paths < 2)
        return usage_error("%s", n_paths == 0 ? "needs a scenario and a plan" : "needs a plan after the scenario");
    if (output[0] == '\0')
        return usage_error("%s", "the output file name is empty");

    int status = 2;
    sortie_scenario *scenario = cli_load_scenario(paths[0]);
    sortie_model *model = NULL;
    sortie_plan *plan = NULL;
    sortie_diag *diag = NULL;
    char *html = NULL;
    if (!scenario)
        goto done;
    sortie_status st = sortie_model_build(scenario, &model, &diag);
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        fprintf(stderr, "sortie: %s: %s\n", paths[0], sortie_strerror(st));
        goto done;
    }
    sortie_diag_free(diag);
    diag = NULL;
    st = sortie_plan_read_file(paths[1], &plan, &diag);
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        if (sortie_diag_count(diag) == 0)
            fprintf(stderr, "sortie: %s: %s\n", paths[1], sortie_strerror(st));
        goto done;
    }
    warn_if_invalid(model, plan, paths[1]);
    st = sortie_report_html(model, plan, &html);
    if (st != SORTIE_OK) {
        fprintf(stderr, "sortie: report: %s\n", sortie_strerror(st));
        goto done;
    }
    if (cli_write_file(output, html))
        status = 0;
done:
    sortie_free(html);
    sortie_diag_free(diag);
    sortie_plan_free(plan);
    sortie_model_free(model);
    sortie_scenario_free(scenario);
    return status;
}
