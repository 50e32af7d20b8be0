/*
 * test_scenario: the scenario reader. Valid files give the right values and
 * defaults; catalog types need no definition and a file's own definition
 * wins; and every file of the bad-input corpus (tests/data/bad/, one defect
 * each, listed with the message it must produce in EXPECTED.tsv) is refused
 * with a message that names the place and the fix.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "jsonutil.h"
#include "model.h"
#include "scenario.h"
#include "testutil.h"

#define BAD_DIR "tests/data/bad"

static minute_t at(const char *text)
{
    minute_t t = 0;
    assert_true(time_parse(text, TIME_ROUND_DOWN, &t));
    return t;
}

static sortie_scenario *read_ok(const char *path)
{
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_scenario_read_file(path, &s, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("%s refused: %s\n%s", path, sortie_strerror(st), tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    assert_non_null(s);
    return s;
}

static const scn_fleet *fleet(const sortie_scenario *s, const char *id)
{
    for (size_t i = 0; i < s->n_fleets; i++)
        if (strcmp(s->fleets[i].id, id) == 0)
            return &s->fleets[i];
    fail_msg("no fleet %s", id);
    return NULL;
}

/* ------------------------------------------------------------ valid files */

static void test_minimal_gets_defaults(void **state)
{
    (void)state;
    sortie_scenario *s = read_ok("tests/data/good/minimal.json");
    assert_string_equal(s->source, "tests/data/good/minimal.json");
    assert_string_equal(s->name, "");
    assert_int_equal(s->start, at("2022-01-13T06:00Z"));
    assert_true(s->horizon_h == 720.0);
    assert_int_equal(s->end, s->start + 720 * 60);
    assert_true(s->pax_kg == 100.0);
    assert_int_equal(s->n_airfields, 2);
    assert_int_equal(s->airfields[0].mog, -1);
    assert_false(s->airfields[0].has_hours);
    assert_int_equal(s->airfields[0].open_min, 0);
    assert_int_equal(s->airfields[0].close_min, 1440);
    assert_string_equal(s->airfields[0].name, "");
    assert_true(s->airfields[1].lat == 57.05833 && s->airfields[1].lon == 40.98167);
    assert_int_equal(s->n_types, 0);
    assert_int_equal(s->n_fleets, 1);
    const scn_fleet *f = &s->fleets[0];
    assert_string_equal(f->operator_id, "RU");
    assert_string_equal(f->type, "IL-76MD");
    assert_string_equal(f->base, "XUDI");
    assert_int_equal(f->count, 2);
    assert_int_equal(f->available_from, s->start);
    assert_int_equal(f->available_to, s->end);
    const scn_requirement *r = &s->requirements[0];
    assert_string_equal(r->id, "R1");
    assert_string_equal(r->operator_id, "");
    assert_int_equal(r->pax, 100);
    assert_int_equal(r->n_cargo, 0);
    assert_int_equal(r->n_carriers, 0);
    assert_int_equal(r->ready, s->start);
    assert_int_equal(r->due, s->end);
    assert_int_equal(r->priority, 1);
    sortie_scenario_free(s);
}

