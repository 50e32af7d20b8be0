/*
 * test_load: packing one load. Requirements are taken in the order given
 * (the dispatcher's: priority, then due date); for each, cargo lines by
 * decreasing size, then passengers into what is left; within seats, payload
 * (passengers at pax_kg), the hold's dimensions (an item may be turned on
 * the floor) and its floor area; only requirements whose carriers include
 * the aircraft's operator and that are ready at take-off. Room kept for
 * passengers, per requirement or for the whole route.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "model.h"
#include "testutil.h"

/* Type T: 10,000 kg, 50 seats, hold 10 x 3 x 3 m (30 m2). Passengers 100 kg.
 * Type S is T with a 500 km range: A-B (1,000 km) is beyond it, and there is
 * no airfield for a fuel stop.
 * R2's lines in file order: small (2 x 1.5 m, 500 kg), big (4 x 3 m, 3,000 kg),
 * tall (1 x 1 x 4 m: fits no hold), turned (2 x 3.5 m: fits only turned, 100 kg). */
static const char *scenario_json =
    "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T00:00Z\", \"horizon_h\": 240, \"pax_kg\": 100,"
    " \"airfields\": [{\"id\": \"A\", \"lat\": 0, \"lon\": 0}, {\"id\": \"B\", \"lat\": 0, \"lon\": 9}],"
    " \"aircraft_types\": [{\"id\": \"T\", \"payload_kg\": 10000, \"seats\": 50, \"hold\": {\"length_m\": 10,"
    "  \"width_m\": 3, \"height_m\": 3}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 8000,"
    "  \"ground_min\": 60},"
    "  {\"id\": \"U\", \"payload_kg\": 50000, \"seats\": 2, \"hold\": {\"length_m\": 20,"
    "  \"width_m\": 5, \"height_m\": 5}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 8000,"
    "  \"ground_min\": 60},"
    "  {\"id\": \"S\", \"payload_kg\": 10000, \"seats\": 50, \"hold\": {\"length_m\": 10,"
    "  \"width_m\": 3, \"height_m\": 3}, \"cruise_kmh\": 600, \"range_km\": 500, \"ferry_range_km\": 8000,"
    "  \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"A\"},"
    "  {\"id\": \"G\", \"operator\": \"Y\", \"type\": \"T\", \"count\": 1, \"base\": \"A\"},"
    "  {\"id\": \"H\", \"operator\": \"X\", \"type\": \"U\", \"count\": 1, \"base\": \"A\"},"
    "  {\"id\": \"K\", \"operator\": \"X\", \"type\": \"S\", \"count\": 1, \"base\": \"A\"}],"
    " \"requirements\": ["
    "  {\"id\": \"R1\", \"from\": \"A\", \"to\": \"B\", \"pax\": 30, \"priority\": 2},"
    "  {\"id\": \"R2\", \"from\": \"A\", \"to\": \"B\", \"pax\": 20, \"cargo\": ["
    "    {\"name\": \"small\", \"count\": 5, \"weight_kg\": 500, \"length_m\": 2, \"width_m\": 1.5, \"height_m\": 1},"
    "    {\"name\": \"big\", \"count\": 2, \"weight_kg\": 3000, \"length_m\": 4, \"width_m\": 3, \"height_m\": 2},"
    "    {\"name\": \"tall\", \"count\": 1, \"weight_kg\": 10, \"length_m\": 1, \"width_m\": 1, \"height_m\": 4},"
    "    {\"name\": \"turned\", \"count\": 1, \"weight_kg\": 100, \"length_m\": 2, \"width_m\": 3.5, \"height_m\": 1}]},"
    "  {\"id\": \"R3\", \"from\": \"A\", \"to\": \"B\", \"pax\": 10, \"carriers\": [\"Y\"],"
    "   \"due\": \"2022-01-14T00:00Z\"},"
    "  {\"id\": \"R4\", \"from\": \"A\", \"to\": \"B\", \"pax\": 5, \"ready\": \"2022-01-14T00:00Z\"}]}";

typedef struct {
    sortie_scenario *s;
    sortie_model *m;
    load_demand d;
    load_pack p;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->s = tu_scenario(scenario_json);
    f->m = tu_model(f->s);
    assert_true(load_demand_init(&f->d, f->m));
    assert_true(load_pack_init(&f->p, f->m));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    load_pack_free(&f->p);
    load_demand_free(&f->d);
    sortie_model_free(f->m);
    sortie_scenario_free(f->s);
    free(f);
    return 0;
}

static void assert_piece(const load_pack *p, int i, int req, int line, int n)
{
    assert_true(i < p->n_pieces);
    assert_int_equal(p->pieces[i].req, req);
    assert_int_equal(p->pieces[i].line, line);
    assert_int_equal(p->pieces[i].n, n);
}

enum { SMALL = 0, BIG = 1, TALL = 2, TURNED = 3 };

