/*
 * test_slot: airfield timelines. Opening hours (inclusive at both ends, a
 * window that wraps midnight, "24:00"), matching a take-off window with a
 * landing window, and ground occupancy against MOG: counts over half-open
 * intervals, the first full minute, the next free minute, the next gap long
 * enough for a stay, undo that restores the counts, and aircraft based at
 * an airfield not counting there.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "slot.h"
#include "testutil.h"

/* 2022-01-13T00:00Z in minutes since 1970: days 19005 x 1440. */
#define DAY0 ((minute_t)19005 * 1440)
#define HM(h, m) ((minute_t)(h) * 60 + (m))

/* A: 06:00-10:00, MOG 1; W: 22:00-04:00 (wraps); N: 12:00-24:00; O: always open, MOG 2, base of F1. */
static const char *scenario_json =
    "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T00:00Z\", \"horizon_h\": 240,"
    " \"airfields\": ["
    "  {\"id\": \"A\", \"lat\": 0, \"lon\": 0, \"mog\": 1, \"hours\": {\"open\": \"06:00\", \"close\": \"10:00\"}},"
    "  {\"id\": \"W\", \"lat\": 0, \"lon\": 3, \"hours\": {\"open\": \"22:00\", \"close\": \"04:00\"}},"
    "  {\"id\": \"N\", \"lat\": 0, \"lon\": 6, \"hours\": {\"open\": \"12:00\", \"close\": \"24:00\"}},"
    "  {\"id\": \"O\", \"lat\": 0, \"lon\": 9, \"mog\": 2}],"
    " \"aircraft_types\": [{\"id\": \"T\", \"payload_kg\": 10000, \"seats\": 50, \"hold\": {\"length_m\": 10,"
    "  \"width_m\": 3, \"height_m\": 3}, \"cruise_kmh\": 600, \"range_km\": 5000, \"ferry_range_km\": 8000,"
    "  \"taxi_min\": 0, \"ground_min\": 60}],"
    " \"fleets\": [{\"id\": \"F1\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"O\"},"
    "  {\"id\": \"F2\", \"operator\": \"X\", \"type\": \"T\", \"count\": 1, \"base\": \"A\"}],"
    " \"requirements\": [{\"id\": \"R1\", \"from\": \"O\", \"to\": \"A\", \"pax\": 1}]}";

typedef struct {
    sortie_scenario *s;
    sortie_model *m;
    int A, W, N, O;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->s = tu_scenario(scenario_json);
    f->m = tu_model(f->s);
    f->A = model_airfield_index(f->m, "A");
    f->W = model_airfield_index(f->m, "W");
    f->N = model_airfield_index(f->m, "N");
    f->O = model_airfield_index(f->m, "O");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sortie_model_free(f->m);
    sortie_scenario_free(f->s);
    free(f);
    return 0;
}

static void test_hours_are_inclusive_at_both_ends(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    assert_int_equal(slot_next_open(m, f->A, DAY0 + HM(5, 59)), DAY0 + HM(6, 0));
    assert_int_equal(slot_next_open(m, f->A, DAY0 + HM(6, 0)), DAY0 + HM(6, 0));
    assert_int_equal(slot_next_open(m, f->A, DAY0 + HM(10, 0)), DAY0 + HM(10, 0));
    /* 10:01 is closed: next morning. */
    assert_int_equal(slot_next_open(m, f->A, DAY0 + HM(10, 1)), DAY0 + 1440 + HM(6, 0));
    assert_int_equal(slot_prev_open(m, f->A, DAY0 + HM(10, 1)), DAY0 + HM(10, 0));
    assert_int_equal(slot_prev_open(m, f->A, DAY0 + HM(5, 59)), DAY0 - 1440 + HM(10, 0));
    assert_int_equal(slot_prev_open(m, f->A, DAY0 + HM(7, 30)), DAY0 + HM(7, 30));
}