static void test_full_reads_every_field(void **state)
{
    (void)state;
    sortie_scenario *s = read_ok("tests/data/good/full.json");
    assert_string_equal(s->name, "Every field \xe2\x80\x94 \xd0\x90\xd0\xbb\xd0\xbc\xd0\xb0\xd1\x82\xd1\x8b");
    /* start is an earliest time: 06:00:30 rounds up. */
    assert_int_equal(s->start, at("2022-01-13T06:01Z"));
    assert_true(s->horizon_h == 100.5);
    assert_int_equal(s->end, s->start + 6030);
    assert_true(s->pax_kg == 110.0);

    assert_int_equal(s->n_airfields, 3);
    const scn_airfield *almaty = &s->airfields[0];
    assert_string_equal(almaty->name, "Almaty");
    assert_int_equal(almaty->mog, 6);
    assert_true(almaty->has_hours);
    assert_int_equal(almaty->open_min, 22 * 60);
    assert_int_equal(almaty->close_min, 6 * 60);
    assert_true(s->airfields[1].has_hours);
    assert_int_equal(s->airfields[1].close_min, 1440);
    /* mog written 2.0 is the whole number 2; -180 is a longitude. */
    assert_int_equal(s->airfields[2].mog, 2);
    assert_true(s->airfields[2].lon == -180.0 && s->airfields[2].lat == -53.5);

    assert_int_equal(s->n_types, 2);
    const scn_type *il = &s->types[0];
    assert_string_equal(il->id, "IL-76MD");
    assert_string_equal(il->name, "Ilyushin Il-76MD (unit figures)");
    assert_true(il->payload_kg == 28000.0);
    assert_int_equal(il->seats, 120);
    assert_true(il->hold_length_m == 20.0 && il->hold_width_m == 3.45 && il->hold_height_m == 3.4);
    assert_true(il->cruise_kmh == 750.0 && il->range_km == 4000.0 && il->ferry_range_km == 7300.0);
    assert_int_equal(il->taxi_min, 20);
    assert_int_equal(il->ground_min, 120);
    assert_int_equal(s->types[1].taxi_min, 15); /* the default */
    assert_string_equal(s->types[1].name, "");

    const scn_fleet *ru = fleet(s, "RU-76");
    assert_int_equal(ru->count, 3); /* written 3.0 */
    /* available_from is earliest (rounds up), available_to latest (rounds down). */
    assert_int_equal(ru->available_from, at("2022-01-13T08:01Z"));
    assert_int_equal(ru->available_to, at("2022-01-16T08:00Z"));
    const scn_fleet *by = fleet(s, "BY-TA");
    assert_int_equal(by->available_from, s->start);
    assert_int_equal(by->available_to, s->end);
    assert_string_equal(fleet(s, "RU-124")->type, "AN-124-100");

    assert_int_equal(s->n_requirements, 2);
    const scn_requirement *r1 = &s->requirements[0];
    assert_string_equal(r1->operator_id, "RU");
    assert_int_equal(r1->pax, 1000);
    assert_int_equal(r1->n_cargo, 2);
    assert_string_equal(r1->cargo[0].name, "BTR-82A");
    assert_int_equal(r1->cargo[0].count, 20);
    assert_true(r1->cargo[0].weight_kg == 15400.0 && r1->cargo[0].length_m == 7.65);
    assert_true(r1->cargo[0].width_m == 2.9 && r1->cargo[0].height_m == 2.8);
    assert_int_equal(r1->cargo[1].count, 0);
    /* ready before start is kept as written (the model clamps it). */
    assert_int_equal(r1->ready, at("2022-01-13T05:00Z"));
    assert_int_equal(r1->due, at("2022-01-16T06:00Z"));
    assert_int_equal(r1->priority, 2);
    assert_int_equal(r1->n_carriers, 2);
    assert_string_equal(r1->carriers[0], "RU");
    assert_string_equal(r1->carriers[1], "BY");
    const scn_requirement *r2 = &s->requirements[1];
    assert_string_equal(r2->id, "R.2_b");
    assert_string_equal(r2->operator_id, "");
    assert_int_equal(r2->pax, 0);
    assert_int_equal(r2->priority, 1);
    assert_int_equal(r2->ready, s->start);
    assert_int_equal(r2->due, s->end);
    assert_int_equal(r2->n_carriers, 0);
    sortie_scenario_free(s);
}

