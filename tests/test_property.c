/*
 * test_property: the planner on hundreds of small random scenarios (fixed
 * seeds, so every run sees the same ones): 2-5 airfields, some with a MOG of
 * 1-4 and some with opening hours (a few wrapping midnight), 1-3 fleets of
 * 1-3 catalog aircraft, 1-4 requirements of passengers and cargo, carrier
 * rules now and then. Every plan must pass the independent checker and
 * close no earlier than its lower bound; a scenario may only be refused
 * with a message saying why. Some are planned twice with the same seed:
 * the plans must be the same byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "sortie.h"
#include "testutil.h"

#define WANT_PLANS 200
#define MAX_TRIES 600

typedef struct {
    char *buf;
    size_t len, cap;
} sbuf;

__attribute__((format(printf, 2, 3))) static void put(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->buf = realloc(b->buf, b->cap);
        assert_non_null(b->buf);
    }
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static const char *const types[] = {"IL-76MD", "AN-124-100", "C-130J-30", "A400M", "C-17A", "AN-12BK", "KC-390"};
static const char *const operators[] = {"A", "B", "C"};

/* "2024-01-01T00:00Z" plus m minutes, as ISO text. */
static void iso(int m, char out[32])
{
    snprintf(out, 32, "2024-01-%02dT%02d:%02dZ", 1 + m / 1440, m % 1440 / 60, m % 60);
}

/* A requirement's ready time (within `span` minutes of the start), due date
 * (span to span + 4 days later), priority and, three times in ten, a carrier
 * rule naming one operator that flies; closes the requirement's object. */
static void put_requirement_end(sbuf *b, rng *r, int span, const bool used_op[3])
{
    char t[32];
    int ready = rng_below(r, span);
    iso(ready, t);
    put(b, ", \"ready\": \"%s\"", t);
    iso(ready + span + rng_below(r, 4 * 1440), t);
    put(b, ", \"due\": \"%s\", \"priority\": %d", t, 1 + rng_below(r, 3));
    if (rng_below(r, 10) < 3) {
        int op = rng_below(r, 3);
        while (!used_op[op])
            op = (op + 1) % 3;
        put(b, ", \"carriers\": [\"%s\"]", operators[op]);
    }
    put(b, "}");
}

static char *random_scenario(uint64_t seed)
{
    rng r;
    rng_seed(&r, seed);
    sbuf b = {0};
    put(&b, "{\"format\": \"sortie/scenario@1\", \"name\": \"random %llu\", \"start\": \"2024-01-01T00:00Z\","
            " \"horizon_h\": 720, \"airfields\": [",
        (unsigned long long)seed);
    int n_af = 2 + rng_below(&r, 4);
    for (int a = 0; a < n_af; a++) {
        put(&b, "%s{\"id\": \"AF%d\", \"lat\": %.3f, \"lon\": %.3f", a ? ", " : "", a, 40 + 10 * rng_unit(&r),
            20 + 15 * rng_unit(&r));
        if (rng_below(&r, 2))
            put(&b, ", \"mog\": %d", 1 + rng_below(&r, 4));
        if (rng_below(&r, 10) < 3) {
            /* At least 8 hours open; close < open wraps midnight. */
            int open = rng_below(&r, 24), len = 8 + rng_below(&r, 14);
            put(&b, ", \"hours\": {\"open\": \"%02d:00\", \"close\": \"%02d:%02d\"}", open, (open + len) % 24,
                rng_below(&r, 2) * 30);
        }
        put(&b, "}");
    }
    put(&b, "], \"fleets\": [");
    int n_fleets = 1 + rng_below(&r, 3);
    bool used_op[3] = {false, false, false};
    for (int f = 0; f < n_fleets; f++) {
        int op = rng_below(&r, 3);
        used_op[op] = true;
        put(&b, "%s{\"id\": \"FL%d\", \"operator\": \"%s\", \"type\": \"%s\", \"count\": %d, \"base\": \"AF%d\"", f ? ", " : "",
            f, operators[op], types[rng_below(&r, (int)(sizeof types / sizeof types[0]))], 1 + rng_below(&r, 3),
            rng_below(&r, n_af));
        if (rng_below(&r, 5) == 0) {
            char t[32];
            iso(rng_below(&r, 720), t);
            put(&b, ", \"available_from\": \"%s\"", t);
        }
        put(&b, "}");
    }
    put(&b, "], \"requirements\": [");
    int n_req = 1 + rng_below(&r, 4);
    for (int q = 0; q < n_req; q++) {
        int from = rng_below(&r, n_af), to = (from + 1 + rng_below(&r, n_af - 1)) % n_af;
        int pax = rng_below(&r, 3) ? rng_below(&r, 300) : 0;
        int lines = rng_below(&r, 4);
        if (pax == 0 && lines == 0)
            pax = 1 + rng_below(&r, 20);
        put(&b, "%s{\"id\": \"R%d\", \"from\": \"AF%d\", \"to\": \"AF%d\", \"pax\": %d", q ? ", " : "", q, from, to, pax);
        if (lines) {
            put(&b, ", \"cargo\": [");
            for (int c = 0; c < lines; c++)
                put(&b, "%s{\"name\": \"item%d\", \"count\": %d, \"weight_kg\": %d, \"length_m\": %.2f, \"width_m\": %.2f,"
                        " \"height_m\": %.2f}",
                    c ? ", " : "", c, 1 + rng_below(&r, 5), 500 + rng_below(&r, 14500), 1 + 7 * rng_unit(&r),
                    1 + 2 * rng_unit(&r), 1 + 1.5 * rng_unit(&r));
            put(&b, "]");
        }
        put_requirement_end(&b, &r, 1440, used_op);
    }
    put(&b, "]}");
    return b.buf;
}

