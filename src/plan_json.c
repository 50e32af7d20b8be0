/*
 * plan_json: the "sortie/plan@1" document on disk and in memory. Owns
 * plan_new and sortie_plan_free, the reader (shape only: whether a plan fits
 * its scenario is check.c's job), the JSON writer, the CSV movement table
 * and the public summary view.
 *
 * The writer builds the text by hand rather than through jansson's dumper:
 * that gives FORMAT.md's layout (one leg per line, which keeps large plans
 * readable and diffable), a fixed key order, and numbers printed the way a
 * person writes them, byte for byte the same on every run.
 */
#include "plan.h"

#include "diag.h"
#include "idindex.h"
#include "jsonutil.h"
#include "model.h"
#include "scenario.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLAN_FORMAT "sortie/plan@1"
/* Plans of the largest scenarios are tens of MiB; this only stops a wrong file. */
#define PLAN_MAX_BYTES ((size_t)512 << 20)
/* Passengers or items in one manifest line, and minutes late: far beyond any real plan. */
#define PLAN_MAX_N 100000000LL
#define PLAN_MAX_LATE_MIN 200000000LL

/* ------------------------------------------------------------ life cycle */

sortie_plan *plan_new(void) { return calloc(1, sizeof(sortie_plan)); }

const plan_load *plan_find_load(const sortie_plan *p, const char *id)
{
    for (size_t l = 0; l < p->n_loads; l++)
        if (strcmp(p->loads[l].id, id) == 0)
            return &p->loads[l];
    return NULL;
}

static void free_aircraft(plan_aircraft *a)
{
    free(a->id);
    free(a->fleet);
    free(a->type);
    free(a->base);
    free(a->operator_id);
    for (size_t i = 0; a->legs && i < a->n_legs; i++) {
        free(a->legs[i].from);
        free(a->legs[i].to);
        free(a->legs[i].load);
    }
    free(a->legs);
}

static void free_load(plan_load *l)
{
    free(l->id);
    free(l->from);
    free(l->to);
    for (size_t i = 0; l->pax && i < l->n_pax; i++)
        free(l->pax[i].req);
    free(l->pax);
    for (size_t i = 0; l->items && i < l->n_items; i++) {
        free(l->items[i].req);
        free(l->items[i].name);
    }
    free(l->items);
}

void sortie_plan_free(sortie_plan *plan)
{
    if (!plan)
        return;
    free(plan->scenario);
    free(plan->binding);
    free(plan->outcome);
    for (size_t i = 0; plan->aircraft && i < plan->n_aircraft; i++)
        free_aircraft(&plan->aircraft[i]);
    free(plan->aircraft);
    for (size_t i = 0; plan->loads && i < plan->n_loads; i++)
        free_load(&plan->loads[i]);
    free(plan->loads);
    for (size_t i = 0; plan->requirements && i < plan->n_requirements; i++)
        free(plan->requirements[i].id);
    free(plan->requirements);
    free(plan);
}

/* --------------------------------------------------------------- reading */

/* Arrays are sized from the document; calloc(0) may return NULL, so ask for one. */
static void *alloc_array(ju_ctx *c, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        c->out_of_memory = true;
    return p;
}

/* What a string field may hold. Ids follow FORMAT.md's charset; tails add the
 * '#' of "<fleet>#k"; free text only refuses control characters, because the
 * checker echoes names into one-line messages that a plan must not be able to forge. */
typedef enum { FIELD_ID, FIELD_TAIL, FIELD_TEXT } field_kind;

static bool is_tail_id(const char *text)
{
    size_t len = strlen(text);
    if (len == 0 || len > JU_ID_MAX + 16)
        return false;
    for (const char *p = text; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("-_.#", *p))
            return false;
    return true;
}

