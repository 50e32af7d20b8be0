/* test_part: planning the part that closes a plan first (part.c) and the
 * dispatcher's two means to it (dispatch.h): a run restricted to some
 * requirements and tails (only_reqs, only_tails), and a run around kept
 * later sorties (dispatch_run_around), which fills the time before them.
 *
 * The case: one aircraft of operator U, the only one that may carry RU
 * (ready at 10:00 at O), and one of operator E; RE, ready at once at O,
 * either may carry. The greedy flies the U aircraft on RE while RU is not
 * ready and has it away when RU becomes ready; planned first, RU leaves at
 * 10:00 and the U aircraft flies RE only in the time before. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "part.h"
#include "rng.h"
#include "sched.h"
#include "slot.h"
#include "testutil.h"
#include "timeutil.h"

static const char part_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"part\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 480,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"T\", \"payload_kg\": 40000, \"seats\": 100, \"hold\": {\"length_m\": 20, \"width_m\": 4, \"height_m\": 4},"
    "   \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FU\", \"operator\": \"U\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"},"
    "            {\"id\": \"FE\", \"operator\": \"E\", \"type\": \"T\", \"count\": 1, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"RU\", \"from\": \"O\", \"to\": \"B\", \"carriers\": [\"U\"], \"ready\": \"2024-01-01T10:00Z\","
    "   \"cargo\": [{\"name\": \"box\", \"count\": 40, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]},"
    "  {\"id\": \"RE\", \"from\": \"O\", \"to\": \"B\","
    "   \"cargo\": [{\"name\": \"crate\", \"count\": 24, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

/* The first loaded take-off of requirement r in s, or SLOT_NEVER. */
static minute_t first_takeoff_of(const sched *s, int r)
{
    minute_t first = SLOT_NEVER;
    for (int k = 0; k < s->m->n_tails; k++)
        for (int i = 0; i < s->tails[k].n_legs; i++) {
            const sched_leg *g = &s->tails[k].legs[i];
            if (g->load < 0 || g->dep >= first)
                continue;
            for (int p = 0; p < s->loads[g->load].n_pieces; p++)
                if (s->loads[g->load].pieces[p].req == r)
                    first = g->dep;
        }
    return first;
}

/* Loads of requirement r that tail k carries in s. */
static int loads_of(const sched *s, int k, int r)
{
    int n = 0;
    for (int l = 0; l < s->n_loads; l++)
        for (int p = 0; p < s->loads[l].n_pieces; p++)
            n += s->loads[l].tail == k && s->loads[l].pieces[p].req == r;
    return n;
}

/* The checker finds nothing wrong with s but RE left unmoved (rule 10). */
static void assert_valid_but_re(const sortie_model *m, const sched *s)
{
    sortie_plan *p = NULL;
    assert_int_equal(sched_to_plan(s, &p), SORTIE_OK);
    sortie_diag *broken = NULL;
    sortie_check(m, p, &broken);
    assert_true(sortie_diag_count(broken) > 0);
    for (size_t i = 0; i < sortie_diag_count(broken); i++)
        assert_non_null(strstr(sortie_diag_message(broken, i), "requirement RE: rule 10:"));
    sortie_diag_free(broken);
    sortie_plan_free(p);
}

/* RU planned alone with the U aircraft (the part), by a run restricted to
 * them, checked (RE is left unmoved); the caller frees it. */
static sched *ru_alone(const tu_dispatch_fixture *fx)
{
    bool reqs[2] = {false, false}, tails[2] = {false, false};
    reqs[model_req_index(fx->m, "RU")] = true;
    tails[fx->m->fleets[model_fleet_index(fx->m, "FU")].first_tail] = true;
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.only_reqs = reqs;
    knobs.only_tails = tails;
    sched *part = NULL;
    assert_int_equal(dispatch_run(fx->d, NULL, NULL, &knobs, &part), SORTIE_OK);
    assert_valid_but_re(fx->m, part);
    return part;
}

static void test_a_run_moves_only_what_it_is_given(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(part_scenario);
    int ru = model_req_index(fx.m, "RU"), re = model_req_index(fx.m, "RE");
    int u = fx.m->fleets[model_fleet_index(fx.m, "FU")].first_tail;
    sched *s = ru_alone(&fx);
    for (int k = 0; k < fx.m->n_tails; k++) {
        assert_int_equal(loads_of(s, k, re), 0);
        if (k != u)
            assert_int_equal(s->tails[k].n_legs, 0);
    }
    assert_int_equal(first_takeoff_of(s, ru), fx.m->start + 600);
    sched_free(s);
    tu_dispatch_close(&fx);
}

