/*
 * test_alloc_fail: makes each allocation in turn fail (the 1st, the 2nd, ...)
 * while sortie reads a small scenario, builds the model, plans, checks the
 * plan and writes it out (JSON, CSV, summary, report, read back), until a
 * run completes without reaching the failure. Every run must end cleanly:
 * each call returns SORTIE_OK or SORTIE_ENOMEM (never another status, never
 * a crash), a failed call hands back no object, and once everything is freed
 * no block allocated during the run is still live.
 *
 * Seen: every allocation by sortie_core (malloc, calloc, realloc,
 * reallocarray, strdup, strndup, through the linker's --wrap; see
 * tests/robust.cmake) and by jansson (json_set_alloc_funcs). Not seen:
 * allocations inside libc, GLPK and PROJ, which are out of scope. jansson's
 * parser reports some of its own allocation failures as syntax errors; the
 * readers must still answer SORTIE_ENOMEM there (a failure message says
 * when the failed allocation was jansson's).
 *
 * The improvement search runs for a wall-clock time (0.02 s here), so runs
 * differ in how many allocations they make: the test goes on until it has
 * passed the most that any run made. When a run makes more than the runs
 * before it (the two-lane search copies schedules each round, more where
 * the machine is faster), the stride grows so that the runs still fit.
 *
 * Every allocation is made to fail in turn, up to SORTIE_ALLOC_FAIL_MAX_RUNS
 * runs (default 8000; tests/robust.cmake sets 6000 in the sanitizer build,
 * where each run is slower). When the pipeline makes more allocations than
 * that, the first 2000 are still each made to fail, and past them every k-th,
 * k chosen so that the runs fit (the test says so).
 * SORTIE_ALLOC_FAIL_STRIDE=k sets k.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "failalloc.h"
#include "sortie.h"

static const char scenario_json[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"alloc-fail\", \"start\": \"2022-03-01T00:00Z\",\n"
    " \"horizon_h\": 120, \"pax_kg\": 100,\n"
    " \"airfields\": [{\"id\": \"A\", \"name\": \"Alpha\", \"lat\": 50.0, \"lon\": 30.0, \"mog\": 2,\n"
    "                  \"hours\": {\"open\": \"05:00\", \"close\": \"23:00\"}},\n"
    "                 {\"id\": \"B\", \"name\": \"Bravo\", \"lat\": 52.0, \"lon\": 21.0}],\n"
    " \"aircraft_types\": [{\"id\": \"T1\", \"payload_kg\": 20000, \"seats\": 90,\n"
    "                       \"hold\": {\"length_m\": 12.0, \"width_m\": 3.0, \"height_m\": 2.6},\n"
    "                       \"cruise_kmh\": 600, \"range_km\": 3000, \"ferry_range_km\": 5000,\n"
    "                       \"taxi_min\": 12, \"ground_min\": 60}],\n"
    " \"fleets\": [{\"id\": \"F1\", \"operator\": \"P\", \"type\": \"T1\", \"count\": 2, \"base\": \"B\"},\n"
    "            {\"id\": \"F2\", \"operator\": \"Q\", \"type\": \"C-130J-30\", \"count\": 1, \"base\": \"B\"}],\n"
    " \"requirements\": [\n"
    "   {\"id\": \"R1\", \"operator\": \"P\", \"from\": \"A\", \"to\": \"B\", \"pax\": 120,\n"
    "    \"cargo\": [{\"name\": \"truck\", \"count\": 2, \"weight_kg\": 7000, \"length_m\": 7.0,\n"
    "               \"width_m\": 2.5, \"height_m\": 2.5}],\n"
    "    \"ready\": \"2022-03-01T04:00Z\", \"due\": \"2022-03-02T12:00Z\", \"priority\": 1, \"carriers\": [\"P\"]},\n"
    "   {\"id\": \"R2\", \"from\": \"A\", \"to\": \"B\", \"pax\": 40, \"priority\": 2,\n"
    "    \"notes\": {\"why\": \"a second requirement on the same route\"}}]}\n";

/* The result of one run: how far it got. */
typedef struct {
    int steps_ok;          /* calls that returned SORTIE_OK */
    int enomem;            /* calls that returned SORTIE_ENOMEM */
    int jansson;           /* calls that said SORTIE_EINPUT when jansson could not allocate */
    const char *enomem_call; /* the call that returned SORTIE_ENOMEM */
    char what[256];        /* first unexpected thing, "" when none */
} outcome;