/* A required string field, copied; NULL (and a message) when absent or wrong. */
static char *dup_string(ju_ctx *c, const json_t *obj, const char *path, const char *key, field_kind kind)
{
    const char *text = NULL;
    ju_result r = kind == FIELD_ID     ? ju_id(c, obj, path, key, JU_REQUIRED, &text)
                  : kind == FIELD_TEXT ? ju_text(c, obj, path, key, JU_REQUIRED, &text)
                                       : ju_string(c, obj, path, key, JU_REQUIRED, &text);
    if (r != JU_FOUND)
        return NULL;
    if (kind == FIELD_TAIL && !is_tail_id(text)) {
        char where[JU_PATH_MAX], shown[64];
        ju_path_key(where, sizeof where, path, key);
        ju_quote(text, shown, sizeof shown);
        ju_error(c, where, "expected an aircraft id like RU-76#1 (letters, digits, '-', '_', '.', '#'), got \"%s\"",
                 shown);
        return NULL;
    }
    return ju_strdup(c, text);
}

/* A required time, refusing seconds: plans are written in whole minutes, so
 * a time with seconds did not come from a planner and rounding it would hide
 * a leg that is a few seconds too short. */
static void read_time(ju_ctx *c, const json_t *obj, const char *path, const char *key, minute_t *out)
{
    minute_t t;
    if (ju_time(c, obj, path, key, JU_REQUIRED, TIME_ROUND_DOWN, &t) != JU_FOUND)
        return;
    const char *text = json_string_value(json_object_get(obj, key));
    if (text && strlen(text) == 20 && (text[17] != '0' || text[18] != '0')) {
        char where[JU_PATH_MAX], shown[160];
        ju_path_key(where, sizeof where, path, key);
        ju_describe(json_object_get(obj, key), shown, sizeof shown);
        ju_error(c, where, "plans are written in whole minutes, got %s; drop the seconds", shown);
        return;
    }
    *out = t;
}

static void read_int(ju_ctx *c, const json_t *obj, const char *path, const char *key, long long min,
                     long long max, long long *out)
{
    long long v;
    if (ju_int(c, obj, path, key, JU_REQUIRED, min, max, &v) == JU_FOUND)
        *out = v;
}

static const ju_range non_negative = {0.0, INFINITY, false, false, false};

static void read_summary(ju_ctx *c, const json_t *root, sortie_plan *p)
{
    static const char *const keys[] = {"closure", "lower_bound", "loaded_legs", "flight_h", "late",
                                       "start", "gap", "binding", "outcome", "seconds", NULL};
    static const char *const extensions[] = {"start", "gap", "binding", "outcome", "seconds", NULL};
    const json_t *s;
    if (ju_object(c, root, "", "summary", JU_REQUIRED, &s) != JU_FOUND)
        return;
    ju_check_keys(c, s, "summary", keys);
    long long v = 0;
    read_time(c, s, "summary", "closure", &p->closure);
    read_time(c, s, "summary", "lower_bound", &p->lower_bound);
    read_int(c, s, "summary", "loaded_legs", 0, INT32_MAX, &v);
    p->loaded_legs = (int)v;
    v = 0;
    ju_number(c, s, "summary", "flight_h", JU_REQUIRED, &non_negative, &p->flight_h);
    read_int(c, s, "summary", "late", 0, INT32_MAX, &v);
    p->late = (int)v;

    for (size_t i = 0; extensions[i]; i++)
        if (json_object_get(s, extensions[i]))
            p->has_extensions = true;
    if (!p->has_extensions)
        return;
    /* Present together when the planner wrote them; any one alone is taken with
     * neutral values for the rest, so that writing it back stays readable. */
    if (json_object_get(s, "start"))
        read_time(c, s, "summary", "start", &p->start);
    const ju_range any = {-INFINITY, INFINITY, false, false, false};
    ju_number(c, s, "summary", "gap", JU_OPTIONAL, &any, &p->gap);
    ju_number(c, s, "summary", "seconds", JU_OPTIONAL, &non_negative, &p->seconds);
    const char *text = "";
    ju_string(c, s, "summary", "binding", JU_OPTIONAL, &text);
    p->binding = ju_strdup(c, text);
    text = "";
    if (ju_string(c, s, "summary", "outcome", JU_OPTIONAL, &text) == JU_FOUND &&
        strcmp(text, "optimal") != 0 && strcmp(text, "feasible") != 0 && strcmp(text, "time_limit") != 0) {
        char shown[160];
        ju_describe(json_object_get(s, "outcome"), shown, sizeof shown);
        ju_error(c, "summary.outcome", "expected \"optimal\", \"feasible\" or \"time_limit\", got %s", shown);
        text = "";
    }
    p->outcome = ju_strdup(c, text);
}

