/*
 * fuzz_plan_make: libFuzzer harness for the planner on small scenarios.
 * The input is a scenario file's bytes. Scenarios the reader refuses, and
 * those too big to plan in a few milliseconds, are skipped; the rest are
 * planned with a tiny time limit and the plan must be valid by the
 * independent checker (sortie_check finds no violation), or the planner
 * must refuse with SORTIE_EINFEASIBLE and say why.
 */
#include "fuzz_common.h"

#include "model.h"
#include "scenario.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Limits that keep one run fast. */
#define MAX_REQUIREMENTS 8
#define MAX_AIRFIELDS 8
#define MAX_TAILS 12
#define MAX_ITEMS 60          /* cargo items, all lines of all requirements */
#define MAX_TRIPS 200         /* rough count of loaded legs the plan needs */
#define MAX_HORIZON_H (24.0 * 60)

static int small_enough(const sortie_scenario *s)
{
    if (s->n_requirements > MAX_REQUIREMENTS || s->n_airfields > MAX_AIRFIELDS || s->horizon_h > MAX_HORIZON_H)
        return 0;
    long tails = 0;
    for (size_t i = 0; i < s->n_fleets; i++)
        tails += s->fleets[i].count;
    if (tails > MAX_TAILS)
        return 0;
    long items = 0;
    for (size_t r = 0; r < s->n_requirements; r++)
        for (size_t c = 0; c < s->requirements[r].n_cargo; c++)
            items += s->requirements[r].cargo[c].count;
    return items <= MAX_ITEMS;
}

/* Loaded legs needed if every passenger flew on the roomiest aircraft and each item alone. */
static int few_enough_trips(const sortie_model *m)
{
    double trips = 0;
    for (int r = 0; r < m->n_reqs; r++) {
        const mdl_requirement *q = &m->reqs[r];
        int seats = 0;
        for (int k = 0; k < q->n_fleets; k++) {
            int s = m->types[m->fleets[q->fleets[k]].type].t.seats;
            seats = s > seats ? s : seats;
        }
        if (q->pax > 0)
            trips += seats > 0 ? (double)q->pax / seats + 1 : 1e9;
        for (size_t c = 0; c < q->src->n_cargo; c++)
            trips += q->src->cargo[c].count;
    }
    return trips <= MAX_TRIPS;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sortie_scenario *scn = NULL;
    if (sortie_scenario_read_buffer((const char *)data, size, "fuzz.json", &scn, NULL) != SORTIE_OK)
        return 0;
    sortie_model *model = NULL;
    if (!small_enough(scn) || sortie_model_build(scn, &model, NULL) != SORTIE_OK || !few_enough_trips(model)) {
        sortie_model_free(model);
        sortie_scenario_free(scn);
        return -1; /* not added to the corpus */
    }

    sortie_params params;
    sortie_params_init(&params);
    params.time_limit_s = 0.01;
    params.seed = size;

    sortie_plan *plan = NULL;
    sortie_diag *diag = NULL;
    sortie_status st = sortie_plan_make(model, &params, &plan, &diag);
    fuzz_check_failure(st, diag);
    for (size_t i = 0; st != SORTIE_OK && st != SORTIE_EINFEASIBLE && i < sortie_diag_count(diag); i++)
        fprintf(stderr, "plan_make: %s\n", sortie_diag_message(diag, i));
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_EINFEASIBLE || st == SORTIE_ENOMEM);
    FUZZ_REQUIRE((st == SORTIE_OK) == (plan != NULL));
    sortie_diag_free(diag);

    if (plan) {
        sortie_diag *violations = NULL;
        FUZZ_REQUIRE(sortie_check(model, plan, &violations) == SORTIE_OK);
        for (size_t i = 0; i < sortie_diag_count(violations); i++)
            fprintf(stderr, "planner made an invalid plan: %s\n", sortie_diag_message(violations, i));
        FUZZ_REQUIRE(sortie_diag_count(violations) == 0 && sortie_diag_dropped(violations) == 0);
        sortie_diag_free(violations);

        sortie_summary sum;
        sortie_plan_summary(plan, &sum);
        FUZZ_REQUIRE(sum.lower_bound <= sum.closure);
        FUZZ_REQUIRE(sum.late >= 0 && sum.loaded_legs >= 0);

        fuzz_check_round_trip(model, plan);
        sortie_plan_free(plan);
    }
    sortie_model_free(model);
    sortie_scenario_free(scn);
    return 0;
}
