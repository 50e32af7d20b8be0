/*
 * scenario_read: reads a "sortie/scenario@1" document into the scenario of
 * scenario.h and enforces every rule of docs/format.md on the way: keys,
 * types, ranges, times, unique ids, resolved references and the rules that
 * tie fields together. One pass reports every problem it finds (diag keeps
 * the first 20); a value that is present but wrong is never replaced by a
 * default. Also owns sortie_scenario_free.
 */
#include "scenario.h"

#include "catalog.h"
#include "diag.h"
#include "jsonutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SCN_FORMAT "sortie/scenario@1"
#define SCN_FORMAT_FAMILY "sortie/scenario@"
#define SCN_WHAT "a JSON object with \"format\": \"" SCN_FORMAT "\""
/* Larger files are refused before reading: a real scenario is a few MiB at most. */
#define SCN_MAX_FILE_BYTES ((size_t)256 << 20)
/* Cargo line names identify lines in plans, so they stay short and printable. */
#define SCN_MAX_NAME_BYTES 200

/* Ranges of every number in the format; docs/format.md lists the same table.
 * Upper bounds are generous sanity limits: beyond them a value is a typo. */
#define OPEN_ABOVE(lo, hi) {(lo), (hi), true, false, false}
#define CLOSED(lo, hi) {(lo), (hi), false, false, false}
static const ju_range LATITUDE = CLOSED(-90, 90);
static const ju_range LONGITUDE = CLOSED(-180, 180);
static const ju_range HORIZON_H = OPEN_ABOVE(0, SCN_MAX_HORIZON_H);
static const ju_range PAX_KG = OPEN_ABOVE(0, 1000);
static const ju_range PAYLOAD_KG = OPEN_ABOVE(0, 1e6);
static const ju_range HOLD_M = OPEN_ABOVE(0, 100);
/* No transport cruises below 50 km/h; a lower figure is a unit mistake (m/s, knots/10),
 * and it would make leg minutes overflow. */
static const ju_range CRUISE_KMH = CLOSED(50, 5000);
static const ju_range RANGE_KM = OPEN_ABOVE(0, 50000);
static const ju_range ITEM_KG = OPEN_ABOVE(0, 1e6);
static const ju_range ITEM_M = OPEN_ABOVE(0, 100);
#define MAX_SEATS 10000
#define MAX_TAXI_MIN 1440
#define MAX_GROUND_MIN 10080 /* a week */
#define MAX_PRIORITY 1000
#define DEFAULT_HORIZON_H 720.0
#define DEFAULT_PAX_KG 100.0
#define DEFAULT_TAXI_MIN 15
#define DEFAULT_PRIORITY 1

/* What every element reader needs besides its element. */
typedef struct {
    ju_ctx *c;
    bool times_known;  /* start and horizon are valid: time defaults and checks apply */
    minute_t start, end;
} reader;

/* ------------------------------------------------------------- id indices */

/* A sorted view of the ids of one list, for duplicates and look-ups in
 * O(n log n): lists may hold up to SCN_MAX_LIST entries. */
typedef struct {
    const char *id;
    size_t at;
} id_ref;

typedef struct {
    id_ref *refs;
    size_t n;
} id_index;

static bool index_init(ju_ctx *c, id_index *ix, size_t capacity)
{
    ix->n = 0;
    ix->refs = malloc(sizeof *ix->refs * (capacity ? capacity : 1));
    if (!ix->refs)
        c->out_of_memory = true;
    return ix->refs != NULL;
}

static void index_add(id_index *ix, const char *id, size_t at)
{
    if (id)
        ix->refs[ix->n++] = (id_ref){id, at};
}

static int compare_refs(const void *a, const void *b)
{
    const id_ref *x = a, *y = b;
    int by_id = strcmp(x->id, y->id);
    return by_id ? by_id : (x->at > y->at) - (x->at < y->at);
}

static void index_sort(id_index *ix) { qsort(ix->refs, ix->n, sizeof *ix->refs, compare_refs); }

static int compare_key(const void *key, const void *ref) { return strcmp(key, ((const id_ref *)ref)->id); }

static bool index_has(const id_index *ix, const char *id)
{
    return ix->n && bsearch(id, ix->refs, ix->n, sizeof *ix->refs, compare_key) != NULL;
}

/* Reports every repeated id of a sorted index at its later places, naming
 * the first: "list[i].field: 'X' is already the field of list[j]; ...".
 * One pass: the start of each run of equal ids is carried along. */
