/* cmd_plan: `sortie plan [SCENARIO] ...`: plans a scenario (the built-in 2022
 * example without one), prints the summary, writes the plan, the movement
 * table and the report on request. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char plan_usage[] =
    "usage: sortie plan [SCENARIO] [options]\n"
    "Plans SCENARIO (the built-in 2022 CSTO withdrawal when none is given) and\n"
    "prints a summary: closure, lower bound and gap, legs, flight hours, late\n"
    "requirements, what binds closure, the busiest airfield, where spots are\n"
    "spent, the delivery that closes the plan, totals per operator.\n"
    "\n"
    "  -o, --output FILE    write the plan (sortie/plan@1 JSON); '-' for standard output\n"
    "      --csv FILE       write the movement table, one row per leg\n"
    "      --html FILE      write the offline HTML report\n"
    "      --seed N         seed of the improvement search (default 1)\n"
    "      --time-limit S   seconds the improvement search may take at most (default 2);\n"
    "                       from 10, on small and medium scenarios it also plans the\n"
    "                       part that closes the plan first, and from 20 it makes one\n"
    "                       more search per 10 s (see --effort)\n"
    "      --effort K       K searches, seeds N to N+K-1, the best kept (K >= 1): better\n"
    "                       plans, the same on every machine; raise --time-limit with it.\n"
    "                       Default 'auto': one search per 10 s of --time-limit, at least\n"
    "                       one; one with --exact\n"
    "      --exact          solve the time-indexed MIP (small scenarios only)\n"
    "      --deep-bound     after the search, also bound each airfield with a MOG alone\n"
    "                       with the time-indexed LP: a truer gap on M, at minutes more\n"
    "      --json           print the summary as JSON\n"
    "  -q, --quiet          print nothing but errors\n"
    "  -h, --help           this help\n"
    "\n"
    "The same scenario, seed and options give the same plan, byte for byte, unless\n"
    "the time limit stops a search early (the summary then says time_limit).\n"
    "Exit status: 0 planned, 1 cannot be planned, 2 usage or input error.\n";

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sortie: plan: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nusage: sortie plan [SCENARIO] [-o PLAN.json] [--csv FILE] [--html FILE] [--seed N] [--time-limit S] "
          "[--effort K|auto] [--exact] [--deep-bound] [--json] [--quiet]; 'sortie plan --help' for more\n",
          stderr);
    return 2;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Progress on a terminal, once planning has taken more than a second. */
static void show_progress(const sortie_progress *p, void *user)
{
    (void)user;
    if (p->elapsed_s < 1.0)
        return;
    double gap = p->bound_min > 0 && p->closure_min > p->bound_min
                     ? (double)p->closure_min / (double)p->bound_min - 1.0
                     : 0.0;
    fprintf(stderr, "sortie: %6.1f s  closure %.2f d  bound %.2f d  gap %.1f%%\n", p->elapsed_s,
            (double)p->closure_min / 1440.0, (double)p->bound_min / 1440.0, gap * 100.0);
}

static int parse_u64(const char *text, uint64_t *out)
{
    if (!text[0] || text[0] == '-')
        return 0;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || *end)
        return 0;
    *out = (uint64_t)v;
    return 1;
}

static int parse_seconds(const char *text, double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !(v >= 0) || v > 1e7)
        return 0;
    *out = v;
    return 1;
}

