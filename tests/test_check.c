/*
 * test_check: the independent checker against the hand-made plans of
 * tests/data/plans/ (EXPECTED.tsv says how each must be judged), plus the
 * limits: a flood of violations is capped, a plan missing strings is
 * refused rather than crashing, and MOG counts ground time half-open.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "plan.h"
#include "sortie.h"
#include "testutil.h"

#define DIR "tests/data/plans/"

typedef tu_fixture fixture;

static int setup(void **state)
{
    sortie_scenario *scenario = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_scenario_read_file(DIR "scenario.json", &scenario, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("scenario refused: %s\n", tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    *state = tu_fixture_new(scenario);
    return 0;
}

static sortie_plan *read_plan(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, DIR "%s", file);
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_plan_read_file(path, &p, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("%s refused:\n%s", file, tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    return p;
}

/* The "rule N:" named in text, copied into buf ("" when none). */
static const char *rule_of(const char *text, char *buf, size_t size)
{
    const char *r = strstr(text, "rule ");
    buf[0] = '\0';
    if (r) {
        size_t n = strspn(r + 5, "0123456789");
        snprintf(buf, size, "rule %.*s:", (int)n, r + 5);
    }
    return buf;
}

/* One row of EXPECTED.tsv, judged. Returns false (and prints why) on a mismatch. */
static bool judge(const fixture *f, const char *file, int code, const char *want)
{
    char path[512], buf[8192];
    snprintf(path, sizeof path, DIR "%s", file);
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_plan_read_file(path, &p, &d);
    bool ok = true;
    if (code == 2) {
        ok = st == SORTIE_EINPUT && strstr(tu_diag_text(d, buf, sizeof buf), want) != NULL;
        if (!ok)
            print_error("%s: expected a read error with '%s', got %s:\n%s", file, want, sortie_strerror(st),
                        tu_diag_text(d, buf, sizeof buf));
        sortie_diag_free(d);
        sortie_plan_free(p);
        return ok;
    }
    if (st != SORTIE_OK) {
        print_error("%s: refused:\n%s", file, tu_diag_text(d, buf, sizeof buf));
        sortie_diag_free(d);
        return false;
    }
    sortie_diag_free(d);
    sortie_diag *v = NULL;
    st = sortie_check(f->model, p, &v);
    size_t n = sortie_diag_count(v);
    tu_diag_text(v, buf, sizeof buf);
    if (st != SORTIE_OK) {
        print_error("%s: sortie_check returned %s\n", file, sortie_strerror(st));
        ok = false;
    } else if (code == 0 && n > 0) {
        print_error("%s: expected valid, got:\n%s", file, buf);
        ok = false;
    } else if (code == 1) {
        char rule[32], other[32];
        rule_of(want, rule, sizeof rule);
        if (n == 0 || !strstr(buf, want)) {
            print_error("%s: expected a violation with '%s', got:\n%s", file, want, buf);
            ok = false;
        }
        /* Each broken plan breaks one rule: nothing else may be reported. */
        for (size_t i = 0; ok && i < n; i++)
            if (strcmp(rule_of(sortie_diag_message(v, i), other, sizeof other), rule) != 0) {
                print_error("%s: breaks %s only, yet the checker also says:\n%s\n", file, rule,
                            sortie_diag_message(v, i));
                ok = false;
            }
    }
    sortie_diag_free(v);
    sortie_plan_free(p);
    return ok;
}