static void test_order_items_by_size_then_passengers(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int F = model_fleet_index(m, "F");
    /* Most urgent first: R3 (X may not carry it), R2, R1. */
    int order[] = {2, 1, 0, 3};
    load_fill(&f->d, F, order, 4, m->start, false, &f->p);
    /* R2: big first, 2 x 12 m2 = 24 m2, 6,000 kg; then the turned item
     * (7 m2 does not fit in the 6 m2 left), then small: 6 m2 left takes 2
     * (1,000 kg); tall fits no hold. Then R2's 20 passengers (2,000 kg),
     * then R1's passengers into the 1,000 kg left: 10. R4 is not ready. */
    assert_int_equal(f->p.n_pieces, 4);
    assert_piece(&f->p, 0, 1, BIG, 2);
    assert_piece(&f->p, 1, 1, SMALL, 2);
    assert_piece(&f->p, 2, 1, -1, 20);
    assert_piece(&f->p, 3, 0, -1, 10);
    assert_int_equal(f->p.pax, 30);
    assert_true(f->p.kg == 10000.0);
    assert_true(f->p.floor_m2 == 30.0);
    assert_true(f->p.fill == 1.0);
    assert_int_equal(f->p.priority, 1);
}

static void test_seats_limit_passengers(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int F = model_fleet_index(m, "F");
    int order[] = {0, 3};
    /* R1's 30 and R4's 5 (ready by then) fit 50 seats and 3,500 kg. */
    load_fill(&f->d, F, order, 2, m->start + 1440, false, &f->p);
    assert_int_equal(f->p.n_pieces, 2);
    assert_piece(&f->p, 0, 0, -1, 30);
    assert_piece(&f->p, 1, 3, -1, 5);
    assert_true(f->p.fill == 35.0 / 50.0);
    assert_int_equal(f->p.priority, 1);
}

static void test_carrier_rule_and_ready_time(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int F = model_fleet_index(m, "F"), G = model_fleet_index(m, "G");
    int order[] = {2, 3};
    load_fill(&f->d, F, order, 2, m->start, false, &f->p);
    assert_int_equal(f->p.n_pieces, 0); /* R3 is Y's only, R4 not ready */
    load_fill(&f->d, G, order, 2, m->start, false, &f->p);
    assert_int_equal(f->p.n_pieces, 1);
    assert_piece(&f->p, 0, 2, -1, 10);
    assert_false(load_can_carry(m, 2, F));
    assert_true(load_can_carry(m, 2, G));
}

/* The lists of what a fleet may carry (the dispatcher's routes, its fluid
 * plan, the bounds' eligibility) leave out what it cannot fly there, though
 * the seats and the hold would take it. */
static void test_out_of_range_fleet_carries_nothing(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int K = model_fleet_index(m, "K");
    assert_true(K >= 0);
    assert_true(load_can_carry_pax(m, 0, K));
    assert_true(load_can_carry_line(m, 1, SMALL, K));
    for (int r = 0; r < m->n_reqs; r++)
        assert_false(load_can_carry(m, r, K));
    assert_true(load_can_carry(m, 0, model_fleet_index(m, "F")));
}

static void test_turned_item_and_large_hold(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int H = model_fleet_index(m, "H");
    /* U: 20 x 5 x 5 m, 50,000 kg, 2 seats: every item of R2 (the tall one
     * too, by decreasing floor area), then 2 of its passengers. */
    int order[] = {1};
    load_fill(&f->d, H, order, 1, m->start, false, &f->p);
    assert_int_equal(f->p.n_pieces, 5);
    assert_piece(&f->p, 0, 1, BIG, 2);
    assert_piece(&f->p, 1, 1, TURNED, 1);
    assert_piece(&f->p, 2, 1, SMALL, 5);
    assert_piece(&f->p, 3, 1, TALL, 1);
    assert_piece(&f->p, 4, 1, -1, 2);
    assert_true(load_can_carry_pax(m, 1, H));
    assert_true(load_can_carry_line(m, 1, TURNED, model_fleet_index(m, "F")));
    assert_false(load_can_carry_line(m, 1, TALL, model_fleet_index(m, "F")));
}

static void test_take_and_give_back(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int F = model_fleet_index(m, "F");
    int order[] = {1};
    assert_true(load_demand_left(&f->d, 1));
    load_fill(&f->d, F, order, 1, m->start, false, &f->p);
    load_take(&f->d, &f->p);
    assert_int_equal(f->d.pax[1], 0);
    assert_int_equal(f->d.items[f->d.line0[1] + BIG], 0);
    assert_int_equal(f->d.items[f->d.line0[1] + SMALL], 5 - 2);
    /* The next load of the same requirement takes what is left. */
    load_fill(&f->d, F, order, 1, m->start, false, &f->p);
    assert_piece(&f->p, 0, 1, TURNED, 1);
    assert_piece(&f->p, 1, 1, SMALL, 3);
    load_give_back(&f->d, 1, -1, 20);
    assert_int_equal(f->d.pax[1], 20);
    load_demand_reset(&f->d);
    assert_int_equal(f->d.items[f->d.line0[1] + SMALL], 5);
    /* A requirement emptied in full has nothing left. */
    f->d.pax[0] = 0;
    assert_false(load_demand_left(&f->d, 0));
}

