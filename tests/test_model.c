/*
 * test_model: the frozen model built from small scenarios. Tails are named
 * <fleet>#k; distances are WGS84 geodesics (checked against GeographicLib's
 * published GeodSolve example); leg minutes follow FORMAT rule 3; each
 * requirement gets exactly the fleets that may carry it; and requirements
 * that none can carry are refused with the reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "scenario.h"
#include "testutil.h"

/* Two made-up types with round figures, so that expected messages are exact. */
#define TYPES                                                                                                    \
    "\"aircraft_types\": ["                                                                                       \
    "{\"id\": \"T-A\", \"payload_kg\": 20000, \"seats\": 60, \"hold\": {\"length_m\": 12, \"width_m\": 3, "     \
    "\"height_m\": 3}, \"cruise_kmh\": 700, \"range_km\": 4000, \"ferry_range_km\": 6000, \"ground_min\": 90},"   \
    "{\"id\": \"T-B\", \"payload_kg\": 30000, \"seats\": 100, \"hold\": {\"length_m\": 10, \"width_m\": 2.5, "   \
    "\"height_m\": 4}, \"cruise_kmh\": 750, \"range_km\": 5000, \"ferry_range_km\": 7000, \"taxi_min\": 20, "   \
    "\"ground_min\": 120}]"

/* Almaty as FORMAT.md gives it and Ivanovo-Severny as the built-in example does. */
#define AIRFIELDS                                                                                                \
    "\"airfields\": [{\"id\": \"UAAA\", \"lat\": 43.3521, \"lon\": 77.0405},"                                    \
    " {\"id\": \"XUDI\", \"lat\": 57.05833, \"lon\": 40.98167},"                                                 \
    " {\"id\": \"UMMS\", \"lat\": 53.8825, \"lon\": 28.0325}]"

#define HEAD "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"horizon_h\": 240, "

static sortie_status build(const char *json, sortie_scenario **s, sortie_model **m, char *messages, size_t size)
{
    *s = tu_scenario(json);
    sortie_diag *d = NULL;
    sortie_status st = sortie_model_build(*s, m, &d);
    tu_diag_text(d, messages, size);
    sortie_diag_free(d);
    return st;
}

