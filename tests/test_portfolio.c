/* test_portfolio: the constructions beside the LP. Where the search
 * restarts constructions (a cheap first construction), only the patient
 * one runs; where it does not (L, forced here by the first construction's
 * work), all PORTFOLIO_SIZE run, on the two threads' shares, and the best
 * is kept, whichever thread took which: on a MOG-1 origin
 * where one big aircraft and many small ones compete for the spot, a
 * variant that keeps the small ones off it closes first. The result is
 * valid, the same on every run, and portfolio_take keeps the first
 * construction unless the portfolio's is strictly better. After the LP,
 * its split of the work leads two more constructions (planner.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>

#include "bound.h"
#include "dispatch.h"
#include "improve.h"
#include "lpbound.h"
#include "model.h"
#include "plan.h"
#include "portfolio.h"
#include "slot.h"
#include "testutil.h"

/* A base B and, 556 km away, an origin O with one parking spot. X has one
 * BIG aircraft (40 t) and six SMALL ones (10 t), each an hour on the ground. */
static const char spot_scenario[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"portfolio\", \"start\": \"2024-01-01T00:00Z\","
    " \"horizon_h\": 480,"
    " \"airfields\": [{\"id\": \"B\", \"lat\": 0, \"lon\": 0}, {\"id\": \"O\", \"lat\": 0, \"lon\": 5, \"mog\": 1}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"BIG\", \"payload_kg\": 40000, \"seats\": 10, \"hold\": {\"length_m\": 20, \"width_m\": 4,"
    "   \"height_m\": 4}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0,"
    "   \"ground_min\": 60},"
    "  {\"id\": \"SMALL\", \"payload_kg\": 10000, \"seats\": 10, \"hold\": {\"length_m\": 10, \"width_m\": 3,"
    "   \"height_m\": 3}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 5000, \"taxi_min\": 0,"
    "   \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FB\", \"operator\": \"X\", \"type\": \"BIG\", \"count\": 1, \"base\": \"B\"},"
    "            {\"id\": \"FS\", \"operator\": \"X\", \"type\": \"SMALL\", \"count\": 6, \"base\": \"B\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"O\", \"to\": \"B\", \"cargo\": [{\"name\": \"box\","
    "   \"count\": 24, \"weight_kg\": 10000, \"length_m\": 2, \"width_m\": 2, \"height_m\": 2}]}]}";

static minute_t closure_of(const sched *s)
{
    improve_obj o;
    improve_objective(s, &o);
    return o.closure;
}

/* The plan's JSON text (owned by the caller, sortie_free), after the checker. */
static char *checked_json(const sortie_model *m, const sched *s)
{
    sortie_plan *p = tu_sched_plan(m, s);
    char *json = NULL;
    assert_int_equal(sortie_plan_to_json(p, &json), SORTIE_OK);
    sortie_plan_free(p);
    return json;
}

/* Construction i of the portfolio run alone, its closure. */
static minute_t variant_closure(const tu_dispatch_fixture *fx, int i)
{
    dispatch_knobs k = portfolio_knobs(i);
    sched *s = NULL;
    assert_int_equal(dispatch_run(fx->d, NULL, NULL, &k, &s), SORTIE_OK);
    tu_assert_sched_valid(fx->m, s);
    minute_t c = closure_of(s);
    sched_free(s);
    return c;
}

/* The first construction cheap (its real work here): only the patient one
 * runs, on the thread that takes from the front; the other finds nothing. */
static void test_cheap_construction_runs_the_patient_one(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(spot_scenario);
    sched *first = NULL;
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, NULL, &first), SORTIE_OK);
    tu_assert_sched_valid(fx.m, first);
    portfolio_share share;
    assert_true(portfolio_share_init(&share, fx.d, dispatch_work(fx.d)));
    assert_true(improve_restarts_pay(fx.d, &(improve_opts){.construct_work = share.first_work}));
    assert_false(share.costly);
    portfolio_job job = {.share = &share, .d = fx.d, .helper = true};
    assert_null(portfolio_run(&job));
    assert_int_equal(share.status, SORTIE_OK);
    assert_int_equal(job.runs, 1);
    assert_int_equal(job.extra_work, 0);
    assert_int_equal(share.gate, 0);
    assert_non_null(share.out[0]);
    for (int i = 1; i < PORTFOLIO_SIZE; i++)
        assert_null(share.out[i]);
    portfolio_job own = {.share = &share, .d = fx.d};
    assert_null(portfolio_run(&own));
    assert_int_equal(own.runs, 0);
    assert_int_equal(closure_of(share.out[0]), variant_closure(&fx, 0));
    sortie_free(checked_json(fx.m, share.out[0]));
    portfolio_share_free(&share);
    sched_free(first);
    tu_dispatch_close(&fx);
}

