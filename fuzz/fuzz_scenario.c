/*
 * fuzz_scenario: libFuzzer harness for the scenario reader and the model.
 * The input is a scenario file's bytes (not NUL-terminated, as a reader of
 * (text, len) must accept). Checks that a refusal always says why, that an
 * accepted scenario builds a model or is refused with reasons, and, through
 * the sanitizers, that nothing leaks, overflows or reads out of bounds.
 */
#include "fuzz_common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sortie_scenario *scn = NULL;
    sortie_diag *diag = NULL;
    sortie_status st = sortie_scenario_read_buffer((const char *)data, size, "fuzz.json", &scn, &diag);
    fuzz_check_failure(st, diag);
    FUZZ_REQUIRE((st == SORTIE_OK) == (scn != NULL));
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_EINPUT || st == SORTIE_ENOMEM);
    sortie_diag_free(diag);
    if (!scn)
        return 0;

    sortie_model *model = NULL;
    diag = NULL;
    st = sortie_model_build(scn, &model, &diag);
    fuzz_check_failure(st, diag);
    FUZZ_REQUIRE((st == SORTIE_OK) == (model != NULL));
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_EINPUT || st == SORTIE_EINFEASIBLE || st == SORTIE_ENOMEM);
    sortie_diag_free(diag);
    sortie_model_free(model);
    sortie_scenario_free(scn);
    return 0;
}
