/*
 * test_timeutil: the one clock. Parsing and writing ISO 8601 UTC times,
 * seconds rounded the safe way, leap years, the supported range, times of
 * day "HH:MM" and the minute of the day.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "timeutil.h"

static minute_t parse(const char *text, time_rounding rounding)
{
    minute_t t = -999;
    if (!time_parse(text, rounding, &t))
        fail_msg("time_parse refused \"%s\"", text);
    return t;
}

static void assert_refused(const char *text)
{
    minute_t t = 12345;
    if (time_parse(text, TIME_ROUND_DOWN, &t) || time_parse(text, TIME_ROUND_UP, &t))
        fail_msg("time_parse accepted \"%s\"", text);
    assert_int_equal(t, 12345); /* untouched on refusal */
}

static void assert_formats_as(minute_t t, const char *expected)
{
    char buf[18];
    time_format(t, buf);
    assert_string_equal(buf, expected);
}

static void test_known_instants(void **state)
{
    (void)state;
    assert_int_equal(parse("1970-01-01T00:00Z", TIME_ROUND_DOWN), 0);
    assert_int_equal(parse("1970-01-01T00:01Z", TIME_ROUND_DOWN), 1);
    assert_int_equal(parse("1969-12-31T23:59Z", TIME_ROUND_DOWN), -1);
    /* 2022-01-13 is day 19005 of the Unix epoch. */
    assert_int_equal(parse("2022-01-13T06:00Z", TIME_ROUND_DOWN), 19005 * 1440 + 360);
    assert_int_equal(parse("2022-01-13T06:00:00Z", TIME_ROUND_UP), 19005 * 1440 + 360);
    assert_int_equal(parse("1900-01-01T00:00Z", TIME_ROUND_DOWN), TIME_MIN_VALID);
    assert_int_equal(parse("2199-12-31T23:59Z", TIME_ROUND_DOWN), TIME_MAX_VALID - 1);
    assert_formats_as(TIME_MAX_VALID, "2200-01-01T00:00Z");
}

static void test_seconds_round_the_safe_way(void **state)
{
    (void)state;
    minute_t six = parse("2022-01-13T06:00Z", TIME_ROUND_DOWN);
    /* Earliest times (ready, available_from) round up; latest (due, available_to) down. */
    assert_int_equal(parse("2022-01-13T06:00:01Z", TIME_ROUND_UP), six + 1);
    assert_int_equal(parse("2022-01-13T06:00:59Z", TIME_ROUND_UP), six + 1);
    assert_int_equal(parse("2022-01-13T06:00:01Z", TIME_ROUND_DOWN), six);
    assert_int_equal(parse("2022-01-13T06:00:59Z", TIME_ROUND_DOWN), six);
    assert_int_equal(parse("2022-01-13T06:00:00Z", TIME_ROUND_UP), six);
    /* Rounding up across midnight and the year. */
    assert_int_equal(parse("2021-12-31T23:59:30Z", TIME_ROUND_UP), parse("2022-01-01T00:00Z", TIME_ROUND_DOWN));
    /* ... but never out of the supported range. */
    minute_t t = 0;
    assert_false(time_parse("2199-12-31T23:59:30Z", TIME_ROUND_UP, &t));
    assert_int_equal(parse("2199-12-31T23:59:30Z", TIME_ROUND_DOWN), TIME_MAX_VALID - 1);
}

static void test_leap_years(void **state)
{
    (void)state;
    /* Divisible by 4, except centuries, except every fourth century. */
    minute_t feb29 = parse("2024-02-29T00:00Z", TIME_ROUND_DOWN);
    assert_int_equal(parse("2024-03-01T00:00Z", TIME_ROUND_DOWN) - feb29, 1440);
    assert_int_equal(parse("2024-02-29T00:00Z", TIME_ROUND_DOWN) - parse("2024-02-28T00:00Z", TIME_ROUND_DOWN), 1440);
    parse("2000-02-29T12:00Z", TIME_ROUND_DOWN);
    assert_refused("2023-02-29T00:00Z");
    assert_refused("2100-02-29T00:00Z");
    assert_refused("1900-02-29T00:00Z");
    assert_refused("2022-02-30T06:00Z");
    assert_refused("2022-04-31T06:00Z");
    parse("2022-12-31T23:59Z", TIME_ROUND_DOWN);
    /* A leap year has 366 days, a common one 365. */
    assert_int_equal(parse("2025-01-01T00:00Z", TIME_ROUND_DOWN) - parse("2024-01-01T00:00Z", TIME_ROUND_DOWN),
                     366 * 1440);
    assert_int_equal(parse("2023-01-01T00:00Z", TIME_ROUND_DOWN) - parse("2022-01-01T00:00Z", TIME_ROUND_DOWN),
                     365 * 1440);
    assert_int_equal(parse("2001-01-01T00:00Z", TIME_ROUND_DOWN) - parse("2000-01-01T00:00Z", TIME_ROUND_DOWN),
                     366 * 1440);
    assert_int_equal(parse("2101-01-01T00:00Z", TIME_ROUND_DOWN) - parse("2100-01-01T00:00Z", TIME_ROUND_DOWN),
                     365 * 1440);
}

