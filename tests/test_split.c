/*
 * test_split: a requirement whose pieces need different aircraft types (one
 * item only the wide hold takes, one only the strong payload takes) is
 * accepted by the model and planned across both fleets; the plan passes
 * the checker. FORMAT's rules 8 and 9 are per load, so nothing forbids it.
 */
#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char split_json[] =
    "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"horizon_h\": 240,"
    " \"airfields\": [{\"id\": \"AAAA\", \"lat\": 43.35, \"lon\": 77.04},"
    "                 {\"id\": \"BBBB\", \"lat\": 51.02, \"lon\": 71.47}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"WIDE\", \"payload_kg\": 20000, \"seats\": 60, \"hold\": {\"length_m\": 12, \"width_m\": 4,"
    "   \"height_m\": 3}, \"cruise_kmh\": 700, \"range_km\": 4000, \"ferry_range_km\": 6000, \"ground_min\": 90},"
    "  {\"id\": \"STRONG\", \"payload_kg\": 60000, \"seats\": 100, \"hold\": {\"length_m\": 12, \"width_m\": 3,"
    "   \"height_m\": 3}, \"cruise_kmh\": 700, \"range_km\": 4000, \"ferry_range_km\": 6000, \"ground_min\": 90}],"
    " \"fleets\": [{\"id\": \"W\", \"operator\": \"X\", \"type\": \"WIDE\", \"count\": 1, \"base\": \"AAAA\"},"
    "              {\"id\": \"S\", \"operator\": \"X\", \"type\": \"STRONG\", \"count\": 1, \"base\": \"AAAA\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"AAAA\", \"to\": \"BBBB\", \"pax\": 50, \"cargo\": ["
    "   {\"name\": \"bridge\", \"count\": 1, \"weight_kg\": 15000, \"length_m\": 10, \"width_m\": 3.8, \"height_m\": 2},"
    "   {\"name\": \"tank\", \"count\": 1, \"weight_kg\": 45000, \"length_m\": 9, \"width_m\": 2.9, \"height_m\": 2.5}]}]}";

static void test_pieces_ride_different_types(void **state)
{
    (void)state;
    sortie_scenario *s = tu_scenario(split_json);
    sortie_model *m = tu_model(s);
    sortie_params params;
    sortie_params_init(&params);
    params.time_limit_s = 0.5;
    sortie_plan *plan = tu_plan(m, &params);

    /* Both aircraft fly a loaded leg: neither could take everything. */
    char *json = NULL;
    assert_int_equal(sortie_plan_to_json(plan, &json), SORTIE_OK);
    assert_non_null(strstr(json, "\"W#1\""));
    assert_non_null(strstr(json, "\"S#1\""));
    sortie_free(json);
    sortie_plan_free(plan);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_piece_no_type_takes_is_refused(void **state)
{
    (void)state;
    /* The same scenario with the strong type gone: the tank fits no payload left. */
    char *json = strdup(split_json);
    assert_non_null(json);
    char *fleet = strstr(json, ",              {\"id\": \"S\"");
    assert_non_null(fleet);
    char *end = strstr(fleet, "}],");
    memmove(fleet, end + 1, strlen(end + 1) + 1);
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_model_build(s, &m, &d), SORTIE_EINFEASIBLE);
    char buf[1024];
    assert_string_equal(tu_diag_text(d, buf, sizeof buf),
                        "R1: item 'tank' weighs 45000 kg; the largest payload among its carriers is 20000 kg (WIDE)\n");
    sortie_diag_free(d);
    sortie_scenario_free(s);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pieces_ride_different_types),
        cmocka_unit_test(test_piece_no_type_takes_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
