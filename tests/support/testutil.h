/*
 * testutil: helpers shared by the unit tests: loading scenarios from text or
 * files, planning, a dispatcher over a scenario, and asserting that a plan
 * (or a schedule's) passes the independent checker.
 */
#ifndef SORTIE_TESTUTIL_H
#define SORTIE_TESTUTIL_H

#include "dispatch.h"
#include "sched.h"
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

/* The plan of schedule s, after the checker passes it (tu_assert_valid);
 * the caller frees it (sortie_plan_free). */
sortie_plan *tu_sched_plan(const sortie_model *model, const sched *s);

/* Fails the test unless schedule s's plan passes the checker. */
void tu_assert_sched_valid(const sortie_model *model, const sched *s);

/* A scenario read from JSON, its model and a dispatcher over it. */
typedef struct {
    sortie_scenario *sc;
    sortie_model *m;
    dispatch *d;
} tu_dispatch_fixture;

/* Opens a tu_dispatch_fixture (tu_scenario, tu_model, dispatch_new); fails the test on failure. */
tu_dispatch_fixture tu_dispatch_open(const char *json);

/* Frees what tu_dispatch_open made. */
void tu_dispatch_close(tu_dispatch_fixture *fx);

/* Plans the model with params; fails the test (printing the messages)
 * unless that succeeds and the plan passes the checker. The caller frees
 * the plan (sortie_plan_free). */
sortie_plan *tu_plan(const sortie_model *model, const sortie_params *params);
/* The closure of the plan sortie_plan_make returns without search (time
 * limit 0: constructions only), checked as tu_plan does. */
minute_t tu_unsearched_closure(const sortie_model *model);

/* Joins all messages of diag with '\n' into a static-size buffer for assertions. */
const char *tu_diag_text(const sortie_diag *diag, char *buf, size_t size);

#endif