/* The first construction as costly as on L: all of them run, shared
 * between the two threads however they come (the helper's alone; the
 * other's first, which takes nothing before the helper has taken the
 * patient one; both at once, as the planner runs them), and the best
 * (twice the spot weight here: the small aircraft keep off O's spot while
 * the big one can use it) beats the patient one: the same plan every way. */
typedef enum { HELPER_ALONE, OTHER_FIRST, AT_ONCE, N_WAYS } portfolio_way;

static void test_costly_construction_runs_them_all(void **state)
{
    (void)state;
    char *text[N_WAYS] = {NULL};
    for (int way = 0; way < N_WAYS; way++) {
        tu_dispatch_fixture fx = tu_dispatch_open(spot_scenario);
        portfolio_share share;
        assert_true(portfolio_share_init(&share, fx.d, 4 * IMPROVE_WORK));
        assert_true(share.costly);
        portfolio_job job = {.share = &share, .d = fx.d, .helper = true};
        portfolio_job own = {.share = &share, .d = dispatch_new_like(fx.d)};
        assert_non_null(own.d);
        if (way == HELPER_ALONE || way == OTHER_FIRST) {
            if (way == OTHER_FIRST) {
                assert_null(portfolio_run(&own));
                assert_int_equal(own.runs, 0);
            }
            assert_null(portfolio_run(&job));
            assert_int_equal(job.runs, PORTFOLIO_SIZE);
            assert_null(portfolio_run(&own));
            assert_int_equal(own.runs, 0);
        } else {
            pthread_t helper;
            assert_int_equal(pthread_create(&helper, NULL, portfolio_run, &job), 0);
            assert_null(portfolio_run(&own));
            assert_int_equal(pthread_join(helper, NULL), 0);
            assert_true(job.runs >= 1);
            assert_int_equal(job.runs + own.runs, PORTFOLIO_SIZE);
        }
        dispatch_free(own.d);
        assert_int_equal(share.status, SORTIE_OK);
        assert_int_equal(share.gate, 1);
        assert_true(job.extra_work > 0 || job.runs == 1);
        for (int i = 0; i < PORTFOLIO_SIZE; i++)
            assert_non_null(share.out[i]);
        sched *all = NULL;
        assert_int_equal(portfolio_take(&share, &all), SORTIE_OK);
        for (int i = 0; i < PORTFOLIO_SIZE; i++)
            assert_null(share.out[i]);
        minute_t best = closure_of(all), patient = variant_closure(&fx, 0), least = patient;
        for (int i = 1; i < PORTFOLIO_SIZE; i++) {
            minute_t c = variant_closure(&fx, i);
            least = c < least ? c : least;
        }
        assert_int_equal(best, least);
        assert_true(best < patient);
        text[way] = checked_json(fx.m, all);
        sched_free(all);
        portfolio_share_free(&share);
        tu_dispatch_close(&fx);
    }
    for (int way = 1; way < N_WAYS; way++)
        assert_string_equal(text[0], text[way]);
    for (int way = 0; way < N_WAYS; way++)
        sortie_free(text[way]);
}

/* On the generated S-4 the capacity LP proves more than the combinatorial
 * bound, and two constructions led by its split of the work (hasty and
 * patient, with spot urgency, as the planner builds them after the LP on
 * S and M) close
 * earlier than the fluid plan's two: the planner, without search, returns
 * the best of the four. */