static void test_catalog_type_needs_no_definition(void **state)
{
    (void)state;
    sortie_scenario *s = read_ok("tests/data/good/minimal.json");
    sortie_model *m = tu_model(s);
    const sortie_aircraft_type *cat = catalog_find("IL-76MD");
    assert_non_null(cat);
    int t = model_type_index(m, "IL-76MD");
    assert_true(t >= 0);
    assert_true(m->types[t].t.payload_kg == cat->payload_kg);
    assert_int_equal(m->types[t].t.seats, cat->seats);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_scenario_type_overrides_catalog(void **state)
{
    (void)state;
    const char *json =
        "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\","
        " \"airfields\": [{\"id\": \"A\", \"lat\": 43.35, \"lon\": 77.04}, {\"id\": \"B\", \"lat\": 57.06, \"lon\": 40.98}],"
        " \"aircraft_types\": [{\"id\": \"IL-76MD\", \"name\": \"tired airframes\", \"payload_kg\": 28000, \"seats\": 90,"
        "   \"hold\": {\"length_m\": 20, \"width_m\": 3.45, \"height_m\": 3.4}, \"cruise_kmh\": 700,"
        "   \"range_km\": 3500, \"ferry_range_km\": 6000, \"ground_min\": 180}],"
        " \"fleets\": [{\"id\": \"F\", \"operator\": \"RU\", \"type\": \"IL-76MD\", \"count\": 1, \"base\": \"B\"}],"
        " \"requirements\": [{\"id\": \"R\", \"from\": \"A\", \"to\": \"B\", \"pax\": 10}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_model *m = tu_model(s);
    int t = model_type_index(m, "IL-76MD");
    assert_true(t >= 0);
    assert_true(m->types[t].t.payload_kg == 28000.0);
    assert_int_equal(m->types[t].t.seats, 90);
    assert_int_equal(m->types[t].t.ground_min, 180);
    assert_string_equal(m->types[t].t.name, "tired airframes");
    assert_true(catalog_find("IL-76MD")->payload_kg != 28000.0);
    sortie_model_free(m);
    sortie_scenario_free(s);
}

static void test_builtin_example_reads(void **state)
{
    (void)state;
    size_t len = 0;
    const char *text = sortie_example_json(&len);
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_scenario_read_buffer(text, len, SORTIE_EXAMPLE_NAME, &s, &d), SORTIE_OK);
    assert_int_equal(sortie_diag_count(d), 0);
    sortie_diag_free(d);
    sortie_model *m = tu_model(s);
    sortie_model_free(m);
    sortie_scenario_free(s);
    s = read_ok("examples/csto-kazakhstan-2022.json");
    sortie_scenario_free(s);
}

static void test_byte_order_mark_is_skipped(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = tu_read_file("tests/data/good/minimal.json", &len);
    assert_non_null(text);
    char *with_bom = malloc(len + 4);
    assert_non_null(with_bom);
    memcpy(with_bom, "\xEF\xBB\xBF", 3);
    memcpy(with_bom + 3, text, len + 1);
    sortie_scenario *s = tu_scenario(with_bom);
    sortie_scenario_free(s);
    /* A syntax error on the first line still gets the right column. */
    sortie_diag *d = NULL;
    const char *broken = "\xEF\xBB\xBF{]";
    assert_int_equal(sortie_scenario_read_buffer(broken, strlen(broken), "bom.json", &s, &d), SORTIE_EINPUT);
    assert_null(s);
    assert_non_null(strstr(sortie_diag_message(d, 0), "bom.json:1:3: invalid JSON"));
    sortie_diag_free(d);
    free(with_bom);
    free(text);
}

/* -------------------------------------------------------------- bad input */

/* Reads path and returns every message joined by newlines (static buffer). */
static const char *refusal(const char *path, sortie_status *status)
{
    static char text[16384];
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    *status = sortie_scenario_read_file(path, &s, &d);
    assert_null(s);
    tu_diag_text(d, text, sizeof text);
    sortie_diag_free(d);
    sortie_scenario_free(s);
    return text;
}

typedef struct {
    char file[128];
    char expected[512];
} expectation;