static void test_tails_are_named_fleet_hash_k(void **state)
{
    (void)state;
    const char *json = HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
                       "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 2, \"base\": \"XUDI\"},"
                       "{\"id\": \"BY-B\", \"operator\": \"BY\", \"type\": \"T-B\", \"count\": 3, \"base\": \"UMMS\"}],"
                       "\"requirements\": [{\"id\": \"R1\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"pax\": 10}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    assert_int_equal(m->n_tails, 5);
    const char *names[] = {"RU-A#1", "RU-A#2", "BY-B#1", "BY-B#2", "BY-B#3"};
    const int fleets[] = {0, 0, 1, 1, 1};
    for (int i = 0; i < 5; i++) {
        assert_string_equal(m->tails[i].id, names[i]);
        assert_int_equal(m->tails[i].fleet, fleets[i]);
    }
    assert_int_equal(m->fleets[1].first_tail, 2);
    assert_int_equal(m->fleets[1].count, 3);
    assert_int_equal(m->fleets[1].base, model_airfield_index(m, "UMMS"));
    assert_int_equal(m->n_operators, 2);
    assert_string_equal(m->operators[m->fleets[1].operator_index], "BY");
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* GeographicLib's GeodSolve(1) manual, EXAMPLES: JFK 40:38:23N 073:46:44W to
 * Changi 01:21:33N 103:59:22E is 15347628 m on WGS84. */
static void test_distance_matches_published_geodesic(void **state)
{
    (void)state;
    double jfk_lat = 40 + 38 / 60.0 + 23 / 3600.0, jfk_lon = -(73 + 46 / 60.0 + 44 / 3600.0);
    double sin_lat = 1 + 21 / 60.0 + 33 / 3600.0, sin_lon = 103 + 59 / 60.0 + 22 / 3600.0;
    char json[4096];
    snprintf(json, sizeof json,
             HEAD "\"airfields\": [{\"id\": \"KJFK\", \"lat\": %.17g, \"lon\": %.17g},"
                  " {\"id\": \"WSSS\", \"lat\": %.17g, \"lon\": %.17g},"
                  " {\"id\": \"X\", \"lat\": 0, \"lon\": 0}, {\"id\": \"Y\", \"lat\": 0, \"lon\": 1}], " TYPES ","
                  " \"fleets\": [{\"id\": \"F\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"X\"}],"
                  " \"requirements\": [{\"id\": \"R\", \"from\": \"X\", \"to\": \"Y\", \"pax\": 1}]}",
             jfk_lat, jfk_lon, sin_lat, sin_lon);
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    int jfk = model_airfield_index(m, "KJFK"), sin = model_airfield_index(m, "WSSS");
    assert_true(fabs(model_dist(m, jfk, sin) - 15347.628) < 0.1);
    assert_true(model_dist(m, jfk, sin) == model_dist(m, sin, jfk));
    assert_true(model_dist(m, jfk, jfk) == 0.0);
    /* One degree of longitude on the equator: a = 6378137 m, so 111.3195 km. */
    assert_true(fabs(model_dist(m, model_airfield_index(m, "X"), model_airfield_index(m, "Y")) - 111.3195) < 0.001);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

/* FORMAT.md: Ivanovo-Almaty is about 2,940 km; at 750 km/h that is 236 + 15 = 251 minutes. */
static void test_leg_minutes_follow_rule_3(void **state)
{
    (void)state;
    const char *json =
        HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
        "{\"id\": \"RU-76\", \"operator\": \"RU\", \"type\": \"IL-76MD\", \"count\": 1, \"base\": \"XUDI\"},"
        "{\"id\": \"BY-B\", \"operator\": \"BY\", \"type\": \"T-B\", \"count\": 1, \"base\": \"UMMS\"}],"
        "\"requirements\": [{\"id\": \"R1\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"pax\": 10}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    int almaty = model_airfield_index(m, "UAAA"), ivanovo = model_airfield_index(m, "XUDI");
    double d = model_dist(m, ivanovo, almaty);
    assert_true(fabs(d - 2940) < 5);
    int il76 = model_type_index(m, "IL-76MD"); /* the catalog's: 750 km/h, taxi 15 */
    assert_true(m->types[il76].t.cruise_kmh == 750 && m->types[il76].t.taxi_min == 15);
    assert_int_equal(model_leg_min(m, il76, ivanovo, almaty), 251);
    assert_int_equal(model_leg_min(m, il76, almaty, ivanovo), 251);
    /* Every pair and type: ceil(distance / cruise * 60) + taxi. */
    for (int t = 0; t < m->n_types; t++)
        for (int a = 0; a < m->n_airfields; a++)
            for (int b = 0; b < m->n_airfields; b++) {
                const scn_type *ty = &m->types[t].t;
                int expected = (int)ceil(model_dist(m, a, b) / ty->cruise_kmh * 60.0) + ty->taxi_min;
                assert_int_equal(model_leg_min(m, t, a, b), expected);
            }
    int tb = model_type_index(m, "T-B");
    assert_int_equal(model_leg_min(m, tb, ivanovo, ivanovo), 20); /* taxi only */
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static bool has_fleet(const mdl_requirement *r, int fleet)
{
    for (int k = 0; k < r->n_fleets; k++)
        if (r->fleets[k] == fleet)
            return true;
    return false;
}

static void test_carriable_fleets(void **state)
{
    (void)state;
    const char *json =
        HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
        "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"XUDI\"},"
        "{\"id\": \"BY-B\", \"operator\": \"BY\", \"type\": \"T-B\", \"count\": 1, \"base\": \"UMMS\"},"
        "{\"id\": \"KZ-A\", \"operator\": \"KZ\", \"type\": \"T-A\", \"count\": 1, \"base\": \"UAAA\"}],"
        "\"requirements\": ["
        /* 3.5 m high: only T-B's 4 m hold takes it, and BY is among the carriers. */
        " {\"id\": \"TALL\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"carriers\": [\"RU\", \"BY\"],"
        "  \"cargo\": [{\"name\": \"radar\", \"count\": 1, \"weight_kg\": 5000, \"length_m\": 6, \"width_m\": 2.4,"
        "              \"height_m\": 3.5}]},"
        /* No carriers named: anyone may carry passengers. */
        " {\"id\": \"ANY\", \"from\": \"UAAA\", \"to\": \"UMMS\", \"pax\": 50},"
        /* Only KZ. */
        " {\"id\": \"KZ\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"pax\": 5, \"carriers\": [\"KZ\"]},"
        /* 11 m wide and 2.5 m long fits T-A's 12 x 3 m floor turned by 90 degrees. */
        " {\"id\": \"TURN\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"carriers\": [\"RU\"],"
        "  \"cargo\": [{\"name\": \"span\", \"count\": 1, \"weight_kg\": 8000, \"length_m\": 2.5, \"width_m\": 11,"
        "              \"height_m\": 1}]}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    int ru = model_fleet_index(m, "RU-A"), by = model_fleet_index(m, "BY-B"), kz = model_fleet_index(m, "KZ-A");
    const mdl_requirement *tall = &m->reqs[model_req_index(m, "TALL")];
    assert_int_equal(tall->n_fleets, 1);
    assert_true(has_fleet(tall, by));
    assert_true(tall->carrier_ok[model_operator_index(m, "RU")]);
    assert_false(tall->carrier_ok[model_operator_index(m, "KZ")]);
    const mdl_requirement *any = &m->reqs[model_req_index(m, "ANY")];
    assert_int_equal(any->n_fleets, 3);
    assert_true(has_fleet(any, ru) && has_fleet(any, by) && has_fleet(any, kz));
    const mdl_requirement *only_kz = &m->reqs[model_req_index(m, "KZ")];
    assert_int_equal(only_kz->n_fleets, 1);
    assert_true(has_fleet(only_kz, kz));
    const mdl_requirement *turn = &m->reqs[model_req_index(m, "TURN")];
    assert_int_equal(turn->n_fleets, 1);
    assert_true(has_fleet(turn, ru));
    assert_true(fabs(turn->total_kg - 8000) < 1e-9 && fabs(turn->total_floor_m2 - 27.5) < 1e-9);
    assert_true(fabs(any->total_kg - 50 * 100) < 1e-9);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_times_are_clamped_to_the_horizon(void **state)
{
    (void)state;
    const char *json =
        HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
        "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"XUDI\","
        " \"available_from\": \"2022-01-12T00:00Z\", \"available_to\": \"2022-03-01T00:00Z\"}],"
        "\"requirements\": [{\"id\": \"R1\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"pax\": 10,"
        " \"ready\": \"2022-01-10T00:00Z\", \"due\": \"2022-02-10T00:00Z\"}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    assert_int_equal(m->end, m->start + 240 * 60);
    assert_int_equal(m->fleets[0].available_from, m->start);
    assert_int_equal(m->fleets[0].available_to, m->end);
    assert_int_equal(m->reqs[0].ready, m->start);
    assert_int_equal(m->reqs[0].due, s->requirements[0].due); /* a due after the horizon is kept */
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_item_wider_than_every_hold_is_refused(void **state)
{
    (void)state;
    const char *json =
        HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
        "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 2, \"base\": \"XUDI\"},"
        "{\"id\": \"RU-B\", \"operator\": \"RU\", \"type\": \"T-B\", \"count\": 2, \"base\": \"XUDI\"}],"
        "\"requirements\": [{\"id\": \"R1\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"carriers\": [\"RU\"],"
        " \"cargo\": [{\"name\": \"bridge\", \"count\": 1, \"weight_kg\": 10000, \"length_m\": 10, \"width_m\": 4.5,"
        "              \"height_m\": 2}]}]}";
    sortie_scenario *s;
    sortie_model *m = NULL;
    char messages[4096];
    assert_int_equal(build(json, &s, &m, messages, sizeof messages), SORTIE_EINFEASIBLE);
    assert_null(m);
    assert_string_equal(messages, "R1: item 'bridge' is 4.5 m wide; the widest hold among its carriers is 3 m (T-A)\n");
    sortie_scenario_free(s);
}

static void test_item_heavier_than_every_payload_is_refused(void **state)
{
    (void)state;
    const char *json =
        HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
        "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"XUDI\"},"
        "{\"id\": \"BY-B\", \"operator\": \"BY\", \"type\": \"T-B\", \"count\": 1, \"base\": \"XUDI\"}],"
        "\"requirements\": [{\"id\": \"TANKS\", \"from\": \"UAAA\", \"to\": \"XUDI\","
        " \"cargo\": [{\"name\": \"T-90\", \"count\": 4, \"weight_kg\": 46500, \"length_m\": 9.6, \"width_m\": 2.5,"
        "              \"height_m\": 2.2}]}]}";
    sortie_scenario *s;
    sortie_model *m = NULL;
    char messages[4096];
    assert_int_equal(build(json, &s, &m, messages, sizeof messages), SORTIE_EINFEASIBLE);
    assert_string_equal(messages,
                        "TANKS: item 'T-90' weighs 46500 kg; the largest payload among its carriers is 30000 kg (T-B)\n");
    sortie_scenario_free(s);
}

static void test_out_of_range_is_refused(void **state)
{
    (void)state;
    /* Almaty to Buenos Aires: far beyond 5000 km, and no airfield between. */
    const char *json =
        HEAD "\"airfields\": [{\"id\": \"UAAA\", \"lat\": 43.3521, \"lon\": 77.0405},"
             " {\"id\": \"SAEZ\", \"lat\": -34.8222, \"lon\": -58.5358}], " TYPES ", \"fleets\": ["
             "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"UAAA\"},"
             "{\"id\": \"RU-B\", \"operator\": \"RU\", \"type\": \"T-B\", \"count\": 1, \"base\": \"UAAA\"}],"
             "\"requirements\": [{\"id\": \"FAR\", \"from\": \"UAAA\", \"to\": \"SAEZ\", \"pax\": 20},"
             " {\"id\": \"FAR2\", \"from\": \"SAEZ\", \"to\": \"UAAA\", \"pax\": 20}]}";
    sortie_scenario *s;
    sortie_model *m = NULL;
    char messages[4096];
    assert_int_equal(build(json, &s, &m, messages, sizeof messages), SORTIE_EINFEASIBLE);
    /* One message per requirement that cannot be carried. */
    assert_non_null(strstr(messages, "FAR: its 20 passengers: UAAA-SAEZ is "));
    assert_non_null(strstr(messages, "FAR2: its 20 passengers: SAEZ-UAAA is "));
    assert_non_null(strstr(messages, " km; the longest range among the carriers that can take it is 5000 km (T-B), "
                                     "and no airfield of the scenario serves as a fuel stop\n"));
    sortie_scenario_free(s);
}

/* A carrier that operates no fleet never reaches the model: the reader refuses it. */
static void test_carriers_without_fleet_are_refused_by_the_reader(void **state)
{
    (void)state;
    const char *json =
        HEAD AIRFIELDS ", " TYPES ", \"fleets\": ["
        "{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"XUDI\"}],"
        "\"requirements\": [{\"id\": \"R1\", \"from\": \"UAAA\", \"to\": \"XUDI\", \"pax\": 1,"
        " \"carriers\": [\"AM\"]}]}";
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_scenario_read_buffer(json, strlen(json), "c.json", &s, &d), SORTIE_EINPUT);
    assert_null(s);
    assert_string_equal(sortie_diag_message(d, 0), "c.json: requirements[0].carriers[0]: 'AM' operates no fleet in "
                                                   "this scenario; carriers must be fleet operators (RU)");
    sortie_diag_free(d);
}

static void test_item_fits_turned(void **state)
{
    (void)state;
    mdl_type t = {.t = {.payload_kg = 20000, .hold_length_m = 12, .hold_width_m = 3, .hold_height_m = 3}};
    scn_cargo straight = {.name = "a", .count = 1, .weight_kg = 100, .length_m = 12, .width_m = 3, .height_m = 3};
    scn_cargo turned = {.name = "b", .count = 1, .weight_kg = 100, .length_m = 2.9, .width_m = 11.5, .height_m = 1};
    scn_cargo wide = {.name = "c", .count = 1, .weight_kg = 100, .length_m = 3.1, .width_m = 3.1, .height_m = 1};
    scn_cargo tall = {.name = "d", .count = 1, .weight_kg = 100, .length_m = 1, .width_m = 1, .height_m = 3.01};
    scn_cargo heavy = {.name = "e", .count = 1, .weight_kg = 20001, .length_m = 1, .width_m = 1, .height_m = 1};
    assert_true(model_item_fits(&t, &straight));
    assert_true(model_item_fits(&t, &turned));
    assert_false(model_item_fits(&t, &wide));
    assert_false(model_item_fits(&t, &tall));
    assert_false(model_item_fits(&t, &heavy));
}

static void test_airfield_hours(void **state)
{
    (void)state;
    const char *json =
        HEAD "\"airfields\": [{\"id\": \"NIGHT\", \"lat\": 43.3521, \"lon\": 77.0405,"
             "   \"hours\": {\"open\": \"22:00\", \"close\": \"06:00\"}},"
             " {\"id\": \"DAY\", \"lat\": 57.05833, \"lon\": 40.98167, \"hours\": {\"open\": \"06:00\", \"close\": \"18:00\"}},"
             " {\"id\": \"ALL\", \"lat\": 53.8825, \"lon\": 28.0325, \"hours\": {\"open\": \"00:00\", \"close\": \"24:00\"}}], "
        TYPES ", \"fleets\": [{\"id\": \"RU-A\", \"operator\": \"RU\", \"type\": \"T-A\", \"count\": 1, \"base\": \"DAY\"}],"
              "\"requirements\": [{\"id\": \"R1\", \"from\": \"NIGHT\", \"to\": \"DAY\", \"pax\": 1}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    minute_t day = m->start - time_of_day(m->start) + 10 * MINUTES_PER_DAY;
    int night = model_airfield_index(m, "NIGHT"), dayf = model_airfield_index(m, "DAY");
    assert_true(model_airfield_open_at(m, night, day + 23 * 60));
    assert_true(model_airfield_open_at(m, night, day + 5 * 60));
    assert_false(model_airfield_open_at(m, night, day + 12 * 60));
    assert_true(model_airfield_open_at(m, dayf, day + 12 * 60));
    assert_false(model_airfield_open_at(m, dayf, day + 3 * 60));
    assert_false(model_airfield_open_at(m, dayf, day + 20 * 60));
    assert_true(m->airfields[model_airfield_index(m, "ALL")].always_open);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tails_are_named_fleet_hash_k),
        cmocka_unit_test(test_distance_matches_published_geodesic),
        cmocka_unit_test(test_leg_minutes_follow_rule_3),
        cmocka_unit_test(test_carriable_fleets),
        cmocka_unit_test(test_times_are_clamped_to_the_horizon),
        cmocka_unit_test(test_item_wider_than_every_hold_is_refused),
        cmocka_unit_test(test_item_heavier_than_every_payload_is_refused),
        cmocka_unit_test(test_out_of_range_is_refused),
        cmocka_unit_test(test_carriers_without_fleet_are_refused_by_the_reader),
        cmocka_unit_test(test_item_fits_turned),
        cmocka_unit_test(test_airfield_hours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
