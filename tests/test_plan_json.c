/*
 * test_plan_json: reading and writing "sortie/plan@1": read, write, read
 * gives the same plan; writing is byte-for-byte deterministic and follows
 * FORMAT.md's layout; extension keys survive; bad files are refused with the
 * place named; the CSV movement table and the summary view.
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

#define VALID "tests/data/plans/valid.json"

static sortie_plan *read_text(const char *text, const char *name)
{
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_plan_read_buffer(text, strlen(text), name, &p, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("%s refused:\n%s", name, tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    assert_non_null(p);
    return p;
}

static sortie_plan *read_valid(void)
{
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_plan_read_file(VALID, &p, &d), SORTIE_OK);
    assert_int_equal(sortie_diag_count(d), 0);
    sortie_diag_free(d);
    return p;
}

static char *to_json(const sortie_plan *p)
{
    char *json = NULL;
    assert_int_equal(sortie_plan_to_json(p, &json), SORTIE_OK);
    assert_non_null(json);
    return json;
}

/* Reads text expecting refusal; returns all messages joined (static buffer). */
static const char *refused(const char *text, sortie_status want)
{
    static char buf[8192];
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_plan_read_buffer(text, strlen(text), "bad.json", &p, &d);
    assert_int_equal(st, want);
    assert_null(p);
    assert_true(sortie_diag_count(d) > 0);
    tu_diag_text(d, buf, sizeof buf);
    sortie_diag_free(d);
    return buf;
}

static void assert_same_plan(const sortie_plan *a, const sortie_plan *b)
{
    assert_string_equal(a->scenario, b->scenario);
    assert_int_equal(a->closure, b->closure);
    assert_int_equal(a->lower_bound, b->lower_bound);
    assert_int_equal(a->loaded_legs, b->loaded_legs);
    assert_true(a->flight_h == b->flight_h);
    assert_int_equal(a->late, b->late);
    assert_int_equal(a->has_extensions, b->has_extensions);
    assert_int_equal(a->n_aircraft, b->n_aircraft);
    for (size_t i = 0; i < a->n_aircraft; i++) {
        const plan_aircraft *x = &a->aircraft[i], *y = &b->aircraft[i];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->fleet, y->fleet);
        assert_string_equal(x->type, y->type);
        assert_string_equal(x->base, y->base);
        assert_int_equal(x->operator_id == NULL, y->operator_id == NULL);
        assert_int_equal(x->n_legs, y->n_legs);
        for (size_t k = 0; k < x->n_legs; k++) {
            assert_string_equal(x->legs[k].from, y->legs[k].from);
            assert_string_equal(x->legs[k].to, y->legs[k].to);
            assert_int_equal(x->legs[k].dep, y->legs[k].dep);
            assert_int_equal(x->legs[k].arr, y->legs[k].arr);
            assert_int_equal(x->legs[k].load == NULL, y->legs[k].load == NULL);
            if (x->legs[k].load)
                assert_string_equal(x->legs[k].load, y->legs[k].load);
        }
    }
    assert_int_equal(a->n_loads, b->n_loads);
    for (size_t i = 0; i < a->n_loads; i++) {
        const plan_load *x = &a->loads[i], *y = &b->loads[i];
        assert_string_equal(x->id, y->id);
        assert_true(x->weight_kg == y->weight_kg);
        assert_int_equal(x->n_pax, y->n_pax);
        assert_int_equal(x->n_items, y->n_items);
        for (size_t k = 0; k < x->n_items; k++) {
            assert_string_equal(x->items[k].name, y->items[k].name);
            assert_int_equal(x->items[k].n, y->items[k].n);
        }
    }
    assert_int_equal(a->n_requirements, b->n_requirements);
    for (size_t i = 0; i < a->n_requirements; i++) {
        assert_string_equal(a->requirements[i].id, b->requirements[i].id);
        assert_int_equal(a->requirements[i].delivered, b->requirements[i].delivered);
        assert_int_equal(a->requirements[i].late_min, b->requirements[i].late_min);
    }
}