/*
 * MOG-tight origins: every requirement leaves AF0 (MOG 1-2, no fleet based
 * there), 3-8 of them with ready times spread over two days, so that the
 * airfield bounds by ready time (bound.c, ready_fluid) and the waves bind.
 */
static char *random_mog_scenario(uint64_t seed)
{
    rng r;
    rng_seed(&r, seed ^ 0x6d6f67ULL);
    sbuf b = {0};
    put(&b, "{\"format\": \"sortie/scenario@1\", \"name\": \"mog %llu\", \"start\": \"2024-01-01T00:00Z\","
            " \"horizon_h\": 720, \"airfields\": [",
        (unsigned long long)seed);
    int n_af = 2 + rng_below(&r, 3);
    for (int a = 0; a < n_af; a++) {
        put(&b, "%s{\"id\": \"AF%d\", \"lat\": %.3f, \"lon\": %.3f", a ? ", " : "", a, 40 + 10 * rng_unit(&r),
            20 + 15 * rng_unit(&r));
        if (a == 0)
            put(&b, ", \"mog\": %d", 1 + rng_below(&r, 2));
        else if (rng_below(&r, 3) == 0)
            put(&b, ", \"mog\": %d", 1 + rng_below(&r, 4));
        if (rng_below(&r, 10) < 2) {
            int open = rng_below(&r, 24), len = 10 + rng_below(&r, 12);
            put(&b, ", \"hours\": {\"open\": \"%02d:00\", \"close\": \"%02d:00\"}", open, (open + len) % 24);
        }
        put(&b, "}");
    }
    put(&b, "], \"fleets\": [");
    int n_fleets = 1 + rng_below(&r, 3);
    bool used_op[3] = {false, false, false};
    for (int f = 0; f < n_fleets; f++) {
        int op = rng_below(&r, 3);
        used_op[op] = true;
        put(&b, "%s{\"id\": \"FL%d\", \"operator\": \"%s\", \"type\": \"%s\", \"count\": %d, \"base\": \"AF%d\"", f ? ", " : "",
            f, operators[op], types[rng_below(&r, (int)(sizeof types / sizeof types[0]))], 1 + rng_below(&r, 4),
            1 + rng_below(&r, n_af - 1));
        if (rng_below(&r, 4) == 0) {
            char t[32];
            iso(rng_below(&r, 600), t);
            put(&b, ", \"available_from\": \"%s\"", t);
        }
        put(&b, "}");
    }
    put(&b, "], \"requirements\": [");
    int n_req = 3 + rng_below(&r, 6);
    for (int q = 0; q < n_req; q++) {
        int to = 1 + rng_below(&r, n_af - 1);
        int pax = rng_below(&r, 2) ? rng_below(&r, 250) : 0;
        int lines = 1 + rng_below(&r, 2);
        put(&b, "%s{\"id\": \"R%d\", \"from\": \"AF0\", \"to\": \"AF%d\", \"pax\": %d, \"cargo\": [", q ? ", " : "", q, to,
            pax);
        for (int c = 0; c < lines; c++)
            put(&b, "%s{\"name\": \"item%d\", \"count\": %d, \"weight_kg\": %d, \"length_m\": %.2f, \"width_m\": %.2f,"
                    " \"height_m\": %.2f}",
                c ? ", " : "", c, 1 + rng_below(&r, 8), 500 + rng_below(&r, 14500), 1 + 5 * rng_unit(&r),
                1 + 1.5 * rng_unit(&r), 1 + 1.2 * rng_unit(&r));
        put(&b, "]");
        put_requirement_end(&b, &r, 2880, used_op);
    }
    put(&b, "]}");
    return b.buf;
}

