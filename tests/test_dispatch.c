/* test_dispatch: the constructive planner's patient and strict modes. At a MOG-1
 * origin two C-17-like aircraft (40 t a stay) and eight small ones (10 t a
 * stay) share one parking spot: every stay costs the spot an hour whatever
 * it brings, so the small ones should only fly what the big ones leave.
 * The patient construction (DISPATCH_PATIENT_WAITS) does that and closes
 * earlier than the ordinary one; the planner keeps the better of the two.
 * The strict mode never flies a small one there for a requirement the big
 * ones may carry, but still flies one for a requirement only it may.
 * Regions: with two theatres far apart, each aircraft works the one nearest
 * its base until it has nothing left to carry there. Waiting for the next
 * ready load: one aircraft takes two loads in one sortie four minutes
 * later rather than in two sorties. A guide handed in steers who carries.
 * A short-range type leaves a short airfield's spot to its own loads rather
 * than stop there for fuel, and stops there again once they are gone.
 * Spot urgency: a one-spot origin whose loads need its spot longer than the
 * fleet needs for the heavier work elsewhere is started first. Scarce
 * first: a load filled first from what only its aircraft may carry saves
 * that aircraft a second trip. Admission: short spots are kept to the
 * pools a guide gives work there, but for loads no such pool may carry.
 * Pace: fleets with time to spare leave a short airfield's early spots to
 * the fleet whose cycles decide closure. Rivals: a short spot goes to the
 * aircraft that brings most in it, not to the one free first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "improve.h"
#include "model.h"
#include "plan.h"
#include "portfolio.h"
#include "slot.h"
#include "testutil.h"
#include "timeutil.h"

/* A base B and, 556 km away, an origin O with one parking spot; two types,
 * BIG (40 t) and SMALL (10 t), each an hour on the ground. The scenarios
 * below add fleets and requirements. */
#define SPOT_PREFIX(name, horizon_h)                                                                              \
    "{\"format\": \"sortie/scenario@1\", \"name\": \"" name "\", \"start\": \"2024-01-01T00:00Z\","                  \
    " \"horizon_h\": " horizon_h ","                                                                                \
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1}],"  \
    " \"aircraft_types\": ["                                                                                        \
    "  {\"id\": \"BIG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4}," \
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60},"    \
    "  {\"id\": \"SMALL\", \"payload_kg\": 10000, \"seats\": 10, \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3}," \
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"

static const char spot_scenario[] =
    SPOT_PREFIX("patient", "240")
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 8, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* O (one spot) opens at 05:00; eight small aircraft are free from
 * midnight, two big ones from 02:00: all of them could take O's spot at
 * its opening. */
static const char rivals_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"rivals\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0},"
    "  {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1, \"hours\": {\"open\": \"05:00\", \"close\": \"23:00\"}}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"BIG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60},"
    "  {\"id\": \"SMALL\", \"payload_kg\": 10000, \"seats\": 10, \"hold\": {\"length_m\": 10, \"width_m\": 3, \"height_m\": 3},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\","
    "   \"available_from\": \"2024-01-01T02:00Z\"},"
    "  {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 8, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"cargo\": [{\"name\": \"box\", \"count\": 40,"
    "   \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* Two BIG aircraft and small ones: O's spot stands empty while both big ones are away. */