static void test_round_trip(void **state)
{
    (void)state;
    sortie_plan *p = read_valid();
    char *json = to_json(p);
    sortie_plan *again = read_text(json, "written.json");
    assert_same_plan(p, again);
    char *json2 = to_json(again);
    assert_string_equal(json, json2);
    sortie_free(json);
    sortie_free(json2);
    sortie_plan_free(again);
    sortie_plan_free(p);
}

static void test_deterministic_layout(void **state)
{
    (void)state;
    sortie_plan *p = read_valid();
    char *a = to_json(p), *b = to_json(p);
    assert_string_equal(a, b);
    /* FORMAT.md's layout: fixed key order, one leg per line, numbers as people write them. */
    assert_true(strncmp(a, "{\n  \"format\": \"sortie/plan@1\",\n  \"scenario\": \"checker fixture", 60) == 0);
    assert_non_null(strstr(a, "  \"summary\": {\"closure\": \"2022-01-13T21:10Z\", \"lower_bound\": "
                              "\"2022-01-13T18:46Z\", \"loaded_legs\": 7, \"flight_h\": 26.53, \"late\": 1},\n"));
    assert_non_null(strstr(a, "       {\"from\": \"UUBI\", \"to\": \"UAAA\", \"dep\": \"2022-01-13T06:00Z\", "
                              "\"arr\": \"2022-01-13T10:11Z\", \"load\": null},\n"));
    assert_non_null(strstr(a, "{\"id\": \"L1\", \"from\": \"UAAA\", \"to\": \"UUBI\", \"weight_kg\": 28000,\n"
                              "     \"pax\": [{\"req\": \"RU-PKF\", \"n\": 126}],\n"
                              "     \"items\": [{\"req\": \"RU-PKF\", \"name\": \"BTR-82A\", \"n\": 1}]}"));
    assert_non_null(strstr(a, "{\"id\": \"KZ-1\", \"delivered\": \"2022-01-13T13:20Z\", \"due\": "
                              "\"2022-01-13T13:00Z\", \"late_min\": 20}"));
    /* No extension keys unless the plan has them; notes are not kept. */
    assert_null(strstr(a, "\"operator\""));
    assert_null(strstr(a, "\"outcome\""));
    assert_null(strstr(a, "\"notes\""));
    assert_int_equal(a[strlen(a) - 1], '\n');
    sortie_free(a);
    sortie_free(b);
    sortie_plan_free(p);
}

static void test_extensions_survive(void **state)
{
    (void)state;
    sortie_plan *p = read_valid();
    p->has_extensions = true;
    p->start = p->aircraft[0].legs[0].dep;
    p->gap = 0.1234;
    p->seconds = 2.5;
    p->binding = strdup("UAAA's MOG of 2 \"binds\"\n(see report)");
    p->outcome = strdup("feasible");
    p->aircraft[0].operator_id = strdup("RU");
    p->loads[0].weight_kg = 28000.25;
    p->flight_h = 1.0 / 3.0;
    char *json = to_json(p);
    assert_non_null(strstr(json, "\"late\": 1,\n              \"start\": \"2022-01-13T06:00Z\", \"gap\": 0.1234, "
                                 "\"binding\": \"UAAA's MOG of 2 \\\"binds\\\"\\n(see report)\", \"outcome\": "
                                 "\"feasible\", \"seconds\": 2.5},\n"));
    assert_non_null(strstr(json, "\"base\": \"UUBI\", \"operator\": \"RU\",\n"));
    assert_non_null(strstr(json, "\"weight_kg\": 28000.25,"));
    assert_non_null(strstr(json, "\"flight_h\": 0.3333333333333333,"));
    sortie_plan *again = read_text(json, "ext.json");
    assert_same_plan(p, again);
    assert_true(again->has_extensions);
    assert_int_equal(again->start, p->start);
    assert_true(again->gap == p->gap);
    assert_true(again->seconds == p->seconds);
    assert_string_equal(again->binding, p->binding);
    assert_string_equal(again->outcome, "feasible");
    assert_string_equal(again->aircraft[0].operator_id, "RU");
    assert_null(again->aircraft[1].operator_id);
    char *json2 = to_json(again);
    assert_string_equal(json, json2);

    sortie_summary s;
    sortie_plan_summary(again, &s);
    assert_int_equal(s.closure, again->closure);
    assert_int_equal(s.lower_bound, again->lower_bound);
    assert_int_equal(s.start, again->start);
    assert_true(s.gap == 0.1234);
    assert_int_equal(s.loaded_legs, 7);
    assert_int_equal(s.late, 1);
    assert_string_equal(s.outcome, "feasible");
    assert_string_equal(s.binding, again->binding);

    sortie_free(json);
    sortie_free(json2);
    sortie_plan_free(again);
    sortie_plan_free(p);
}