static void read_leg(ju_ctx *c, const json_t *v, const char *path, plan_leg *leg)
{
    static const char *const keys[] = {"from", "to", "dep", "arr", "load", NULL};
    if (!ju_expect_object(c, v, path, "a leg object {\"from\", \"to\", \"dep\", \"arr\", \"load\"}"))
        return;
    ju_check_keys(c, v, path, keys);
    leg->from = dup_string(c, v, path, "from", FIELD_ID);
    leg->to = dup_string(c, v, path, "to", FIELD_ID);
    read_time(c, v, path, "dep", &leg->dep);
    read_time(c, v, path, "arr", &leg->arr);
    /* An empty leg says "load": null; leaving the key out means the same. */
    const json_t *load = json_object_get(v, "load");
    if (load && !json_is_null(load)) {
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, "load");
        const char *id;
        if (json_is_string(load) && ju_as_id(c, load, where, &id))
            leg->load = ju_strdup(c, id);
        else if (!json_is_string(load)) {
            char shown[160];
            ju_describe(load, shown, sizeof shown);
            ju_error(c, where, "expected a load id or null, got %s", shown);
        }
    }
}

static void read_aircraft(ju_ctx *c, const json_t *v, const char *path, plan_aircraft *a)
{
    static const char *const keys[] = {"id", "fleet", "type", "base", "operator", "legs", NULL};
    if (!ju_expect_object(c, v, path, "an aircraft object {\"id\", \"fleet\", \"type\", \"base\", \"legs\"}"))
        return;
    ju_check_keys(c, v, path, keys);
    a->id = dup_string(c, v, path, "id", FIELD_TAIL);
    a->fleet = dup_string(c, v, path, "fleet", FIELD_ID);
    a->type = dup_string(c, v, path, "type", FIELD_ID);
    a->base = dup_string(c, v, path, "base", FIELD_ID);
    const char *op;
    if (ju_id(c, v, path, "operator", JU_OPTIONAL, &op) == JU_FOUND)
        a->operator_id = ju_strdup(c, op);
    const json_t *legs;
    if (ju_array(c, v, path, "legs", JU_REQUIRED, SCN_MAX_LIST, false, &legs) != JU_FOUND)
        return;
    size_t n = json_array_size(legs);
    a->legs = alloc_array(c, n, sizeof *a->legs);
    if (!a->legs)
        return;
    a->n_legs = n;
    char base[JU_PATH_MAX], where[JU_PATH_MAX];
    ju_path_key(base, sizeof base, path, "legs");
    for (size_t i = 0; i < n && !c->out_of_memory; i++) {
        ju_path_index(where, sizeof where, base, i);
        read_leg(c, json_array_get(legs, i), where, &a->legs[i]);
    }
}

static void read_pax(ju_ctx *c, const json_t *v, const char *path, plan_pax *x)
{
    static const char *const keys[] = {"req", "n", NULL};
    if (!ju_expect_object(c, v, path, "{\"req\", \"n\"}"))
        return;
    ju_check_keys(c, v, path, keys);
    long long n = 0;
    x->req = dup_string(c, v, path, "req", FIELD_ID);
    read_int(c, v, path, "n", 0, PLAN_MAX_N, &n);
    x->n = (int)n;
}

static void read_item(ju_ctx *c, const json_t *v, const char *path, plan_item *x)
{
    static const char *const keys[] = {"req", "name", "n", NULL};
    if (!ju_expect_object(c, v, path, "{\"req\", \"name\", \"n\"}"))
        return;
    ju_check_keys(c, v, path, keys);
    long long n = 0;
    x->req = dup_string(c, v, path, "req", FIELD_ID);
    x->name = dup_string(c, v, path, "name", FIELD_TEXT);
    read_int(c, v, path, "n", 0, PLAN_MAX_N, &n);
    x->n = (int)n;
}