static const char idle_scenario[] =
    SPOT_PREFIX("idle", "240")
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 4, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* The same, with a second operator's two small aircraft the only carriers of R2. */
static const char strict_scenario[] =
    SPOT_PREFIX("strict", "240")
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 8, \"base\": \"B\"},"
    "            {\"id\": \"FY\", \"operator\": \"Y\", \"type\": \"SMALL\", \"count\": 2, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"operator\": \"X\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"X\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"R2\", \"operator\": \"Y\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"Y\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 4, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* O is short of spots (Y's big aircraft must lift R0 from it, MOG 1) and
 * is also the base of X's small aircraft, whose stays there take no spot.
 * Strict must still compare X's big type with the best type for R (itself),
 * not with "no spot at all", or X's big aircraft would never carry R. */
static const char strict_base_scenario[] =
    SPOT_PREFIX("strict-base", "480")
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 2, \"base\": \"B\"},"
    "            {\"id\": \"FO\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 1, \"base\": \"O\"},"
    "            {\"id\": \"FY\", \"operator\": \"Y\", \"type\": \"BIG\", \"count\": 4, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"X\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"R0\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"Y\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 80, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* Two theatres 6,700 km apart, each with a base and an origin; one fleet
 * based in each, as much to move in each. RB is ready a day after RA: FB's
 * aircraft wait for it rather than cross to help with RA. */
static const char regions_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"regions\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 480,"
    " \"airfields\": [{\"id\": \"BA\", \"lat\": 0, \"lon\": 0}, {\"id\": \"OA\", \"lat\": 0, \"lon\": 5},"
    "  {\"id\": \"BB\", \"lat\": 0, \"lon\": 60}, {\"id\": \"OB\", \"lat\": 0, \"lon\": 65}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"T\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 800, \"range_km\": 9000, \"ferry_range_km\": 9000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FA\", \"operator\": \"X\", \"type\": \"T\", \"count\": 2, \"base\": \"BA\"},"
    "            {\"id\": \"FB\", \"operator\": \"X\", \"type\": \"T\", \"count\": 2, \"base\": \"BB\"}],"
    " \"requirements\": [{\"id\": \"RA\", \"from\": \"OA\", \"to\": \"BA\","
    "   \"cargo\": [{\"name\": \"box\", \"count\": 60, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"RB\", \"from\": \"OB\", \"to\": \"BB\", \"ready\": \"2024-01-02T00:00Z\","
    "   \"cargo\": [{\"name\": \"box\", \"count\": 60, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* One aircraft; R1 is ready at once, R2 four minutes after the aircraft
 * could leave O with R1 (positioning 56 min, ground 60 min). */
static const char wait_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"wait\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"T\", \"payload_kg\": 40000, \"seats\": 200, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\", \"pax\": 50},"
    "  {\"id\": \"R2\", \"from\": \"O\", \"to\": \"B\", \"pax\": 50, \"ready\": \"%s\"}]}";

/* B, X and O on a line, 2,224 km apart. LONG flies O to B direct; SHORT
 * (3,000 km loaded) must stop at X, whose one spot X's LONG aircraft need
 * for R1 (only they may carry it). R2 (O to B) either type may carry. */
static const char stop_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"stop\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 480,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"X\", \"lat\": 0, \"lon\": 20, \"mog\": 1},"
    "  {\"id\": \"O\", \"lat\": 0, \"lon\": 40}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"LONG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 800, \"range_km\": 9000, \"ferry_range_km\": 9000, \"taxi_min\": 0, \"ground_min\": 60},"
    "  {\"id\": \"SHORT\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 800, \"range_km\": 3000, \"ferry_range_km\": 9000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FL\", \"operator\": \"X\", \"type\": \"LONG\", \"count\": 6, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"Y\", \"type\": \"SHORT\", \"count\": 2, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"X\", \"to\": \"B\", \"carriers\": [\"X\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 80, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"R2\", \"from\": \"O\", \"to\": \"B\","
    "   \"cargo\": [{\"name\": \"box\", \"count\": 20, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* Short-range aircraft position from B to O and back by way of a fuel
 * stop: X, on the line, whose one spot the LONG fleet needs for R1, or Y,
 * off the line and without a MOG, a little further. */
static const char detour_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"detour\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 480,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"X\", \"lat\": 0, \"lon\": 20, \"mog\": 1},"
    "  {\"id\": \"O\", \"lat\": 0, \"lon\": 40}, {\"id\": \"P\", \"lat\": 0, \"lon\": 42},"
    "  {\"id\": \"Y\", \"lat\": 6, \"lon\": 20}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"LONG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 800, \"range_km\": 9000, \"ferry_range_km\": 9000, \"taxi_min\": 0, \"ground_min\": 60},"
    "  {\"id\": \"SHORT\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 800, \"range_km\": 3000, \"ferry_range_km\": 3000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FS\", \"operator\": \"Y\", \"type\": \"SHORT\", \"count\": 4, \"base\": \"B\"},"
    "            {\"id\": \"FL\", \"operator\": \"X\", \"type\": \"LONG\", \"count\": 10, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"X\", \"to\": \"B\", \"carriers\": [\"X\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 80, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"R2\", \"from\": \"O\", \"to\": \"P\", \"carriers\": [\"Y\"],"
    "   \"cargo\": [{\"name\": \"box\", \"count\": 16, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* Eight BIG aircraft; O (one spot) holds 400 t, P (no MOG, as far) 800 t.
 * By weight P is the more pressed, but O's spot needs 600 minutes, longer
 * than the fleet needs for all the rest. */
static const char spot_urgent_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"spot urgency\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1},"
    "  {\"id\": \"P\", \"lat\": 5, \"lon\": 0}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"BIG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 8, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"O\", \"to\": \"B\","
    "   \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"R2\", \"from\": \"P\", \"to\": \"B\","
    "   \"cargo\": [{\"name\": \"box\", \"count\": 80, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* Stays at O (index 1) by the aircraft of fleet f. */
static int fleet_stays_at_origin(const sched *s, int f)
{
    int n = 0;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++)
            n += s->tails[t].legs[i].from == 1 && s->tails[t].legs[i].load >= 0 && s->m->tails[t].fleet == f;
    return n;
}

/* A construction with `knobs` (NULL: the defaults), checked valid; the caller frees it. */
static sched *run_valid(dispatch *d, const dispatch_knobs *knobs)
{
    sched *s = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, knobs, &s), SORTIE_OK);
    tu_assert_sched_valid(s->m, s);
    return s;
}

/* The earlier closure of a hasty and a patient construction with the
 * knobs of `variant`, as the planner's construct_better builds them. */
static minute_t pair_closure(dispatch *d, dispatch_knobs variant)
{
    minute_t best = 0;
    for (int patient = 0; patient < 2; patient++) {
        dispatch_knobs knobs = variant;
        knobs.max_waits = patient ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS;
        sched *s = NULL;
        assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &s), SORTIE_OK);
        tu_assert_sched_valid(s->m, s);
        if (!patient || sched_closure(s) < best)
            best = sched_closure(s);
        sched_free(s);
    }
    return best;
}

