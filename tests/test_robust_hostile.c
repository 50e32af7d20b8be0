/*
 * test_robust_hostile: hostile sizes and values, generated at test time
 * (nothing large is committed). Each must be refused with SORTIE_EINPUT and a
 * short message naming the field, or, where the format allows the value,
 * handled: the model builds or is refused with a reason, small scenarios are
 * planned and the plan passes the checker. Never a crash, an overflow (UBSan
 * in the sanitizer build) or a runaway allocation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <cmocka.h>

#include "sortie.h"
#include "testutil.h"

/* A small valid scenario; each `NAME` is a slot a case may fill. */
static const char base[] =
    "{\"format\": \"sortie/scenario@1\", \"name\": `NAME``EXTRA`, \"start\": `START`,\n"
    " \"horizon_h\": `HORIZON`, \"pax_kg\": `PAXKG`,\n"
    " \"airfields\": [{\"id\": \"A\", \"lat\": `LAT`, \"lon\": 30.0, \"mog\": `MOG`,\n"
    "                  \"hours\": {\"open\": `OPEN`, \"close\": \"23:00\"}},\n"
    "                 {\"id\": \"B\", \"lat\": 52.0, \"lon\": 21.0}],\n"
    " \"aircraft_types\": [{\"id\": \"T1\", \"payload_kg\": `PAYLOAD`, \"seats\": `SEATS`,\n"
    "                       \"hold\": {\"length_m\": 12.0, \"width_m\": 3.0, \"height_m\": 2.6},\n"
    "                       \"cruise_kmh\": `CRUISE`, \"range_km\": `RANGE`, \"ferry_range_km\": 5000,\n"
    "                       \"taxi_min\": `TAXI`, \"ground_min\": `GROUND`}],\n"
    " \"fleets\": [{\"id\": `FLEETID`, \"operator\": \"P\", \"type\": \"T1\", \"count\": `COUNT`, \"base\": \"B\",\n"
    "             \"available_from\": `AVAIL`}],\n"
    " \"requirements\": [\n"
    "   {\"id\": `REQID`, \"from\": \"A\", \"to\": \"B\", \"pax\": `PAX`,\n"
    "    \"cargo\": [{\"name\": \"truck\", \"count\": `ITEMS`, \"weight_kg\": `WEIGHT`, \"length_m\": 7.0,\n"
    "               \"width_m\": `WIDTH`, \"height_m\": 2.5}],\n"
    "    \"ready\": `READY`, \"due\": `DUE`, \"priority\": `PRIORITY`}]}\n";

static const struct {
    const char *slot, *value;
} defaults[] = {
    {"NAME", "\"hostile\""}, {"EXTRA", ""}, {"START", "\"2022-03-01T00:00Z\""}, {"HORIZON", "120"},
    {"PAXKG", "100"}, {"LAT", "50.0"}, {"MOG", "2"}, {"OPEN", "\"05:00\""},
    {"PAYLOAD", "20000"}, {"SEATS", "90"}, {"CRUISE", "600"}, {"RANGE", "3000"},
    {"TAXI", "12"}, {"GROUND", "60"}, {"FLEETID", "\"F1\""}, {"COUNT", "2"},
    {"AVAIL", "\"2022-03-01T00:00Z\""}, {"REQID", "\"R1\""}, {"PAX", "120"}, {"ITEMS", "2"},
    {"WEIGHT", "7000"}, {"WIDTH", "2.5"}, {"READY", "\"2022-03-01T04:00Z\""},
    {"DUE", "\"2022-03-02T12:00Z\""}, {"PRIORITY", "1"},
};

