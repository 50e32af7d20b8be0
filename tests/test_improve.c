/* test_improve: the improvement search, on one lane (improve.c) and two
 * (psearch.c). A search in two parts that share one generator and number
 * their steps on is the same search as one part of as many steps (the
 * planner splits its search around the time-indexed bound and relies on
 * this); a larger budget allows more steps; two lanes give the same plan
 * on every run, and (on this scenario, with seed 7) a better one than the
 * first lane alone; the time limit stops a step under way. All on the
 * generated S scenario of seed 2, where the steps improve the
 * construction. Every schedule goes through the plan checker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "improve.h"
#include "model.h"
#include "plan.h"
#include "psearch.h"
#include "rng.h"
#include "sched.h"
#include "testutil.h"

static void assert_same_schedule(const sched *a, const sched *b)
{
    assert_int_equal(a->m->n_tails, b->m->n_tails);
    for (int t = 0; t < a->m->n_tails; t++) {
        assert_int_equal(a->tails[t].n_legs, b->tails[t].n_legs);
        for (int i = 0; i < a->tails[t].n_legs; i++) {
            const sched_leg *x = &a->tails[t].legs[i], *y = &b->tails[t].legs[i];
            assert_int_equal(x->from, y->from);
            assert_int_equal(x->to, y->to);
            assert_int_equal(x->dep, y->dep);
            assert_int_equal(x->arr, y->arr);
            assert_int_equal(x->load >= 0, y->load >= 0);
        }
    }
}

/* The generated S scenario of seed 2 and its model, shared by the tests. */
static int setup(void **state)
{
    *state = tu_fixture_new(tu_generated(SORTIE_SCALE_S, 2));
    return 0;
}

/* A fresh construction by d; its objective in *start when start is not NULL. */
static sched *construct(dispatch *d, improve_obj *start)
{
    sched *s = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &s), SORTIE_OK);
    if (start)
        improve_objective(s, start);
    return s;
}

/* The search ran its steps, found something better than *start and left a valid schedule. */
static void assert_improved(const sortie_model *m, const sched *s, const improve_obj *start, bool cut)
{
    assert_false(cut);
    improve_obj end;
    improve_objective(s, &end);
    assert_true(improve_compare(&end, start) < 0);
    tu_assert_sched_valid(m, s);
}

/* Runs `steps` steps with seed 7 from a fresh construction, in one part or split after `split`. */
static sched *search(const sortie_model *m, long steps, long split)
{
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    improve_obj start;
    sched *s = construct(d, &start);
    rng random;
    rng_seed(&random, 7);
    bool cut = false;
    improve_opts first = {.random = &random, .iterations = split > 0 ? split : steps};
    assert_int_equal(improve_run(m, d, &s, &first, &cut, NULL), SORTIE_OK);
    if (split > 0) {
        improve_opts rest = {.random = &random, .iterations = steps - split, .steps_before = split};
        assert_int_equal(improve_run(m, d, &s, &rest, &cut, NULL), SORTIE_OK);
    }
    assert_improved(m, s, &start, cut);
    dispatch_free(d);
    return s;
}

static void test_two_parts_are_one_search(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    sched *whole = search(m, 40, 0), *parts = search(m, 40, 15);
    assert_same_schedule(whole, parts);
    sched_free(whole);
    sched_free(parts);
}

/* Where the search stops when it starts `before` steps short of the
 * default step cap, may take 10 steps, and has the budget times `scale`. */
static long steps_end(const sortie_model *m, long before, double scale)
{
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *s = construct(d, NULL);
    bool cut = false;
    long next = -1;
    improve_opts o = {.seed = 3, .iterations = 10, .steps_before = IMPROVE_MAX_STEPS - before, .budget_scale = scale};
    assert_int_equal(improve_run(m, d, &s, &o, &cut, &next), SORTIE_OK);
    tu_assert_sched_valid(m, s);
    sched_free(s);
    dispatch_free(d);
    return next;
}

static void test_a_larger_budget_allows_more_steps(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    improve_opts plain = {0}, twice = {.budget_scale = 2};
    assert_int_equal(improve_max_steps(&plain), IMPROVE_MAX_STEPS);
    assert_int_equal(improve_max_steps(&twice), 2 * IMPROVE_MAX_STEPS);
    improve_opts huge = {.budget_scale = 1e300}, nan = {.budget_scale = NAN};
    assert_int_equal(improve_max_steps(&huge), (long)(IMPROVE_MAX_STEPS * IMPROVE_MAX_SCALE));
    assert_int_equal(improve_max_steps(&nan), IMPROVE_MAX_STEPS);
    assert_int_equal(steps_end(m, 5, 1), IMPROVE_MAX_STEPS);
    assert_int_equal(steps_end(m, 5, 2), IMPROVE_MAX_STEPS + 5);
}