/* The planner's pair that keeps slow types off short spots but where they
 * would stand empty (planner.c). */
static minute_t fill_closure(dispatch *d)
{
    dispatch_knobs fill = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    fill.strict = IMPROVE_STRICT;
    fill.strict_idle = true;
    return pair_closure(d, fill);
}

static void test_patient_keeps_the_spot_for_big_loads(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(spot_scenario);
    sortie_model *m = fx.m;
    dispatch *d = fx.d;
    sched *plain = NULL, *patient = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &plain), SORTIE_OK);
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_PATIENT_WAITS);
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &patient), SORTIE_OK);
    tu_assert_sched_valid(m, plain);
    tu_assert_sched_valid(m, patient);
    assert_true(sched_closure(patient) < sched_closure(plain));
    int fs = model_fleet_index(m, "FS");
    assert_true(fleet_stays_at_origin(patient, fs) < fleet_stays_at_origin(plain, fs));

    /* The planner (no search) keeps the best of its constructions: the
     * patient one, or the pair that fills idle spots where that does
     * better still (as here: the big aircraft leave the spot empty while
     * they are away). */
    minute_t fill = fill_closure(d);
    assert_int_equal(tu_unsearched_closure(m), fill < sched_closure(patient) ? fill : sched_closure(patient));

    sched_free(plain);
    sched_free(patient);
    tu_dispatch_close(&fx);
}


/* Pace on the generated M scenario of seed 3 (the benchmarks' M-3): its
 * closure is the six Chinese Y-20s' cycles from Gao, and Bamako's two
 * spots are short. Without pace the aircraft with time to spare take the
 * early spots and the hasty construction closes a day late; with it each
 * fleet keeps to its share of the short spots over time, and the same
 * construction closes at the proved optimum (8,968 minutes). */
static void test_pace_leaves_early_spots_to_the_critical_fleet(void **state)
{
    (void)state;
    char *text = NULL;
    assert_int_equal(sortie_generate(SORTIE_SCALE_M, 3, &text), SORTIE_OK);
    tu_dispatch_fixture fx = tu_dispatch_open(text);
    free(text);
    minute_t closure[2];
    for (int pace = 0; pace < 2; pace++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.spot_urgency = true;
        knobs.pace = pace ? IMPROVE_PACE : 0;
        sched *s = run_valid(fx.d, &knobs);
        closure[pace] = sched_closure(s) - fx.m->start;
        sched_free(s);
    }
    assert_true(closure[1] < closure[0] - 1000);
    assert_int_equal(closure[1], 8968);
    tu_dispatch_close(&fx);
}

/* Rivals: without them the small aircraft, free first, take O's spot at
 * its opening and the big ones wait behind them; with them the big ones,
 * which bring four times as much per stay, go first, and the plan closes
 * earlier with half the small stays. */
static void test_rivals_give_the_spot_to_the_best_user(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(rivals_scenario);
    int fs = model_fleet_index(fx.m, "FS");
    sched *s[2];
    for (int rivals = 0; rivals < 2; rivals++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.rivals = rivals ? PORTFOLIO_RIVALS : 0;
        s[rivals] = run_valid(fx.d, &knobs);
    }
    /* 2,036 minutes and 16 small stays without, 1,316 and 8 with. */
    assert_true(sched_closure(s[1]) < sched_closure(s[0]) - 600);
    assert_int_equal(sched_closure(s[1]) - fx.m->start, 1316);
    assert_true(fleet_stays_at_origin(s[1], fs) < fleet_stays_at_origin(s[0], fs));
    sched_free(s[0]);
    sched_free(s[1]);
    tu_dispatch_close(&fx);
}

static void test_strict_keeps_small_types_to_their_own_loads(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(strict_scenario);
    sortie_model *m = fx.m;
    dispatch *d = fx.d;
    int fs = model_fleet_index(m, "FS"), fy = model_fleet_index(m, "FY");
    sched *plain = NULL, *strict = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &plain), SORTIE_OK);
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.strict = 2.0;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &strict), SORTIE_OK);
    tu_assert_sched_valid(m, plain);
    tu_assert_sched_valid(m, strict);
    /* The ordinary construction lets X's small aircraft take R's boxes. */
    assert_true(fleet_stays_at_origin(plain, fs) > 0);
    /* Strict: R goes on the big ones alone, R2 on Y's small ones (4 boxes, 1 a sortie). */
    assert_int_equal(fleet_stays_at_origin(strict, fs), 0);
    assert_int_equal(fleet_stays_at_origin(strict, fy), 4);
    assert_true(sched_closure(strict) < sched_closure(plain));

    sched_free(plain);
    sched_free(strict);
    tu_dispatch_close(&fx);
}

/* Strict with strict_idle: a small aircraft may still take O's one spot
 * when the big one could not stand there before it leaves, so the spot
 * no longer stands empty while the big one is away; plain strict leaves
 * R to the big one alone. */