static void index_report_duplicates(ju_ctx *c, const id_index *ix, const char *list, const char *field,
                                    const char *what)
{
    size_t first = 0;
    for (size_t k = 1; k < ix->n; k++) {
        if (strcmp(ix->refs[k - 1].id, ix->refs[k].id) != 0) {
            first = k;
            continue;
        }
        char path[JU_PATH_MAX], where[JU_PATH_MAX], shown[128];
        ju_path_index(where, sizeof where, list, ix->refs[k].at);
        ju_path_key(path, sizeof path, where, field);
        ju_quote(ix->refs[k].id, shown, sizeof shown);
        ju_error(c, path, "'%s' is already the %s of %s[%zu]; %ss must be unique", shown, field, list,
                 ix->refs[first].at, what);
    }
}

/* --------------------------------------------------------------- helpers */

/* A copy of the optional string at obj[key], "" when absent; NULL when wrong
 * (already reported) or out of memory. */
static char *optional_text(ju_ctx *c, const json_t *obj, const char *path, const char *key)
{
    const char *text = "";
    if (ju_text(c, obj, path, key, JU_OPTIONAL, &text) == JU_INVALID)
        return NULL;
    return ju_strdup(c, text);
}

static char *required_id(ju_ctx *c, const json_t *obj, const char *path, const char *key)
{
    const char *text;
    return ju_id(c, obj, path, key, JU_REQUIRED, &text) == JU_FOUND ? ju_strdup(c, text) : NULL;
}

static void *alloc_list(ju_ctx *c, size_t n, size_t size)
{
    void *list = calloc(n ? n : 1, size);
    if (!list)
        c->out_of_memory = true;
    return list;
}

static void show_time(minute_t t, char buf[static 18]) { time_format(t, buf); }

/* --------------------------------------------------------------- airfields */

static void read_hours(reader *r, const json_t *hours, const char *path, scn_airfield *a)
{
    static const char *const keys[] = {"open", "close", NULL};
    ju_ctx *c = r->c;
    ju_check_keys(c, hours, path, keys);
    int open = 0, close = MINUTES_PER_DAY;
    bool ok = ju_hhmm(c, hours, path, "open", JU_REQUIRED, 0, MINUTES_PER_DAY - 1, &open) == JU_FOUND;
    ok &= ju_hhmm(c, hours, path, "close", JU_REQUIRED, 0, MINUTES_PER_DAY, &close) == JU_FOUND;
    if (ok && open == close) {
        ju_error(c, path,
                 "open and close are both %02d:%02d, which leaves no time open; for an airfield that never "
                 "closes omit 'hours' or write 00:00 to 24:00",
                 open / 60, open % 60);
        return;
    }
    if (ok) {
        a->has_hours = true;
        a->open_min = open;
        a->close_min = close;
    }
}

static void read_airfield(reader *r, const json_t *v, const char *path, scn_airfield *a)
{
    static const char *const keys[] = {"id", "name", "lat", "lon", "mog", "hours", NULL};
    ju_ctx *c = r->c;
    a->mog = -1;
    a->open_min = 0;
    a->close_min = MINUTES_PER_DAY;
    if (!ju_expect_object(c, v, path, "an airfield object"))
        return;
    ju_check_keys(c, v, path, keys);
    a->id = required_id(c, v, path, "id");
    a->name = optional_text(c, v, path, "name");
    ju_number(c, v, path, "lat", JU_REQUIRED, &LATITUDE, &a->lat);
    ju_number(c, v, path, "lon", JU_REQUIRED, &LONGITUDE, &a->lon);
    long long mog;
    if (ju_int(c, v, path, "mog", JU_OPTIONAL, 1, SCN_MAX_COUNT, &mog) == JU_FOUND)
        a->mog = (int)mog;
    const json_t *hours;
    if (ju_object(c, v, path, "hours", JU_OPTIONAL, &hours) == JU_FOUND) {
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, "hours");
        read_hours(r, hours, where, a);
    }
}

/* ----------------------------------------------------------- aircraft types */