/* Reads the optional array obj[key] into *out (n elements of `size` bytes)
 * with `each` reading one element. */
static void read_list(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need, size_t size,
                      void **out, size_t *n_out, void (*each)(ju_ctx *, const json_t *, const char *, void *))
{
    const json_t *arr;
    if (ju_array(c, obj, path, key, need, SCN_MAX_LIST, false, &arr) != JU_FOUND)
        return;
    size_t n = json_array_size(arr);
    char *items = alloc_array(c, n, size);
    if (!items)
        return;
    *out = items;
    *n_out = n;
    char base[JU_PATH_MAX], where[JU_PATH_MAX];
    ju_path_key(base, sizeof base, path, key);
    for (size_t i = 0; i < n && !c->out_of_memory; i++) {
        ju_path_index(where, sizeof where, base, i);
        each(c, json_array_get(arr, i), where, items + i * size);
    }
}

static void each_pax(ju_ctx *c, const json_t *v, const char *path, void *x) { read_pax(c, v, path, x); }
static void each_item(ju_ctx *c, const json_t *v, const char *path, void *x) { read_item(c, v, path, x); }

static void read_load(ju_ctx *c, const json_t *v, const char *path, plan_load *l)
{
    static const char *const keys[] = {"id", "from", "to", "weight_kg", "pax", "items", NULL};
    if (!ju_expect_object(c, v, path, "a load object {\"id\", \"from\", \"to\", \"weight_kg\", \"pax\", \"items\"}"))
        return;
    ju_check_keys(c, v, path, keys);
    l->id = dup_string(c, v, path, "id", FIELD_ID);
    l->from = dup_string(c, v, path, "from", FIELD_ID);
    l->to = dup_string(c, v, path, "to", FIELD_ID);
    ju_number(c, v, path, "weight_kg", JU_REQUIRED, &non_negative, &l->weight_kg);
    read_list(c, v, path, "pax", JU_OPTIONAL, sizeof *l->pax, (void **)&l->pax, &l->n_pax, each_pax);
    read_list(c, v, path, "items", JU_OPTIONAL, sizeof *l->items, (void **)&l->items, &l->n_items, each_item);
}

static void read_requirement(ju_ctx *c, const json_t *v, const char *path, plan_requirement *r)
{
    static const char *const keys[] = {"id", "delivered", "due", "late_min", NULL};
    if (!ju_expect_object(c, v, path, "a requirement object {\"id\", \"delivered\", \"due\", \"late_min\"}"))
        return;
    ju_check_keys(c, v, path, keys);
    long long late = 0;
    r->id = dup_string(c, v, path, "id", FIELD_ID);
    read_time(c, v, path, "delivered", &r->delivered);
    read_time(c, v, path, "due", &r->due);
    read_int(c, v, path, "late_min", -PLAN_MAX_LATE_MIN, PLAN_MAX_LATE_MIN, &late);
    r->late_min = late;
}

static void each_aircraft(ju_ctx *c, const json_t *v, const char *path, void *x) { read_aircraft(c, v, path, x); }
static void each_load(ju_ctx *c, const json_t *v, const char *path, void *x) { read_load(c, v, path, x); }
static void each_requirement(ju_ctx *c, const json_t *v, const char *path, void *x)
{
    read_requirement(c, v, path, x);
}

static void read_plan(ju_ctx *c, const json_t *root, sortie_plan *p)
{
    static const char *const keys[] = {"format", "scenario", "summary", "aircraft", "loads", "requirements", NULL};
    const char *format = NULL;
    if (ju_string(c, root, "", "format", JU_REQUIRED, &format) != JU_FOUND)
        return;
    if (strcmp(format, PLAN_FORMAT) != 0) {
        /* Anything else (a scenario given as the plan, a later version) would only
         * produce a flood of unknown keys; one clear message is better. */
        char shown[160];
        ju_describe(json_object_get(root, "format"), shown, sizeof shown);
        ju_error(c, "format", "expected \"" PLAN_FORMAT "\", got %s%s", shown,
                 strncmp(format, "sortie/scenario", 15) == 0 ? " (this is a scenario, not a plan)" : "");
        return;
    }
    ju_check_keys(c, root, "", keys);
    p->scenario = dup_string(c, root, "", "scenario", FIELD_TEXT);
    read_summary(c, root, p);
    read_list(c, root, "", "aircraft", JU_REQUIRED, sizeof *p->aircraft, (void **)&p->aircraft, &p->n_aircraft,
              each_aircraft);
    read_list(c, root, "", "loads", JU_REQUIRED, sizeof *p->loads, (void **)&p->loads, &p->n_loads, each_load);
    read_list(c, root, "", "requirements", JU_REQUIRED, sizeof *p->requirements, (void **)&p->requirements,
              &p->n_requirements, each_requirement);
}

