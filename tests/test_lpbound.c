/* test_lpbound: the LP capacity bound. Exact on hand cases whose optimum is
 * known (one aircraft's cycles; one parking spot), never looser than the
 * AFPAM planning figure on a MOG-bound airfield, and never later than a
 * valid plan on generated scenarios. (test_exact checks it against proved
 * optima too.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lpbound.h"
#include "model.h"
#include "plan.h"
#include "testutil.h"
#include "timeutil.h"

/* Two airfields 5 degrees apart on the equator; one type whose figures make
 * the arithmetic plain (and `types_extra` after it); `fleet` and `req` and
 * B's/O's extras filled in. */
static char *scenario(const char *types_extra, const char *o_extra, const char *fleet, const char *req)
{
    static const char fmt[] =
        "{\"format\": \"sortie/scenario@1\", \"name\": \"hand\", \"start\": \"2024-01-01T00:00Z\","
        " \"horizon_h\": 240,"
        " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0},"
        "                {\"id\": \"O\", \"lat\": 0, \"lon\": 5%s}],"
        " \"aircraft_types\": [{\"id\": \"T\", \"payload_kg\": 10000, \"seats\": 10,"
        "   \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
        "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}%s],"
        " \"fleets\": [%s], \"requirements\": [%s]}";
    size_t len = sizeof fmt + strlen(types_extra) + strlen(o_extra) + strlen(fleet) + strlen(req);
    char *text = malloc(len);
    assert_non_null(text);
    snprintf(text, len, fmt, o_extra, types_extra, fleet, req);
    return text;
}

typedef struct {
    sortie_scenario *s;
    sortie_model *m;
    int leg; /* minutes B-O */
} hand;

static hand load_typed(const char *types_extra, const char *o_extra, const char *fleet, const char *req)
{
    char *text = scenario(types_extra, o_extra, fleet, req);
    hand h;
    h.s = tu_scenario(text);
    h.m = tu_model(h.s);
    h.leg = model_leg_min(h.m, 0, 0, 1);
    free(text);
    return h;
}

static hand load(const char *o_extra, const char *fleet, const char *req)
{
    return load_typed("", o_extra, fleet, req);
}

/* The planner's plan with a short search (checked by tu_plan). */
static sortie_plan *plan_briefly(const sortie_model *m)
{
    sortie_params p;
    sortie_params_init(&p);
    p.time_limit_s = 0.5;
    return tu_plan(m, &p);
}

/* The planner's plan closes at `optimum`, and the LP, searched up to it,
 * proves `optimum` too (why: what binds, may be NULL). */
static void assert_plan_and_bound_at(const hand *h, minute_t optimum, char *why, size_t why_len)
{
    sortie_plan *plan = plan_briefly(h->m);
    assert_int_equal(plan->closure, optimum);
    minute_t out;
    assert_int_equal(lpbound_closure(h->m, h->m->start, plan->closure, &out, why, why_len), SORTIE_OK);
    assert_int_equal(out, optimum);
    sortie_plan_free(plan);
}

static void unload(hand *h)
{
    sortie_model_free(h->m);
    sortie_scenario_free(h->s);
}

/* One aircraft, 30 passengers at 10 seats: three round trips. Optimum:
 * position, then three loaded legs with ground times and returns between. */
static void test_fleet_bound_is_tight(void **state)
{
    (void)state;
    hand h = load("", "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}",
                  "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 30}");
    minute_t optimum = h.m->start + 6 * h.leg + 5 * 60;
    minute_t out;
    char why[256];
    assert_int_equal(lpbound_closure(h.m, h.m->start, optimum + 600, &out, why, sizeof why), SORTIE_OK);
    assert_int_equal(out, optimum);
    assert_non_null(strstr(why, "F"));
    unload(&h);
}

/* Six aircraft, one sortie each, through one parking spot: the stays at O
 * follow each other. Optimum: land, six ground times, fly back. */
static void test_mog_bound_is_tight(void **state)
{
    (void)state;
    hand h = load(", \"mog\": 1", "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"}",
                  "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 60}");
    minute_t optimum = h.m->start + 2 * h.leg + 6 * 60;
    minute_t out;
    char why[256];
    assert_int_equal(lpbound_closure(h.m, h.m->start, optimum + 600, &out, why, sizeof why), SORTIE_OK);
    assert_int_equal(out, optimum);
    assert_non_null(strstr(why, "O MOG 1"));
    unload(&h);
}