static void read_type(reader *r, const json_t *v, const char *path, scn_type *t)
{
    static const char *const keys[] = {"id",       "name",           "payload_kg", "seats",      "hold",
                                       "cruise_kmh", "range_km", "ferry_range_km", "taxi_min", "ground_min",
                                       NULL};
    static const char *const hold_keys[] = {"length_m", "width_m", "height_m", NULL};
    ju_ctx *c = r->c;
    t->taxi_min = DEFAULT_TAXI_MIN;
    if (!ju_expect_object(c, v, path, "an aircraft type object"))
        return;
    ju_check_keys(c, v, path, keys);
    t->id = required_id(c, v, path, "id");
    t->name = optional_text(c, v, path, "name");
    ju_number(c, v, path, "payload_kg", JU_REQUIRED, &PAYLOAD_KG, &t->payload_kg);
    long long n;
    if (ju_int(c, v, path, "seats", JU_REQUIRED, 1, MAX_SEATS, &n) == JU_FOUND)
        t->seats = (int)n;
    const json_t *hold;
    if (ju_object(c, v, path, "hold", JU_REQUIRED, &hold) == JU_FOUND) {
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, "hold");
        ju_check_keys(c, hold, where, hold_keys);
        ju_number(c, hold, where, "length_m", JU_REQUIRED, &HOLD_M, &t->hold_length_m);
        ju_number(c, hold, where, "width_m", JU_REQUIRED, &HOLD_M, &t->hold_width_m);
        ju_number(c, hold, where, "height_m", JU_REQUIRED, &HOLD_M, &t->hold_height_m);
    }
    ju_number(c, v, path, "cruise_kmh", JU_REQUIRED, &CRUISE_KMH, &t->cruise_kmh);
    bool range_ok = ju_number(c, v, path, "range_km", JU_REQUIRED, &RANGE_KM, &t->range_km) == JU_FOUND;
    bool ferry_ok =
        ju_number(c, v, path, "ferry_range_km", JU_REQUIRED, &RANGE_KM, &t->ferry_range_km) == JU_FOUND;
    if (ju_int(c, v, path, "taxi_min", JU_OPTIONAL, 0, MAX_TAXI_MIN, &n) == JU_FOUND)
        t->taxi_min = (int)n;
    if (ju_int(c, v, path, "ground_min", JU_REQUIRED, 0, MAX_GROUND_MIN, &n) == JU_FOUND)
        t->ground_min = (int)n;
    if (range_ok && ferry_ok && t->ferry_range_km < t->range_km) {
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, "ferry_range_km");
        ju_error(c, where,
                 "%g km is less than range_km (%g km); an empty aircraft flies at least as far as a loaded one",
                 t->ferry_range_km, t->range_km);
    }
}

/* ------------------------------------------------------------------ fleets */

static void read_fleet(reader *r, const json_t *v, const char *path, scn_fleet *f)
{
    static const char *const keys[] = {"id",   "operator",       "type",         "count",
                                       "base", "available_from", "available_to", NULL};
    ju_ctx *c = r->c;
    if (!ju_expect_object(c, v, path, "a fleet object"))
        return;
    ju_check_keys(c, v, path, keys);
    f->id = required_id(c, v, path, "id");
    f->operator_id = required_id(c, v, path, "operator");
    f->type = required_id(c, v, path, "type");
    long long n;
    if (ju_int(c, v, path, "count", JU_REQUIRED, 1, SCN_MAX_COUNT, &n) == JU_FOUND)
        f->count = (int)n;
    f->base = required_id(c, v, path, "base");
    minute_t from = r->start, to = r->end;
    ju_result has_from = ju_time(c, v, path, "available_from", JU_OPTIONAL, TIME_ROUND_UP, &from);
    ju_result has_to = ju_time(c, v, path, "available_to", JU_OPTIONAL, TIME_ROUND_DOWN, &to);
    f->available_from = from;
    f->available_to = to;
    if (!r->times_known || has_from == JU_INVALID || has_to == JU_INVALID)
        return;
    char where[JU_PATH_MAX], a[18], b[18];
    if (has_to == JU_FOUND && to <= r->start) {
        ju_path_key(where, sizeof where, path, "available_to");
        show_time(to, a), show_time(r->start, b);
        ju_error(c, where, "%s is not after the scenario's start (%s); this fleet could never fly", a, b);
    } else if (has_from == JU_FOUND && from >= r->end) {
        ju_path_key(where, sizeof where, path, "available_from");
        show_time(from, a), show_time(r->end, b);
        ju_error(c, where, "%s is not before the horizon's end (%s); this fleet could never fly", a, b);
    } else if (to <= from) {
        show_time(to, a), show_time(from, b);
        ju_path_key(where, sizeof where, path, has_to == JU_FOUND ? "available_to" : "available_from");
        if (has_to == JU_FOUND)
            ju_error(c, where, "%s is not after available_from (%s%s)", a,
                     has_from == JU_FOUND ? "" : "default: start, ", b);
        else
            ju_error(c, where, "%s is not before available_to (default: the horizon's end, %s)", b, a);
    }
}

/* ------------------------------------------------------------ requirements */