static size_t load_expectations(expectation *out, size_t max)
{
    size_t len = 0, n = 0;
    char *table = tu_read_file(BAD_DIR "/EXPECTED.tsv", &len);
    assert_non_null(table);
    char *save = NULL;
    for (char *line = strtok_r(table, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        assert_true(n < max);
        assert_true(strlen(line) < sizeof out[n].file && strlen(tab + 1) < sizeof out[n].expected);
        strcpy(out[n].file, line);
        strcpy(out[n].expected, tab + 1);
        n++;
    }
    free(table);
    return n;
}

static void test_bad_corpus_is_refused_with_its_message(void **state)
{
    (void)state;
    static expectation table[400];
    size_t n = load_expectations(table, 400);
    size_t failures = 0;
    for (size_t i = 0; i < n; i++) {
        char path[300];
        snprintf(path, sizeof path, BAD_DIR "/%.127s", table[i].file);
        sortie_status st;
        const char *messages = refusal(path, &st);
        if (st != SORTIE_EINPUT && st != SORTIE_EIO) {
            print_error("%s: expected refusal, got %s\n", table[i].file, sortie_strerror(st));
            failures++;
        } else if (!strstr(messages, table[i].expected)) {
            print_error("%s: no message contains\n    %s\n  messages:\n%s", table[i].file, table[i].expected,
                        messages);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

static void test_bad_corpus_is_complete(void **state)
{
    (void)state;
    static expectation table[400];
    size_t n = load_expectations(table, 400);
    DIR *dir = opendir(BAD_DIR);
    assert_non_null(dir);
    size_t files = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        files++;
        bool listed = false;
        for (size_t i = 0; i < n && !listed; i++)
            listed = strcmp(table[i].file, e->d_name) == 0;
        if (!listed)
            print_error("%s has no line in EXPECTED.tsv\n", e->d_name);
        assert_true(listed);
    }
    closedir(dir);
    assert_true(files >= 40);
}

static void test_three_errors_are_all_reported(void **state)
{
    (void)state;
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_scenario_read_file(BAD_DIR "/three-errors.json", &s, &d), SORTIE_EINPUT);
    assert_int_equal(sortie_diag_count(d), 3);
    assert_int_equal(sortie_diag_dropped(d), 0);
    sortie_diag_free(d);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    sortie_status st;
    const char *text = refusal(BAD_DIR "/no-such-file.json", &st);
    assert_int_equal(st, SORTIE_EIO);
    assert_string_equal(text, BAD_DIR "/no-such-file.json: cannot read: No such file or directory\n");
    text = refusal(BAD_DIR, &st);
    assert_int_equal(st, SORTIE_EIO);
    assert_non_null(strstr(text, BAD_DIR ": cannot read: Is a directory"));
}

/* Many errors: the first 20 are kept, the rest counted, and nothing crashes. */
static void test_many_errors_are_capped(void **state)
{
    (void)state;
    char json[8192];
    size_t used = (size_t)snprintf(json, sizeof json,
                                   "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"airfields\": [");
    for (int i = 0; i < 25; i++)
        used += (size_t)snprintf(json + used, sizeof json - used, "%s{\"id\": \"A%d\", \"lat\": 95, \"lon\": 0}",
                                 i ? ", " : "", i);
    snprintf(json + used, sizeof json - used,
             "], \"fleets\": [{\"id\": \"F\", \"operator\": \"RU\", \"type\": \"IL-76MD\", \"count\": 1, \"base\": "
             "\"A0\"}], \"requirements\": [{\"id\": \"R\", \"from\": \"A0\", \"to\": \"A1\", \"pax\": 1}]}");
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_scenario_read_buffer(json, strlen(json), "many.json", &s, &d), SORTIE_EINPUT);
    assert_null(s);
    assert_int_equal(sortie_diag_count(d), 20);
    assert_int_equal(sortie_diag_dropped(d), 5);
    assert_string_equal(sortie_diag_message(d, 0),
                        "many.json: airfields[0].lat: expected a number from -90 to 90, got 95");
    sortie_diag_free(d);
    /* A NULL diag is allowed: the caller only wants the status. */
    assert_int_equal(sortie_scenario_read_buffer(json, strlen(json), "many.json", &s, NULL), SORTIE_EINPUT);
    assert_null(s);
}

/* Files are read whole however they grow, and refused past the size limit. */
static void test_file_reading_limits(void **state)
{
    (void)state;
    char path[] = "/tmp/sortie-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    size_t size = 300 * 1000; /* several growth steps */
    for (size_t i = 0; i < size; i++)
        fputc('a' + (int)(i % 26), f);
    assert_int_equal(fclose(f), 0);

    sortie_diag *diag = diag_new();
    assert_non_null(diag);
    ju_ctx c = {.source = "big", .diag = diag};
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(ju_read_file(&c, path, size, &text, &len), SORTIE_OK);
    assert_int_equal(len, size);
    assert_int_equal(strlen(text), size);
    assert_true(text[0] == 'a' && text[size - 1] == 'a' + (int)((size - 1) % 26));
    free(text);
    assert_int_equal(ju_read_file(&c, path, size - 1, &text, &len), SORTIE_EINPUT);
    assert_null(text);
    assert_int_equal(diag->count, 1);
    assert_non_null(strstr(diag->messages[0], "big: too large: over 0 MiB"));
    sortie_diag_free(diag);
    remove(path);
}

/* A list longer than SCN_MAX_LIST is refused before its entries are read. */
static void test_absurd_list_is_refused(void **state)
{
    (void)state;
    const char *head = "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"requirements\": [";
    size_t n = (size_t)SCN_MAX_LIST + 1, len = strlen(head) + 2 * n + 2;
    char *json = malloc(len + 1);
    assert_non_null(json);
    char *p = json + strlen(head);
    memcpy(json, head, strlen(head));
    for (size_t i = 0; i < n; i++)
        *p++ = '0', *p++ = ',';
    p[-1] = ']';
    *p++ = '}';
    *p = '\0';
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    assert_int_equal(sortie_scenario_read_buffer(json, strlen(json), "long.json", &s, &d), SORTIE_EINPUT);
    char buf[4096];
    assert_non_null(strstr(tu_diag_text(d, buf, sizeof buf),
                           "long.json: requirements: 1000001 entries; sortie reads at most 1000000"));
    sortie_diag_free(d);
    free(json);
}

/* Free-form data under "notes" and "x" is ignored at every level, whatever it holds. */
static void test_free_form_keys_anywhere(void **state)
{
    (void)state;
    const char *json =
        "{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"notes\": [1, {\"mogg\": 2}],"
        " \"airfields\": [{\"id\": \"A\", \"lat\": 0, \"lon\": 0, \"x\": {\"anything\": true},"
        "   \"hours\": {\"open\": \"06:00\", \"close\": \"18:00\", \"notes\": \"summer\"}},"
        "  {\"id\": \"B\", \"lat\": 1, \"lon\": 1}],"
        " \"fleets\": [{\"id\": \"F\", \"operator\": \"RU\", \"type\": \"IL-76MD\", \"count\": 1, \"base\": \"B\","
        "   \"notes\": null}],"
        " \"requirements\": [{\"id\": \"R\", \"from\": \"A\", \"to\": \"B\", \"pax\": 1, \"x\": 7,"
        "   \"cargo\": [{\"name\": \"box\", \"count\": 1, \"weight_kg\": 10, \"length_m\": 1, \"width_m\": 1,"
        "                \"height_m\": 1, \"notes\": \"fragile\"}]}]}";
    sortie_scenario *s = tu_scenario(json);
    sortie_scenario_free(s);
}

static void test_free_null(void **state)
{
    (void)state;
    sortie_scenario_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimal_gets_defaults),
        cmocka_unit_test(test_full_reads_every_field),
        cmocka_unit_test(test_catalog_type_needs_no_definition),
        cmocka_unit_test(test_scenario_type_overrides_catalog),
        cmocka_unit_test(test_builtin_example_reads),
        cmocka_unit_test(test_byte_order_mark_is_skipped),
        cmocka_unit_test(test_bad_corpus_is_refused_with_its_message),
        cmocka_unit_test(test_bad_corpus_is_complete),
        cmocka_unit_test(test_three_errors_are_all_reported),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_many_errors_are_capped),
        cmocka_unit_test(test_file_reading_limits),
        cmocka_unit_test(test_absurd_list_is_refused),
        cmocka_unit_test(test_free_form_keys_anywhere),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
