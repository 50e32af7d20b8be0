/* test_exact: exact mode against the heuristic on small generated
 * scenarios (issue 4): the exact MIP proves its optimum, every plan passes
 * the checker, the heuristic's closure equals the optimum on at least 90%
 * of them and is within 5% on the rest, and no lower bound (the planner's,
 * the LP's) passes the optimum. Also: what exact mode refuses, and why. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "exact.h"
#include "gen.h"
#include "lpbound.h"
#include "model.h"
#include "plan.h"
#include "sched.h"
#include "tibound.h"
#include "testutil.h"

enum { N_SCENARIOS = 24 };

/* The heuristic's plan as a schedule (exact mode's incumbent). */
static sched *plan_to_sched(const sortie_model *m, const sortie_plan *p)
{
    sched *s = sched_new(m);
    assert_non_null(s);
    int *load_of = malloc(sizeof(int) * (p->n_loads + 1));
    assert_non_null(load_of);
    for (size_t k = 0; k < p->n_loads; k++)
        load_of[k] = -1;
    for (size_t a = 0; a < p->n_aircraft; a++) {
        const plan_aircraft *ac = &p->aircraft[a];
        int t = -1;
        for (int i = 0; i < m->n_tails; i++)
            if (strcmp(m->tails[i].id, ac->id) == 0)
                t = i;
        assert_true(t >= 0);
        for (size_t l = 0; l < ac->n_legs; l++) {
            const plan_leg *lg = &ac->legs[l];
            int load = -1;
            for (size_t k = 0; lg->load && k < p->n_loads; k++) {
                const plan_load *pl = &p->loads[k];
                if (strcmp(pl->id, lg->load) != 0)
                    continue;
                if (load_of[k] < 0) {
                    load_of[k] = sched_add_load(s, model_airfield_index(m, pl->from), model_airfield_index(m, pl->to), t);
                    assert_true(load_of[k] >= 0);
                    for (size_t x = 0; x < pl->n_pax; x++)
                        assert_true(sched_add_piece(s, load_of[k], model_req_index(m, pl->pax[x].req), -1, pl->pax[x].n));
                    for (size_t x = 0; x < pl->n_items; x++) {
                        int q = model_req_index(m, pl->items[x].req), line = -1;
                        for (size_t c = 0; c < m->reqs[q].src->n_cargo; c++)
                            if (strcmp(m->reqs[q].src->cargo[c].name, pl->items[x].name) == 0)
                                line = (int)c;
                        assert_true(sched_add_piece(s, load_of[k], q, line, pl->items[x].n));
                    }
                }
                load = load_of[k];
            }
            sched_leg leg = {model_airfield_index(m, lg->from), model_airfield_index(m, lg->to), lg->dep, lg->arr, load};
            assert_true(sched_add_leg(s, t, leg));
        }
    }
    free(load_of);
    s->bound = p->lower_bound;
    return s;
}