static void test_strict_fills_idle_spots(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(idle_scenario);
    sortie_model *m = fx.m;
    int fs = model_fleet_index(m, "FS");
    sched *out[2] = {NULL, NULL};
    for (int idle = 0; idle < 2; idle++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.strict = 2.0;
        knobs.strict_idle = idle;
        out[idle] = run_valid(fx.d, &knobs);
    }
    assert_int_equal(fleet_stays_at_origin(out[0], fs), 0);
    assert_true(fleet_stays_at_origin(out[1], fs) > 0);
    assert_true(sched_closure(out[1]) < sched_closure(out[0]));
    /* Better than the ordinary constructions too, so the planner (no
     * search) keeps the best of its pair that fills idle spots. */
    minute_t fill = fill_closure(fx.d);
    for (int patient = 0; patient < 2; patient++) {
        dispatch_knobs knobs = dispatch_knobs_default(patient ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS);
        sched *s = NULL;
        assert_int_equal(dispatch_run(fx.d, NULL, NULL, &knobs, &s), SORTIE_OK);
        assert_true(fill < sched_closure(s));
        sched_free(s);
    }
    assert_int_equal(tu_unsearched_closure(m), fill);
    sched_free(out[0]);
    sched_free(out[1]);
    tu_dispatch_close(&fx);
}

/* The first and last departure of tail t's loaded legs from origin o, in *first and *last; false when none. */
static bool loaded_from(const sched *s, int t, int o, minute_t *first, minute_t *last)
{
    bool any = false;
    for (int i = 0; i < s->tails[t].n_legs; i++) {
        const sched_leg *g = &s->tails[t].legs[i];
        if (g->load < 0 || g->from != o)
            continue;
        if (!any || g->dep < *first)
            *first = g->dep;
        if (!any || g->dep > *last)
            *last = g->dep;
        any = true;
    }
    return any;
}

/* The first loaded take-off from O (airfield 1), over all aircraft. */
static minute_t first_load_from_origin(const sched *s)
{
    minute_t first = SLOT_NEVER;
    for (int t = 0; t < s->m->n_tails; t++) {
        minute_t f, l;
        if (loaded_from(s, t, 1, &f, &l) && f < first)
            first = f;
    }
    return first;
}

/* With spot_urgency O's loads start hours earlier and the plan closes
 * earlier; by the weights of requirements alone the fleet works P first
 * and O's spot decides the end. The planner (no search) keeps the
 * spot-urgent pair. */
static void test_spot_urgency_works_short_spots_from_the_start(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(spot_urgent_scenario);
    sortie_model *m = fx.m;
    sched *out[2] = {NULL, NULL};
    for (int spots = 0; spots < 2; spots++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.spot_urgency = spots;
        assert_int_equal(dispatch_run(fx.d, NULL, NULL, &knobs, &out[spots]), SORTIE_OK);
        tu_assert_sched_valid(m, out[spots]);
    }
    assert_true(first_load_from_origin(out[1]) + 120 < first_load_from_origin(out[0]));
    assert_true(sched_closure(out[1]) < sched_closure(out[0]));
    dispatch_knobs spots = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    spots.spot_urgency = true;
    minute_t urgent = pair_closure(fx.d, spots);
    assert_true(urgent < sched_closure(out[0]));
    assert_int_equal(tu_unsearched_closure(m), urgent);
    sched_free(out[0]);
    sched_free(out[1]);
    tu_dispatch_close(&fx);
}

static void test_strict_at_a_base(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(strict_base_scenario);
    sortie_model *m = fx.m;
    dispatch *d = fx.d;
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.strict = 2.0;
    sched *strict = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &strict), SORTIE_OK);
    tu_assert_sched_valid(m, strict);
    /* The big aircraft carry most of R: 400 t at 40 t a stay. */
    assert_true(fleet_stays_at_origin(strict, model_fleet_index(m, "FB")) >= 5);
    sched_free(strict);
    tu_dispatch_close(&fx);
}

static void test_regions_keep_aircraft_in_their_theatre(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(regions_scenario);
    sortie_model *m = fx.m;
    dispatch *d = fx.d;
    int oa = model_airfield_index(m, "OA"), ob = model_airfield_index(m, "OB");
    int fa = model_fleet_index(m, "FA"), fb = model_fleet_index(m, "FB");
    sched *free_run = NULL, *regional = NULL;
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    assert_true(knobs.regions);
    knobs.regions = false;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &free_run), SORTIE_OK);
    knobs.regions = true;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &regional), SORTIE_OK);
    tu_assert_sched_valid(m, free_run);
    tu_assert_sched_valid(m, regional);

    /* Without regions FB's idle aircraft cross to RA before RB is ready. */
    bool crossed_early = false;
    for (int i = 0; i < m->fleets[fb].count; i++) {
        minute_t first = 0, last = 0, b_first = 0, b_last = 0;
        int t = m->fleets[fb].first_tail + i;
        if (loaded_from(free_run, t, oa, &first, &last) &&
            (!loaded_from(free_run, t, ob, &b_first, &b_last) || first < b_first))
            crossed_early = true;
    }
    assert_true(crossed_early);
    /* With them each fleet works its own theatre first and leaves it only
     * once it has carried its last load there. */
    const int home[2] = {oa, ob}, fleet[2] = {fa, fb};
    for (int side = 0; side < 2; side++)
        for (int i = 0; i < m->fleets[fleet[side]].count; i++) {
            int t = m->fleets[fleet[side]].first_tail + i;
            minute_t h_first = 0, h_last = 0, o_first = 0, o_last = 0;
            assert_true(loaded_from(regional, t, home[side], &h_first, &h_last));
            if (loaded_from(regional, t, home[1 - side], &o_first, &o_last))
                assert_true(o_first > h_last);
        }

    sched_free(free_run);
    sched_free(regional);
    tu_dispatch_close(&fx);
}

