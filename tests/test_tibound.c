/* test_tibound: the time-indexed LP bound. Within one bucket of the
 * optimum where one parking spot decides it; on the generated S scenario
 * of seed 1 the planner's bound, above what the capacity LP proves (there
 * the ready times and the order of stays at Riga and Constanta decide),
 * with a guide that splits every requirement among its carriers; on seed
 * 7 in 30-minute steps, which get a larger column budget;
 * silent where it cannot help (nothing to prove, a scenario too large for
 * its columns). One airfield's part (tibound_airfield) sees that
 * airfield's loads only, and the planner's deep bound, built from the
 * parts, proves more than the combinatorial bound on S-1 without changing
 * the plan. test_exact checks the whole LP against 24 proved optima. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "load.h"
#include "lpbound.h"
#include "model.h"
#include "plan.h"
#include "testutil.h"
#include "tibound.h"

/* Six aircraft based at B, one sortie each from O (one parking spot) home:
 * the stays at O follow each other. Optimum: position, six ground times of
 * 60 min, fly back. */
static const char one_spot[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"one spot\", \"start\": \"2024-01-01T00:00Z\","
    " \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1}],"
    " \"aircraft_types\": [{\"id\": \"T\", \"payload_kg\": 10000, \"seats\": 10,"
    "   \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 60}]}";

/* The planner's plan with a short search (checked). */
static sortie_plan *plan_briefly(const sortie_model *m)
{
    sortie_params p;
    sortie_params_init(&p);
    p.time_limit_s = 0.2;
    return tu_plan(m, &p);
}

static void test_one_spot_within_a_bucket(void **state)
{
    (void)state;
    sortie_scenario *s = tu_scenario(one_spot);
    sortie_model *m = tu_model(s);
    int leg = model_leg_min(m, 0, 0, 1);
    minute_t optimum = m->start + 2 * leg + 6 * 60;
    minute_t out;
    char why[256];
    assert_int_equal(tibound_closure(m, m->start, optimum + 600, &out, why, sizeof why, NULL), SORTIE_OK);
    assert_true(out <= optimum);
    assert_true(out >= optimum - 10); /* the rounding of one 10-minute bucket */
    assert_non_null(strstr(why, "time-indexed"));
    assert_non_null(strstr(why, "O's 1 spot full for")); /* what binds */
    /* The planner's plan reaches the optimum and the bound proves it. */
    sortie_params p;
    sortie_params_init(&p);
    sortie_plan *plan = tu_plan(m, &p);
    assert_int_equal(plan->closure, optimum);
    assert_int_equal(plan->lower_bound, optimum);
    sortie_plan_free(plan);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* Two routes out of one parking spot, 15 passengers each on 10 seats: 1.5
 * sorties a route to the LP's loads, two in any plan (routecut.h), so four
 * stays at O, not three. */
static const char two_routes[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"two routes\", \"start\": \"2024-01-01T00:00Z\","
    " \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1},"
    "   {\"id\": \"C\", \"lat\": 0, \"lon\": 10}],"
    " \"aircraft_types\": [{\"id\": \"T\", \"payload_kg\": 10000, \"seats\": 10,"
    "   \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\", \"pax\": 15},"
    "   {\"id\": \"R2\", \"from\": \"O\", \"to\": \"C\", \"pax\": 15}]}";

static void test_whole_sorties_per_route(void **state)
{
    (void)state;
    sortie_scenario *s = tu_scenario(two_routes);
    sortie_model *m = tu_model(s);
    int leg = model_leg_min(m, 0, 0, 1);
    minute_t optimum = m->start + 2 * leg + 4 * 60;
    minute_t out;
    assert_int_equal(tibound_closure(m, m->start, optimum + 600, &out, NULL, 0, NULL), SORTIE_OK);
    assert_true(out <= optimum);
    assert_true(out >= optimum - 10); /* one bucket; three stays would be 60 minutes short */
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_nothing_to_prove(void **state)
{
    (void)state;
    sortie_scenario *s = tu_scenario(one_spot);
    sortie_model *m = tu_model(s);
    minute_t out = 0;
    char why[64] = "x";
    assert_int_equal(tibound_closure(m, m->start + 500, m->start + 400, &out, why, sizeof why, NULL), SORTIE_OK);
    assert_int_equal(out, m->start + 500);
    assert_string_equal(why, "");
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* Generated S, seed 1: the capacity LP sees Riga's spots and the C-17s'
 * hours as totals; the time-indexed LP sees that DE-002 and IT-008 are
 * ready late and must queue there. */
static void test_beats_the_capacity_lp(void **state)
{
    (void)state;
    sortie_scenario *s = tu_generated(SORTIE_SCALE_S, 1);
    sortie_model *m = tu_model(s);
    sortie_plan *plan = plan_briefly(m);
    minute_t lp, ti;
    assert_int_equal(lpbound_closure(m, m->start, plan->closure, &lp, NULL, 0), SORTIE_OK);
    char why[256];
    size_t cells = (size_t)m->n_fleets * (size_t)m->n_reqs;
    double *guide = malloc(sizeof *guide * cells);
    assert_non_null(guide);
    for (size_t i = 0; i < cells; i++)
        guide[i] = -1;
    assert_int_equal(tibound_closure(m, lp, plan->closure, &ti, why, sizeof why, guide), SORTIE_OK);
    assert_true(ti > lp + 60);
    assert_true(ti <= plan->closure);
    assert_non_null(strstr(why, "EVRA's 2 spots full for")); /* Riga binds */
    /* The guide splits every requirement's kg among fleets that may carry it. */
    for (int r = 0; r < m->n_reqs; r++) {
        double kg = 0;
        for (int f = 0; f < m->n_fleets; f++) {
            double share = guide[(size_t)f * (size_t)m->n_reqs + (size_t)r];
            assert_true(share >= -1e-9);
            if (share > 1e-6)
                assert_true(m->reqs[r].carrier_ok[m->fleets[f].operator_index]);
            kg += share * m->types[m->fleets[f].type].t.payload_kg;
        }
        assert_true(kg >= m->reqs[r].total_kg * (1 - 1e-6));
    }
    free(guide);
    /* The planner took it, and says so. */
    assert_true(plan->lower_bound > lp);
    assert_non_null(strstr(plan->binding, "time-indexed"));
    sortie_plan_free(plan);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* Generated S, seed 7: some 22,000 columns in 30-minute steps, within the
 * larger budget those steps get; the planner's bound is the LP's. */
static void test_thirty_minute_steps_get_a_larger_budget(void **state)
{
    (void)state;
    sortie_scenario *s = tu_generated(SORTIE_SCALE_S, 7);
    sortie_model *m = tu_model(s);
    sortie_plan *plan = plan_briefly(m);
    assert_non_null(strstr(plan->binding, "time-indexed LP (30-minute steps)"));
    assert_true(plan->lower_bound <= plan->closure);
    sortie_plan_free(plan);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* Generated M: too many columns even in 30-minute steps; the caller's
 * bound comes back at once and nothing is claimed. */
static void test_too_large_claims_nothing(void **state)
{
    (void)state;
    sortie_scenario *s = tu_generated(SORTIE_SCALE_M, 1);
    sortie_model *m = tu_model(s);
    minute_t out = 0;
    char why[64] = "x";
    assert_int_equal(tibound_closure(m, m->start + 60, m->start + 100000, &out, why, sizeof why, NULL), SORTIE_OK);
    assert_int_equal(out, m->start + 60);
    assert_string_equal(why, "");
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* Two parts that share nothing but the base: six sorties out of O's one
 * spot for fleet F, and twelve out of P (no MOG) for G's one aircraft,
 * whose cycles close the scenario hours later. Z is used by nothing. */
static const char two_parts[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"two parts\", \"start\": \"2024-01-01T00:00Z\","
    " \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1},"
    "   {\"id\": \"P\", \"lat\": 0, \"lon\": -5}, {\"id\": \"Z\", \"lat\": 5, \"lon\": 0, \"mog\": 1}],"
    " \"aircraft_types\": [{\"id\": \"T\", \"payload_kg\": 10000, \"seats\": 10,"
    "   \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"},"
    "   {\"id\": \"G\", \"operator\": \"Y\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\", \"pax\": 60, \"carriers\": [\"X\"]},"
    "   {\"id\": \"R2\", \"from\": \"P\", \"to\": \"B\", \"pax\": 120, \"carriers\": [\"Y\"]}]}";

/* One airfield's part sees its own loads only: O's part proves O's
 * optimum (within a bucket), far below what the whole LP proves with P's
 * cycles; an airfield no load uses proves nothing. */
static void test_one_airfield_alone(void **state)
{
    (void)state;
    sortie_scenario *s = tu_scenario(two_parts);
    sortie_model *m = tu_model(s);
    int leg = model_leg_min(m, 0, 0, 1), O = model_airfield_index(m, "O"), Z = model_airfield_index(m, "Z");
    minute_t o_optimum = m->start + 2 * leg + 6 * 60, hi = m->start + 24 * (2 * leg + 120);
    minute_t whole, part, none;
    char why[256];
    assert_int_equal(tibound_closure(m, m->start, hi, &whole, NULL, 0, NULL), SORTIE_OK);
    assert_true(whole > o_optimum + 2000); /* G's twelve cycles (legs rounded down to buckets) */
    assert_int_equal(tibound_airfield(m, O, m->start, hi, &part, why, sizeof why), SORTIE_OK);
    assert_true(part <= o_optimum);
    assert_true(part >= o_optimum - 10);
    assert_non_null(strstr(why, "what leaves or reaches O alone"));
    assert_non_null(strstr(why, "O's 1 spot full for"));
    strcpy(why, "x");
    assert_int_equal(tibound_airfield(m, Z, m->start + 5, hi, &none, why, sizeof why), SORTIE_OK);
    assert_int_equal(none, m->start + 5);
    assert_string_equal(why, "");
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* The planner's deep bound on the generated S scenario of seed 1, with the
 * capacity LP (and so the whole time-indexed LP) off: the airfields short
 * of spots, each bounded over time on its own, prove more than the
 * combinatorial bound, below the plan's closure; the plan is the same. */
static void test_the_planner_bounds_each_short_airfield(void **state)
{
    (void)state;
    sortie_scenario *s = tu_generated(SORTIE_SCALE_S, 1);
    sortie_model *m = tu_model(s);
    sortie_params p;
    sortie_params_init(&p);
    p.lp_bound = 0;
    p.time_limit_s = 0;
    sortie_plan *plain = tu_plan(m, &p);
    p.deep_bound = 1;
    sortie_plan *deep = tu_plan(m, &p);
    assert_true(deep->lower_bound > plain->lower_bound + 60);
    assert_true(deep->lower_bound <= deep->closure);
    assert_non_null(strstr(deep->binding, "alone"));
    assert_int_equal(deep->closure, plain->closure);
    assert_int_equal(deep->n_aircraft, plain->n_aircraft);
    for (size_t a = 0; a < deep->n_aircraft; a++)
        assert_int_equal(deep->aircraft[a].n_legs, plain->aircraft[a].n_legs);
    sortie_plan_free(plain);
    sortie_plan_free(deep);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_spot_within_a_bucket),
        cmocka_unit_test(test_whole_sorties_per_route),
        cmocka_unit_test(test_nothing_to_prove),
        cmocka_unit_test(test_beats_the_capacity_lp),
        cmocka_unit_test(test_thirty_minute_steps_get_a_larger_budget),
        cmocka_unit_test(test_too_large_claims_nothing),
        cmocka_unit_test(test_one_airfield_alone),
        cmocka_unit_test(test_the_planner_bounds_each_short_airfield),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