/* Two routes out of one parking spot, 15 passengers each on 10 seats:
 * 1.5 sorties a route to the LP's loads, two in any plan. Four stays at O,
 * not three: the route cuts (routecut.h) make the LP count whole sorties.
 * (C, a second destination as far from O as B, is added after O.) */
static void test_whole_sorties_per_route(void **state)
{
    (void)state;
    hand h = load(", \"mog\": 1}, {\"id\": \"C\", \"lat\": 0, \"lon\": 10",
                  "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"}",
                  "{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\", \"pax\": 15},"
                  "{\"id\": \"R2\", \"from\": \"O\", \"to\": \"C\", \"pax\": 15}");
    assert_int_equal(model_leg_min(h.m, 0, 1, 2), h.leg);
    minute_t optimum = h.m->start + 2 * h.leg + 4 * 60;
    sortie_plan *plan = plan_briefly(h.m);
    assert_int_equal(plan->closure, optimum);
    minute_t out;
    assert_int_equal(lpbound_closure(h.m, h.m->start, optimum + 600, &out, NULL, 0), SORTIE_OK);
    assert_int_equal(out, optimum);
    sortie_plan_free(plan);
    unload(&h);
}

/* The LP's split of the work, per fleet and requirement: two operators'
 * aircraft share a route, each allowed only its own operator's passengers
 * (30 and 20 at 10 seats). Each fleet's sorties on the route go to the
 * requirement it may carry, whole (the route cuts); when the LP proves
 * nothing beyond lo, the guide is left as it was. */
static void test_guide_splits_the_work(void **state)
{
    (void)state;
    hand h = load("", "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"},"
                      "{\"id\": \"G\", \"operator\": \"Y\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}",
                  "{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\", \"pax\": 30, \"carriers\": [\"X\"]},"
                  "{\"id\": \"R2\", \"from\": \"O\", \"to\": \"B\", \"pax\": 20, \"carriers\": [\"Y\"]}");
    const sortie_model *m = h.m;
    int f = model_fleet_index(m, "F"), g = model_fleet_index(m, "G");
    int r1 = model_req_index(m, "R1"), r2 = model_req_index(m, "R2");
    size_t nr = (size_t)m->n_reqs;
    double guide[4] = {-1, -1, -1, -1};
    minute_t optimum = m->start + 6 * h.leg + 5 * 60; /* F's three round trips */
    minute_t out;
    bool guided = false;
    assert_int_equal(lpbound_closure_guide(m, m->start, optimum + 600, &out, NULL, 0, guide, &guided), SORTIE_OK);
    assert_int_equal(out, optimum);
    assert_true(guided);
    assert_true(guide[(size_t)f * nr + (size_t)r1] >= 3 - 1e-6);
    assert_true(guide[(size_t)f * nr + (size_t)r2] == 0);
    assert_true(guide[(size_t)g * nr + (size_t)r2] >= 2 - 1e-6);
    assert_true(guide[(size_t)g * nr + (size_t)r1] == 0);

    double untouched[4] = {-1, -1, -1, -1};
    assert_int_equal(lpbound_closure_guide(m, optimum, optimum + 600, &out, NULL, 0, untouched, &guided), SORTIE_OK);
    assert_int_equal(out, optimum);
    assert_false(guided);
    for (int i = 0; i < 4; i++)
        assert_true(untouched[i] == -1);
    unload(&h);
}

/* AFPAM 10-1403's airfield throughput: parking spots x payload x operating
 * hours / ground time. 200 t through two spots at 10 t and 60 min a turn
 * is 10 hours of turns at least; the bound may not promise less. */
static void test_never_looser_than_afpam(void **state)
{
    (void)state;
    hand h = load(", \"mog\": 2", "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 10, \"base\": \"B\"}",
                  "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 0, \"cargo\": [{\"name\": \"crate\","
                  " \"count\": 20, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}");
    double tonnes = 200, spots = 2, payload_t = 10, ground_h = 1;
    double afpam_h = tonnes / (spots * payload_t / ground_h);
    sortie_plan *plan = plan_briefly(h.m);
    minute_t out;
    assert_int_equal(lpbound_closure(h.m, h.m->start, plan->closure, &out, NULL, 0), SORTIE_OK);
    assert_true((double)(out - h.m->start) >= afpam_h * 60);
    assert_true(out <= plan->closure);
    /* Here the optimum is known too: two streams of ten turns. */
    assert_int_equal(out, h.m->start + 2 * h.leg + 10 * 60);
    sortie_plan_free(plan);
    unload(&h);
}