static void test_hours_wrapping_midnight(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    assert_int_equal(slot_next_open(m, f->W, DAY0 + HM(23, 0)), DAY0 + HM(23, 0));
    assert_int_equal(slot_next_open(m, f->W, DAY0 + HM(3, 0)), DAY0 + HM(3, 0));
    assert_int_equal(slot_next_open(m, f->W, DAY0 + HM(4, 0)), DAY0 + HM(4, 0));
    assert_int_equal(slot_next_open(m, f->W, DAY0 + HM(4, 1)), DAY0 + HM(22, 0));
    assert_int_equal(slot_prev_open(m, f->W, DAY0 + HM(12, 0)), DAY0 + HM(4, 0));
    assert_int_equal(slot_prev_open(m, f->W, DAY0 + HM(22, 0)), DAY0 + HM(22, 0));
}

static void test_hours_closing_at_24(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    /* 12:00-24:00: 23:59 is open, 00:00 of the next day is not (the model's reading). */
    assert_true(model_airfield_open_at(m, f->N, DAY0 + HM(23, 59)));
    assert_false(model_airfield_open_at(m, f->N, DAY0 + 1440));
    assert_int_equal(slot_next_open(m, f->N, DAY0 + 1440), DAY0 + 1440 + HM(12, 0));
    assert_int_equal(slot_prev_open(m, f->N, DAY0 + 1440 + HM(11, 0)), DAY0 + HM(23, 59));
    /* Always open: every minute. */
    assert_int_equal(slot_next_open(m, f->O, DAY0 + 7), DAY0 + 7);
    assert_int_equal(slot_prev_open(m, f->O, DAY0 + 7), DAY0 + 7);
}

static void test_pair_matches_take_off_and_landing_windows(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    /* Take off from A (06:00-10:00), land at N (12:00-24:00) 180 min later:
     * the first take-off at or after 05:00 is 09:00 (lands 12:00). */
    assert_int_equal(slot_next_pair(m, f->A, DAY0 + HM(5, 0), 180, f->N), DAY0 + HM(9, 0));
    /* The latest at or before 11:00 is 10:00 (lands 13:00). */
    assert_int_equal(slot_prev_pair(m, f->A, DAY0 + HM(11, 0), 180, f->N), DAY0 + HM(10, 0));
    /* 60 min from A can never land at N: A closes at 10:00, N opens at 12:00. */
    assert_int_equal(slot_next_pair(m, f->A, DAY0, 60, f->N), SLOT_NEVER);
    assert_int_equal(slot_prev_pair(m, f->A, DAY0, 60, f->N), -SLOT_NEVER);
    /* From the wrapping window into A: leave W at 04:00, land at A at 06:00. */
    assert_int_equal(slot_next_pair(m, f->W, DAY0 + HM(1, 0), 120, f->A), DAY0 + HM(4, 0));
}

static void test_line_counts_half_open_intervals(void **state)
{
    (void)state;
    slot_line l = {0};
    assert_true(slot_line_add(&l, 100, 200, 1));
    assert_true(slot_line_add(&l, 200, 300, 1)); /* lands the minute the other takes off */
    assert_int_equal(slot_line_at(&l, 99), 0);
    assert_int_equal(slot_line_at(&l, 100), 1);
    assert_int_equal(slot_line_at(&l, 199), 1);
    assert_int_equal(slot_line_at(&l, 200), 1);
    assert_int_equal(slot_line_at(&l, 300), 0);
    assert_int_equal(slot_line_peak(&l, 0, 1000), 1);
    /* With MOG 1 both fit; the line is full over [100, 300). */
    assert_int_equal(slot_line_first_full(&l, 0, 100, 1), SLOT_NEVER);
    assert_int_equal(slot_line_first_full(&l, 0, 101, 1), 100);
    assert_int_equal(slot_line_first_full(&l, 250, 400, 1), 250);
    assert_int_equal(slot_line_first_full(&l, 300, 400, 1), SLOT_NEVER);
    assert_int_equal(slot_line_next_free(&l, 150, 1), 300);
    assert_int_equal(slot_line_next_free(&l, 50, 1), 50);
    assert_int_equal(slot_line_next_free(&l, 150, 2), 150);
    assert_int_equal(slot_line_next_free(&l, 150, 0), SLOT_NEVER);
    slot_line_free(&l);
    slot_line_free(NULL);
}