static sortie_status finish(ju_ctx *c, sortie_status st, sortie_plan *p, sortie_plan **out, sortie_diag **diag)
{
    if (st == SORTIE_OK && c->out_of_memory)
        st = SORTIE_ENOMEM;
    else if (st == SORTIE_OK && c->errors > 0)
        st = SORTIE_EINPUT;
    if (st != SORTIE_OK) {
        sortie_plan_free(p);
        p = NULL;
    }
    *out = p;
    diag_give(c->diag, diag);
    return st;
}

sortie_status sortie_plan_read_buffer(const char *text, size_t len, const char *name, sortie_plan **out,
                                      sortie_diag **diag)
{
    *out = NULL;
    if (diag)
        *diag = NULL;
    ju_ctx c = {.source = name ? name : "plan", .diag = diag_new()};
    if (!c.diag)
        return SORTIE_ENOMEM;
    if (!text) {
        ju_error_doc(&c, "no text to read");
        return finish(&c, SORTIE_EINPUT, NULL, out, diag);
    }
    json_t *root = NULL;
    sortie_status st = ju_parse(&c, text, len, "a JSON object with \"format\": \"" PLAN_FORMAT "\"", &root);
    if (st != SORTIE_OK)
        return finish(&c, st, NULL, out, diag);
    sortie_plan *p = plan_new();
    if (!p) {
        json_decref(root);
        c.out_of_memory = true;
        return finish(&c, SORTIE_OK, NULL, out, diag);
    }
    read_plan(&c, root, p);
    json_decref(root);
    return finish(&c, SORTIE_OK, p, out, diag);
}

sortie_status sortie_plan_read_file(const char *path, sortie_plan **out, sortie_diag **diag)
{
    *out = NULL;
    if (diag)
        *diag = NULL;
    ju_ctx c = {.source = path, .diag = diag_new()};
    if (!c.diag)
        return SORTIE_ENOMEM;
    char *text = NULL;
    size_t len = 0;
    sortie_status st = ju_read_file(&c, path, PLAN_MAX_BYTES, &text, &len);
    if (st != SORTIE_OK)
        return finish(&c, st, NULL, out, diag);
    sortie_diag_free(c.diag);
    st = sortie_plan_read_buffer(text, len, path, out, diag);
    free(text);
    return st;
}

/* --------------------------------------------------------------- writing */

/* A growing text; after any allocation failure it only remembers that. */
typedef struct {
    char *buf;
    size_t len, cap;
    bool failed;      /* out of memory */
    bool bad_number;  /* a number that JSON cannot hold (NaN, infinity) */
} text;

