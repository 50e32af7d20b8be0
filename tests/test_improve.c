/* test_improve: the improvement search. A search in two parts that share
 * one generator and number their steps on is the same search as one part
 * of as many steps (the planner splits its search around the time-indexed
 * bound and relies on this), here on the generated S scenario of seed 2,
 * where the steps improve the construction. Every schedule goes through the plan checker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "improve.h"
#include "model.h"
#include "plan.h"
#include "rng.h"
#include "sched.h"
#include "testutil.h"

static void assert_valid(const sortie_model *m, const sched *s)
{
    sortie_plan *p = NULL;
    assert_int_equal(sched_to_plan(s, &p), SORTIE_OK);
    tu_assert_valid(m, p);
    sortie_plan_free(p);
}

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

/* Runs `steps` steps from a fresh construction, in one part or split after `split`. */
static sched *search(const sortie_model *m, long steps, long split)
{
    dispatch *d = dispatch_new(m);
    assert_non_null(d);
    sched *s = NULL;
    assert_int_equal(dispatch_run(d, NULL, NULL, NULL, &s), SORTIE_OK);
    improve_obj start, end;
    improve_objective(s, &start);
    rng random;
    rng_seed(&random, 7);
    bool cut = false;
    improve_opts first = {.random = &random, .iterations = split > 0 ? split : steps};
    assert_int_equal(improve_run(m, d, &s, &first, &cut), SORTIE_OK);
    if (split > 0) {
        improve_opts rest = {.random = &random, .iterations = steps - split, .steps_before = split};
        assert_int_equal(improve_run(m, d, &s, &rest, &cut), SORTIE_OK);
    }
    assert_false(cut);
    improve_objective(s, &end);
    assert_true(improve_compare(&end, &start) < 0); /* the steps found something */
    assert_valid(m, s);
    dispatch_free(d);
    return s;
}

static void test_two_parts_are_one_search(void **state)
{
    (void)state;
    sortie_scenario *sc = tu_generated(SORTIE_SCALE_S, 2);
    sortie_model *m = tu_model(sc);
    sched *whole = search(m, 40, 0), *parts = search(m, 40, 15);
    assert_same_schedule(whole, parts);
    sched_free(whole);
    sched_free(parts);
    sortie_model_free(m);
    sortie_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_parts_are_one_search),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