static void read_cargo(reader *r, const json_t *v, const char *path, scn_cargo *item)
{
    static const char *const keys[] = {"name", "count", "weight_kg", "length_m", "width_m", "height_m", NULL};
    ju_ctx *c = r->c;
    if (!ju_expect_object(c, v, path, "a cargo line object"))
        return;
    ju_check_keys(c, v, path, keys);
    const char *name;
    if (ju_text(c, v, path, "name", JU_REQUIRED, &name) == JU_FOUND) {
        size_t len = strlen(name);
        if (len == 0 || len > SCN_MAX_NAME_BYTES || len != json_string_length(json_object_get(v, "name"))) {
            char where[JU_PATH_MAX];
            ju_path_key(where, sizeof where, path, "name");
            ju_error(c, where, "expected a name of 1 to %d bytes, got %zu bytes", SCN_MAX_NAME_BYTES, len);
        } else {
            item->name = ju_strdup(c, name);
        }
    }
    long long n;
    if (ju_int(c, v, path, "count", JU_REQUIRED, 0, SCN_MAX_COUNT, &n) == JU_FOUND)
        item->count = (int)n;
    ju_number(c, v, path, "weight_kg", JU_REQUIRED, &ITEM_KG, &item->weight_kg);
    ju_number(c, v, path, "length_m", JU_REQUIRED, &ITEM_M, &item->length_m);
    ju_number(c, v, path, "width_m", JU_REQUIRED, &ITEM_M, &item->width_m);
    ju_number(c, v, path, "height_m", JU_REQUIRED, &ITEM_M, &item->height_m);
}

/* Reports names or ids that occur twice in one small list (cargo names, carriers). */
static void report_repeats(ju_ctx *c, char *const *texts, size_t n, const char *path, const char *what)
{
    id_index ix;
    if (!index_init(c, &ix, n))
        return;
    for (size_t i = 0; i < n; i++)
        index_add(&ix, texts[i], i);
    index_sort(&ix);
    size_t first = 0;
    for (size_t k = 1; k < ix.n; k++) {
        if (strcmp(ix.refs[k - 1].id, ix.refs[k].id) != 0) {
            first = k;
            continue;
        }
        char where[JU_PATH_MAX], shown[128];
        ju_path_index(where, sizeof where, path, ix.refs[k].at);
        ju_quote(ix.refs[k].id, shown, sizeof shown);
        ju_error(c, where, "%s '%s' is already listed at %s[%zu]; list each once", what, shown, path,
                 ix.refs[first].at);
    }
    free(ix.refs);
}

static void read_cargo_list(reader *r, const json_t *v, const char *path, scn_requirement *q)
{
    ju_ctx *c = r->c;
    const json_t *list;
    if (ju_array(c, v, path, "cargo", JU_OPTIONAL, SCN_MAX_LIST, false, &list) != JU_FOUND)
        return;
    char where[JU_PATH_MAX];
    ju_path_key(where, sizeof where, path, "cargo");
    size_t n = json_array_size(list);
    q->cargo = alloc_list(c, n, sizeof *q->cargo);
    char **names = alloc_list(c, n, sizeof *names);
    if (!q->cargo || !names) {
        free(names);
        return;
    }
    q->n_cargo = n;
    for (size_t i = 0; i < n; i++) {
        char item_path[JU_PATH_MAX];
        ju_path_index(item_path, sizeof item_path, where, i);
        read_cargo(r, json_array_get(list, i), item_path, &q->cargo[i]);
        names[i] = q->cargo[i].name;
    }
    report_repeats(c, names, n, where, "cargo line");
    free(names);
}

static void read_carriers(reader *r, const json_t *v, const char *path, scn_requirement *q)
{
    ju_ctx *c = r->c;
    const json_t *list;
    if (!json_object_get(v, "carriers"))
        return;
    char where[JU_PATH_MAX];
    ju_path_key(where, sizeof where, path, "carriers");
    if (json_is_array(json_object_get(v, "carriers")) && json_array_size(json_object_get(v, "carriers")) == 0) {
        ju_error(c, where, "empty, so nobody could carry it; list operators, or omit 'carriers' to allow any");
        return;
    }
    if (ju_array(c, v, path, "carriers", JU_OPTIONAL, SCN_MAX_LIST, true, &list) != JU_FOUND)
        return;
    size_t n = json_array_size(list);
    q->carriers = alloc_list(c, n, sizeof *q->carriers);
    if (!q->carriers)
        return;
    q->n_carriers = n;
    for (size_t i = 0; i < n; i++) {
        char item_path[JU_PATH_MAX];
        const char *id;
        ju_path_index(item_path, sizeof item_path, where, i);
        if (ju_as_id(c, json_array_get(list, i), item_path, &id))
            q->carriers[i] = ju_strdup(c, id);
    }
    report_repeats(c, q->carriers, n, where, "carrier");
}