static void test_summary_without_extensions(void **state)
{
    (void)state;
    sortie_plan *p = read_valid();
    sortie_summary s;
    sortie_plan_summary(p, &s);
    assert_int_equal(s.loaded_legs, 7);
    assert_true(s.flight_h == 26.53);
    assert_string_equal(s.binding, "");
    assert_string_equal(s.outcome, "");
    sortie_plan_summary(NULL, &s);
    assert_int_equal(s.loaded_legs, 0);
    sortie_plan_free(p);
}

/* The scenario the hand-made plans are for, as a model for the CSV writer. */
typedef struct {
    sortie_scenario *scenario;
    sortie_model *model;
} fixture_model;

static fixture_model load_fixture_model(void)
{
    fixture_model f = {NULL, NULL};
    assert_int_equal(sortie_scenario_read_file("tests/data/plans/scenario.json", &f.scenario, NULL), SORTIE_OK);
    assert_int_equal(sortie_model_build(f.scenario, &f.model, NULL), SORTIE_OK);
    return f;
}

static void free_fixture_model(fixture_model *f)
{
    sortie_model_free(f->model);
    sortie_scenario_free(f->scenario);
}

static void test_csv(void **state)
{
    (void)state;
    fixture_model f = load_fixture_model();
    sortie_plan *p = read_valid();
    p->aircraft[1].operator_id = strdup("RU");
    char *csv = NULL;
    assert_int_equal(sortie_plan_to_csv(f.model, p, &csv), SORTIE_OK);
    assert_true(strncmp(csv, "aircraft,type,operator,from,to,dep,arr,pax,cargo_kg,items,requirements\r\n", 72) == 0);
    /* The operator comes from the fleet when the plan does not name one. */
    assert_non_null(strstr(csv, "\r\nRU-76#1,IL-76MD,RU,UUBI,UAAA,2022-01-13T06:00Z,2022-01-13T10:11Z,0,0,,\r\n"));
    /* cargo_kg is the items' weight alone: 28000 kg aboard less 126 x 100 kg of passengers. */
    assert_non_null(strstr(csv, "\r\nRU-76#1,IL-76MD,RU,UAAA,UACC,2022-01-13T12:11Z,2022-01-13T13:43Z,126,15400,"
                                "1 BTR-82A,RU-PKF\r\n"));
    int rows = 0;
    for (const char *at = csv; (at = strstr(at, "\r\n")); at += 2)
        rows++;
    assert_int_equal(rows, 1 + 11); /* header and eleven legs */
    sortie_free(csv);

    /* A name with a comma and quotes is one quoted field; a line the scenario
     * lacks weighs nothing in the table (the checker is where it is reported). */
    free(p->loads[4].items[0].name);
    p->loads[4].items[0].name = strdup("UAZ-452, \"Bukhanka\"");
    assert_int_equal(sortie_plan_to_csv(f.model, p, &csv), SORTIE_OK);
    assert_non_null(strstr(csv, "\r\nRU-76#2,IL-76MD,RU,UACC,UAAA,2022-01-13T11:03Z,2022-01-13T12:35Z,10,0,"
                                "\"1 UAZ-452, \"\"Bukhanka\"\"\",RU-LO; KZ-2\r\n"));
    sortie_free(csv);
    assert_int_equal(sortie_plan_to_csv(NULL, p, &csv), SORTIE_EINPUT);
    assert_null(csv);
    sortie_plan_free(p);
    free_fixture_model(&f);
}