static void put_n(text *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *bigger = realloc(t->buf, cap);
        if (!bigger) {
            t->failed = true;
            return;
        }
        t->buf = bigger;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

static void put(text *t, const char *s) { put_n(t, s, strlen(s)); }

static void putf(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(text *t, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        t->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        put_n(t, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        t->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put_n(t, big, (size_t)n);
    free(big);
}

/* A JSON string literal; NULL is written as "" so that the output always reads back. */
static void put_string(text *t, const char *s)
{
    put(t, "\"");
    const char *run = s ? s : "";
    for (const char *p = run; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch != '"' && ch != '\\' && ch >= 0x20)
            continue;
        put_n(t, run, (size_t)(p - run));
        run = p + 1;
        switch (ch) {
        case '"': put(t, "\\\""); break;
        case '\\': put(t, "\\\\"); break;
        case '\n': put(t, "\\n"); break;
        case '\r': put(t, "\\r"); break;
        case '\t': put(t, "\\t"); break;
        default: putf(t, "\\u%04x", ch); break;
        }
    }
    put(t, run);
    put(t, "\"");
}

/* A number as a person writes it and as strtod reads it back exactly:
 * 34800, not 34800.0 or 3.48e+04; 372.5, not 372.50000000000006. */
static void format_real(double x, char buf[static 32])
{
    if (x == 0) { /* also -0, which would not survive a round trip through an integer */
        strcpy(buf, "0");
        return;
    }
    if (x == floor(x) && fabs(x) < 1e15) {
        snprintf(buf, 32, "%.0f", x);
        return;
    }
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, 32, "%.*g", precision, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

static void put_real(text *t, double x)
{
    if (!isfinite(x)) {
        t->bad_number = true;
        return;
    }
    char buf[32];
    format_real(x, buf);
    put(t, buf);
}

static void put_time(text *t, minute_t m)
{
    char buf[18];
    time_format(m, buf);
    putf(t, "\"%s\"", buf);
}

static void write_summary(text *t, const sortie_plan *p)
{
    put(t, "  \"summary\": {\"closure\": ");
    put_time(t, p->closure);
    put(t, ", \"lower_bound\": ");
    put_time(t, p->lower_bound);
    putf(t, ", \"loaded_legs\": %d, \"flight_h\": ", p->loaded_legs);
    put_real(t, p->flight_h);
    putf(t, ", \"late\": %d", p->late);
    if (p->has_extensions) {
        put(t, ",\n              \"start\": ");
        put_time(t, p->start);
        put(t, ", \"gap\": ");
        put_real(t, p->gap);
        put(t, ", \"binding\": ");
        put_string(t, p->binding);
        put(t, ", \"outcome\": ");
        put_string(t, p->outcome);
        put(t, ", \"seconds\": ");
        put_real(t, p->seconds);
    }
    put(t, "},\n");
}

static void write_aircraft(text *t, const plan_aircraft *a)
{
    put(t, "    {\"id\": ");
    put_string(t, a->id);
    put(t, ", \"fleet\": ");
    put_string(t, a->fleet);
    put(t, ", \"type\": ");
    put_string(t, a->type);
    put(t, ", \"base\": ");
    put_string(t, a->base);
    if (a->operator_id) {
        put(t, ", \"operator\": ");
        put_string(t, a->operator_id);
    }
    if (a->n_legs == 0) {
        put(t, ",\n     \"legs\": []}");
        return;
    }
    put(t, ",\n     \"legs\": [\n");
    for (size_t i = 0; i < a->n_legs; i++) {
        const plan_leg *l = &a->legs[i];
        put(t, "       {\"from\": ");
        put_string(t, l->from);
        put(t, ", \"to\": ");
        put_string(t, l->to);
        put(t, ", \"dep\": ");
        put_time(t, l->dep);
        put(t, ", \"arr\": ");
        put_time(t, l->arr);
        put(t, ", \"load\": ");
        if (l->load)
            put_string(t, l->load);
        else
            put(t, "null");
        put(t, i + 1 < a->n_legs ? "},\n" : "}\n");
    }
    put(t, "     ]}");
}

static void write_load(text *t, const plan_load *l)
{
    put(t, "    {\"id\": ");
    put_string(t, l->id);
    put(t, ", \"from\": ");
    put_string(t, l->from);
    put(t, ", \"to\": ");
    put_string(t, l->to);
    put(t, ", \"weight_kg\": ");
    put_real(t, l->weight_kg);
    put(t, ",\n     \"pax\": [");
    for (size_t i = 0; i < l->n_pax; i++) {
        put(t, i ? ", {\"req\": " : "{\"req\": ");
        put_string(t, l->pax[i].req);
        putf(t, ", \"n\": %d}", l->pax[i].n);
    }
    put(t, "],\n     \"items\": [");
    for (size_t i = 0; i < l->n_items; i++) {
        put(t, i ? ", {\"req\": " : "{\"req\": ");
        put_string(t, l->items[i].req);
        put(t, ", \"name\": ");
        put_string(t, l->items[i].name);
        putf(t, ", \"n\": %d}", l->items[i].n);
    }
    put(t, "]}");
}

static void write_requirement(text *t, const plan_requirement *r)
{
    put(t, "    {\"id\": ");
    put_string(t, r->id);
    put(t, ", \"delivered\": ");
    put_time(t, r->delivered);
    put(t, ", \"due\": ");
    put_time(t, r->due);
    putf(t, ", \"late_min\": %lld}", (long long)r->late_min);
}

/* Writes "  \"key\": [\n" elements "\n  ]" with `each` writing one element. */
static void write_list(text *t, const char *key, const void *items, size_t n, size_t size,
                       void (*each)(text *, const void *), bool last)
{
    putf(t, "  \"%s\": [", key);
    for (size_t i = 0; i < n; i++) {
        put(t, i ? ",\n" : "\n");
        each(t, (const char *)items + i * size);
    }
    put(t, n ? "\n  ]" : "]");
    put(t, last ? "\n" : ",\n");
}

static void each_write_aircraft(text *t, const void *x) { write_aircraft(t, x); }
static void each_write_load(text *t, const void *x) { write_load(t, x); }
static void each_write_requirement(text *t, const void *x) { write_requirement(t, x); }

static sortie_status give_text(text *t, char **out)
{
    if (t->failed || t->bad_number) {
        free(t->buf);
        return t->failed ? SORTIE_ENOMEM : SORTIE_EINTERNAL;
    }
    if (!t->buf) { /* nothing written: still hand back a string */
        put(t, "");
        if (t->failed)
            return SORTIE_ENOMEM;
    }
    *out = t->buf;
    return SORTIE_OK;
}

sortie_status sortie_plan_to_json(const sortie_plan *plan, char **out)
{
    *out = NULL;
    if (!plan)
        return SORTIE_EINPUT;
    text t = {0};
    put(&t, "{\n  \"format\": \"" PLAN_FORMAT "\",\n  \"scenario\": ");
    put_string(&t, plan->scenario);
    put(&t, ",\n");
    write_summary(&t, plan);
    write_list(&t, "aircraft", plan->aircraft, plan->n_aircraft, sizeof *plan->aircraft, each_write_aircraft, false);
    write_list(&t, "loads", plan->loads, plan->n_loads, sizeof *plan->loads, each_write_load, false);
    write_list(&t, "requirements", plan->requirements, plan->n_requirements, sizeof *plan->requirements,
               each_write_requirement, true);
    put(&t, "}\n");
    return give_text(&t, out);
}

/* ------------------------------------------------------------------- CSV */

/* One RFC 4180 field: quoted when it holds a comma, quote or line break. */
static void put_csv_field(text *t, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        put(t, s);
        return;
    }
    put(t, "\"");
    for (const char *p = s; *p; p++)
        put_n(t, *p == '"' ? "\"\"" : p, 1 + (*p == '"'));
    put(t, "\"");
}

/* The weight of n items of the cargo line `name` of requirement `req`; 0 when
 * the scenario lacks either (the checker reports those, the table only lists). */
static double item_weight(const sortie_model *m, const char *req, const char *name, int n)
{
    int r = model_req_index(m, req);
    if (r < 0 || !name)
        return 0;
    const scn_requirement *src = m->reqs[r].src;
    for (size_t c = 0; c < src->n_cargo; c++)
        if (strcmp(src->cargo[c].name, name) == 0)
            return n * src->cargo[c].weight_kg;
    return 0;
}

/* The cells that describe a load: pax, cargo_kg, items, requirements. */
static void put_csv_load(text *t, const sortie_model *m, const plan_load *l)
{
    long long pax = 0;
    for (size_t i = 0; i < l->n_pax; i++)
        pax += l->pax[i].n;
    double cargo_kg = 0;
    for (size_t i = 0; i < l->n_items; i++)
        cargo_kg += item_weight(m, l->items[i].req, l->items[i].name, l->items[i].n);
    char kg[32];
    format_real(cargo_kg, kg);
    putf(t, "%lld,%s,", pax, kg);

    /* Items and requirement ids are joined into one cell each; built apart so
     * that the whole cell can be quoted when a name holds a comma. */
    text cell = {0};
    for (size_t i = 0; i < l->n_items; i++)
        putf(&cell, "%s%d %s", i ? "; " : "", l->items[i].n, l->items[i].name ? l->items[i].name : "");
    put_csv_field(t, cell.buf);
    put(t, ",");
    cell.len = 0;
    if (cell.buf)
        cell.buf[0] = '\0';
    size_t n_req = 0;
    for (size_t k = 0; k < l->n_pax + l->n_items; k++) {
        const char *req = k < l->n_pax ? l->pax[k].req : l->items[k - l->n_pax].req;
        bool seen = !req;
        for (size_t j = 0; j < k && !seen; j++) {
            const char *before = j < l->n_pax ? l->pax[j].req : l->items[j - l->n_pax].req;
            seen = before && strcmp(before, req) == 0;
        }
        if (!seen)
            putf(&cell, "%s%s", n_req++ ? "; " : "", req);
    }
    put_csv_field(t, cell.buf);
    if (cell.failed)
        t->failed = true;
    free(cell.buf);
}

sortie_status sortie_plan_to_csv(const sortie_model *model, const sortie_plan *plan, char **out)
{
    *out = NULL;
    if (!plan || !model)
        return SORTIE_EINPUT;
    id_key *keys = malloc(sizeof *keys * (plan->n_loads ? plan->n_loads : 1));
    if (!keys)
        return SORTIE_ENOMEM;
    size_t n_keys = 0;
    for (size_t i = 0; i < plan->n_loads; i++)
        if (plan->loads[i].id)
            keys[n_keys++] = (id_key){plan->loads[i].id, i};
    idindex_sort(keys, n_keys);

    text t = {0};
    put(&t, "aircraft,type,operator,from,to,dep,arr,pax,cargo_kg,items,requirements\r\n");
    for (size_t a = 0; a < plan->n_aircraft && !t.failed; a++) {
        const plan_aircraft *ac = &plan->aircraft[a];
        for (size_t i = 0; i < ac->n_legs && !t.failed; i++) {
            const plan_leg *leg = &ac->legs[i];
            char dep[18], arr[18];
            time_format(leg->dep, dep);
            time_format(leg->arr, arr);
            put_csv_field(&t, ac->id);
            put(&t, ",");
            put_csv_field(&t, ac->type);
            put(&t, ",");
            /* The plan's own operator when it names one, else its fleet's. */
            int fleet = model_fleet_index(model, ac->fleet);
            put_csv_field(&t, ac->operator_id ? ac->operator_id
                              : fleet >= 0    ? model->operators[model->fleets[fleet].operator_index]
                                              : NULL);
            put(&t, ",");
            put_csv_field(&t, leg->from);
            put(&t, ",");
            put_csv_field(&t, leg->to);
            putf(&t, ",%s,%s,", dep, arr);
            long found = idindex_find(keys, n_keys, leg->load);
            const plan_load *l = found >= 0 ? &plan->loads[found] : NULL;
            if (l)
                put_csv_load(&t, model, l);
            else
                put(&t, "0,0,,");
            put(&t, "\r\n");
        }
    }
    free(keys);
    return give_text(&t, out);
}

/* --------------------------------------------------------------- summary */

void sortie_plan_summary(const sortie_plan *plan, sortie_summary *out)
{
    *out = (sortie_summary){.binding = "", .outcome = ""};
    if (!plan)
        return;
    out->closure = plan->closure;
    out->lower_bound = plan->lower_bound;
    out->loaded_legs = plan->loaded_legs;
    out->flight_h = plan->flight_h;
    out->late = plan->late;
    if (plan->has_extensions) {
        out->start = plan->start;
        out->gap = plan->gap;
        out->binding = plan->binding ? plan->binding : "";
        out->outcome = plan->outcome ? plan->outcome : "";
    }
}