static void check_requirement_times(reader *r, const char *path, const scn_requirement *q, ju_result has_ready,
                                    ju_result has_due)
{
    ju_ctx *c = r->c;
    char where[JU_PATH_MAX], a[18], b[18];
    if (has_due == JU_FOUND && q->due <= r->start) {
        ju_path_key(where, sizeof where, path, "due");
        show_time(q->due, a), show_time(r->start, b);
        ju_error(c, where, "%s is not after the scenario's start (%s); nothing can arrive by then", a, b);
    } else if (has_ready == JU_FOUND && q->ready >= r->end) {
        ju_path_key(where, sizeof where, path, "ready");
        show_time(q->ready, a), show_time(r->end, b);
        ju_error(c, where, "%s is not before the horizon's end (%s); raise horizon_h or move 'ready'", a, b);
    } else if (q->due <= q->ready) {
        show_time(q->due, a), show_time(q->ready, b);
        if (has_due == JU_FOUND) {
            ju_path_key(where, sizeof where, path, "due");
            ju_error(c, where, "%s is not after ready (%s%s)", a, has_ready == JU_FOUND ? "" : "default: start, ", b);
        } else {
            ju_path_key(where, sizeof where, path, "ready");
            ju_error(c, where, "%s is not before due (default: the horizon's end, %s)", b, a);
        }
    }
}

static void read_requirement(reader *r, const json_t *v, const char *path, scn_requirement *q)
{
    static const char *const keys[] = {"id",    "operator", "from",     "to",       "pax", "cargo",
                                       "ready", "due",      "priority", "carriers", NULL};
    ju_ctx *c = r->c;
    q->priority = DEFAULT_PRIORITY;
    if (!ju_expect_object(c, v, path, "a requirement object"))
        return;
    ju_check_keys(c, v, path, keys);
    q->id = required_id(c, v, path, "id");
    const char *text = "";
    if (ju_id(c, v, path, "operator", JU_OPTIONAL, &text) != JU_INVALID)
        q->operator_id = ju_strdup(c, text);
    q->from = required_id(c, v, path, "from");
    q->to = required_id(c, v, path, "to");
    long long n;
    ju_result has_pax = ju_int(c, v, path, "pax", JU_OPTIONAL, 0, SCN_MAX_PAX, &n);
    if (has_pax == JU_FOUND)
        q->pax = (int)n;
    size_t errors_before = c->errors;
    read_cargo_list(r, v, path, q);
    bool cargo_ok = c->errors == errors_before;
    q->ready = r->start;
    q->due = r->end;
    ju_result has_ready = ju_time(c, v, path, "ready", JU_OPTIONAL, TIME_ROUND_UP, &q->ready);
    ju_result has_due = ju_time(c, v, path, "due", JU_OPTIONAL, TIME_ROUND_DOWN, &q->due);
    if (ju_int(c, v, path, "priority", JU_OPTIONAL, 1, MAX_PRIORITY, &n) == JU_FOUND)
        q->priority = (int)n;
    read_carriers(r, v, path, q);

    if (q->from && q->to && strcmp(q->from, q->to) == 0) {
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, "to");
        ju_error(c, where, "'%s' is also 'from'; a requirement moves between two different airfields", q->to);
    }
    if (has_pax != JU_INVALID && cargo_ok) {
        bool moves_something = q->pax > 0;
        for (size_t i = 0; i < q->n_cargo && !moves_something; i++)
            moves_something = q->cargo[i].count > 0;
        if (!moves_something)
            ju_error(c, path, "moves nothing (no passengers and no cargo items); give 'pax' or 'cargo'");
    }
    if (r->times_known && has_ready != JU_INVALID && has_due != JU_INVALID)
        check_requirement_times(r, path, q, has_ready, has_due);
}

/* ------------------------------------------------------------- references */

/* Which top-level lists were read as arrays (absent optional lists count as
 * read). A reference is only called unresolved when every id of the list it
 * points into is known: otherwise the culprit is the broken entry, already
 * reported, and a second message would mislead. */
typedef struct {
    bool airfields, types, fleets, requirements;
} lists_read;

/* "fleets[1].base: no airfield 'UUXX' in airfields (did you mean 'UUBI'?)" */
static void report_unresolved(ju_ctx *c, const char *path, const char *id, const char *what, const char *where,
                              const char *guess)
{
    char shown[128], hint[160] = "";
    ju_quote(id, shown, sizeof shown);
    if (guess) {
        char g[128];
        ju_quote(guess, g, sizeof g);
        snprintf(hint, sizeof hint, " (did you mean '%s'?)", g);
    }
    ju_error(c, path, "no %s '%s' in %s%s", what, shown, where, hint);
}