static void test_a_run_around_kept_sorties_fills_the_time_before(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(part_scenario);
    int ru = model_req_index(fx.m, "RU"), re = model_req_index(fx.m, "RE");
    int u = fx.m->fleets[model_fleet_index(fx.m, "FU")].first_tail;
    sched *part = ru_alone(&fx);
    minute_t ready = fx.m->start + 600;
    minute_t cut[2] = {-SLOT_NEVER, -SLOT_NEVER}, anchor[2] = {SLOT_NEVER, SLOT_NEVER};
    anchor[u] = ready;
    sched *whole = NULL;
    assert_int_equal(dispatch_run_around(fx.d, part, cut, anchor, NULL, &whole), SORTIE_OK);
    tu_assert_sched_valid(fx.m, whole);
    /* RU's sorties are those of the part, to the minute: the same legs from the first on. */
    assert_int_equal(first_takeoff_of(whole, ru), ready);
    const sched_tail *was = &part->tails[u], *now = &whole->tails[u];
    int i0 = 0, j0 = 0;
    while (was->legs[i0].load < 0)
        i0++;
    while (now->legs[j0].dep != was->legs[i0].dep || now->legs[j0].load < 0)
        j0++;
    assert_int_equal(now->n_legs - j0, was->n_legs - i0);
    for (int i = i0; i < was->n_legs; i++) {
        assert_int_equal(now->legs[j0 + i - i0].dep, was->legs[i].dep);
        assert_int_equal(now->legs[j0 + i - i0].arr, was->legs[i].arr);
    }
    /* Before them, the U aircraft flies RE. */
    assert_true(loads_of(whole, u, re) > 0);
    sched_free(whole);
    /* Without the anchor the kept sorties go and the run starts afresh: the same as a plain run. */
    anchor[u] = SLOT_NEVER;
    sched *plain = NULL, *fresh = NULL;
    assert_int_equal(dispatch_run_around(fx.d, part, cut, anchor, NULL, &fresh), SORTIE_OK);
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, NULL, &plain), SORTIE_OK);
    tu_assert_sched_valid(fx.m, fresh);
    tu_assert_sched_valid(fx.m, plain);
    assert_int_equal(sched_closure(fresh), sched_closure(plain));
    sched_free(fresh);
    sched_free(plain);
    sched_free(part);
    tu_dispatch_close(&fx);
}

static void test_the_part_first_closes_earlier_than_the_greedy(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(part_scenario);
    int ru = model_req_index(fx.m, "RU");
    sched *greedy = NULL;
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, NULL, &greedy), SORTIE_OK);
    tu_assert_sched_valid(fx.m, greedy);
    minute_t before = sched_closure(greedy);
    minute_t greedy_ru = first_takeoff_of(greedy, ru);
    dispatch *lanes[2] = {fx.d, NULL};
    part_opts po = {.seed = 1, .bound = fx.m->start};
    bool cut_short = false;
    assert_int_equal(part_first(fx.m, lanes, &po, &greedy, &cut_short), SORTIE_OK);
    assert_false(cut_short);
    tu_assert_sched_valid(fx.m, greedy);
    assert_true(greedy_ru > fx.m->start + 600);
    assert_int_equal(first_takeoff_of(greedy, ru), fx.m->start + 600);
    assert_true(sched_closure(greedy) < before);
    /* The same on two lanes (psearch.h), as the planner runs it. */
    sched *two = NULL;
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, NULL, &two), SORTIE_OK);
    lanes[1] = dispatch_new_like(fx.d);
    assert_non_null(lanes[1]);
    assert_int_equal(part_first(fx.m, lanes, &po, &two, &cut_short), SORTIE_OK);
    tu_assert_sched_valid(fx.m, two);
    assert_int_equal(first_takeoff_of(two, ru), fx.m->start + 600);
    assert_true(sched_closure(two) < before);
    dispatch_free(lanes[1]);
    sched_free(two);
    sched_free(greedy);
    tu_dispatch_close(&fx);
}


