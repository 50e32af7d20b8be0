/*
 * test_robust_api: the edges of the public API that a careless caller
 * reaches: freeing NULL, diagnostics past their limit, every status text,
 * files that cannot be read, and the built-in catalog, whose JSON must read
 * back through the scenario reader as exactly the catalog.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "scenario.h"
#include "sortie.h"
#include "testutil.h"

static void test_free_null_is_harmless(void **state)
{
    (void)state;
    sortie_free(NULL);
    sortie_diag_free(NULL);
    sortie_scenario_free(NULL);
    sortie_model_free(NULL);
    sortie_plan_free(NULL);
    assert_int_equal(sortie_diag_count(NULL), 0);
    assert_int_equal(sortie_diag_dropped(NULL), 0);
    assert_null(sortie_diag_message(NULL, 0));
}

static void test_every_status_has_its_own_text(void **state)
{
    (void)state;
    const sortie_status all[] = {SORTIE_OK,         SORTIE_EINPUT,  SORTIE_ENOMEM,   SORTIE_EIO,
                                 SORTIE_EINFEASIBLE, SORTIE_ESOLVER, SORTIE_EINTERNAL};
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        const char *t = sortie_strerror(all[i]);
        assert_non_null(t);
        assert_true(strlen(t) > 0);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(t, sortie_strerror(all[j]));
    }
    assert_string_equal(sortie_strerror((sortie_status)9999), "unknown status");
}

/* A scenario with 30 airfields that each break a rule: 20 messages kept, the rest counted. */
static void test_diagnostics_keep_twenty_and_count_the_rest(void **state)
{
    (void)state;
    char text[8192];
    size_t used = (size_t)snprintf(text, sizeof text,
                                   "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"airfields\": [");
    for (int i = 0; i < 30; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s{\"id\": \"A%d\", \"lat\": 91, \"lon\": 0}",
                                 i ? "," : "", i);
    snprintf(text + used, sizeof text - used, "], \"fleets\": [], \"requirements\": []}");
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_scenario_read_buffer(text, strlen(text), "many-errors.json", &s, &d), SORTIE_EINPUT);
    assert_null(s);
    assert_int_equal(sortie_diag_count(d), 20);
    assert_true(sortie_diag_dropped(d) >= 10);
    assert_non_null(strstr(sortie_diag_message(d, 0), "airfields[0].lat"));
    assert_null(sortie_diag_message(d, 20));
    sortie_diag_free(d);
}

static void test_unreadable_files(void **state)
{
    (void)state;
    const char *paths[] = {"/nonexistent/scenario.json", "tests", "/dev/null"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        sortie_scenario *s = NULL;
        sortie_diag *d = NULL;
        sortie_status st = sortie_scenario_read_file(paths[i], &s, &d);
        assert_true(st == SORTIE_EIO || st == SORTIE_EINPUT);
        assert_null(s);
        assert_true(sortie_diag_count(d) > 0);
        assert_non_null(strstr(sortie_diag_message(d, 0), paths[i]));
        sortie_diag_free(d);

        sortie_plan *p = NULL;
        d = NULL;
        st = sortie_plan_read_file(paths[i], &p, &d);
        assert_true(st == SORTIE_EIO || st == SORTIE_EINPUT);
        assert_null(p);
        assert_true(sortie_diag_count(d) > 0);
        sortie_diag_free(d);
    }
    /* No diag wanted: still refused, nothing leaks. */
    sortie_scenario *s = NULL;
    assert_int_not_equal(sortie_scenario_read_file("/nonexistent/x.json", &s, NULL), SORTIE_OK);
    assert_null(s);
}

static void test_example_is_there(void **state)
{
    (void)state;
    size_t len = 0;
    const char *text = sortie_example_json(&len);
    assert_non_null(text);
    assert_int_equal(strlen(text), len);
    assert_non_null(sortie_example_json(NULL));
    sortie_scenario *s = NULL;
    assert_int_equal(sortie_scenario_read_buffer(text, len, SORTIE_EXAMPLE_NAME, &s, NULL), SORTIE_OK);
    sortie_scenario_free(s);
}

/* sortie types --json, pasted into a scenario's aircraft_types, reads back as the catalog. */
static void test_catalog_json_reads_back(void **state)
{
    (void)state;
    size_t n = sortie_catalog_count();
    assert_true(n >= 12);
    assert_null(sortie_catalog_type(n));
    const char *required[] = {"IL-76MD", "IL-76MD-90A", "AN-124-100", "AN-12BK", "AN-26",
                              "C-17A",   "C-130J-30",   "A400M",      "Y-20",    "KC-390"};
    for (size_t r = 0; r < sizeof required / sizeof required[0]; r++) {
        bool found = false;
        for (size_t i = 0; i < n; i++)
            found |= strcmp(sortie_catalog_type(i)->id, required[r]) == 0;
        if (!found)
            fail_msg("catalog lacks %s", required[r]);
    }

    char *json = NULL;
    assert_int_equal(sortie_catalog_json(&json), SORTIE_OK);
    json_error_t err;
    json_t *types = json_loads(json, 0, &err);
    assert_non_null(types);
    assert_true(json_is_array(types));
    assert_int_equal(json_array_size(types), n);

    json_t *doc = json_pack("{s:s, s:s, s:[{s:s, s:f, s:f}, {s:s, s:f, s:f}], s:O,"
                            " s:[{s:s, s:s, s:s, s:i, s:s}], s:[{s:s, s:s, s:s, s:i}]}",
                            "format", "sortie/scenario@1", "start", "2022-01-13T06:00Z", "airfields", "id", "A",
                            "lat", 0.0, "lon", 0.0, "id", "B", "lat", 1.0, "lon", 1.0, "aircraft_types", types,
                            "fleets", "id", "F", "operator", "X", "type", "C-17A", "count", 1, "base", "A",
                            "requirements", "id", "R", "from", "A", "to", "B", "pax", 1);
    assert_non_null(doc);
    char *text = json_dumps(doc, 0);
    assert_non_null(text);
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_scenario_read_buffer(text, strlen(text), "catalog.json", &s, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        fail_msg("the catalog's JSON does not read back: %s", tu_diag_text(d, buf, sizeof buf));
    }
    assert_int_equal(s->n_types, n);
    for (size_t i = 0; i < n; i++) {
        const sortie_aircraft_type *c = sortie_catalog_type(i);
        const scn_type *t = &s->types[i];
        assert_string_equal(t->id, c->id);
        assert_true(t->payload_kg == c->payload_kg && t->seats == c->seats);
        assert_true(t->hold_length_m == c->hold_length_m && t->hold_width_m == c->hold_width_m &&
                    t->hold_height_m == c->hold_height_m);
        assert_true(t->cruise_kmh == c->cruise_kmh && t->range_km == c->range_km &&
                    t->ferry_range_km == c->ferry_range_km);
        assert_true(t->taxi_min == c->taxi_min && t->ground_min == c->ground_min);
    }
    sortie_scenario_free(s);
    sortie_diag_free(d);
    free(text);
    json_decref(doc);
    json_decref(types);
    sortie_free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_null_is_harmless),
        cmocka_unit_test(test_every_status_has_its_own_text),
        cmocka_unit_test(test_diagnostics_keep_twenty_and_count_the_rest),
        cmocka_unit_test(test_unreadable_files),
        cmocka_unit_test(test_example_is_there),
        cmocka_unit_test(test_catalog_json_reads_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