static const char *suggest_from_index(const ju_ctx *c, const id_index *ix, const char *id)
{
    if (!ju_room(c))
        return NULL;
    ju_suggest s;
    ju_suggest_init(&s, id);
    for (size_t k = 0; k < ix->n; k++)
        ju_suggest_add(&s, ix->refs[k].id);
    return s.best;
}

static void resolve_airfield(ju_ctx *c, const id_index *airfields, bool all_known, const char *path,
                             const char *key, const char *id)
{
    if (!all_known || !id || index_has(airfields, id))
        return;
    char where[JU_PATH_MAX];
    ju_path_key(where, sizeof where, path, key);
    report_unresolved(c, where, id, "airfield", "airfields", suggest_from_index(c, airfields, id));
}

static void resolve_fleets(ju_ctx *c, sortie_scenario *s, const id_index *airfields, bool airfields_known,
                           const id_index *types, bool types_known)
{
    size_t total = 0;
    for (size_t i = 0; i < s->n_fleets; i++) {
        const scn_fleet *f = &s->fleets[i];
        char path[JU_PATH_MAX];
        ju_path_index(path, sizeof path, "fleets", i);
        resolve_airfield(c, airfields, airfields_known, path, "base", f->base);
        total += (size_t)f->count;
        if (!types_known || !f->type || index_has(types, f->type) || catalog_find(f->type))
            continue;
        const char *guess = suggest_from_index(c, types, f->type);
        if (!guess && ju_room(c)) {
            ju_suggest sg;
            ju_suggest_init(&sg, f->type);
            for (size_t k = 0; k < sortie_catalog_count(); k++)
                ju_suggest_add(&sg, sortie_catalog_type(k)->id);
            guess = sg.best;
        }
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, "type");
        report_unresolved(c, where, f->type, "aircraft type",
                          "aircraft_types or the built-in catalog ('sortie types' lists it)", guess);
    }
    if (total > SCN_MAX_TOTAL_AIRCRAFT)
        ju_error(c, "fleets", "%zu aircraft in all; sortie plans at most %d", total, SCN_MAX_TOTAL_AIRCRAFT);
}

/* "RU, BY, KZ" (the first few distinct operators), for a message. */
static void list_operators(const id_index *operators, char *buf, size_t size)
{
    size_t used = 0, shown = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < operators->n && used + 1 < size; k++) {
        if (k > 0 && strcmp(operators->refs[k - 1].id, operators->refs[k].id) == 0)
            continue;
        if (shown == 8) {
            snprintf(buf + used, size - used, ", ...");
            return;
        }
        char q[128];
        ju_quote(operators->refs[k].id, q, sizeof q);
        used += (size_t)snprintf(buf + used, size - used, "%s%s", shown ? ", " : "", q);
        shown++;
    }
}

static void resolve_requirements(ju_ctx *c, sortie_scenario *s, const id_index *airfields, bool airfields_known,
                                 const id_index *operators, bool operators_known)
{
    for (size_t i = 0; i < s->n_requirements; i++) {
        const scn_requirement *q = &s->requirements[i];
        char path[JU_PATH_MAX];
        ju_path_index(path, sizeof path, "requirements", i);
        resolve_airfield(c, airfields, airfields_known, path, "from", q->from);
        resolve_airfield(c, airfields, airfields_known, path, "to", q->to);
        for (size_t k = 0; operators_known && k < q->n_carriers; k++) {
            const char *op = q->carriers[k];
            if (!op || index_has(operators, op))
                continue;
            char field[JU_PATH_MAX], where[JU_PATH_MAX], list[256], shown[128], hint[160] = "";
            ju_path_key(field, sizeof field, path, "carriers");
            ju_path_index(where, sizeof where, field, k);
            list_operators(operators, list, sizeof list);
            ju_quote(op, shown, sizeof shown);
            const char *guess = suggest_from_index(c, operators, op);
            if (guess)
                snprintf(hint, sizeof hint, "did you mean '%s'? ", guess);
            ju_error(c, where, "'%s' operates no fleet in this scenario; %scarriers must be fleet operators (%s)",
                     shown, hint, list);
        }
    }
}