int cmd_plan(int argc, char **argv)
{
    const char *scenario_path = NULL, *out_path = NULL, *csv_path = NULL, *html_path = NULL;
    int as_json = 0, quiet = 0, options_done = 0;
    sortie_params params;
    sortie_params_init(&params);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
#define TAKES_VALUE(name)                                                                                              \
    (strcmp(a, name) == 0 ? (i + 1 < argc ? (value = argv[++i], 1) : -1)                                              \
                          : (strncmp(a, name "=", sizeof(name)) == 0 ? (value = a + sizeof(name), 1) : 0))
        int r;
        if (options_done || a[0] != '-' || a[1] == '\0') {
            if (scenario_path)
                return usage_error("unexpected argument '%s' (one scenario at most)", a);
            scenario_path = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(plan_usage, stdout);
            return 0;
        } else if ((r = TAKES_VALUE("-o")) != 0 || (r = TAKES_VALUE("--output")) != 0) {
            if (r < 0 || !value[0])
                return usage_error("%s needs a file name", a);
            out_path = value;
        } else if ((r = TAKES_VALUE("--csv")) != 0) {
            if (r < 0 || !value[0])
                return usage_error("%s needs a file name", a);
            csv_path = value;
        } else if ((r = TAKES_VALUE("--html")) != 0) {
            if (r < 0 || !value[0])
                return usage_error("%s needs a file name", a);
            html_path = value;
        } else if ((r = TAKES_VALUE("--seed")) != 0) {
            if (r < 0 || !parse_u64(value, &params.seed))
                return usage_error("--seed needs a non-negative integer%s%s%s", r < 0 ? "" : ", got '",
                                   r < 0 ? "" : value, r < 0 ? "" : "'");
        } else if ((r = TAKES_VALUE("--time-limit")) != 0) {
            if (r < 0 || !parse_seconds(value, &params.time_limit_s))
                return usage_error("--time-limit needs seconds (a non-negative number)%s%s%s", r < 0 ? "" : ", got '",
                                   r < 0 ? "" : value, r < 0 ? "" : "'");
        } else if ((r = TAKES_VALUE("--effort")) != 0) {
            if (r > 0 && strcmp(value, "auto") == 0)
                params.effort = 0;
            else if (r < 0 || !parse_seconds(value, &params.effort) || params.effort < 1)
                return usage_error("--effort needs a number of at least 1 (times the default search) or 'auto'%s%s%s",
                                   r < 0 ? "" : ", got '", r < 0 ? "" : value, r < 0 ? "" : "'");
        } else if (strcmp(a, "--exact") == 0) {
            params.exact = 1;
        } else if (strcmp(a, "--deep-bound") == 0) {
            params.deep_bound = 1;
        } else if (strcmp(a, "--json") == 0) {
            as_json = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = 1;
        } else {
            return usage_error("unknown option '%s'", a);
        }
#undef TAKES_VALUE
    }

    double t0 = now_s();
    sortie_scenario *scenario = cli_load_scenario(scenario_path);
    if (!scenario)
        return 2;
    const char *name = scenario_path ? scenario_path : SORTIE_EXAMPLE_NAME;
    int status = 2;
    sortie_model *model = NULL;
    sortie_plan *plan = NULL;
    sortie_diag *diag = NULL;
    char *json = NULL, *csv = NULL, *html = NULL, *summary = NULL;

    sortie_status st = sortie_model_build(scenario, &model, &diag);
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        if (sortie_diag_count(diag) == 0)
            fprintf(stderr, "sortie: %s: %s\n", name, sortie_strerror(st));
        status = st == SORTIE_EINFEASIBLE ? 1 : 2;
        goto done;
    }
    sortie_diag_free(diag);
    diag = NULL;

    if (!quiet && isatty(STDERR_FILENO))
        params.progress = show_progress;
    st = sortie_plan_make(model, &params, &plan, &diag);
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        fprintf(stderr, "sortie: %s: %s\n", name, sortie_strerror(st));
        status = 1;
        goto done;
    }
    /* A plan with notes (exact mode refused, say): say them, plan anyway. */
    if (!quiet)
        for (size_t i = 0; i < sortie_diag_count(diag); i++)
            fprintf(stderr, "sortie: warning: %s\n", sortie_diag_message(diag, i));
    double seconds = now_s() - t0;

    /* Every output is made in memory first: nothing is written unless all of it exists. */
    sortie_diag *violations = NULL;
    st = sortie_check(model, plan, &violations);
    if (st != SORTIE_OK || sortie_diag_count(violations) > 0) {
        cli_print_diag(violations);
        fprintf(stderr, "sortie: internal error: the plan for %s does not pass the checker%s%s\n", name,
                st != SORTIE_OK ? ": " : "", st != SORTIE_OK ? sortie_strerror(st) : "");
        sortie_diag_free(violations);
        status = 1;
        goto done;
    }
    sortie_diag_free(violations);
    if (out_path && (st = sortie_plan_to_json(plan, &json)) != SORTIE_OK) {
        fprintf(stderr, "sortie: cannot write the plan: %s\n", sortie_strerror(st));
        goto done;
    }
    if (csv_path && (st = sortie_plan_to_csv(model, plan, &csv)) != SORTIE_OK) {
        fprintf(stderr, "sortie: cannot write the movement table: %s\n", sortie_strerror(st));
        goto done;
    }
    if (html_path && (st = sortie_report_html(model, plan, &html)) != SORTIE_OK) {
        fprintf(stderr, "sortie: cannot make the report: %s\n", sortie_strerror(st));
        goto done;
    }
    if (!quiet && (st = sortie_plan_summary_text(model, plan, as_json, &summary)) != SORTIE_OK) {
        fprintf(stderr, "sortie: cannot make the summary: %s\n", sortie_strerror(st));
        goto done;
    }
    if ((out_path && !cli_write_file(out_path, json)) || (csv_path && !cli_write_file(csv_path, csv)) ||
        (html_path && !cli_write_file(html_path, html)))
        goto done;
    if (summary) {
        /* A plan going to standard output keeps it for itself. */
        int to_stdout = (out_path && strcmp(out_path, "-") == 0) || (csv_path && strcmp(csv_path, "-") == 0) ||
                        (html_path && strcmp(html_path, "-") == 0);
        FILE *where = to_stdout ? stderr : stdout;
        fputs(summary, where);
        if (!as_json) {
            /* The effort, when above 1: what the time may have gone on. */
            double effort = sortie_params_effort(&params);
            fprintf(where, "time          %.2f s", seconds);
            if (effort > 1)
                fprintf(where, " (effort %g)", effort);
            fputc('\n', where);
        }
        fflush(where);
    }
    status = 0;
done:
    sortie_free(json);
    sortie_free(csv);
    sortie_free(html);
    sortie_free(summary);
    sortie_diag_free(diag);
    sortie_plan_free(plan);
    sortie_model_free(model);
    sortie_scenario_free(scenario);
    return status;
}