static long loaded_legs(const sched *s)
{
    long n = 0;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++)
            n += s->tails[t].legs[i].load >= 0;
    return n;
}

/* The generated XS scenario of seed 195: one US C-17 (102 seats) and one
 * Canadian C-130J (92), both from Santo Domingo (one spot) to Pope AAF.
 * US-002's 139 passengers (priority 1) may go on either, US-001's 30 and
 * a pallet (priority 2) only on the C-17. Filled by urgency, the C-17
 * takes 102 of US-002 and has to come back for US-001; filled from what
 * the fewest aircraft may carry, each flies once, and the search (every
 * fourth step so filled) reaches the optimum exact mode proves, 16:44. */
static const char scarce_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"scarce\", \"start\": \"2024-05-05T06:00Z\", \"horizon_h\": 720,"
    " \"airfields\": [{\"id\": \"MDSD\", \"lat\": 18.4297, \"lon\": -69.6689, \"mog\": 1},"
    "   {\"id\": \"KPOB\", \"lat\": 35.1709, \"lon\": -79.0145}, {\"id\": \"CYTR\", \"lat\": 44.1189, \"lon\": -77.5281}],"
    " \"fleets\": [{\"id\": \"US\", \"operator\": \"US\", \"type\": \"C-17A\", \"count\": 1, \"base\": \"KPOB\"},"
    "   {\"id\": \"CA\", \"operator\": \"CA\", \"type\": \"C-130J-30\", \"count\": 1, \"base\": \"CYTR\"}],"
    " \"requirements\": [{\"id\": \"US-001\", \"from\": \"MDSD\", \"to\": \"KPOB\", \"pax\": 30,"
    "   \"cargo\": [{\"name\": \"Baggage pallet\", \"count\": 1, \"weight_kg\": 2500, \"length_m\": 3.18,"
    "     \"width_m\": 2.44, \"height_m\": 1.6}], \"ready\": \"2024-05-05T09:00Z\", \"priority\": 2,"
    "   \"carriers\": [\"US\"]},"
    "   {\"id\": \"US-002\", \"from\": \"MDSD\", \"to\": \"KPOB\", \"pax\": 139, \"priority\": 1}]}";

typedef void (*knob_set)(dispatch_knobs *knobs, bool on);
static void set_scarce_first(dispatch_knobs *knobs, bool on) { knobs->scarce_first = on; }
static void set_whole_route_seats(dispatch_knobs *knobs, bool on) { knobs->whole_route_seats = on; }

/* A packing knob that saves a sortie: the scenario dispatched without and
 * with it (each schedule checked) flies `legs_off` and `legs_on` loaded
 * legs, and closes more than an hour earlier with it; the planner, whose
 * search steps set the knob, closes no later than that. */
static void assert_knob_saves_a_load(const char *scenario, knob_set set, long legs_off, long legs_on)
{
    tu_dispatch_fixture fx = tu_dispatch_open(scenario);
    sortie_model *m = fx.m;
    sched *out[2] = {NULL, NULL};
    for (int on = 0; on < 2; on++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        set(&knobs, on);
        assert_int_equal(dispatch_run(fx.d, NULL, NULL, &knobs, &out[on]), SORTIE_OK);
        tu_assert_sched_valid(m, out[on]);
    }
    assert_int_equal(loaded_legs(out[0]), legs_off);
    assert_int_equal(loaded_legs(out[1]), legs_on);
    assert_true(sched_closure(out[1]) + 60 < sched_closure(out[0]));
    sortie_params params;
    sortie_params_init(&params);
    params.time_limit_s = 600;
    params.effort = 1; /* one search, whatever the limit */
    sortie_plan *plan = tu_plan(m, &params);
    assert_true(plan->closure <= sched_closure(out[1]));
    sortie_plan_free(plan);
    sched_free(out[0]);
    sched_free(out[1]);
    tu_dispatch_close(&fx);
}

static void test_scarce_first_fills_from_the_restricted(void **state)
{
    (void)state;
    /* Without the search's scarce steps the planner closed at 18:05. */
    assert_knob_saves_a_load(scarce_scenario, set_scarce_first, 3, 2);
}

/* The generated XS scenario of seed 342: two US C-130J-30s (92 seats,
 * 19,958 kg) from Pope AAF; Kingston (one spot) has US-003 (priority 1: 69
 * passengers, a JLTV and a 20 ft container) and US-001 (61 passengers and a
 * JLTV), 37.8 t and 130 seats: two loads, if one seats 38 or more.
 * Filled one requirement at a time, the first takes the JLTV, the container
 * and 15 passengers, and Kingston needs three loads; with room kept for the
 * route's passengers together, two, and the search (every other step so
 * filled) reaches the optimum exact mode proves, 01:00 against 03:00. */