static void resolve(ju_ctx *c, sortie_scenario *s, const lists_read *read)
{
    id_index airfields = {0}, types = {0}, fleets = {0}, reqs = {0}, operators = {0};
    if (index_init(c, &airfields, s->n_airfields) && index_init(c, &types, s->n_types) &&
        index_init(c, &fleets, s->n_fleets) && index_init(c, &reqs, s->n_requirements) &&
        index_init(c, &operators, s->n_fleets)) {
        bool airfields_known = read->airfields && s->n_airfields > 0;
        bool types_known = read->types;
        bool operators_known = read->fleets && s->n_fleets > 0;
        for (size_t i = 0; i < s->n_airfields; i++) {
            index_add(&airfields, s->airfields[i].id, i);
            airfields_known &= s->airfields[i].id != NULL;
        }
        for (size_t i = 0; i < s->n_types; i++) {
            index_add(&types, s->types[i].id, i);
            types_known &= s->types[i].id != NULL;
        }
        for (size_t i = 0; i < s->n_fleets; i++) {
            index_add(&fleets, s->fleets[i].id, i);
            index_add(&operators, s->fleets[i].operator_id, i);
            operators_known &= s->fleets[i].operator_id != NULL;
        }
        for (size_t i = 0; i < s->n_requirements; i++)
            index_add(&reqs, s->requirements[i].id, i);
        index_sort(&airfields), index_sort(&types), index_sort(&fleets), index_sort(&reqs);
        index_sort(&operators);
        index_report_duplicates(c, &airfields, "airfields", "id", "airfield id");
        index_report_duplicates(c, &types, "aircraft_types", "id", "aircraft type id");
        index_report_duplicates(c, &fleets, "fleets", "id", "fleet id");
        index_report_duplicates(c, &reqs, "requirements", "id", "requirement id");
        resolve_fleets(c, s, &airfields, airfields_known, &types, types_known);
        resolve_requirements(c, s, &airfields, airfields_known, &operators, operators_known);
    }
    free(airfields.refs);
    free(types.refs);
    free(fleets.refs);
    free(reqs.refs);
    free(operators.refs);
}

/* ---------------------------------------------------------------- document */

/* Reads one top-level list: checks the array, allocates it, reads each element. */
#define READ_LIST(key, max, need, non_empty, field, count, read_one, read_ok)                                    \
    do {                                                                                                         \
        const json_t *list_;                                                                                     \
        ju_result found_ = ju_array(c, root, "", key, need, max, non_empty, &list_);                              \
        read_ok = found_ != JU_INVALID;                                                                          \
        if (found_ == JU_FOUND) {                                                                                \
            size_t n_ = json_array_size(list_);                                                                  \
            s->field = alloc_list(c, n_, sizeof *s->field);                                                      \
            if (!s->field)                                                                                       \
                return;                                                                                          \
            s->count = n_;                                                                                       \
            for (size_t i_ = 0; i_ < n_ && !c->out_of_memory; i_++) {                                            \
                char path_[JU_PATH_MAX];                                                                         \
                ju_path_index(path_, sizeof path_, key, i_);                                                     \
                read_one(&r, json_array_get(list_, i_), path_, &s->field[i_]);                                   \
            }                                                                                                    \
        }                                                                                                        \
    } while (0)

static bool check_format(ju_ctx *c, const json_t *root)
{
    const json_t *value = json_object_get(root, "format");
    if (!value) {
        ju_error_doc(c, "missing required key 'format'; add \"format\": \"" SCN_FORMAT "\"");
        return true; /* probably a version-1 scenario without its label: judge the rest */
    }
    char got[160];
    ju_describe(value, got, sizeof got);
    const char *text = json_string_value(value);
    if (text && strcmp(text, SCN_FORMAT) == 0)
        return true;
    if (text && strncmp(text, SCN_FORMAT_FAMILY, strlen(SCN_FORMAT_FAMILY)) == 0)
        ju_error(c, "format", "%s is a version this sortie does not read; it reads \"" SCN_FORMAT "\"", got);
    else if (text && strncmp(text, "sortie/plan@", 12) == 0)
        ju_error(c, "format", "%s is a plan, not a scenario; expected \"" SCN_FORMAT "\"", got);
    else
        ju_error(c, "format", "expected \"" SCN_FORMAT "\", got %s", got);
    return false; /* another format's fields mean other things: stop here */
}