/* The base scenario with `slot` set to `value` (others at their defaults); free(). */
static char *scenario_with(const char *slot, const char *value)
{
    size_t cap = sizeof base + strlen(value) + 4096, used = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    for (const char *p = base; *p;) {
        if (*p != '`') {
            out[used++] = *p++;
            continue;
        }
        const char *end = strchr(p + 1, '`');
        assert_non_null(end);
        size_t n = (size_t)(end - p - 1);
        const char *v = NULL;
        if (strlen(slot) == n && strncmp(p + 1, slot, n) == 0)
            v = value;
        for (size_t i = 0; !v && i < sizeof defaults / sizeof defaults[0]; i++)
            if (strlen(defaults[i].slot) == n && strncmp(p + 1, defaults[i].slot, n) == 0)
                v = defaults[i].value;
        assert_non_null(v);
        size_t vl = strlen(v);
        assert_true(used + vl < cap);
        memcpy(out + used, v, vl);
        used += vl;
        p = end + 1;
    }
    out[used] = '\0';
    return out;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long max_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

/* Every message is short (a hostile value is not echoed whole) and one line. */
static void assert_messages_sane(const sortie_diag *diag)
{
    for (size_t i = 0; i < sortie_diag_count(diag); i++) {
        const char *m = sortie_diag_message(diag, i);
        assert_non_null(m);
        if (strlen(m) > 1000)
            fail_msg("message %zu is %zu bytes long: %.200s...", i, strlen(m), m);
        assert_null(strchr(m, '\n'));
    }
}

/* Refused with SORTIE_EINPUT and a message that names `field`. */
static void expect_refused(const char *text, size_t len, const char *field)
{
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    double t0 = now_s();
    sortie_status st = sortie_scenario_read_buffer(text, len, "hostile.json", &s, &d);
    double dt = now_s() - t0;
    char buf[8192];
    if (st != SORTIE_EINPUT)
        fail_msg("%s: expected a refusal, got %s\n%s", field, sortie_strerror(st), tu_diag_text(d, buf, sizeof buf));
    assert_null(s);
    assert_messages_sane(d);
    tu_diag_text(d, buf, sizeof buf);
    if (!strstr(buf, field))
        fail_msg("no message names '%s':\n%s", field, buf);
    print_message("refused in %.2fs: %.160s", dt, sortie_diag_message(d, 0));
    if (!strchr(sortie_diag_message(d, 0), '\n'))
        print_message("\n");
    sortie_diag_free(d);
}

static void expect_slot_refused(const char *slot, const char *value, const char *field)
{
    char *text = scenario_with(slot, value);
    expect_refused(text, strlen(text), field);
    free(text);
}

/* Accepted or refused, either way cleanly; if accepted and `plan` is set, the
 * model is planned and the plan must pass the checker. */
static void expect_handled(const char *slot, const char *value, bool plan)
{
    char *text = scenario_with(slot, value);
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_scenario_read_buffer(text, strlen(text), "hostile.json", &s, &d);
    free(text);
    assert_true(st == SORTIE_OK || st == SORTIE_EINPUT);
    assert_messages_sane(d);
    if (st != SORTIE_OK) {
        assert_true(sortie_diag_count(d) > 0);
        print_message("%s=%.40s: refused: %.160s\n", slot, value, sortie_diag_message(d, 0));
        sortie_diag_free(d);
        return;
    }
    sortie_diag_free(d);
    d = NULL;
    sortie_model *m = NULL;
    st = sortie_model_build(s, &m, &d);
    assert_true(st == SORTIE_OK || st == SORTIE_EINFEASIBLE);
    assert_messages_sane(d);
    if (st != SORTIE_OK) {
        assert_true(sortie_diag_count(d) > 0);
        print_message("%s=%.40s: model refused: %.160s\n", slot, value, sortie_diag_message(d, 0));
    } else if (plan) {
        sortie_params params;
        sortie_params_init(&params);
        params.time_limit_s = 0.05;
        sortie_plan *p = NULL;
        sortie_diag *pd = NULL;
        st = sortie_plan_make(m, &params, &p, &pd);
        assert_messages_sane(pd);
        if (st == SORTIE_OK) {
            tu_assert_valid(m, p);
            print_message("%s=%.40s: planned, plan valid\n", slot, value);
        } else {
            assert_int_equal(st, SORTIE_EINFEASIBLE);
            assert_true(sortie_diag_count(pd) > 0);
            print_message("%s=%.40s: cannot be planned: %.160s\n", slot, value, sortie_diag_message(pd, 0));
        }
        sortie_diag_free(pd);
        sortie_plan_free(p);
    } else {
        print_message("%s=%.40s: accepted, model built\n", slot, value);
    }
    sortie_diag_free(d);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_base_is_valid(void **state)
{
    (void)state;
    expect_handled("NAME", "\"hostile\"", true);
}

static void test_counts_near_integer_limits(void **state)
{
    (void)state;
    expect_slot_refused("COUNT", "2147483647", "fleets[0].count");
    expect_slot_refused("COUNT", "2147483648", "fleets[0].count");
    expect_slot_refused("COUNT", "9223372036854775807", "fleets[0].count");
    expect_slot_refused("COUNT", "99999999999999999999999", "hostile.json:10:"); /* jansson: too big integer */
    expect_slot_refused("COUNT", "1e300", "fleets[0].count");
    expect_slot_refused("COUNT", "-1", "fleets[0].count");
    expect_slot_refused("COUNT", "-2147483648", "fleets[0].count");
    expect_slot_refused("COUNT", "2.5", "fleets[0].count");
    expect_slot_refused("COUNT", "1000001", "fleets[0].count");
    expect_handled("COUNT", "-0", false);
    expect_handled("COUNT", "0", false);
    expect_slot_refused("PAX", "2147483647", "requirements[0].pax");
    expect_slot_refused("PAX", "100000001", "requirements[0].pax");
    expect_slot_refused("PAX", "-2147483649", "requirements[0].pax");
    expect_slot_refused("PAX", "1e300", "requirements[0].pax");
    expect_handled("PAX", "100000000", false);
    expect_handled("PAX", "-0", true);
    expect_slot_refused("ITEMS", "2147483647", "requirements[0].cargo[0].count");
    expect_slot_refused("ITEMS", "1e300", "requirements[0].cargo[0].count");
    expect_slot_refused("MOG", "2147483648", "airfields[0].mog");
    expect_slot_refused("MOG", "-1", "airfields[0].mog");
    expect_handled("MOG", "2147483647", true);
    expect_handled("MOG", "0", true);
    expect_handled("SEATS", "2147483647", true);
    expect_slot_refused("SEATS", "2147483648", "aircraft_types[0].seats");
    expect_slot_refused("SEATS", "0", "aircraft_types[0].seats");
    expect_handled("TAXI", "2147483647", true);
    expect_handled("GROUND", "2147483647", true);
    expect_slot_refused("TAXI", "-1", "aircraft_types[0].taxi_min");
    expect_slot_refused("GROUND", "4294967296", "aircraft_types[0].ground_min");
    expect_handled("PRIORITY", "2147483647", true);
    expect_slot_refused("PRIORITY", "1e300", "requirements[0].priority");
}

static void test_reals_at_the_edges(void **state)
{
    (void)state;
    expect_slot_refused("LAT", "1e300", "airfields[0].lat");
    expect_slot_refused("LAT", "90.000001", "airfields[0].lat");
    expect_handled("LAT", "-0", true);
    expect_handled("LAT", "-0.0", true);
    expect_handled("LAT", "89.999999999999", true);
    expect_slot_refused("HORIZON", "1e300", "horizon_h");
    expect_slot_refused("HORIZON", "87601", "horizon_h");
    expect_slot_refused("HORIZON", "-1", "horizon_h");
    expect_handled("HORIZON", "87600", false);
    expect_handled("HORIZON", "1e-300", true);
    expect_handled("PAXKG", "1e300", true);
    expect_handled("PAXKG", "1e-300", true);
    expect_slot_refused("PAXKG", "-0.5", "pax_kg");
    expect_handled("PAYLOAD", "1e300", true);
    expect_handled("PAYLOAD", "1e-300", true);
    expect_handled("CRUISE", "1e300", true);
    /* Once gave leg minutes beyond INT_MAX (tests/data/regress/scenario/cruise-tiny.json). */
    expect_handled("CRUISE", "1e-300", true);
    expect_handled("CRUISE", "5e-324", true);
    expect_handled("CRUISE", "0.5", true);
    expect_handled("RANGE", "1e300", true);
    expect_handled("RANGE", "1e-300", true);
    expect_handled("WEIGHT", "1e300", true);
    expect_handled("WEIGHT", "-0", true);
    expect_handled("WIDTH", "1e300", true);
    expect_handled("WIDTH", "1e-300", true);
    expect_slot_refused("WIDTH", "0", "requirements[0].cargo[0].width_m");
    expect_slot_refused("WIDTH", "1e999", "hostile.json:");  /* real number overflow: a syntax error */
}

static void test_times_far_away(void **state)
{
    (void)state;
    expect_slot_refused("START", "\"0001-01-01T00:00Z\"", "start");
    expect_slot_refused("START", "\"9999-12-31T23:59Z\"", "start");
    expect_slot_refused("START", "\"-2022-03-01T00:00Z\"", "start");
    expect_slot_refused("START", "\"99999-03-01T00:00Z\"", "start");
    expect_slot_refused("START", "\"2022-03-01T00:00\"", "start");
    expect_slot_refused("START", "\"2022-02-29T00:00Z\"", "start");
    expect_slot_refused("START", "\"2022-03-01T24:01Z\"", "start");
    expect_slot_refused("READY", "\"0001-01-01T00:00Z\"", "requirements[0].ready");
    expect_slot_refused("DUE", "\"9999-12-31T23:59Z\"", "requirements[0].due");
    expect_slot_refused("AVAIL", "\"9999-12-31T23:59Z\"", "fleets[0].available_from");
    expect_slot_refused("OPEN", "\"24:01\"", "airfields[0].hours.open");
    expect_slot_refused("OPEN", "\"99999999999:00\"", "airfields[0].hours.open");
    expect_handled("START", "\"2199-12-31T00:00Z\"", true);
    expect_handled("START", "\"1900-01-01T00:00Z\"", true);
}

/* A string of n copies of c, quoted, as a JSON value. */
static char *long_string(size_t n, char c)
{
    char *s = malloc(n + 3);
    assert_non_null(s);
    s[0] = '"';
    memset(s + 1, c, n);
    s[n + 1] = '"';
    s[n + 2] = '\0';
    return s;
}

static void test_megabyte_strings(void **state)
{
    (void)state;
    char *id = long_string(5u << 20, 'a');
    expect_slot_refused("FLEETID", id, "fleets[0].id");
    expect_slot_refused("REQID", id, "requirements[0].id");
    /* A free-text name may be long, but nothing may break on it. */
    expect_handled("NAME", id, true);
    free(id);
    /* A fleet id so long that "<id>#<n>" would be cut short must still give distinct tails. */
    char *mid = long_string(100, 'f');
    expect_handled("FLEETID", mid, true);
    free(mid);
    char *bad = long_string(1u << 20, '\x01');
    expect_slot_refused("NAME", bad, "hostile.json:1:");  /* control characters: a syntax error */
    free(bad);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t n = 100000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    memset(text, '[', n);
    text[n] = '\0';
    expect_refused(text, n, "hostile.json:1:");
    memset(text, '{', n);
    expect_refused(text, n, "hostile.json:1:");
    free(text);

    /* Deep nesting inside a free-form object: refused by the parser's depth limit or kept. */
    char *notes = malloc(2 * n + 64);
    assert_non_null(notes);
    size_t k = (size_t)sprintf(notes, ", \"notes\": {\"deep\": ");
    memset(notes + k, '[', n);
    k += n;
    memset(notes + k, ']', n);
    k += n;
    strcpy(notes + k, "}");
    expect_handled("EXTRA", notes, false);
    free(notes);
}

/* Writes n requirements (all alike) into a new scenario text; *len gets its length. */
static char *many_requirements(size_t n, size_t *len)
{
    const char *head =
        "{\"format\": \"sortie/scenario@1\", \"name\": \"many\", \"start\": \"2022-03-01T00:00Z\",\n"
        " \"airfields\": [{\"id\": \"A\", \"lat\": 50.0, \"lon\": 30.0}, {\"id\": \"B\", \"lat\": 52.0, \"lon\": 21.0}],\n"
        " \"fleets\": [{\"id\": \"F\", \"operator\": \"P\", \"type\": \"C-17A\", \"count\": 1, \"base\": \"B\"}],\n"
        " \"requirements\": [\n";
    size_t cap = strlen(head) + n * 64 + 16, used = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    used += (size_t)sprintf(text, "%s", head);
    for (size_t i = 0; i < n; i++)
        used += (size_t)sprintf(text + used, "%s{\"id\":\"R%zu\",\"from\":\"A\",\"to\":\"B\",\"pax\":1}\n",
                                i ? "," : "", i);
    used += (size_t)sprintf(text + used, "]}\n");
    *len = used;
    return text;
}

static void test_a_million_requirements(void **state)
{
    (void)state;
    size_t len;
    char *text = many_requirements(1000001, &len);
    double t0 = now_s();
    expect_refused(text, len, "requirements");
    print_message("1,000,001 requirements (%zu MB): %.1f s, peak RSS %ld MB\n", len >> 20, now_s() - t0,
                  max_rss_mb());
    free(text);

    text = many_requirements(1000000, &len);
    t0 = now_s();
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_scenario_read_buffer(text, len, "many.json", &s, &d);
    free(text);
    assert_messages_sane(d);
    sortie_diag_free(d);
    d = NULL;
    print_message("1,000,000 requirements: %s in %.1f s, peak RSS %ld MB\n", sortie_strerror(st), now_s() - t0,
                  max_rss_mb());
    assert_true(st == SORTIE_OK || st == SORTIE_EINPUT);
    if (s) {
        sortie_model *m = NULL;
        t0 = now_s();
        st = sortie_model_build(s, &m, &d);
        print_message("model: %s in %.1f s, peak RSS %ld MB\n", sortie_strerror(st), now_s() - t0, max_rss_mb());
        assert_true(st == SORTIE_OK || st == SORTIE_EINFEASIBLE || st == SORTIE_ENOMEM);
        sortie_diag_free(d);
        sortie_model_free(m);
        sortie_scenario_free(s);
    }
    assert_true(max_rss_mb() < 8192);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_is_valid),
        cmocka_unit_test(test_counts_near_integer_limits),
        cmocka_unit_test(test_reals_at_the_edges),
        cmocka_unit_test(test_times_far_away),
        cmocka_unit_test(test_megabyte_strings),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_a_million_requirements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
