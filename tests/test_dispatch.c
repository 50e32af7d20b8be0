/* test_dispatch: the constructive planner's patient and strict modes. At a MOG-1
 * origin two C-17-like aircraft (40 t a stay) and eight small ones (10 t a
 * stay) share one parking spot: every stay costs the spot an hour whatever
 * it brings, so the small ones should only fly what the big ones leave.
 * The patient construction (DISPATCH_PATIENT_WAITS) does that and closes
 * earlier than the ordinary one; the planner keeps the better of the two.
 * The strict mode never flies a small one there for a requirement the big
 * ones may carry, but still flies one for a requirement only it may. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "model.h"
#include "plan.h"
#include "testutil.h"

static const char spot_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"patient\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"BIG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60},"
    "  {\"id\": \"SMALL\", \"payload_kg\": 10000, \"seats\": 10, \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 8, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* The same, with a second operator's two small aircraft the only carriers of R2. */
static const char strict_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"strict\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"BIG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60},"
    "  {\"id\": \"SMALL\", \"payload_kg\": 10000, \"seats\": 10, \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 8, \"base\": \"B\"},"
    "            {\"id\": \"FY\", \"operator\": \"Y\", \"type\": \"SMALL\", \"count\": 2, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"operator\": \"X\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"X\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"R2\", \"operator\": \"Y\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"Y\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 4, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* Stays that the small type makes at the MOG airfield O (index 1). */
static int small_stays_at_origin(const sched *s)
{
    int n = 0;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++)
            n += s->tails[t].legs[i].from == 1 && s->tails[t].legs[i].load >= 0 &&
                 s->m->fleets[s->m->tails[t].fleet].type == 1;
    return n;
}

static void assert_sched_valid(const sortie_model *m, const sched *s)
{
    sortie_plan *p = NULL;
    assert_int_equal(sched_to_plan(s, &p), SORTIE_OK);
    tu_assert_valid(m, p);
    sortie_plan_free(p);
}

static void test_patient_keeps_the_spot_for_big_loads(void **state)
{
    (void)state;
    sortie_scenario *sc = tu_scenario(spot_scenario);
    sortie_model *m = tu_model(sc);
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *plain = NULL, *patient = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &plain), SORTIE_OK);
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_PATIENT_WAITS);
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &patient), SORTIE_OK);
    assert_sched_valid(m, plain);
    assert_sched_valid(m, patient);
    assert_true(sched_closure(patient) < sched_closure(plain));
    assert_true(small_stays_at_origin(patient) < small_stays_at_origin(plain));

    /* The planner (no search) keeps the patient one. */
    sortie_params params;
    sortie_params_init(&params);
    params.time_limit_s = 0;
    sortie_plan *plan = tu_plan(m, &params);
    assert_int_equal(plan->closure, sched_closure(patient));
    sortie_plan_free(plan);

    sched_free(plain);
    sched_free(patient);
    dispatch_free(d);
    sortie_model_free(m);
    sortie_scenario_free(sc);
}

/* Stays at O (index 1) by the aircraft of fleet f. */
static int fleet_stays_at_origin(const sched *s, int f)
{
    int n = 0;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++)
            n += s->tails[t].legs[i].from == 1 && s->tails[t].legs[i].load >= 0 && s->m->tails[t].fleet == f;
    return n;
}

static void test_strict_keeps_small_types_to_their_own_loads(void **state)
{
    (void)state;
    sortie_scenario *sc = tu_scenario(strict_scenario);
    sortie_model *m = tu_model(sc);
    int fs = model_fleet_index(m, "FS"), fy = model_fleet_index(m, "FY");
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *plain = NULL, *strict = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &plain), SORTIE_OK);
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.strict = 2.0;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &strict), SORTIE_OK);
    assert_sched_valid(m, plain);
    assert_sched_valid(m, strict);
    /* The ordinary construction lets X's small aircraft take R's boxes. */
    assert_true(fleet_stays_at_origin(plain, fs) > 0);
    /* Strict: R goes on the big ones alone, R2 on Y's small ones (4 boxes, 1 a sortie). */
    assert_int_equal(fleet_stays_at_origin(strict, fs), 0);
    assert_int_equal(fleet_stays_at_origin(strict, fy), 4);
    assert_true(sched_closure(strict) < sched_closure(plain));

    sched_free(plain);
    sched_free(strict);
    dispatch_free(d);
    sortie_model_free(m);
    sortie_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_patient_keeps_the_spot_for_big_loads),
        cmocka_unit_test(test_strict_keeps_small_types_to_their_own_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
