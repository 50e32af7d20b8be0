/*
 * cmd_check: `sortie check [--json] SCENARIO PLAN`: runs the independent
 * checker and says "valid" (exit 0) or lists every violation on stdout, one
 * per line, then how many (exit 1). Unreadable or invalid files exit 2 with
 * their errors on stderr.
 */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char check_usage[] =
    "usage: sortie check [--json] SCENARIO PLAN\n"
    "Checks PLAN against FORMAT.md's rules 1-11 for SCENARIO.\n"
    "Prints 'valid' and exits 0, or prints each violation on a line of its own,\n"
    "then their number, and exits 1. Unreadable or invalid files exit 2.\n"
    "  --json   print {\"valid\": ..., \"violations\": [...], \"more\": N} instead\n";

/* The result as one JSON object on stdout; false when out of memory. */
static int print_json(const sortie_diag *v)
{
    size_t n = sortie_diag_count(v), more = sortie_diag_dropped(v);
    json_t *list = json_array();
    json_t *doc = json_object();
    int ok = list && doc;
    for (size_t i = 0; ok && i < n; i++)
        ok = json_array_append_new(list, json_string(sortie_diag_message(v, i))) == 0;
    ok = ok && json_object_set_new(doc, "valid", json_boolean(n + more == 0)) == 0;
    ok = ok && json_object_set(doc, "violations", list) == 0;
    ok = ok && json_object_set_new(doc, "more", json_integer((json_int_t)more)) == 0;
    char *text = ok ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_INDENT(2)) : NULL;
    json_decref(list);
    json_decref(doc);
    if (!text)
        return 0;
    puts(text);
    free(text);
    return 1;
}

int cmd_check(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL};
    int n_files = 0, as_json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(check_usage, stdout);
            return 0;
        } else if (strcmp(argv[i], "--json") == 0) {
            as_json = 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sortie: check: unknown option '%s'\n%s", argv[i], check_usage);
            return 2;
        } else if (n_files == 2) {
            fprintf(stderr, "sortie: check: too many arguments\n%s", check_usage);
            return 2;
        } else {
            files[n_files++] = argv[i];
        }
    }
    if (n_files < 2) {
        fprintf(stderr, "sortie: check: needs a scenario and a plan\n%s", check_usage);
        return 2;
    }

    sortie_scenario *scenario = cli_load_scenario(files[0]);
    if (!scenario)
        return 2;
    sortie_model *model = NULL;
    sortie_diag *diag = NULL;
    sortie_status st = sortie_model_build(scenario, &model, &diag);
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        fprintf(stderr, "sortie: check: %s: %s; cannot check a plan against it\n", files[0], sortie_strerror(st));
        sortie_diag_free(diag);
        sortie_scenario_free(scenario);
        return 2;
    }
    sortie_diag_free(diag);

    sortie_plan *plan = NULL;
    st = sortie_plan_read_file(files[1], &plan, &diag);
    if (st != SORTIE_OK) {
        cli_print_diag(diag);
        if (sortie_diag_count(diag) == 0)
            fprintf(stderr, "sortie: %s: %s\n", files[1], sortie_strerror(st));
        sortie_diag_free(diag);
        sortie_model_free(model);
        sortie_scenario_free(scenario);
        return 2;
    }
    sortie_diag_free(diag);

    sortie_diag *violations = NULL;
    st = sortie_check(model, plan, &violations);
    int status;
    if (st != SORTIE_OK) {
        cli_print_diag(violations);
        fprintf(stderr, "sortie: check: %s\n", sortie_strerror(st));
        status = 2;
    } else if (as_json) {
        status = sortie_diag_count(violations) + sortie_diag_dropped(violations) == 0 ? 0 : 1;
        if (!print_json(violations)) {
            fprintf(stderr, "sortie: check: %s\n", sortie_strerror(SORTIE_ENOMEM));
            status = 2;
        }
    } else {
        size_t n = sortie_diag_count(violations), more = sortie_diag_dropped(violations);
        for (size_t i = 0; i < n; i++)
            puts(sortie_diag_message(violations, i));
        if (more > 0)
            printf("... and %zu more\n", more);
        if (n + more == 0)
            puts("valid");
        else
            printf("%zu violation%s\n", n + more, n + more == 1 ? "" : "s");
        status = n + more == 0 ? 0 : 1;
    }
    if (fflush(stdout) != 0)
        status = 2;
    sortie_diag_free(violations);
    sortie_plan_free(plan);
    sortie_model_free(model);
    sortie_scenario_free(scenario);
    return status;
}