static void test_heuristic_against_exact(void **state)
{
    (void)state;
    int equal = 0, compared = 0, beyond = 0, ti_raised = 0;
    char report[4096] = "";
    size_t used = 0;
    for (uint64_t seed = 1; seed <= N_SCENARIOS; seed++) {
        char *text = NULL;
        assert_int_equal(gen_small(seed, &text), SORTIE_OK);
        sortie_scenario *s = tu_scenario(text);
        sortie_model *m = tu_model(s);

        sortie_params p;
        sortie_params_init(&p);
        sortie_plan *heur = tu_plan(m, &p);

        sched *inc = plan_to_sched(m, heur);
        sortie_params ep = p;
        ep.exact = 1;
        ep.time_limit_s = 60; /* a generous ceiling; these prove in well under a second */
        sched *ex = NULL;
        char why[256];
        sortie_status st = exact_solve_why(m, &ep, inc, &ex, why, sizeof why);
        if (st != SORTIE_OK)
            fail_msg("seed %llu: exact mode: %s", (unsigned long long)seed, why);
        if (strcmp(ex->outcome, "optimal") != 0)
            fail_msg("XS seed %llu: exact mode did not prove its optimum (%s)", (unsigned long long)seed, ex->outcome);
        minute_t opt = sched_closure(ex);
        assert_int_equal(ex->bound, opt);
        sortie_plan *exp = NULL;
        assert_int_equal(sched_to_plan(ex, &exp), SORTIE_OK);
        tu_assert_valid(m, exp);

        /* Proved bounds never pass the optimum. */
        assert_true(heur->lower_bound <= opt);
        minute_t lp;
        assert_int_equal(lpbound_closure(m, m->start, heur->closure, &lp, NULL, 0), SORTIE_OK);
        assert_true(lp <= opt);
        minute_t ti;
        assert_int_equal(tibound_closure(m, m->start, heur->closure, &ti, NULL, 0, NULL), SORTIE_OK);
        assert_true(ti <= opt);
        ti_raised += ti > lp;
        /* Nor can the heuristic beat a proved optimum. */
        assert_true(heur->closure >= opt);

        double h = (double)(heur->closure - m->start), o = (double)(opt - m->start);
        compared++;
        if (heur->closure == opt)
            equal++;
        else
            used += (size_t)snprintf(report + used, sizeof report - used,
                                     "  XS seed %llu: heuristic %.0f min, optimum %.0f min (+%.1f%%)\n",
                                     (unsigned long long)seed, h, o, 100 * (h / o - 1));
        if (h > 1.05 * o)
            beyond++;

        sortie_plan_free(exp);
        sched_free(ex);
        sched_free(inc);
        sortie_plan_free(heur);
        sortie_model_free(m);
        sortie_scenario_free(s);
        free(text);
    }
    if (used > 0)
        print_message("heuristic above the optimum on %d of %d (%d by more than 5%%):\n%s", compared - equal,
                      compared, beyond, report);
    print_message("time-indexed bound above the capacity LP on %d of %d\n", ti_raised, compared);
    assert_true(compared >= 20);
    assert_true(ti_raised >= 1);
    assert_int_equal(beyond, 0);
    assert_true(equal * 10 >= compared * 9);
}

static const char two_way[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"two-way\", \"start\": \"2024-01-01T00:00Z\","
    " \"airfields\": [{\"id\": \"A\", \"lat\": 0, \"lon\": 0}, {\"id\": \"B\", \"lat\": 0, \"lon\": 5}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"C-17A\", \"count\": 1, \"base\": \"A\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"A\", \"to\": \"B\", \"pax\": 10},"
    "                    {\"id\": \"R2\", \"from\": \"B\", \"to\": \"A\", \"pax\": 10}]}";

static const char far_away[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": \"far\", \"start\": \"2024-01-01T00:00Z\","
    " \"airfields\": [{\"id\": \"A\", \"lat\": 0, \"lon\": 0}, {\"id\": \"M\", \"lat\": 0, \"lon\": 25},"
    "               {\"id\": \"B\", \"lat\": 0, \"lon\": 50}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"C-130J-30\", \"count\": 1, \"base\": \"A\"}],"
    " \"requirements\": [{\"id\": \"R\", \"from\": \"B\", \"to\": \"A\", \"pax\": 10}]}";

static void refused(const char *json, const char *expect)
{
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    sortie_params p;
    sortie_params_init(&p);
    sched *out = (sched *)&p; /* must come back NULL */
    char why[256];
    assert_int_equal(exact_solve_why(m, &p, NULL, &out, why, sizeof why), SORTIE_EINPUT);
    assert_null(out);
    if (!strstr(why, expect))
        fail_msg("expected '%s' in: %s", expect, why);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* An airfield both origin and destination, and a leg needing a fuel stop,
 * are outside exact mode: refused with the reason. */
static void test_refusals(void **state)
{
    (void)state;
    refused(two_way, "origins and destinations apart");
    refused(far_away, "without a stop");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_heuristic_against_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