static void test_refuses_what_is_not_a_utc_time(void **state)
{
    (void)state;
    assert_refused("");
    assert_refused("2022-01-13T06:00");           /* no Z: local time is ambiguous */
    assert_refused("2022-01-13T06:00+00:00");     /* offsets are not accepted either */
    assert_refused("2022-01-13T06:00z");
    assert_refused("2022-01-13t06:00Z");
    assert_refused("2022-01-13 06:00Z");
    assert_refused("2022-1-13T06:00Z");
    assert_refused("2022-01-13T6:00Z");
    assert_refused("2022-01-13T06:00Z ");
    assert_refused(" 2022-01-13T06:00Z");
    assert_refused("2022-01-13");
    assert_refused("2022-01-13T06:00:00.5Z");
    assert_refused("2022-00-13T06:00Z");
    assert_refused("2022-13-13T06:00Z");
    assert_refused("2022-01-00T06:00Z");
    assert_refused("2022-01-32T06:00Z");
    assert_refused("2022-01-13T24:00Z");
    assert_refused("2022-01-13T23:60Z");
    assert_refused("2022-01-13T23:59:60Z");      /* no leap seconds */
    assert_refused("1899-12-31T23:59Z");
    assert_refused("2200-01-01T00:00Z");
    assert_refused("+022-01-13T06:00Z");
    assert_refused("2022-01-13T06:0aZ");
}

static void test_round_trips(void **state)
{
    (void)state;
    const char *samples[] = {"1900-01-01T00:00Z", "1969-12-31T23:59Z", "1970-01-01T00:00Z", "2000-02-29T23:59Z",
                             "2022-01-13T06:00Z", "2038-01-19T03:14Z", "2199-12-31T23:59Z"};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++)
        assert_formats_as(parse(samples[i], TIME_ROUND_DOWN), samples[i]);
    /* Every day of the supported range, at a minute that moves through the day. */
    char buf[18];
    for (minute_t t = TIME_MIN_VALID; t < TIME_MAX_VALID; t += 1440 + 7) {
        time_format(t, buf);
        assert_int_equal(strlen(buf), 17);
        assert_int_equal(parse(buf, TIME_ROUND_DOWN), t);
    }
}

static void test_hours_of_the_day(void **state)
{
    (void)state;
    int m = -1;
    assert_true(time_parse_hhmm("00:00", &m));
    assert_int_equal(m, 0);
    assert_true(time_parse_hhmm("06:30", &m));
    assert_int_equal(m, 390);
    assert_true(time_parse_hhmm("23:59", &m));
    assert_int_equal(m, 1439);
    assert_true(time_parse_hhmm("24:00", &m)); /* the end of the day, for "close" */
    assert_int_equal(m, 1440);
    m = 7;
    assert_false(time_parse_hhmm("24:01", &m));
    assert_false(time_parse_hhmm("25:00", &m));
    assert_false(time_parse_hhmm("12:60", &m));
    assert_false(time_parse_hhmm("6:00", &m));
    assert_false(time_parse_hhmm("06:00Z", &m));
    assert_false(time_parse_hhmm("06-00", &m));
    assert_false(time_parse_hhmm("", &m));
    assert_false(time_parse_hhmm("ab:cd", &m));
    assert_int_equal(m, 7);
}

static void test_minute_of_the_day(void **state)
{
    (void)state;
    assert_int_equal(time_of_day(0), 0);
    assert_int_equal(time_of_day(1439), 1439);
    assert_int_equal(time_of_day(1440), 0);
    assert_int_equal(time_of_day(-1), 1439);
    assert_int_equal(time_of_day(-1440), 0);
    assert_int_equal(time_of_day(parse("2022-01-13T06:07Z", TIME_ROUND_DOWN)), 367);
    assert_int_equal(time_of_day(parse("1901-03-04T23:58Z", TIME_ROUND_DOWN)), 1438);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_instants),
        cmocka_unit_test(test_seconds_round_the_safe_way),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_refuses_what_is_not_a_utc_time),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_hours_of_the_day),
        cmocka_unit_test(test_minute_of_the_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