/* Type C: 20,000 kg, 92 seats, hold 17 x 3.1 x 2.7 m. On route A-B, P
 * (priority 1: 69 passengers, a 6,400 kg vehicle and a 12,000 kg container)
 * and Q (61 passengers, the same vehicle): 37,800 kg and 130 seats, two
 * loads at the least, where one must seat 38 or more. */
static const char *two_loads_json =
    "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T00:00Z\", \"horizon_h\": 240, \"pax_kg\": 100,"
    " \"airfields\": [{\"id\": \"A\", \"lat\": 0, \"lon\": 0}, {\"id\": \"B\", \"lat\": 0, \"lon\": 9}],"
    " \"aircraft_types\": [{\"id\": \"C\", \"payload_kg\": 20000, \"seats\": 92, \"hold\": {\"length_m\": 17,"
    "  \"width_m\": 3.1, \"height_m\": 2.7}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 8000,"
    "  \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"C\", \"count\": 1, \"base\": \"A\"}],"
    " \"requirements\": ["
    "  {\"id\": \"P\", \"from\": \"A\", \"to\": \"B\", \"pax\": 69, \"priority\": 1, \"cargo\": ["
    "    {\"name\": \"vehicle\", \"count\": 1, \"weight_kg\": 6400, \"length_m\": 6.2, \"width_m\": 2.5, \"height_m\": 2.6},"
    "    {\"name\": \"container\", \"count\": 1, \"weight_kg\": 12000, \"length_m\": 6.06, \"width_m\": 2.44,"
    "     \"height_m\": 2.59}]},"
    "  {\"id\": \"Q\", \"from\": \"A\", \"to\": \"B\", \"pax\": 61, \"priority\": 2, \"cargo\": ["
    "    {\"name\": \"vehicle\", \"count\": 1, \"weight_kg\": 6400, \"length_m\": 6.2, \"width_m\": 2.5,"
    "     \"height_m\": 2.6}]}]}";

/* Loads of the route A-B for fleet F until nothing is left; returns how many. */
static int loads_to_empty(load_demand *d, load_pack *p, int f, const int *order, int n, bool whole_route)
{
    int loads = 0;
    while ((load_demand_left(d, order[0]) || load_demand_left(d, order[1])) && loads < 10) {
        load_fill(d, f, order, n, d->m->start, whole_route, p);
        assert_true(p->n_pieces > 0);
        assert_true(p->kg <= 20000.0 && p->pax <= 92);
        load_take(d, p);
        loads++;
    }
    return loads;
}

/* Each requirement alone keeps no room for passengers: P's 69 fit any load,
 * Q's 61 too. Filled one requirement at a time, the first load takes both of
 * P's items and 16 passengers, and 114 are left for two more loads; kept
 * room for the route's passengers together, two loads carry everything. */
static void test_whole_route_keeps_seats_for_its_passengers(void **state)
{
    (void)state;
    sortie_scenario *s = tu_scenario(two_loads_json);
    sortie_model *m = tu_model(s);
    load_demand d;
    load_pack p;
    assert_true(load_demand_init(&d, m));
    assert_true(load_pack_init(&p, m));
    int F = model_fleet_index(m, "F");
    int order[] = {0, 1};

    load_fill(&d, F, order, 2, m->start, false, &p);
    assert_int_equal(p.n_pieces, 3);
    assert_int_equal(p.pax, 16);
    assert_true(p.kg == 20000.0);
    load_demand_reset(&d);
    assert_int_equal(loads_to_empty(&d, &p, F, order, 2, false), 3);

    load_demand_reset(&d);
    load_fill(&d, F, order, 2, m->start, true, &p);
    /* P's vehicle and 69 passengers, then Q's vehicle and 3: the container
     * and 58 passengers make the second load. */
    assert_int_equal(p.n_pieces, 4);
    assert_piece(&p, 0, 0, 0, 1);
    assert_piece(&p, 1, 0, -1, 69);
    assert_piece(&p, 2, 1, 0, 1);
    assert_piece(&p, 3, 1, -1, 3);
    load_demand_reset(&d);
    assert_int_equal(loads_to_empty(&d, &p, F, order, 2, true), 2);

    load_pack_free(&p);
    load_demand_free(&d);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_order_items_by_size_then_passengers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seats_limit_passengers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_carrier_rule_and_ready_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_turned_item_and_large_hold, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_range_fleet_carries_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_take_and_give_back, setup, teardown),
        cmocka_unit_test(test_whole_route_keeps_seats_for_its_passengers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