/* Opening hours: a take-off and a landing need the airfield open, so a
 * closed night holds up the turns; the bound still never passes a plan. */
static void test_hours_below_plan(void **state)
{
    (void)state;
    hand h = load(", \"mog\": 1, \"hours\": {\"open\": \"06:00\", \"close\": \"10:00\"}",
                  "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"}",
                  "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 60}");
    sortie_plan *plan = plan_briefly(h.m);
    minute_t out;
    char why[256];
    assert_int_equal(lpbound_closure(h.m, h.m->start, plan->closure, &out, why, sizeof why), SORTIE_OK);
    assert_true(out <= plan->closure);
    /* Four open hours a day fit four 60-minute turns and one overnight
     * stay: the six sorties cannot all leave on the first day. */
    assert_true(out >= h.m->start + MINUTES_PER_DAY);
    sortie_plan_free(plan);
    unload(&h);
}

/* Opening hours and a ready time together: 30 passengers, ready at noon,
 * after O's window (06:00-10:00) has closed. One aircraft does two turns a
 * day out of O (07:00 and 09:52 take-offs would need it there; the first
 * day's noon readiness leaves 06:00 and 09:52 on day 2, then 07:00 on
 * day 3, landing at B 56 minutes later). A bound that divides the time
 * after noon by the cycle, blind to the nights, stops a day short. */
static void test_hours_after_ready_time(void **state)
{
    (void)state;
    hand h = load(", \"hours\": {\"open\": \"06:00\", \"close\": \"10:00\"}",
                  "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}",
                  "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 30, \"ready\": \"2024-01-01T12:00Z\"}");
    assert_int_equal(h.leg, 56);
    char why[256];
    assert_plan_and_bound_at(&h, h.m->start + 2 * MINUTES_PER_DAY + 7 * 60 + h.leg, why, sizeof why);
    unload(&h);
}

/* Work ready late at a short airfield: one parking spot at O, ten
 * passengers ready at once and sixty more at noon (10 seats, 60-minute
 * turns, six aircraft). The six late sorties leave one after another from
 * noon (each aircraft may stand on the spot from 11:00), the last at 17:00.
 * Counted over the whole day, the spot holds seven turns by 08:00; only
 * the late rows (the spot's minutes after the ready time) see 17:00. */
static void test_spots_after_ready_time(void **state)
{
    (void)state;
    hand h = load(", \"mog\": 1", "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"}",
                  "{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\", \"pax\": 10},"
                  "{\"id\": \"R2\", \"from\": \"O\", \"to\": \"B\", \"pax\": 60, \"ready\": \"2024-01-01T12:00Z\"}");
    char why[256];
    assert_plan_and_bound_at(&h, h.m->start + 17 * 60 + h.leg, why, sizeof why);
    assert_non_null(strstr(why, "O MOG 1"));
    assert_non_null(strstr(why, "after 2024-01-01T12:00Z"));
    unload(&h);
}

/* Stays of mixed lengths at a spot that closes at night: six sorties of T
 * (60 minutes on the ground) out of O, one spot, open 06:00-10:30, with S
 * (40 minutes, one seat) able to stand there too. Four T stays fit the
 * first day's hours, a fifth stands through the night, the sixth leaves at
 * 07:00 on the second day. The minutes row lets the half hour left each
 * evening hold half a stay (06:30), and the stays row counts S's shorter
 * turns (seven a day); only the step rows, which count the stays of 60
 * minutes or more at four a day and one a night, see 07:00. */
static void test_step_rows_count_whole_stays(void **state)
{
    (void)state;
    hand h = load_typed(", {\"id\": \"S\", \"payload_kg\": 1000, \"seats\": 1,"
                        " \"hold\": {\"length_m\": 2, \"width_m\": 2, \"height_m\": 2}, \"cruise_kmh\": 600,"
                        " \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 40}",
                        ", \"mog\": 1, \"hours\": {\"open\": \"06:00\", \"close\": \"10:30\"}",
                        "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 6, \"base\": \"B\"},"
                        "{\"id\": \"G\", \"operator\": \"X\", \"type\": \"S\", \"count\": 2, \"base\": \"B\"}",
                        "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 60}");
    char why[256];
    assert_plan_and_bound_at(&h, h.m->start + MINUTES_PER_DAY + 7 * 60 + h.leg, why, sizeof why);
    assert_non_null(strstr(why, "O MOG 1, open 06:00-10:30"));
    assert_non_null(strstr(why, "whole steps of 60 min on the ground"));
    unload(&h);
}