/* A fresh construction is a step only while it costs at most its share of
 * the budget; the planner then also starts both lanes at once (L). */
static void test_a_costly_construction_is_no_step(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *s = construct(d, NULL);
    long share = (long)(IMPROVE_RESTART_SHARE * IMPROVE_WORK);
    improve_opts cheap = {.construct_work = share}, costly = {.construct_work = share + 1}, untold = {0};
    assert_true(improve_restarts_pay(d, &cheap));
    assert_false(improve_restarts_pay(d, &costly));
    /* Untold, half what d did: one construction here. */
    assert_int_equal(improve_construct_work(d, &untold), dispatch_work(d) / 2);
    assert_true(improve_restarts_pay(d, &untold));
    sched_free(s);
    dispatch_free(d);
}

/* A clock that ticks one second each time it is read. */
static double ticks(void *user)
{
    long *n = user;
    return (double)++*n;
}

/* A construction still going at its deadline stops (no schedule); with a
 * deadline it never meets it builds what it builds without a clock; and a
 * search step stopped that way cuts the search short, the schedule in
 * hand kept as it was. */
static void test_the_clock_stops_a_step(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    improve_obj start;
    sched *s = construct(d, &start);
    long n = 0;
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.clock = ticks;
    knobs.clock_user = &n;
    knobs.deadline_s = 3;
    sched *stopped = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &stopped), SORTIE_OK);
    assert_null(stopped);
    assert_int_equal(n, 3);
    knobs.deadline_s = 1e300;
    sched *whole = NULL, *plain = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &whole), SORTIE_OK);
    knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    assert_int_equal(dispatch_run(d, NULL, NULL, &knobs, &plain), SORTIE_OK);
    tu_assert_sched_valid(m, whole);
    assert_same_schedule(whole, plain);

    /* Read once as the step starts (1), then by the step's dispatcher (2, 3). */
    n = 0;
    bool cut = false;
    improve_opts o = {.seed = 7, .iterations = 5, .clock = ticks, .clock_user = &n, .deadline_s = 3};
    assert_int_equal(improve_run(m, d, &s, &o, &cut, NULL), SORTIE_OK);
    assert_true(cut);
    improve_obj end;
    improve_objective(s, &end);
    assert_int_equal(improve_compare(&end, &start), 0);
    tu_assert_sched_valid(m, s);
    sched_free(whole);
    sched_free(plain);
    sched_free(s);
    dispatch_free(d);
}

/* `steps` steps with seed 7 from a fresh construction, on two lanes. */
static sched *search_two_lanes(const sortie_model *m, long steps)
{
    dispatch *lanes[2] = {dispatch_new(m), NULL};
    assert_non_null(lanes[0]);
    assert_non_null(lanes[1] = dispatch_new_like(lanes[0]));
    improve_obj start;
    sched *s = construct(lanes[0], &start);
    bool cut = false;
    improve_opts o = {.seed = 7, .iterations = steps};
    assert_int_equal(psearch_run(m, lanes, &s, &o, &cut), SORTIE_OK);
    assert_improved(m, s, &start, cut);
    dispatch_free(lanes[0]);
    dispatch_free(lanes[1]);
    return s;
}

static void test_two_lanes_give_one_plan_and_a_better_one(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    long steps = 8 * PSEARCH_ROUND;
    sched *a = search_two_lanes(m, steps), *b = search_two_lanes(m, steps), *one = search(m, steps, 0);
    assert_same_schedule(a, b);
    improve_obj two_lanes, one_lane;
    improve_objective(a, &two_lanes);
    improve_objective(one, &one_lane);
    assert_true(improve_compare(&two_lanes, &one_lane) < 0);
    sched_free(a);
    sched_free(b);
    sched_free(one);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_parts_are_one_search),
        cmocka_unit_test(test_a_larger_budget_allows_more_steps),
        cmocka_unit_test(test_a_costly_construction_is_no_step),
        cmocka_unit_test(test_the_clock_stops_a_step),
        cmocka_unit_test(test_two_lanes_give_one_plan_and_a_better_one),
    };
    return cmocka_run_group_tests(tests, setup, tu_fixture_teardown);
}