/* Anchors anywhere: on the generated S-2, plans built around random kept
 * later sorties of random tails, after random cuts and with random
 * choices, each round keeping parts of the last, are all valid (the
 * checker passes them). */
static void test_any_anchors_give_valid_plans(void **state)
{
    (void)state;
    sortie_scenario *sc = tu_generated(SORTIE_SCALE_S, 2);
    sortie_model *m = tu_model(sc);
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *base = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &base), SORTIE_OK);
    tu_assert_sched_valid(m, base);
    minute_t span = sched_closure(base) - m->start;
    minute_t *cut = malloc(sizeof *cut * (size_t)m->n_tails);
    minute_t *anchor = malloc(sizeof *anchor * (size_t)m->n_tails);
    assert_non_null(cut);
    assert_non_null(anchor);
    rng random;
    rng_seed(&random, 7);
    int built = 0;
    for (int round = 0; round < 12; round++) {
        for (int k = 0; k < m->n_tails; k++) {
            cut[k] = rng_below(&random, 3) == 0 ? SLOT_NEVER : m->start + (minute_t)(rng_unit(&random) * (double)span);
            anchor[k] = rng_below(&random, 2) == 0 ? SLOT_NEVER : m->start + (minute_t)(rng_unit(&random) * (double)span);
        }
        dispatch_knobs knobs = dispatch_knobs_default(round % 3 == 2 ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS);
        knobs.random = &random;
        knobs.noise = 0.25;
        sched *s = NULL;
        sortie_status st = dispatch_run_around(d, base, cut, anchor, &knobs, &s);
        assert_true(st == SORTIE_OK || st == SORTIE_EINFEASIBLE);
        if (st == SORTIE_OK) {
            tu_assert_sched_valid(m, s);
            built++;
            sched_free(base);
            base = s; /* the next round keeps parts of this one */
        } else {
            sched_free(s);
        }
    }
    assert_true(built >= 6);
    free(cut);
    free(anchor);
    sched_free(base);
    dispatch_free(d);
    sortie_model_free(m);
    sortie_scenario_free(sc);
}

/* sched_with_suffixes splices the part's legs only into a tail that still
 * flies them: one that flies something else keeps its own. */
static void test_suffixes_only_where_the_part_is_flown(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(part_scenario);
    int u = fx.m->fleets[model_fleet_index(fx.m, "FU")].first_tail;
    sched *part = ru_alone(&fx), *greedy = NULL;
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, NULL, &greedy), SORTIE_OK);
    tu_assert_sched_valid(fx.m, greedy);
    minute_t anchor[2] = {SLOT_NEVER, SLOT_NEVER};
    anchor[u] = fx.m->start + 600;
    /* The greedy's U tail flies RU later than the part: not the part's legs. */
    sched *mixed = sched_with_suffixes(greedy, part, anchor);
    assert_non_null(mixed);
    assert_int_equal(mixed->tails[u].n_legs, greedy->tails[u].n_legs);
    for (int i = 0; i < greedy->tails[u].n_legs; i++)
        assert_int_equal(mixed->tails[u].legs[i].dep, greedy->tails[u].legs[i].dep);
    sched_free(mixed);
    /* A plan that flies the part's legs gets them back as they are, with what it does after them dropped. */
    minute_t cut[2] = {-SLOT_NEVER, -SLOT_NEVER};
    sched *around = NULL;
    assert_int_equal(dispatch_run_around(fx.d, part, cut, anchor, NULL, &around), SORTIE_OK);
    tu_assert_sched_valid(fx.m, around);
    sched *again = sched_with_suffixes(around, part, anchor);
    assert_non_null(again);
    const sched_tail *t = &again->tails[u], *p = &part->tails[u];
    assert_true(t->n_legs <= around->tails[u].n_legs);
    assert_int_equal(t->legs[t->n_legs - 1].arr, p->legs[p->n_legs - 1].arr);
    sched_free(again);
    sched_free(around);
    sched_free(greedy);
    sched_free(part);
    tu_dispatch_close(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_run_moves_only_what_it_is_given),
        cmocka_unit_test(test_a_run_around_kept_sorties_fills_the_time_before),
        cmocka_unit_test(test_the_part_first_closes_earlier_than_the_greedy),
        cmocka_unit_test(test_any_anchors_give_valid_plans),
        cmocka_unit_test(test_suffixes_only_where_the_part_is_flown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