static void test_nothing_to_prove(void **state)
{
    (void)state;
    hand h = load("", "{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}",
                  "{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"pax\": 10}");
    minute_t out = 0;
    char why[64] = "x";
    /* hi <= lo: lo comes back untouched. */
    assert_int_equal(lpbound_closure(h.m, h.m->start + 500, h.m->start + 400, &out, why, sizeof why), SORTIE_OK);
    assert_int_equal(out, h.m->start + 500);
    assert_string_equal(why, "");
    /* lo already at the optimum: nothing better to prove. */
    minute_t optimum = h.m->start + 2 * h.leg + 60;
    assert_int_equal(lpbound_closure(h.m, optimum, optimum + 100, &out, NULL, 0), SORTIE_OK);
    assert_int_equal(out, optimum);
    unload(&h);
}

/* The capacity LP's bound on generated scenario (scale, seed), up to the
 * closure of a plan made briefly without it, which it never passes. */
typedef struct {
    minute_t start, closure, bound;
    char why[256];
} generated_bound;

static generated_bound bound_generated(sortie_scale scale, uint64_t seed)
{
    sortie_scenario *s = tu_generated(scale, seed);
    sortie_model *m = tu_model(s);
    sortie_params p;
    sortie_params_init(&p);
    p.time_limit_s = 0.2;
    p.lp_bound = 0;
    sortie_plan *plan = tu_plan(m, &p);
    generated_bound g = {.start = m->start, .closure = plan->closure};
    assert_int_equal(lpbound_closure(m, m->start, plan->closure, &g.bound, g.why, sizeof g.why), SORTIE_OK);
    assert_true(g.bound <= g.closure);
    sortie_plan_free(plan);
    sortie_model_free(m);
    sortie_scenario_free(s);
    return g;
}

/* Generated scenarios: the bound is never later than the planner's plan. */
static void test_below_plans(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        generated_bound g = bound_generated(SORTIE_SCALE_S, seed);
        assert_true(g.bound > g.start);
        if (g.bound < g.closure)
            assert_true(g.why[0] != '\0');
    }
}

/* The bound of generated M scenario `seed` (planned as bound_generated
 * does), asserted to be `at_least` (ISO minute) or later. */
static generated_bound m_bound_at_least(uint64_t seed, const char *at_least)
{
    minute_t floor_t;
    assert_true(time_parse(at_least, TIME_ROUND_UP, &floor_t));
    generated_bound g = bound_generated(SORTIE_SCALE_M, seed);
    assert_true(g.bound >= floor_t);
    return g;
}

/* A generated M scenario (about 6,500 share columns) is solved in the full
 * form: the compact form, which it got while the threshold was 6,000,
 * proved 2.25 h less, and the plan stays above the bound. */
static void test_m_scenario_in_full_form(void **state)
{
    (void)state;
    m_bound_at_least(4, "2024-04-22T14:36Z");
}

/* The generated M-5 (Niamey, three spots open 04:00-20:00, binds): the
 * step rows at half of each ground time weigh the types' stays against
 * each other and prove 22 May 05:18; the steps at whole ground times
 * alone proved 21 May 17:26, the minutes and stays rows 16:34. */
static void test_half_steps_at_a_short_night_airfield(void **state)
{
    (void)state;
    generated_bound g = m_bound_at_least(5, "2024-05-22T05:18Z");
    assert_non_null(strstr(g.why, "DRRN MOG 3, open 04:00-20:00"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fleet_bound_is_tight), cmocka_unit_test(test_mog_bound_is_tight),
        cmocka_unit_test(test_whole_sorties_per_route), cmocka_unit_test(test_guide_splits_the_work),
        cmocka_unit_test(test_never_looser_than_afpam), cmocka_unit_test(test_hours_below_plan),
        cmocka_unit_test(test_hours_after_ready_time), cmocka_unit_test(test_spots_after_ready_time),
        cmocka_unit_test(test_step_rows_count_whole_stays), cmocka_unit_test(test_nothing_to_prove),
        cmocka_unit_test(test_below_plans),
        cmocka_unit_test(test_m_scenario_in_full_form), cmocka_unit_test(test_half_steps_at_a_short_night_airfield),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