static const char good_head[] = "{\"format\": \"sortie/plan@1\", \"scenario\": \"s\",\n"
                                " \"summary\": {\"closure\": \"2022-01-13T06:00Z\", \"lower_bound\": "
                                "\"2022-01-13T06:00Z\", \"loaded_legs\": 0, \"flight_h\": 0, \"late\": 0},\n";

static void test_syntax_error_place(void **state)
{
    (void)state;
    const char *m = refused("{\"format\": \"sortie/plan@1\",\n \"scenario\": \"s\"\n \"summary\": {}}", SORTIE_EINPUT);
    assert_non_null(strstr(m, "bad.json:3:"));
    m = refused("", SORTIE_EINPUT);
    assert_non_null(strstr(m, "bad.json: the file is empty"));
    m = refused("[1, 2]", SORTIE_EINPUT);
    assert_non_null(strstr(m, "bad.json: expected a JSON object"));
}

static void test_field_errors_named(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text,
             "%s \"aircraft\": [{\"id\": \"A#1\", \"fleet\": \"A\", \"type\": \"T\", \"base\": \"B\", \"legs\": [\n"
             "   {\"from\": \"B\", \"to\": \"C\", \"dep\": \"2022-01-13T06:00Z\", \"arr\": \"2022-01-13 07:00\", "
             "\"load\": null},\n"
             "   {\"from\": \"C\", \"to\": \"B\", \"dep\": \"2022-01-13T08:00:30Z\", \"arr\": \"2022-01-13T09:00Z\", "
             "\"load\": 7, \"lod\": 1}]}],\n"
             " \"loads\": [{\"id\": \"L 1\", \"from\": \"B\", \"to\": \"C\", \"weight_kg\": -1, "
             "\"pax\": [{\"req\": \"R\", \"n\": 1.5}], \"items\": [{\"req\": \"R\", \"n\": 1}]}],\n"
             " \"requirements\": [{\"id\": \"R\", \"delivered\": \"2022-01-13T09:00Z\", \"due\": \"2022-01-13T09:00Z\"}],"
             " \"notes\": {\"anything\": [1, 2]}}",
             good_head);
    const char *m = refused(text, SORTIE_EINPUT);
    assert_non_null(strstr(m, "bad.json: aircraft[0].legs[0].arr: expected a UTC time"));
    assert_non_null(strstr(m, "bad.json: aircraft[0].legs[1].dep: plans are written in whole minutes"));
    assert_non_null(strstr(m, "bad.json: aircraft[0].legs[1].load: expected a load id or null, got 7"));
    assert_non_null(strstr(m, "bad.json: aircraft[0].legs[1].lod: unknown key (did you mean 'load'?)"));
    assert_non_null(strstr(m, "bad.json: loads[0].id: expected an id"));
    assert_non_null(strstr(m, "bad.json: loads[0].weight_kg: expected a number >= 0, got -1"));
    assert_non_null(strstr(m, "bad.json: loads[0].pax[0].n: expected a whole number"));
    assert_non_null(strstr(m, "bad.json: loads[0].items[0]: missing required key 'name'"));
    assert_non_null(strstr(m, "bad.json: requirements[0]: missing required key 'late_min'"));
    assert_null(strstr(m, "notes"));
}

static void test_format_checked_first(void **state)
{
    (void)state;
    const char *m = refused("{\"format\": \"sortie/scenario@1\", \"name\": \"x\", \"airfields\": []}", SORTIE_EINPUT);
    assert_non_null(strstr(m, "bad.json: format: expected \"sortie/plan@1\", got \"sortie/scenario@1\" (this is a "
                              "scenario, not a plan)"));
    assert_null(strstr(m, "unknown key"));
    m = refused("{\"scenario\": \"x\"}", SORTIE_EINPUT);
    assert_non_null(strstr(m, "missing required key 'format'"));
}

