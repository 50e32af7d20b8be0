/*
 * testutil: helpers shared by the unit tests: loading scenarios from text or
 * files, planning, and asserting that a plan passes the independent checker.
 */
#ifndef SORTIE_TESTUTIL_H
#define SORTIE_TESTUTIL_H

#include "sortie.h"

/* Reads a whole file into a new NUL-terminated buffer (free()), or NULL. */
char *tu_read_file(const char *path, size_t *len);

/* Reads a scenario from JSON text; fails the test (printing the errors) if it is invalid. */
sortie_scenario *tu_scenario(const char *json);

/* The built-in 2022 example (sortie_example_json), read; fails the test if it is refused. */
sortie_scenario *tu_example(void);

/* A scenario of `sortie gen` (scale, seed), read; fails the test if it is refused. */
sortie_scenario *tu_generated(sortie_scale scale, uint64_t seed);

/* Builds the model; fails the test (printing the errors) on failure. */
sortie_model *tu_model(const sortie_scenario *scenario);

/* A scenario and its model, as a cmocka group fixture. */
typedef struct {
    sortie_scenario *scenario;
    sortie_model *model;
} tu_fixture;

/* A fixture that takes over `scenario` and holds its model (tu_model); fails the test when out of memory. */
tu_fixture *tu_fixture_new(sortie_scenario *scenario);

/* Frees the tu_fixture in *state: a cmocka group teardown. */
int tu_fixture_teardown(void **state);

/* Fails the test, listing the violations, unless sortie_check finds none. */
void tu_assert_valid(const sortie_model *model, const sortie_plan *plan);

/* Plans the model with params; fails the test (printing the messages)
 * unless that succeeds and the plan passes the checker. The caller frees
 * the plan (sortie_plan_free). */
sortie_plan *tu_plan(const sortie_model *model, const sortie_params *params);

/* Joins all messages of diag with '\n' into a static-size buffer for assertions. */
const char *tu_diag_text(const sortie_diag *diag, char *buf, size_t size);

#endif
