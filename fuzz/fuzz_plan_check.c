/*
 * fuzz_plan_check: libFuzzer harness for the plan reader and the checker.
 * The input is a plan file's bytes; the scenario is fixed (the checker's
 * fixture tests/data/plans/scenario.json, compiled in; fuzz/plan_scenario.json
 * where that is missing). A plan the reader accepts is
 * checked against the scenario (the checker must never crash, whatever the
 * plan names or claims) and written back: write, read, write gives the same
 * text.
 */
#include "fuzz_common.h"

#include <stdint.h>

extern const char fuzz_plan_scenario[];
extern const size_t fuzz_plan_scenario_len;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sortie_scenario *scenario;
static sortie_model *model;

static void load_fixed_scenario(void)
{
    sortie_diag *diag = NULL;
    sortie_status st =
        sortie_scenario_read_buffer(fuzz_plan_scenario, fuzz_plan_scenario_len, "plan_scenario.json", &scenario, &diag);
    for (size_t i = 0; i < sortie_diag_count(diag); i++)
        fprintf(stderr, "fuzz: %s\n", sortie_diag_message(diag, i));
    sortie_diag_free(diag);
    FUZZ_REQUIRE(st == SORTIE_OK);
    st = sortie_model_build(scenario, &model, &diag);
    for (size_t i = 0; i < sortie_diag_count(diag); i++)
        fprintf(stderr, "fuzz: %s\n", sortie_diag_message(diag, i));
    sortie_diag_free(diag);
    FUZZ_REQUIRE(st == SORTIE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model)
        load_fixed_scenario(); /* kept for the whole run; LeakSanitizer ignores it (still reachable) */

    sortie_plan *plan = NULL;
    sortie_diag *diag = NULL;
    sortie_status st = sortie_plan_read_buffer((const char *)data, size, "fuzz-plan.json", &plan, &diag);
    fuzz_check_failure(st, diag);
    FUZZ_REQUIRE((st == SORTIE_OK) == (plan != NULL));
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_EINPUT || st == SORTIE_ENOMEM);
    sortie_diag_free(diag);
    if (!plan)
        return 0;

    sortie_diag *violations = NULL;
    st = sortie_check(model, plan, &violations);
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_ENOMEM);
    fuzz_check_diag(violations);
    sortie_diag_free(violations);

    fuzz_check_round_trip(model, plan);

    char *text = NULL;
    st = sortie_plan_summary_text(model, plan, size & 1, &text);
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_ENOMEM || st == SORTIE_EINPUT);
    sortie_free(text);

    sortie_plan_free(plan);
    return 0;
}