static char *plan_json_lp(const sortie_model *m, uint64_t seed, double limit, bool lp, sortie_status *st, char *why,
                          size_t why_len)
{
    sortie_params params;
    sortie_params_init(&params);
    params.lp_bound = lp;
    params.seed = seed;
    params.time_limit_s = limit;
    params.effort = 1; /* one search, whatever the limit */
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    *st = sortie_plan_make(m, &params, &p, &d);
    tu_diag_text(d, why, why_len);
    sortie_diag_free(d);
    if (*st != SORTIE_OK)
        return NULL;
    tu_assert_valid(m, p);
    sortie_summary sum;
    sortie_plan_summary(p, &sum);
    assert_true(sum.lower_bound <= sum.closure);
    assert_true(sum.lower_bound >= sum.start);
    char *json = NULL;
    assert_int_equal(sortie_plan_to_json(p, &json), SORTIE_OK);
    sortie_plan_free(p);
    return json;
}

static char *plan_json(const sortie_model *m, uint64_t seed, double limit, sortie_status *st, char *why, size_t why_len)
{
    return plan_json_lp(m, seed, limit, true, st, why, why_len);
}

/* The combinatorial bounds alone (no LP) on MOG-tight origins: never after
 * a valid plan's closure. */
static void test_mog_origins_bound_below_closure(void **state)
{
    (void)state;
    int planned = 0, tight = 0, by_ready = 0;
    for (uint64_t seed = 1; seed <= 150; seed++) {
        char *json = random_mog_scenario(seed);
        sortie_scenario *s = NULL;
        sortie_diag *d = NULL;
        sortie_status st = sortie_scenario_read_buffer(json, strlen(json), "mog.json", &s, &d);
        if (st != SORTIE_OK) {
            char buf[2048];
            print_error("seed %llu: %s\n%s\n", (unsigned long long)seed, tu_diag_text(d, buf, sizeof buf), json);
        }
        sortie_diag_free(d);
        assert_int_equal(st, SORTIE_OK);
        sortie_model *m = NULL;
        st = sortie_model_build(s, &m, &d);
        sortie_diag_free(d);
        if (st == SORTIE_OK) {
            char why[4096];
            char *plan = plan_json_lp(m, seed, 0.05, false, &st, why, sizeof why);
            if (st == SORTIE_OK) {
                planned++;
                tight += strstr(plan, "\"outcome\": \"optimal\"") != NULL;
                by_ready += strstr(plan, "ready from") != NULL;
            }
            sortie_free(plan);
        }
        sortie_model_free(m);
        sortie_scenario_free(s);
        free(json);
    }
    print_message("%d MOG-tight plans valid with bound <= closure (%d proved optimal, %d bound by ready time)\n",
                  planned, tight, by_ready);
    assert_true(planned >= 100);
}

static void test_random_scenarios_plan_valid(void **state)
{
    (void)state;
    int planned = 0, refused_model = 0, refused_plan = 0, optimal = 0, tries = 0;
    for (uint64_t seed = 1; planned < WANT_PLANS && tries < MAX_TRIES; seed++, tries++) {
        char *json = random_scenario(seed);
        sortie_scenario *s = NULL;
        sortie_diag *d = NULL;
        sortie_status st = sortie_scenario_read_buffer(json, strlen(json), "random.json", &s, &d);
        if (st != SORTIE_OK) {
            char buf[2048];
            print_error("seed %llu: %s\n%s\n", (unsigned long long)seed, tu_diag_text(d, buf, sizeof buf), json);
        }
        sortie_diag_free(d);
        assert_int_equal(st, SORTIE_OK);
        sortie_model *m = NULL;
        st = sortie_model_build(s, &m, &d);
        sortie_diag_free(d);
        if (st == SORTIE_EINFEASIBLE) {
            refused_model++; /* some requirement fits no carrier: the model says so */
        } else {
            assert_int_equal(st, SORTIE_OK);
            char why[4096];
            /* A short time limit: the property is validity, not quality. */
            char *plan = plan_json(m, seed, 0.05, &st, why, sizeof why);
            if (st == SORTIE_EINFEASIBLE) {
                assert_true(strlen(why) > 0);
                refused_plan++;
            } else {
                assert_int_equal(st, SORTIE_OK);
                planned++;
                optimal += strstr(plan, "\"outcome\": \"optimal\"") != NULL;
                if (seed % 25 == 0) {
                    /* Twice with the same seed and a limit the budget never reaches. */
                    char *a = plan_json(m, seed, 1000, &st, why, sizeof why);
                    char *b = plan_json(m, seed, 1000, &st, why, sizeof why);
                    assert_non_null(a);
                    assert_non_null(b);
                    assert_string_equal(a, b);
                    sortie_free(a);
                    sortie_free(b);
                }
            }
            sortie_free(plan);
        }
        sortie_model_free(m);
        sortie_scenario_free(s);
        free(json);
    }
    print_message("%d plans valid (%d proved optimal), %d refused by the model, %d refused by the planner, %d tried\n",
                  planned, optimal, refused_model, refused_plan, tries);
    assert_true(planned >= WANT_PLANS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_scenarios_plan_valid),
        cmocka_unit_test(test_mog_origins_bound_below_closure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