static const char seats_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"seats\", \"start\": \"2024-08-03T06:00Z\", \"horizon_h\": 720,"
    " \"airfields\": [{\"id\": \"MTPP\", \"lat\": 18.58, \"lon\": -72.2925, \"mog\": 1},"
    "   {\"id\": \"MKJP\", \"lat\": 17.9357, \"lon\": -76.7875, \"mog\": 1},"
    "   {\"id\": \"KPOB\", \"lat\": 35.1709, \"lon\": -79.0145}],"
    " \"fleets\": [{\"id\": \"US\", \"operator\": \"US\", \"type\": \"C-130J-30\", \"count\": 2, \"base\": \"KPOB\"}],"
    " \"requirements\": [{\"id\": \"US-001\", \"from\": \"MKJP\", \"to\": \"KPOB\", \"pax\": 61,"
    "   \"cargo\": [{\"name\": \"JLTV\", \"count\": 1, \"weight_kg\": 6400, \"length_m\": 6.2, \"width_m\": 2.5,"
    "     \"height_m\": 2.6}], \"ready\": \"2024-08-03T08:00Z\", \"priority\": 2},"
    "   {\"id\": \"US-002\", \"from\": \"MTPP\", \"to\": \"KPOB\", \"pax\": 35,"
    "   \"cargo\": [{\"name\": \"463L pallet\", \"count\": 1, \"weight_kg\": 4500, \"length_m\": 2.74,"
    "     \"width_m\": 2.24, \"height_m\": 2.0}, {\"name\": \"Baggage pallet\", \"count\": 1, \"weight_kg\": 2500,"
    "     \"length_m\": 3.18, \"width_m\": 2.44, \"height_m\": 1.6}], \"ready\": \"2024-08-03T09:00Z\", \"priority\": 1},"
    "   {\"id\": \"US-003\", \"from\": \"MKJP\", \"to\": \"KPOB\", \"pax\": 69,"
    "   \"cargo\": [{\"name\": \"JLTV\", \"count\": 1, \"weight_kg\": 6400, \"length_m\": 6.2, \"width_m\": 2.5,"
    "     \"height_m\": 2.6}, {\"name\": \"ISO 20ft container\", \"count\": 1, \"weight_kg\": 12000,"
    "     \"length_m\": 6.06, \"width_m\": 2.44, \"height_m\": 2.59}], \"priority\": 1}]}";

static void test_whole_route_seats_saves_a_load(void **state)
{
    (void)state;
    /* Without the search's whole-route steps the planner closed at 03:00. */
    assert_knob_saves_a_load(seats_scenario, set_whole_route_seats, 4, 3);
}

static void test_wait_for_the_next_ready_load(void **state)
{
    (void)state;
    /* When the aircraft could first leave O: from the plain construction's sortie. */
    char text[2048];
    snprintf(text, sizeof text, wait_scenario, "2024-01-01T00:00Z");
    tu_dispatch_fixture fx = tu_dispatch_open(text);
    sortie_model *m = fx.m;
    dispatch *d = fx.d;
    sched *probe = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &probe), SORTIE_OK);
    tu_assert_sched_valid(m, probe);
    minute_t first = SLOT_NEVER;
    for (int i = 0; i < probe->tails[0].n_legs; i++)
        if (probe->tails[0].legs[i].load >= 0 && probe->tails[0].legs[i].dep < first)
            first = probe->tails[0].legs[i].dep;
    sched_free(probe);
    tu_dispatch_close(&fx);

    char ready[18];
    time_format(first + 4, ready);
    snprintf(text, sizeof text, wait_scenario, ready);
    fx = tu_dispatch_open(text);
    m = fx.m;
    d = fx.d;
    sched *eager = NULL, *patient = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &eager), SORTIE_OK);
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.wait_ready = true;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &patient), SORTIE_OK);
    tu_assert_sched_valid(m, eager);
    tu_assert_sched_valid(m, patient);
    assert_int_equal(loaded_legs(eager), 2);
    assert_int_equal(loaded_legs(patient), 1);
    assert_true(sched_closure(patient) < sched_closure(eager));
    /* The planner's search finds it too. */
    sortie_params params;
    sortie_params_init(&params);
    sortie_plan *plan = tu_plan(m, &params);
    assert_int_equal(plan->closure, sched_closure(patient));
    sortie_plan_free(plan);

    sched_free(eager);
    sched_free(patient);
    tu_dispatch_close(&fx);
}

/* A guide giving fleet f x sortie-equivalents of requirement r, and nothing
 * else, in guide (n_fleets x n_reqs, zeroed first when `clear`). */
static void guide_give(const sortie_model *m, double *guide, bool clear, const char *f, const char *r, double x)
{
    if (clear)
        memset(guide, 0, sizeof *guide * (size_t)m->n_fleets * (size_t)m->n_reqs);
    guide[(size_t)model_fleet_index(m, f) * (size_t)m->n_reqs + (size_t)model_req_index(m, r)] = x;
}