static void read_document(ju_ctx *c, const json_t *root, sortie_scenario *s)
{
    static const char *const keys[] = {"format", "name",           "start",  "horizon_h",    "pax_kg",
                                       "airfields", "aircraft_types", "fleets", "requirements", NULL};
    if (!check_format(c, root))
        return;
    ju_check_keys(c, root, "", keys);
    s->name = optional_text(c, root, "", "name");
    reader r = {.c = c};
    bool start_ok = ju_time(c, root, "", "start", JU_REQUIRED, TIME_ROUND_UP, &s->start) == JU_FOUND;
    s->horizon_h = DEFAULT_HORIZON_H;
    bool horizon_ok = ju_number(c, root, "", "horizon_h", JU_OPTIONAL, &HORIZON_H, &s->horizon_h) != JU_INVALID;
    s->pax_kg = DEFAULT_PAX_KG;
    ju_number(c, root, "", "pax_kg", JU_OPTIONAL, &PAX_KG, &s->pax_kg);
    if (start_ok && horizon_ok) {
        s->end = s->start + (minute_t)floor(s->horizon_h * 60.0);
        r.times_known = s->end > s->start;
        if (!r.times_known)
            ju_error(c, "horizon_h", "%g h is shorter than a minute; the horizon is counted in whole minutes",
                     s->horizon_h);
        r.start = s->start;
        r.end = s->end;
    }
    lists_read read;
    READ_LIST("airfields", SCN_MAX_AIRFIELDS, JU_REQUIRED, true, airfields, n_airfields, read_airfield, read.airfields);
    READ_LIST("aircraft_types", SCN_MAX_TYPES, JU_OPTIONAL, false, types, n_types, read_type, read.types);
    READ_LIST("fleets", SCN_MAX_LIST, JU_REQUIRED, true, fleets, n_fleets, read_fleet, read.fleets);
    READ_LIST("requirements", SCN_MAX_LIST, JU_REQUIRED, true, requirements, n_requirements, read_requirement, read.requirements);
    if (!c->out_of_memory)
        resolve(c, s, &read);
}

void sortie_scenario_free(sortie_scenario *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->airfields && i < s->n_airfields; i++) {
        free(s->airfields[i].id);
        free(s->airfields[i].name);
    }
    for (size_t i = 0; s->types && i < s->n_types; i++) {
        free(s->types[i].id);
        free(s->types[i].name);
    }
    for (size_t i = 0; s->fleets && i < s->n_fleets; i++) {
        free(s->fleets[i].id);
        free(s->fleets[i].operator_id);
        free(s->fleets[i].type);
        free(s->fleets[i].base);
    }
    for (size_t i = 0; s->requirements && i < s->n_requirements; i++) {
        scn_requirement *q = &s->requirements[i];
        free(q->id);
        free(q->operator_id);
        free(q->from);
        free(q->to);
        for (size_t k = 0; q->cargo && k < q->n_cargo; k++)
            free(q->cargo[k].name);
        free(q->cargo);
        for (size_t k = 0; q->carriers && k < q->n_carriers; k++)
            free(q->carriers[k]);
        free(q->carriers);
    }
    free(s->airfields);
    free(s->types);
    free(s->fleets);
    free(s->requirements);
    free(s->source);
    free(s->name);
    free(s);
}

/* Parses and checks text; the status says what the caller gets. */
static sortie_status read_text(ju_ctx *c, const char *text, size_t len, sortie_scenario **out)
{
    json_t *root = NULL;
    sortie_status st = ju_parse(c, text ? text : "", text ? len : 0, SCN_WHAT, &root);
    if (st != SORTIE_OK)
        return st;
    sortie_scenario *s = calloc(1, sizeof *s);
    if (s)
        s->source = ju_strdup(c, c->source);
    else
        c->out_of_memory = true;
    if (s && !c->out_of_memory)
        read_document(c, root, s);
    json_decref(root);
    if (c->out_of_memory || (c->diag && c->diag->out_of_memory)) {
        sortie_scenario_free(s);
        return SORTIE_ENOMEM;
    }
    if (c->errors > 0) {
        sortie_scenario_free(s);
        return SORTIE_EINPUT;
    }
    *out = s;
    return SORTIE_OK;
}

static sortie_status finish(ju_ctx *c, sortie_status st, sortie_diag **diag_out)
{
    if (st == SORTIE_ENOMEM)
        diag_add(c->diag, "%s: out of memory while reading the scenario", c->source);
    diag_give(c->diag, diag_out);
    return st;
}

sortie_status sortie_scenario_read_buffer(const char *text, size_t len, const char *name, sortie_scenario **out,
                                          sortie_diag **diag_out)
{
    *out = NULL;
    if (diag_out)
        *diag_out = NULL;
    ju_ctx c = {.source = name ? name : "<scenario>", .diag = diag_new()};
    if (!c.diag)
        return SORTIE_ENOMEM;
    return finish(&c, read_text(&c, text, len, out), diag_out);
}

sortie_status sortie_scenario_read_file(const char *path, sortie_scenario **out, sortie_diag **diag_out)
{
    *out = NULL;
    if (diag_out)
        *diag_out = NULL;
    ju_ctx c = {.source = path, .diag = diag_new()};
    if (!c.diag)
        return SORTIE_ENOMEM;
    char *text;
    size_t len;
    sortie_status st = ju_read_file(&c, path, SCN_MAX_FILE_BYTES, &text, &len);
    if (st == SORTIE_OK)
        st = read_text(&c, text, len, out);
    free(text);
    return finish(&c, st, diag_out);
}