static void unexpected(outcome *o, const char *fmt, ...)
{
    if (o->what[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->what, sizeof o->what, fmt, ap);
    va_end(ap);
}

/* A call's status: OK goes on, ENOMEM stops cleanly, anything else is a failure of the test. */
static bool step(outcome *o, const char *call, sortie_status st, const void *obj, const sortie_diag *diag)
{
    if (st == SORTIE_OK) {
        if (!obj)
            unexpected(o, "%s: SORTIE_OK without a result", call);
        o->steps_ok++;
        return obj != NULL;
    }
    if (st == SORTIE_ENOMEM) {
        if (obj)
            unexpected(o, "%s: SORTIE_ENOMEM but a result was handed back", call);
        o->enomem++;
        o->enomem_call = call;
        return false;
    }
    /* jansson's parser reports some of its allocation failures as syntax
     * errors; the reader must still tell them apart (it parses twice). */
    if (st == SORTIE_EINPUT && fa_failed_in_jansson())
        o->jansson++;
    unexpected(o, "%s: %s (%s)", call, sortie_strerror(st),
               sortie_diag_count(diag) ? sortie_diag_message(diag, 0) : "no message");
    return false;
}

/* read -> model -> plan -> check -> JSON, CSV, summary, report -> read back. */
static void pipeline(outcome *o)
{
    sortie_scenario *scn = NULL;
    sortie_model *model = NULL;
    sortie_plan *plan = NULL, *again = NULL;
    sortie_diag *diag = NULL, *violations = NULL;
    char *json = NULL, *csv = NULL, *text = NULL, *html = NULL;

    sortie_status st = sortie_scenario_read_buffer(scenario_json, sizeof scenario_json - 1, "alloc.json", &scn, &diag);
    if (!step(o, "sortie_scenario_read_buffer", st, scn, diag))
        goto done;
    sortie_diag_free(diag);
    diag = NULL;

    st = sortie_model_build(scn, &model, &diag);
    if (!step(o, "sortie_model_build", st, model, diag))
        goto done;
    sortie_diag_free(diag);
    diag = NULL;

    sortie_params params;
    sortie_params_init(&params);
    params.time_limit_s = 0.02;
    params.seed = 7;
    st = sortie_plan_make(model, &params, &plan, &diag);
    if (!step(o, "sortie_plan_make", st, plan, diag))
        goto done;
    sortie_diag_free(diag);
    diag = NULL;

    st = sortie_check(model, plan, &violations);
    /* The violations list is the result; on SORTIE_ENOMEM it may still say so, and is freed below. */
    if (!step(o, "sortie_check", st, st == SORTIE_OK ? (void *)plan : NULL, NULL))
        goto done;
    if (sortie_diag_count(violations) > 0)
        unexpected(o, "sortie_check: the plan breaks a rule: %s", sortie_diag_message(violations, 0));

    st = sortie_plan_to_json(plan, &json);
    if (!step(o, "sortie_plan_to_json", st, json, NULL))
        goto done;
    st = sortie_plan_to_csv(model, plan, &csv);
    if (!step(o, "sortie_plan_to_csv", st, csv, NULL))
        goto done;
    st = sortie_plan_summary_text(model, plan, 0, &text);
    if (!step(o, "sortie_plan_summary_text", st, text, NULL))
        goto done;
    sortie_free(text);
    text = NULL;
    st = sortie_plan_summary_text(model, plan, 1, &text);
    if (!step(o, "sortie_plan_summary_text(json)", st, text, NULL))
        goto done;
    st = sortie_report_html(model, plan, &html);
    if (!step(o, "sortie_report_html", st, html, NULL))
        goto done;
    st = sortie_plan_read_buffer(json, strlen(json), "plan.json", &again, &diag);
    if (!step(o, "sortie_plan_read_buffer", st, again, diag))
        goto done;

done:
    sortie_free(html);
    sortie_free(text);
    sortie_free(csv);
    sortie_free(json);
    sortie_plan_free(again);
    sortie_diag_free(violations);
    sortie_diag_free(diag);
    sortie_plan_free(plan);
    sortie_model_free(model);
    sortie_scenario_free(scn);
}

static void test_each_allocation_fails_cleanly(void **state)
{
    (void)state;
    long max_runs = 8000, stride = 0;
    bool stride_given = false;
    const char *env = getenv("SORTIE_ALLOC_FAIL_MAX_RUNS");
    if (env && atol(env) > 2000)
        max_runs = atol(env);
    env = getenv("SORTIE_ALLOC_FAIL_STRIDE");
    if (env && atol(env) > 0) {
        stride = atol(env);
        stride_given = true;
    }

    /* A run with no failure first: the pipeline must work and free everything. */
    outcome clean = {0};
    fa_arm(0);
    pipeline(&clean);
    fa_disarm();
    long total = fa_count();
    if (clean.what[0])
        fail_msg("clean run: %s", clean.what);
    if (clean.enomem)
        fail_msg("clean run: %s returned SORTIE_ENOMEM with no allocation failing", clean.enomem_call);
    if (fa_live() != 0) {
        fa_dump_live(10);
        fail_msg("clean run: %ld blocks (%zu bytes) leaked", fa_live(), fa_live_bytes());
    }
    print_message("clean run: %ld allocations, %d calls\n", total, clean.steps_ok);
    if (stride == 0)
        stride = total <= max_runs ? 1 : (total - 2000) / (max_runs - 2000) + 1;
    if (stride > 1)
        print_message("each of the first 2000 allocations fails in turn, then one in every %ld\n", stride);

    long runs = 0, enomem_runs = 0, recovered = 0, short_runs = 0, most = total;
    for (long n = 1;; n = n < 2000 ? n + 1 : n + stride) {
        outcome o = {0};
        fa_arm(n);
        pipeline(&o);
        fa_disarm();
        runs++;
        if (o.what[0])
            fail_msg("allocation %ld failed%s: %s", n, o.jansson ? " (inside jansson)" : "", o.what);
        if (fa_live() != 0) {
            fa_dump_live(10);
            fail_msg("allocation %ld failed: %ld blocks (%zu bytes) leaked", n, fa_live(), fa_live_bytes());
        }
        if (!fa_failed()) {
            if (o.enomem) /* nothing failed, so nothing may say so */
                fail_msg("run %ld: %s returned SORTIE_ENOMEM with no allocation failing", n, o.enomem_call);
            /* The search runs for a wall-clock time, so runs differ in how many
             * allocations they make: go on up to the most any run made. */
            if (n > most)
                break;
            short_runs++;
            continue;
        }
        if (fa_count() > most) {
            most = fa_count();
            long left = max_runs - runs > 500 ? max_runs - runs : 500;
            if (!stride_given && n >= 2000 && (most - n) / left + 1 > stride)
                stride = (most - n) / left + 1;
        }
        if (o.enomem > 0)
            enomem_runs++;
        else
            recovered++; /* the library worked around the failure and still finished */
        if (n > 10 * most + 100000)
            fail_msg("allocation counts keep growing (%ld runs)", runs);
    }
    print_message("%ld runs: %ld ended in SORTIE_ENOMEM, %ld recovered and finished, %ld ended before "
                  "reaching the failing allocation; at most %ld allocations in a run\n",
                  runs, enomem_runs, recovered, short_runs, most);
}

int main(void)
{
    fa_install_jansson();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_allocation_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