static void test_expected_table(void **state)
{
    const fixture *f = *state;
    char *table = tu_read_file(DIR "EXPECTED.tsv", NULL);
    assert_non_null(table);
    int rows = 0, failed = 0, per_code[3] = {0, 0, 0};
    for (char *line = strtok(table, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab1 = strchr(line, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        assert_non_null(tab2);
        *tab1 = *tab2 = '\0';
        int code = atoi(tab1 + 1);
        assert_true(code >= 0 && code <= 2);
        rows++;
        per_code[code]++;
        if (!judge(f, line, code, tab2 + 1))
            failed++;
    }
    free(table);
    print_message("EXPECTED.tsv: %d plans (%d valid, %d broken, %d unreadable), %d misjudged\n", rows, per_code[0],
                  per_code[1], per_code[2], failed);
    assert_int_equal(failed, 0);
    /* One valid plan, at least one broken plan per rule, a few unreadable ones. */
    assert_int_equal(per_code[0], 1);
    assert_true(per_code[1] >= 11);
    assert_true(per_code[2] >= 3);
}

/* Every rule 1..11 has a broken plan in the table. */
static void test_every_rule_covered(void **state)
{
    (void)state;
    char *table = tu_read_file(DIR "EXPECTED.tsv", NULL);
    assert_non_null(table);
    for (int rule = 1; rule <= 11; rule++) {
        char needle[32];
        snprintf(needle, sizeof needle, "\t1\t");
        bool found = false;
        char want[32];
        snprintf(want, sizeof want, "rule %d:", rule);
        for (const char *at = strstr(table, needle); at && !found; at = strstr(at + 1, needle)) {
            const char *end = strchr(at, '\n');
            const char *hit = strstr(at, want);
            found = hit && (!end || hit < end);
        }
        if (!found)
            print_error("no broken plan for rule %d\n", rule);
        assert_true(found);
    }
    free(table);
}

/* The valid plan written out and read back is still valid. */
static void test_valid_after_round_trip(void **state)
{
    const fixture *f = *state;
    sortie_plan *p = read_plan("valid.json");
    char *json = NULL;
    assert_int_equal(sortie_plan_to_json(p, &json), SORTIE_OK);
    sortie_plan *again = NULL;
    assert_int_equal(sortie_plan_read_buffer(json, strlen(json), "again.json", &again, NULL), SORTIE_OK);
    tu_assert_valid(f->model, again);
    sortie_free(json);
    sortie_plan_free(again);
    sortie_plan_free(p);
}

/* MOG counts [landing, take-off): landing in the minute another takes off is fine,
 * landing a minute before is not. */
static void test_mog_half_open(void **state)
{
    const fixture *f = *state;
    sortie_plan *p = read_plan("valid.json");
    tu_assert_valid(f->model, p);
    /* KZ-295#1 takes off from UAAA at 10:11Z, when RU-76#1 and KZ-295#2 land. */
    plan_aircraft *kz1 = &p->aircraft[2];
    assert_string_equal(kz1->id, "KZ-295#1");
    kz1->legs[1].dep += 1; /* L3 lands at 12:21Z; L4 still delivers KZ-1 last */
    kz1->legs[1].arr += 1;
    sortie_diag *v = NULL;
    assert_int_equal(sortie_check(f->model, p, &v), SORTIE_OK);
    char buf[4096];
    tu_diag_text(v, buf, sizeof buf);
    assert_non_null(strstr(buf, "airfield UAAA: rule 6: 3 aircraft on the ground at 2022-01-13T10:11Z"));
    assert_int_equal(sortie_diag_count(v), 1);
    sortie_diag_free(v);
    sortie_plan_free(p);
}

/* An aircraft based at an airfield does not count against its MOG. */
static void test_mog_ignores_based(void **state)
{
    const fixture *f = *state;
    sortie_plan *p = read_plan("valid.json");
    /* KZ-295#1 waits at its base UACC (MOG 1) from 12:20Z to 14:00Z, while RU-76#1
     * stands there on its fuel stop from 13:43Z, then flies an empty round trip. */
    plan_aircraft *kz1 = &p->aircraft[2];
    assert_string_equal(kz1->id, "KZ-295#1");
    plan_leg *legs = realloc(kz1->legs, 4 * sizeof *legs);
    assert_non_null(legs);
    kz1->legs = legs;
    minute_t t;
    assert_true(time_parse("2022-01-13T14:00Z", TIME_ROUND_UP, &t));
    legs[2] = (plan_leg){strdup("UACC"), strdup("UAAA"), t, t + 129, NULL};
    legs[3] = (plan_leg){strdup("UAAA"), strdup("UACC"), t + 189, t + 318, NULL};
    kz1->n_legs = 4;
    p->flight_h = (1592 + 258) / 60.0;
    tu_assert_valid(f->model, p);
    sortie_plan_free(p);
}

/* More than 20 violations: 20 are kept, the rest counted. */
static void test_flood_is_capped(void **state)
{
    const fixture *f = *state;
    sortie_plan *p = read_plan("valid.json");
    /* 30 aircraft that the scenario lacks, with no legs: 30 rule 1 violations. */
    size_t n = p->n_aircraft + 30;
    plan_aircraft *more = realloc(p->aircraft, n * sizeof *more);
    assert_non_null(more);
    p->aircraft = more;
    for (size_t i = p->n_aircraft; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "XX#%zu", i);
        more[i] = (plan_aircraft){.id = strdup(id), .fleet = strdup("XX"), .type = strdup("C-295"),
                                  .base = strdup("UACC")};
    }
    p->n_aircraft = n;
    sortie_diag *v = NULL;
    assert_int_equal(sortie_check(f->model, p, &v), SORTIE_OK);
    assert_int_equal(sortie_diag_count(v), 20);
    assert_int_equal(sortie_diag_dropped(v), 10);
    assert_non_null(strstr(sortie_diag_message(v, 0), "aircraft XX#4: rule 1: not an aircraft of the scenario"));
    sortie_diag_free(v);
    sortie_plan_free(p);
}

/* A plan built in memory with a string missing is refused, not followed into a crash. */
static void test_missing_strings_refused(void **state)
{
    const fixture *f = *state;
    sortie_plan *p = read_plan("valid.json");
    free(p->aircraft[0].legs[1].from);
    p->aircraft[0].legs[1].from = NULL;
    sortie_diag *v = NULL;
    assert_int_equal(sortie_check(f->model, p, &v), SORTIE_EINPUT);
    assert_int_equal(sortie_diag_count(v), 1);
    assert_non_null(strstr(sortie_diag_message(v, 0), "cannot be checked"));
    sortie_diag_free(v);
    assert_int_equal(sortie_check(f->model, NULL, &v), SORTIE_EINPUT);
    sortie_diag_free(v);
    assert_int_equal(sortie_check(NULL, p, NULL), SORTIE_EINPUT);
    sortie_plan_free(p);
}

/* An empty plan of a scenario with requirements: every requirement unmoved, nothing else. */
static void test_empty_plan(void **state)
{
    const fixture *f = *state;
    static const char text[] = "{\"format\": \"sortie/plan@1\", \"scenario\": \"x\",\n"
                               " \"summary\": {\"closure\": \"2022-01-13T06:00Z\", \"lower_bound\": "
                               "\"2022-01-13T06:00Z\", \"loaded_legs\": 0, \"flight_h\": 0, \"late\": 0},\n"
                               " \"aircraft\": [], \"loads\": [], \"requirements\": []}";
    sortie_plan *p = NULL;
    assert_int_equal(sortie_plan_read_buffer(text, strlen(text), "empty.json", &p, NULL), SORTIE_OK);
    sortie_diag *v = NULL;
    assert_int_equal(sortie_check(f->model, p, &v), SORTIE_OK);
    char buf[8192];
    tu_diag_text(v, buf, sizeof buf);
    assert_non_null(strstr(buf, "requirement RU-PKF: rule 10: 150 of 150 passengers not moved"));
    assert_non_null(strstr(buf, "requirement RU-PKF: rule 10: 2 of 2 'BTR-82A' not moved"));
    assert_non_null(strstr(buf, "requirement KZ-2: rule 10: 1 of 1 'UAZ-452' not moved"));
    assert_non_null(strstr(buf, "requirement RU-LO: rule 11: missing from the plan's requirements"));
    sortie_diag_free(v);
    sortie_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expected_table),       cmocka_unit_test(test_every_rule_covered),
        cmocka_unit_test(test_valid_after_round_trip), cmocka_unit_test(test_mog_half_open),
        cmocka_unit_test(test_mog_ignores_based),    cmocka_unit_test(test_flood_is_capped),
        cmocka_unit_test(test_missing_strings_refused), cmocka_unit_test(test_empty_plan),
    };
    return cmocka_run_group_tests(tests, setup, tu_fixture_teardown);
}
