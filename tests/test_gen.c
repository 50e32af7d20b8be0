/* test_gen: the scenario generator. Every scale and a run of seeds give
 * scenarios that the reader accepts and the model can carry in full, the
 * same text for the same seed, and counts near the advertised sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gen.h"
#include "model.h"
#include "testutil.h"

typedef struct {
    size_t airfields, aircraft, pax, items, reqs;
} counts;

static counts count(const sortie_model *m)
{
    counts c = {(size_t)m->n_airfields, (size_t)m->n_tails, 0, 0, (size_t)m->n_reqs};
    for (int i = 0; i < m->n_reqs; i++) {
        c.pax += (size_t)m->reqs[i].pax;
        for (size_t l = 0; l < m->reqs[i].src->n_cargo; l++)
            c.items += (size_t)m->reqs[i].src->cargo[l].count;
    }
    return c;
}

/* Reads and models the text; the model refuses any requirement no fleet can carry. */
static counts check_text(const char *text)
{
    sortie_scenario *s = tu_scenario(text);
    sortie_model *m = tu_model(s);
    counts c = count(m);
    for (int i = 0; i < m->n_reqs; i++)
        assert_true(m->reqs[i].n_fleets > 0);
    sortie_model_free(m);
    sortie_scenario_free(s);
    return c;
}

static void assert_near(size_t got, size_t want, double tolerance)
{
    if (got < want * (1 - tolerance) || got > want * (1 + tolerance))
        fail_msg("got %zu, want %zu within %.0f%%", got, want, tolerance * 100);
}

static void test_scale(sortie_scale scale, uint64_t seed, const counts *want)
{
    char *a = NULL, *b = NULL;
    assert_int_equal(sortie_generate(scale, seed, &a), SORTIE_OK);
    assert_int_equal(sortie_generate(scale, seed, &b), SORTIE_OK);
    assert_string_equal(a, b); /* deterministic */
    counts c = check_text(a);
    assert_near(c.airfields, want->airfields, 0.2);
    assert_near(c.aircraft, want->aircraft, 0.05);
    assert_near(c.pax, want->pax, 0.1);
    assert_near(c.items, want->items, 0.1);
    sortie_free(a);
    sortie_free(b);
}

static void test_s(void **state)
{
    (void)state;
    counts want = {8, 25, 2500, 250, 0};
    for (uint64_t seed = 1; seed <= 12; seed++)
        test_scale(SORTIE_SCALE_S, seed, &want);
}

static void test_m(void **state)
{
    (void)state;
    counts want = {15, 120, 20000, 3000, 0};
    for (uint64_t seed = 1; seed <= 3; seed++)
        test_scale(SORTIE_SCALE_M, seed, &want);
}

static void test_l(void **state)
{
    (void)state;
    counts want = {40, 400, 150000, 20000, 0};
    test_scale(SORTIE_SCALE_L, 1, &want);
}

static void test_seeds_differ(void **state)
{
    (void)state;
    char *a = NULL, *b = NULL;
    assert_int_equal(sortie_generate(SORTIE_SCALE_S, 1, &a), SORTIE_OK);
    assert_int_equal(sortie_generate(SORTIE_SCALE_S, 2, &b), SORTIE_OK);
    assert_string_not_equal(a, b);
    sortie_free(a);
    sortie_free(b);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    char *text = (char *)"untouched";
    assert_int_equal(sortie_generate((sortie_scale)7, 1, &text), SORTIE_EINPUT);
    assert_null(text);
    assert_int_equal(sortie_generate(SORTIE_SCALE_S, 1, NULL), SORTIE_EINPUT);
}

static void test_small(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        char *a = NULL, *b = NULL;
        assert_int_equal(gen_small(seed, &a), SORTIE_OK);
        assert_int_equal(gen_small(seed, &b), SORTIE_OK);
        assert_string_equal(a, b);
        counts c = check_text(a);
        assert_in_range(c.airfields, 2, 4);
        assert_in_range(c.aircraft, 1, 4);
        assert_in_range(c.reqs, 1, 3);
        free(a);
        free(b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_s),          cmocka_unit_test(test_m),          cmocka_unit_test(test_l),
        cmocka_unit_test(test_seeds_differ), cmocka_unit_test(test_bad_arguments), cmocka_unit_test(test_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