static void test_the_lp_split_leads_two_more_constructions(void **state)
{
    (void)state;
    sortie_scenario *sc = tu_generated(SORTIE_SCALE_S, 4);
    sortie_model *m = tu_model(sc);
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *s = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &s), SORTIE_OK);
    tu_assert_sched_valid(m, s);
    minute_t first = closure_of(s), fluid = first;
    sched_free(s);
    dispatch_knobs patient = portfolio_knobs(0);
    assert_int_equal(dispatch_run(d, NULL, NULL, &patient, &s), SORTIE_OK);
    tu_assert_sched_valid(m, s);
    fluid = closure_of(s) < fluid ? closure_of(s) : fluid;
    sched_free(s);

    /* The LP as the planner asks it: from the combinatorial bound up to the first plan's closure. */
    bound_info bi;
    assert_int_equal(bound_compute(m, &bi), SORTIE_OK);
    double *split = malloc(sizeof *split * (size_t)m->n_fleets * (size_t)m->n_reqs);
    assert_non_null(split);
    minute_t lp;
    bool guided = false;
    assert_int_equal(lpbound_closure_guide(m, bi.value, first, &lp, NULL, 0, split, &guided), SORTIE_OK);
    assert_true(guided);
    assert_true(lp > bi.value);
    assert_true(dispatch_set_guide(d, split));
    minute_t led = SLOT_NEVER;
    for (int w = 0; w < 2; w++) {
        dispatch_knobs k = dispatch_knobs_default(w ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS);
        k.spot_urgency = true;
        assert_int_equal(dispatch_run(d, NULL, NULL, &k, &s), SORTIE_OK);
        tu_assert_sched_valid(m, s);
        led = closure_of(s) < led ? closure_of(s) : led;
        sched_free(s);
    }
    assert_true(led < fluid);

    assert_int_equal(tu_unsearched_closure(m), led);
    free(split);
    bound_info_free(&bi);
    dispatch_free(d);
    sortie_model_free(m);
    sortie_scenario_free(sc);
}

/* portfolio_take keeps the first construction on a tie, takes a strictly
 * better one, and passes on running out of memory. */
static void test_take_keeps_the_first_unless_beaten(void **state)
{
    (void)state;
    tu_dispatch_fixture fx = tu_dispatch_open(spot_scenario);
    dispatch_knobs patient = portfolio_knobs(0), spots = portfolio_knobs(1);
    sched *first = NULL, *same = NULL, *better = NULL, *also = NULL;
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, &patient, &first), SORTIE_OK);
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, &patient, &same), SORTIE_OK);
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, &spots, &better), SORTIE_OK);
    assert_int_equal(dispatch_run(fx.d, NULL, NULL, &spots, &also), SORTIE_OK);
    tu_assert_sched_valid(fx.m, first);
    tu_assert_sched_valid(fx.m, same);
    tu_assert_sched_valid(fx.m, better);
    tu_assert_sched_valid(fx.m, also);
    assert_true(closure_of(better) < closure_of(first));
    assert_int_equal(closure_of(also), closure_of(better));

    portfolio_share share;
    assert_true(portfolio_share_init(&share, fx.d, dispatch_work(fx.d)));
    sched *best = first;
    share.out[0] = same;
    assert_int_equal(portfolio_take(&share, &best), SORTIE_OK);
    assert_ptr_equal(best, first);
    assert_null(share.out[0]);

    /* Of two as good, the earlier in the list. */
    share.out[2] = better;
    share.out[PORTFOLIO_SIZE - 1] = also;
    assert_int_equal(portfolio_take(&share, &best), SORTIE_OK);
    assert_ptr_equal(best, better);
    assert_null(share.out[2]);
    assert_null(share.out[PORTFOLIO_SIZE - 1]);

    assert_int_equal(dispatch_run(fx.d, NULL, NULL, &spots, &share.out[1]), SORTIE_OK);
    tu_assert_sched_valid(fx.m, share.out[1]);
    share.status = SORTIE_ENOMEM;
    assert_int_equal(portfolio_take(&share, &best), SORTIE_ENOMEM);
    assert_ptr_equal(best, better);
    assert_null(share.out[1]);
    portfolio_share_free(&share);
    sched_free(best);
    tu_dispatch_close(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cheap_construction_runs_the_patient_one),
        cmocka_unit_test(test_costly_construction_runs_them_all),
        cmocka_unit_test(test_take_keeps_the_first_unless_beaten),
        cmocka_unit_test(test_the_lp_split_leads_two_more_constructions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