/* A guide handed in (as the time-indexed bound hands its LP's split) steers
 * the construction: the fleet it gives the work to flies more of it. */
static void test_a_guide_steers_the_construction(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(spot_scenario);
    const sortie_model *m = fx.m;
    int fs = model_fleet_index(m, "FS");
    double *guide = malloc(sizeof *guide * (size_t)m->n_fleets * (size_t)m->n_reqs);
    assert_non_null(guide);
    int stays[2];
    for (int to_small = 0; to_small < 2; to_small++) {
        guide_give(m, guide, true, "FB", "R", to_small ? 0 : 10);  /* 400 t at 40 t */
        guide_give(m, guide, false, "FS", "R", to_small ? 40 : 0); /* 400 t at 10 t */
        assert_true(dispatch_set_guide(fx.d, guide));
        sched *s = NULL;
        assert_int_equal(dispatch_run(fx.d, NULL, NULL, NULL, &s), SORTIE_OK);
        tu_assert_sched_valid(m, s);
        stays[to_small] = fleet_stays_at_origin(s, fs);
        sched_free(s);
        /* A copy (dispatch_new_like) carries the guide: it builds the same. */
        dispatch *copy = dispatch_new_like(fx.d);
        assert_non_null(copy);
        assert_int_equal(dispatch_run(copy, NULL, NULL, NULL, &s), SORTIE_OK);
        tu_assert_sched_valid(m, s);
        assert_int_equal(fleet_stays_at_origin(s, fs), stays[to_small]);
        sched_free(s);
        dispatch_free(copy);
    }
    assert_true(stays[1] > stays[0]);
    free(guide);
    tu_dispatch_close(&fx);
}

/* Admission (knobs.admit): O's one spot is for the pools the guide gives
 * sorties there. Given R to the big aircraft and R2 to Y's small ones, X's
 * small aircraft never stand on it (they do without admission, under the
 * same guide) and the plan closes earlier. A requirement that no admitted
 * pool may carry is still delivered: with R2 left out of the guide, Y's
 * small aircraft, its only carriers, still fly its four loads. */
static void test_admission_keeps_short_spots_to_the_guides_pools(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(strict_scenario);
    const sortie_model *m = fx.m;
    int fs = model_fleet_index(m, "FS"), fy = model_fleet_index(m, "FY");
    double *guide = malloc(sizeof *guide * (size_t)m->n_fleets * (size_t)m->n_reqs);
    assert_non_null(guide);
    guide_give(m, guide, true, "FB", "R", 10);
    guide_give(m, guide, false, "FY", "R2", 4);
    assert_true(dispatch_set_guide(fx.d, guide));
    sched *out[2] = {NULL, NULL};
    for (int admit = 0; admit < 2; admit++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.admit = admit ? DISPATCH_ADMIT : 0;
        out[admit] = run_valid(fx.d, &knobs);
    }
    assert_true(fleet_stays_at_origin(out[0], fs) > 0);
    assert_int_equal(fleet_stays_at_origin(out[1], fs), 0);
    assert_int_equal(fleet_stays_at_origin(out[1], fy), 4);
    assert_true(sched_closure(out[1]) < sched_closure(out[0]));
    sched_free(out[0]);
    sched_free(out[1]);

    guide_give(m, guide, true, "FB", "R", 10);
    assert_true(dispatch_set_guide(fx.d, guide));
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.admit = DISPATCH_ADMIT;
    sched *s = run_valid(fx.d, &knobs);
    assert_int_equal(fleet_stays_at_origin(s, fs), 0);
    assert_int_equal(fleet_stays_at_origin(s, fy), 4);
    sched_free(s);
    free(guide);
    tu_dispatch_close(&fx);
}

/* Admission with strict_idle: the small aircraft, not admitted, may still
 * take O's spot when neither big one could stand there before they
 * leave, and the plan closes earlier than with admission alone. */
static void test_admission_fills_idle_spots(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(idle_scenario);
    const sortie_model *m = fx.m;
    int fs = model_fleet_index(m, "FS");
    double *guide = malloc(sizeof *guide * (size_t)m->n_fleets * (size_t)m->n_reqs);
    assert_non_null(guide);
    guide_give(m, guide, true, "FB", "R", 10);
    assert_true(dispatch_set_guide(fx.d, guide));
    sched *out[2] = {NULL, NULL};
    for (int idle = 0; idle < 2; idle++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.admit = DISPATCH_ADMIT;
        knobs.guide = 0; /* admission alone decides who may fly */
        knobs.strict_idle = idle;
        out[idle] = run_valid(fx.d, &knobs);
    }
    assert_int_equal(fleet_stays_at_origin(out[0], fs), 0);
    assert_true(fleet_stays_at_origin(out[1], fs) > 0);
    assert_true(sched_closure(out[1]) < sched_closure(out[0]));
    sched_free(out[0]);
    sched_free(out[1]);
    free(guide);
    tu_dispatch_close(&fx);
}

/* What the SHORT fleet's fuel stops at X did, and when X's last R1 load left. */
typedef struct {
    int stops_during;   /* loaded stops at X before R1's last lift */
    int stops_after;
    minute_t r1_last;   /* R1's last take-off from X */
    minute_t closure;
} stop_use;

