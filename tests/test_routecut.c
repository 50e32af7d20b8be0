/* test_routecut: the least a route's loads need in whole sorties. Where
 * the LPs would fill fractions of sorties (239 passengers on 116 seats:
 * 2.06), the route needs whole ones (3); the fewest legs and the least
 * ground minutes may come from different mixes of types; items too heavy
 * to go two to a sortie each take one; carriers and routes with nothing
 * on them count. test_lpbound and test_tibound check what the cuts add to
 * the bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model.h"
#include "routecut.h"
#include "testutil.h"

/* Types: W (116 seats, 150 min on the ground), A (50 seats, 60 min), B
 * (120 seats, 150 min), H (10 t payload, one seat, 60 min). Operators X (W, A, H)
 * and Y (B). Each requirement has its own destination. */
static const char scenario_json[] =
    "{\"format\": \"sortie/scenario@1\", \"start\": \"2024-01-01T00:00Z\", \"horizon_h\": 240, \"pax_kg\": 100,"
    " \"airfields\": [{\"id\": \"O\", \"lat\": 0, \"lon\": 0}, {\"id\": \"D1\", \"lat\": 0, \"lon\": 5},"
    "  {\"id\": \"D2\", \"lat\": 5, \"lon\": 0}, {\"id\": \"D3\", \"lat\": -5, \"lon\": 0},"
    "  {\"id\": \"D4\", \"lat\": 0, \"lon\": -5}, {\"id\": \"D5\", \"lat\": 3, \"lon\": 3}],"
    " \"aircraft_types\": ["
    "  {\"id\": \"W\", \"payload_kg\": 37000, \"seats\": 116, \"hold\": {\"length_m\": 17, \"width_m\": 4,"
    "   \"height_m\": 4}, \"cruise_kmh\": 700, \"range_km\": 5000, \"ferry_range_km\": 8000, \"ground_min\": 150},"
    "  {\"id\": \"A\", \"payload_kg\": 10000, \"seats\": 50, \"hold\": {\"length_m\": 10, \"width_m\": 3,"
    "   \"height_m\": 3}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 8000, \"ground_min\": 60},"
    "  {\"id\": \"B\", \"payload_kg\": 30000, \"seats\": 120, \"hold\": {\"length_m\": 12, \"width_m\": 4,"
    "   \"height_m\": 4}, \"cruise_kmh\": 700, \"range_km\": 5000, \"ferry_range_km\": 8000, \"ground_min\": 150},"
    "  {\"id\": \"H\", \"payload_kg\": 10000, \"seats\": 1, \"hold\": {\"length_m\": 10, \"width_m\": 3,"
    "   \"height_m\": 3}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 8000, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"FW\", \"operator\": \"X\", \"type\": \"W\", \"count\": 2, \"base\": \"O\"},"
    "  {\"id\": \"FA\", \"operator\": \"X\", \"type\": \"A\", \"count\": 2, \"base\": \"O\"},"
    "  {\"id\": \"FB\", \"operator\": \"Y\", \"type\": \"B\", \"count\": 2, \"base\": \"O\"},"
    "  {\"id\": \"FH\", \"operator\": \"X\", \"type\": \"H\", \"count\": 2, \"base\": \"O\"}],"
    " \"requirements\": ["
    "  {\"id\": \"R1\", \"from\": \"O\", \"to\": \"D1\", \"pax\": 239, \"carriers\": [\"X\"]},"
    "  {\"id\": \"R2\", \"from\": \"O\", \"to\": \"D2\", \"pax\": 130},"
    "  {\"id\": \"R3\", \"from\": \"O\", \"to\": \"D3\", \"pax\": 130, \"carriers\": [\"Y\"]},"
    "  {\"id\": \"R4\", \"from\": \"O\", \"to\": \"D4\", \"pax\": 0, \"carriers\": [\"X\"], \"cargo\": ["
    "    {\"name\": \"gun\", \"count\": 3, \"weight_kg\": 6000, \"length_m\": 3, \"width_m\": 2, \"height_m\": 2}]}]}";

static routecut need(const sortie_model *m, const char *from, const char *to)
{
    routecut out = {-1, -1};
    assert_int_equal(
        routecut_need(m, model_airfield_index(m, from), model_airfield_index(m, to), &out), SORTIE_OK);
    return out;
}

/* 239 passengers, carriers X: seats of 116 (W, 150 min) or 50 (A, 60
 * min). Three legs at the fewest, not 2.06; the least ground time is five
 * A (300 min), where the LP would take 239 seats at A's 1.2 min each (287). */
static void test_whole_sorties(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    routecut r = need(m, "O", "D1");
    assert_true(r.sorties == 3);
    assert_true(r.ground_min == 5 * 60);
}

/* 130 passengers, any carrier: two legs at the fewest (W and A, or two of
 * W or B), but the least ground time is three A (180 min, 150 seats). */
static void test_fewest_and_least_differ(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    routecut r = need(m, "O", "D2");
    assert_true(r.sorties == 2);
    assert_true(r.ground_min == 3 * 60);
}

/* The same passengers, carrier Y only: B's 120 seats, two legs of 150 min. */
static void test_carriers(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    routecut r = need(m, "O", "D3");
    assert_true(r.sorties == 2);
    assert_true(r.ground_min == 2 * 150);
}

/* Three 6 t items: 18 t fit two of A's or H's 10 t by weight, but no
 * sortie of theirs takes two items over half its payload; W takes six. */
static void test_heavy_items(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    routecut r = need(m, "O", "D4");
    assert_true(r.sorties == 1);      /* one W */
    assert_true(r.ground_min == 150); /* one W, not three A or H (180) */
}

static void test_nothing_on_the_route(void **state)
{
    const sortie_model *m = ((tu_fixture *)*state)->model;
    routecut r = need(m, "O", "D5");
    assert_true(r.sorties == 0 && r.ground_min == 0);
    r = need(m, "D1", "O");
    assert_true(r.sorties == 0 && r.ground_min == 0);
}

static int setup(void **state)
{
    *state = tu_fixture_new(tu_scenario(scenario_json));
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_sorties),        cmocka_unit_test(test_fewest_and_least_differ),
        cmocka_unit_test(test_carriers),             cmocka_unit_test(test_heavy_items),
        cmocka_unit_test(test_nothing_on_the_route),
    };
    return cmocka_run_group_tests(tests, setup, tu_fixture_teardown);
}