static void test_at_most_twenty_errors(void **state)
{
    (void)state;
    size_t cap = 64 * 1024, used = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    used += (size_t)snprintf(text + used, cap - used, "%s \"aircraft\": [], \"requirements\": [], \"loads\": [",
                             good_head);
    for (int i = 0; i < 30; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "%s{\"id\": \"L%d\", \"from\": \"A\", \"to\": \"B\", \"weight_kg\": \"heavy\"}",
                                 i ? ", " : "", i);
    snprintf(text + used, cap - used, "]}");
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_plan_read_buffer(text, strlen(text), "many.json", &p, &d), SORTIE_EINPUT);
    assert_null(p);
    assert_int_equal(sortie_diag_count(d), 20);
    assert_int_equal(sortie_diag_dropped(d), 10);
    assert_non_null(strstr(sortie_diag_message(d, 0), "many.json: loads[0].weight_kg: expected a number >= 0"));
    sortie_diag_free(d);
    free(text);
}

static void test_optional_parts(void **state)
{
    (void)state;
    /* "load" may be left out for an empty leg; a load's pax and items may be left out. */
    char text[2048];
    snprintf(text, sizeof text,
             "%s \"aircraft\": [{\"id\": \"A#1\", \"fleet\": \"A\", \"type\": \"T\", \"base\": \"B\", \"legs\": [\n"
             "   {\"from\": \"B\", \"to\": \"C\", \"dep\": \"2022-01-13T06:00Z\", \"arr\": \"2022-01-13T07:00:00Z\"}]}],\n"
             " \"loads\": [{\"id\": \"L1\", \"from\": \"B\", \"to\": \"C\", \"weight_kg\": 0}],\n"
             " \"requirements\": []}",
             good_head);
    sortie_plan *p = read_text(text, "optional.json");
    assert_null(p->aircraft[0].legs[0].load);
    assert_int_equal(p->aircraft[0].legs[0].arr - p->aircraft[0].legs[0].dep, 60);
    assert_int_equal(p->loads[0].n_pax, 0);
    assert_int_equal(p->loads[0].n_items, 0);
    assert_false(p->has_extensions);
    char *json = to_json(p);
    assert_non_null(strstr(json, "\"pax\": [],\n     \"items\": []}"));
    assert_non_null(strstr(json, "\"load\": null}"));
    sortie_free(json);
    sortie_plan_free(p);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    sortie_plan *p = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_plan_read_file("tests/data/plans/no-such-plan.json", &p, &d), SORTIE_EIO);
    assert_null(p);
    assert_int_equal(sortie_diag_count(d), 1);
    assert_non_null(strstr(sortie_diag_message(d, 0), "tests/data/plans/no-such-plan.json: cannot read: "));
    sortie_diag_free(d);
    /* diag may be NULL */
    assert_int_equal(sortie_plan_read_file("tests/data/plans/no-such-plan.json", &p, NULL), SORTIE_EIO);
}

static void test_empty_plan_writes(void **state)
{
    (void)state;
    sortie_plan *p = calloc(1, sizeof *p);
    assert_non_null(p);
    char *json = to_json(p);
    /* Nothing set: still a document that reads back. */
    sortie_plan *again = read_text(json, "empty.json");
    char *json2 = to_json(again);
    assert_string_equal(json, json2);
    assert_non_null(strstr(json, "  \"aircraft\": [],\n  \"loads\": [],\n  \"requirements\": []\n}\n"));
    char *csv = NULL;
    fixture_model f = load_fixture_model();
    assert_int_equal(sortie_plan_to_csv(f.model, p, &csv), SORTIE_OK);
    free_fixture_model(&f);
    assert_string_equal(csv, "aircraft,type,operator,from,to,dep,arr,pax,cargo_kg,items,requirements\r\n");
    sortie_free(csv);
    sortie_free(json);
    sortie_free(json2);
    sortie_plan_free(again);
    sortie_plan_free(p);
    sortie_plan_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_deterministic_layout),
        cmocka_unit_test(test_extensions_survive),
        cmocka_unit_test(test_summary_without_extensions),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_syntax_error_place),
        cmocka_unit_test(test_field_errors_named),
        cmocka_unit_test(test_format_checked_first),
        cmocka_unit_test(test_at_most_twenty_errors),
        cmocka_unit_test(test_optional_parts),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_empty_plan_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