static stop_use fuel_stops_at_x(const sortie_model *m, const sched *s)
{
    int fs = model_fleet_index(m, "FS"), x = model_airfield_index(m, "X");
    stop_use u = {.closure = sched_closure(s)};
    for (int t = 0; t < m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *l = &s->tails[t].legs[i];
            if (l->load >= 0 && l->from == x && m->tails[t].fleet != fs && l->dep > u.r1_last)
                u.r1_last = l->dep;
        }
    for (int t = 0; t < m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *l = &s->tails[t].legs[i];
            if (l->load >= 0 && l->to == x && m->tails[t].fleet == fs)
                *(l->arr < u.r1_last ? &u.stops_during : &u.stops_after) += 1;
        }
    return u;
}

/* A fuel stop on a short airfield's spot costs more (DISPATCH_STOP_SPOT)
 * while that airfield still has loads to move: SHORT leaves X's spot to R1
 * for a while, which closes earlier than stopping at once; once R1 is gone,
 * stopping there costs nothing more and SHORT carries R2 through X again. */
static void test_fuel_stops_keep_off_short_spots(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(stop_scenario);
    stop_use use[2];
    for (int weighed = 0; weighed < 2; weighed++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_PATIENT_WAITS);
        knobs.slot = weighed ? DISPATCH_SLOT : 0;
        sched *s = NULL;
        assert_int_equal(dispatch_run(fx.d, NULL, NULL, &knobs, &s), SORTIE_OK);
        tu_assert_sched_valid(fx.m, s);
        use[weighed] = fuel_stops_at_x(fx.m, s);
        sched_free(s);
    }
    assert_true(use[1].stops_during < use[0].stops_during);
    assert_true(use[1].r1_last < use[0].r1_last);
    assert_true(use[1].closure < use[0].closure);
    assert_true(use[1].stops_after > 0);
    tu_dispatch_close(&fx);
}

/* Stays at X by fleet FS before R1's last take-off from X. */
static int stops_at_x_during_r1(const sortie_model *m, const sched *s)
{
    stop_use u = fuel_stops_at_x(m, s);
    int fs = model_fleet_index(m, "FS"), x = model_airfield_index(m, "X"), n = 0;
    for (int t = 0; t < m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++)
            n += s->tails[t].legs[i].to == x && m->tails[t].fleet == fs && s->tails[t].legs[i].arr < u.r1_last;
    return n;
}

/* Where another stop is in range, a short airfield's spot is left to its
 * own loads (knobs.stop_avoid): SHORT positions by way of Y, a little
 * further, while R1 is lifted from X, and R1 is done sooner. Taking the
 * stop that lands earliest (the default), SHORT stands on X's only spot
 * instead. The planner builds both (construct_better, on S and M) and
 * keeps the better. */
static void test_fuel_stops_go_round_short_spots(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(detour_scenario);
    stop_use use[2];
    minute_t earliest[2]; /* the better of hasty and patient, by the default and round */
    for (int avoid = 0; avoid < 2; avoid++) {
        dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        knobs.stop_avoid = avoid ? DISPATCH_STOP_DETOUR : DISPATCH_STOP_AVOID;
        sched *s = NULL;
        assert_int_equal(dispatch_run(fx.d, NULL, NULL, &knobs, &s), SORTIE_OK);
        tu_assert_sched_valid(fx.m, s);
        use[avoid] = fuel_stops_at_x(fx.m, s);
        use[avoid].stops_during = stops_at_x_during_r1(fx.m, s);
        sched_free(s);
        earliest[avoid] = pair_closure(fx.d, knobs);
    }
    assert_true(use[0].stops_during > 0);
    assert_int_equal(use[1].stops_during, 0);
    assert_true(use[1].closure < use[0].closure);
    assert_true(earliest[1] < earliest[0]);

    /* The planner without search keeps the round way's plan. */
    assert_int_equal(tu_unsearched_closure(fx.m), earliest[1]);
    tu_dispatch_close(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_patient_keeps_the_spot_for_big_loads),
        cmocka_unit_test(test_pace_leaves_early_spots_to_the_critical_fleet),
        cmocka_unit_test(test_rivals_give_the_spot_to_the_best_user),
        cmocka_unit_test(test_strict_keeps_small_types_to_their_own_loads),
        cmocka_unit_test(test_strict_at_a_base),
        cmocka_unit_test(test_strict_fills_idle_spots),
        cmocka_unit_test(test_spot_urgency_works_short_spots_from_the_start),
        cmocka_unit_test(test_scarce_first_fills_from_the_restricted),
        cmocka_unit_test(test_whole_route_seats_saves_a_load),
        cmocka_unit_test(test_regions_keep_aircraft_in_their_theatre),
        cmocka_unit_test(test_wait_for_the_next_ready_load),
        cmocka_unit_test(test_a_guide_steers_the_construction),
        cmocka_unit_test(test_admission_keeps_short_spots_to_the_guides_pools),
        cmocka_unit_test(test_admission_fills_idle_spots),
        cmocka_unit_test(test_fuel_stops_keep_off_short_spots),
        cmocka_unit_test(test_fuel_stops_go_round_short_spots),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