static void test_line_finds_a_gap_long_enough(void **state)
{
    (void)state;
    slot_line l = {0};
    /* Busy [100, 200) and [230, 400) with MOG 1: the 30-minute hole at 200
     * takes a 30-minute stay but not a 31-minute one. */
    assert_true(slot_line_add(&l, 100, 200, 1));
    assert_true(slot_line_add(&l, 230, 400, 1));
    assert_int_equal(slot_line_find_gap(&l, 0, 50, 1), 0);
    assert_int_equal(slot_line_find_gap(&l, 60, 50, 1), 400);
    assert_int_equal(slot_line_find_gap(&l, 60, 40, 1), 60);
    assert_int_equal(slot_line_find_gap(&l, 150, 30, 1), 200);
    assert_int_equal(slot_line_find_gap(&l, 150, 31, 1), 400);
    assert_int_equal(slot_line_find_gap(&l, 150, 31, 2), 150);
    assert_int_equal(slot_line_find_gap(&l, 150, 31, 0), SLOT_NEVER);
    slot_line_free(&l);
}

static void test_line_undo_restores_counts_and_never_fails(void **state)
{
    (void)state;
    slot_line l = {0};
    /* Enough intervals to grow the arrays several times. */
    for (int i = 0; i < 100; i++)
        assert_true(slot_line_add(&l, i * 10, i * 10 + 25, 1));
    assert_int_equal(slot_line_peak(&l, 0, 2000), 3);
    int cap = l.cap;
    for (int i = 0; i < 100; i += 2)
        assert_true(slot_line_add(&l, i * 10, i * 10 + 25, -1));
    assert_int_equal(l.cap, cap); /* removing allocates nothing */
    assert_int_equal(slot_line_peak(&l, 0, 2000), 2);
    for (int i = 1; i < 100; i += 2)
        assert_true(slot_line_add(&l, i * 10, i * 10 + 25, -1));
    assert_int_equal(slot_line_peak(&l, -100, 5000), 0);
    slot_line_clear(&l);
    assert_int_equal(l.n, 0);
    assert_true(slot_line_add(&l, 5, 5, 1)); /* empty interval: nothing */
    assert_int_equal(l.n, 0);
    slot_line_free(&l);
}

static void test_table_counts_only_aircraft_not_based_there(void **state)
{
    fixture *f = *state;
    const sortie_model *m = f->m;
    int f1 = model_fleet_index(m, "F1"), f2 = model_fleet_index(m, "F2");
    slot_table st;
    assert_true(slot_table_init(&st, m));
    /* O (MOG 2) is F1's base: F1 never counts there, F2 does. */
    assert_false(slot_counts(m, f->O, f1));
    assert_true(slot_counts(m, f->O, f2));
    assert_false(slot_counts(m, f->W, f2)); /* no MOG */
    assert_true(slot_table_add(&st, f->O, f1, 0, 100, 1));
    assert_int_equal(slot_line_peak(&st.lines[f->O], 0, 100), 0);
    assert_true(slot_table_add(&st, f->O, f2, 0, 100, 1));
    assert_true(slot_table_add(&st, f->O, f2, 50, 150, 1));
    assert_int_equal(slot_table_first_full(&st, f->O, f2, 0, 200), 50);
    assert_int_equal(slot_table_first_full(&st, f->O, f1, 0, 200), SLOT_NEVER);
    assert_int_equal(slot_table_next_free(&st, f->O, f2, 60), 100);
    assert_int_equal(slot_table_next_free(&st, f->O, f1, 60), 60);
    assert_int_equal(slot_table_find_gap(&st, f->O, f2, 40, 20), 100);
    slot_table_clear(&st);
    assert_int_equal(slot_table_first_full(&st, f->O, f2, 0, 200), SLOT_NEVER);
    slot_table_free(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hours_are_inclusive_at_both_ends, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hours_wrapping_midnight, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hours_closing_at_24, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pair_matches_take_off_and_landing_windows, setup, teardown),
        cmocka_unit_test(test_line_counts_half_open_intervals),
        cmocka_unit_test(test_line_finds_a_gap_long_enough),
        cmocka_unit_test(test_line_undo_restores_counts_and_never_fails),
        cmocka_unit_test_setup_teardown(test_table_counts_only_aircraft_not_based_there, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
