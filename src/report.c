/*
 * report: the plan's offline HTML report. The page itself (web/, built into
 * the template `sortie_report_template` at build time) draws everything;
 * this file gathers what it needs from the model and the plan into one JSON
 * blob ("sortie/report-data@1", described in docs/report.md) and splices it
 * into the template in place of REPORT_PLACEHOLDER.
 *
 * The blob refers to things by index into its own arrays (airfields, types,
 * aircraft, loads, requirements) and gives times as whole minutes after the
 * scenario's start (`t0`, minutes since 1970), which keeps it small. A plan
 * may name things the scenario lacks: they are appended to the arrays with
 * `"known": false` and no coordinates or figures, so that such a plan still
 * gets a report.
 */
#include "model.h"
#include "plan.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Generated from web/dist/report-template.html by cmake/embed.cmake. */
extern const char sortie_report_template[];
extern const size_t sortie_report_template_len;

#define REPORT_PLACEHOLDER "@@SORTIE_DATA@@"

/* A plan's id, sorted for lookups by id. */
typedef struct {
    const char *id;
    size_t index;
} id_entry;

/* Where a plan load flies: its aircraft (-1: none), first take-off, last landing. */
typedef struct {
    json_int_t aircraft;
    minute_t dep, arr;
} load_trip;

typedef struct {
    const sortie_model *m;
    const sortie_plan *p;
    minute_t t0;
    json_t *airfields, *types, *requirements; /* arrays the resolvers append to */
    id_entry *load_ids;                       /* plan loads sorted by id */
    bool failed;                              /* a jansson call ran out of memory */
} ctx;

/* ------------------------------------------------------------- small helpers */

static void set(ctx *c, json_t *obj, const char *key, json_t *val)
{
    if (json_object_set_new(obj, key, val) != 0)
        c->failed = true;
}

static void push(ctx *c, json_t *arr, json_t *val)
{
    if (json_array_append_new(arr, val) != 0)
        c->failed = true;
}

/* Whether s is well-formed UTF-8 (RFC 3629: no overlongs, surrogates or
 * code points above U+10FFFF), as jansson demands of every string. */
static bool utf8_valid(const unsigned char *s)
{
    while (*s) {
        unsigned c = *s++;
        int more = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (more < 0)
            return false;
        unsigned cp = more == 0 ? c : c & (0x3Fu >> more);
        for (int k = 0; k < more; k++, s++) {
            if ((*s & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (*s & 0x3Fu);
        }
        static const unsigned least[] = {0, 0x80, 0x800, 0x10000};
        if (cp < least[more] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
    }
    return true;
}

/* Strings from the plan or scenario may be NULL; the page takes "". One that
 * is not UTF-8 (jansson refuses it) shows as U+FFFD. NULL only when out of memory. */
static json_t *str(const char *s)
{
    if (!s)
        s = "";
    if (!utf8_valid((const unsigned char *)s))
        s = "\xEF\xBF\xBD";
    return json_string(s);
}

/* jansson refuses NaN and infinities; the page takes null. */
static json_t *real(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static json_t *rel_time(const ctx *c, minute_t t) { return json_integer((json_int_t)(t - c->t0)); }

/* ------------------------------------------------------------------ resolvers */

/* Index of the entry with this id among arr's entries from `first` on (those
 * appended as unknown), or -1. */
static json_int_t find_unknown(const json_t *arr, int first, const char *id)
{
    for (size_t k = (size_t)first; k < json_array_size(arr); k++) {
        const char *s = json_string_value(json_object_get(json_array_get(arr, k), "id"));
        if (s && strcmp(s, id) == 0)
            return (json_int_t)k;
    }
    return -1;
}

/* Index of an airfield in the blob: the model's, or one appended as unknown. */
static json_int_t airfield_ref(ctx *c, const char *id)
{
    int i = model_airfield_index(c->m, id);
    if (i >= 0 || !id)
        return i;
    json_int_t k = find_unknown(c->airfields, c->m->n_airfields, id);
    if (k >= 0)
        return k;
    json_t *a = json_object();
    if (!a) {
        c->failed = true;
        return -1;
    }
    set(c, a, "id", str(id));
    set(c, a, "name", str(""));
    set(c, a, "lat", json_null());
    set(c, a, "lon", json_null());
    set(c, a, "mog", json_null());
    set(c, a, "open", json_null());
    set(c, a, "close", json_null());
    set(c, a, "known", json_false());
    push(c, c->airfields, a);
    return (json_int_t)json_array_size(c->airfields) - 1;
}

static json_int_t type_ref(ctx *c, const char *id)
{
    int i = model_type_index(c->m, id);
    if (i >= 0 || !id)
        return i;
    json_int_t k = find_unknown(c->types, c->m->n_types, id);
    if (k >= 0)
        return k;
    json_t *t = json_object();
    if (!t) {
        c->failed = true;
        return -1;
    }
    set(c, t, "id", str(id));
    set(c, t, "name", str(""));
    set(c, t, "payload_kg", json_null());
    set(c, t, "seats", json_null());
    set(c, t, "known", json_false());
    push(c, c->types, t);
    return (json_int_t)json_array_size(c->types) - 1;
}

static json_t *new_requirement(ctx *c, const char *id)
{
    json_t *r = json_object();
    if (!r) {
        c->failed = true;
        return NULL;
    }
    set(c, r, "id", str(id));
    set(c, r, "operator", str(""));
    set(c, r, "from", json_integer(-1));
    set(c, r, "to", json_integer(-1));
    set(c, r, "pax", json_integer(0));
    set(c, r, "cargo_kg", json_integer(0));
    set(c, r, "items", json_integer(0));
    set(c, r, "ready", json_null());
    set(c, r, "due", json_null());
    set(c, r, "priority", json_null());
    set(c, r, "delivered", json_null());
    set(c, r, "late_min", json_integer(0));
    set(c, r, "known", json_false());
    return r;
}

static json_int_t requirement_ref(ctx *c, const char *id)
{
    int i = model_req_index(c->m, id);
    if (i >= 0 || !id)
        return i;
    json_int_t k = find_unknown(c->requirements, c->m->n_reqs, id);
    if (k >= 0)
        return k;
    json_t *r = new_requirement(c, id);
    if (!r)
        return -1;
    push(c, c->requirements, r);
    return (json_int_t)json_array_size(c->requirements) - 1;
}

static int cmp_id(const void *a, const void *b)
{
    return strcmp(((const id_entry *)a)->id, ((const id_entry *)b)->id);
}

/* Index of a plan load by id, or -1. */
static json_int_t load_ref(const ctx *c, const char *id)
{
    if (!id || c->p->n_loads == 0)
        return -1;
    id_entry key = {id, 0};
    const id_entry *e = bsearch(&key, c->load_ids, c->p->n_loads, sizeof *c->load_ids, cmp_id);
    return e ? (json_int_t)e->index : -1;
}

/* ------------------------------------------------------------------ sections */

static json_t *scenario_part(ctx *c)
{
    char buf[18];
    json_t *s = json_object();
    if (!s)
        return NULL;
    set(c, s, "name", str(c->m->scn->name));
    time_format(c->m->start, buf);
    set(c, s, "start", str(buf));
    time_format(c->m->end, buf);
    set(c, s, "end", str(buf));
    set(c, s, "pax_kg", real(c->m->pax_kg));
    if (c->p->scenario)
        set(c, s, "plan_scenario", str(c->p->scenario));
    return s;
}

static json_t *summary_part(ctx *c)
{
    const sortie_plan *p = c->p;
    json_t *s = json_object();
    if (!s)
        return NULL;
    set(c, s, "closure", rel_time(c, p->closure));
    set(c, s, "lower_bound", rel_time(c, p->lower_bound));
    double gap = NAN;
    if (p->has_extensions)
        gap = p->gap;
    else if (p->lower_bound > c->t0)
        gap = (double)(p->closure - c->t0) / (double)(p->lower_bound - c->t0) - 1.0;
    else if (p->lower_bound == p->closure)
        gap = 0.0;
    set(c, s, "gap", real(gap));
    set(c, s, "binding", str(p->binding));
    set(c, s, "outcome", str(p->outcome));
    set(c, s, "seconds", p->has_extensions ? real(p->seconds) : json_null());
    set(c, s, "late", json_integer(p->late));
    set(c, s, "loaded_legs", json_integer(p->loaded_legs));
    set(c, s, "flight_h", real(p->flight_h));
    return s;
}

static void fill_airfields(ctx *c)
{
    for (int i = 0; i < c->m->n_airfields; i++) {
        const mdl_airfield *ma = &c->m->airfields[i];
        json_t *a = json_object();
        if (!a) {
            c->failed = true;
            return;
        }
        set(c, a, "id", str(ma->src->id));
        set(c, a, "name", str(ma->src->name));
        set(c, a, "lat", real(ma->src->lat));
        set(c, a, "lon", real(ma->src->lon));
        set(c, a, "mog", ma->mog < 0 ? json_null() : json_integer(ma->mog));
        set(c, a, "open", ma->always_open ? json_null() : json_integer(ma->open_min));
        set(c, a, "close", ma->always_open ? json_null() : json_integer(ma->close_min));
        set(c, a, "known", json_true());
        push(c, c->airfields, a);
    }
}

static void fill_types(ctx *c)
{
    for (int i = 0; i < c->m->n_types; i++) {
        const scn_type *t = &c->m->types[i].t;
        json_t *o = json_object();
        if (!o) {
            c->failed = true;
            return;
        }
        set(c, o, "id", str(t->id));
        set(c, o, "name", str(t->name));
        set(c, o, "payload_kg", real(t->payload_kg));
        set(c, o, "seats", json_integer(t->seats));
        set(c, o, "known", json_true());
        push(c, c->types, o);
    }
}

static void fill_requirements(ctx *c)
{
    for (int i = 0; i < c->m->n_reqs; i++) {
        const mdl_requirement *mr = &c->m->reqs[i];
        json_t *r = new_requirement(c, mr->src->id);
        if (!r)
            return;
        double cargo_kg = 0;
        long long items = 0;
        for (size_t k = 0; k < mr->src->n_cargo; k++) {
            cargo_kg += mr->src->cargo[k].count * mr->src->cargo[k].weight_kg;
            items += mr->src->cargo[k].count;
        }
        set(c, r, "operator", str(mr->src->operator_id));
        set(c, r, "from", json_integer(mr->from));
        set(c, r, "to", json_integer(mr->to));
        set(c, r, "pax", json_integer(mr->pax));
        set(c, r, "cargo_kg", real(cargo_kg));
        set(c, r, "items", json_integer(items));
        set(c, r, "ready", rel_time(c, mr->ready));
        set(c, r, "due", rel_time(c, mr->due));
        set(c, r, "priority", json_integer(mr->priority));
        set(c, r, "known", json_true());
        push(c, c->requirements, r);
    }
}

/* The plan's delivery times, onto the requirements (appending unknown ones). */
static void fill_deliveries(ctx *c)
{
    for (size_t i = 0; i < c->p->n_requirements; i++) {
        const plan_requirement *pr = &c->p->requirements[i];
        json_int_t k = requirement_ref(c, pr->id);
        json_t *r = k >= 0 ? json_array_get(c->requirements, (size_t)k) : NULL;
        if (!r)
            continue;
        set(c, r, "delivered", rel_time(c, pr->delivered));
        set(c, r, "late_min", json_integer((json_int_t)pr->late_min));
        if (json_is_null(json_object_get(r, "due")))
            set(c, r, "due", rel_time(c, pr->due));
    }
}

/* Mass of one item of a requirement's cargo line, or NaN when unknown. */
static double item_kg(const ctx *c, const char *req, const char *name)
{
    int r = model_req_index(c->m, req);
    if (r < 0 || !name)
        return NAN;
    const scn_requirement *sr = c->m->reqs[r].src;
    for (size_t k = 0; k < sr->n_cargo; k++)
        if (strcmp(sr->cargo[k].name, name) == 0)
            return sr->cargo[k].weight_kg;
    return NAN;
}

static json_t *aircraft_part(ctx *c, load_trip *trips)
{
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (size_t i = 0; i < c->p->n_aircraft; i++) {
        const plan_aircraft *pa = &c->p->aircraft[i];
        json_t *a = json_object(), *legs = json_array();
        if (!a || !legs) {
            json_decref(a);
            json_decref(legs);
            c->failed = true;
            break;
        }
        int fleet = model_fleet_index(c->m, pa->fleet);
        json_int_t type = -1;
        if (pa->type)
            type = type_ref(c, pa->type);
        else if (fleet >= 0)
            type = c->m->fleets[fleet].type;
        set(c, a, "id", str(pa->id));
        set(c, a, "fleet", str(pa->fleet));
        set(c, a, "type", json_integer(type));
        set(c, a, "operator", json_integer(fleet >= 0 ? c->m->fleets[fleet].operator_index
                                                      : model_operator_index(c->m, pa->operator_id)));
        set(c, a, "base", json_integer(airfield_ref(c, pa->base)));
        for (size_t k = 0; k < pa->n_legs; k++) {
            const plan_leg *g = &pa->legs[k];
            json_int_t li = load_ref(c, g->load);
            if (li >= 0) {
                load_trip *t = &trips[li];
                if (t->aircraft < 0)
                    *t = (load_trip){(json_int_t)i, g->dep, g->arr};
                else if (t->aircraft == (json_int_t)i && g->arr > t->arr)
                    t->arr = g->arr; /* a fuel stop: the load arrives on the last leg */
            }
            json_t *leg = json_array();
            if (!leg) {
                c->failed = true;
                break;
            }
            push(c, leg, json_integer(airfield_ref(c, g->from)));
            push(c, leg, json_integer(airfield_ref(c, g->to)));
            push(c, leg, rel_time(c, g->dep));
            push(c, leg, rel_time(c, g->arr));
            push(c, leg, json_integer(li));
            push(c, legs, leg);
        }
        set(c, a, "legs", legs);
        push(c, arr, a);
    }
    return arr;
}

static json_t *loads_part(ctx *c, const load_trip *trips)
{
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (size_t i = 0; i < c->p->n_loads; i++) {
        const plan_load *pl = &c->p->loads[i];
        json_t *l = json_object(), *pax = json_array(), *items = json_array();
        if (!l || !pax || !items) {
            json_decref(l);
            json_decref(pax);
            json_decref(items);
            c->failed = true;
            break;
        }
        set(c, l, "id", str(pl->id));
        set(c, l, "from", json_integer(airfield_ref(c, pl->from)));
        set(c, l, "to", json_integer(airfield_ref(c, pl->to)));
        set(c, l, "weight_kg", real(pl->weight_kg));
        for (size_t k = 0; k < pl->n_pax; k++) {
            json_t *e = json_array();
            push(c, e, json_integer(requirement_ref(c, pl->pax[k].req)));
            push(c, e, json_integer(pl->pax[k].n));
            push(c, pax, e);
        }
        for (size_t k = 0; k < pl->n_items; k++) {
            const plan_item *it = &pl->items[k];
            json_t *e = json_array();
            push(c, e, json_integer(requirement_ref(c, it->req)));
            push(c, e, str(it->name));
            push(c, e, json_integer(it->n));
            push(c, e, real(item_kg(c, it->req, it->name)));
            push(c, items, e);
        }
        set(c, l, "pax", pax);
        set(c, l, "items", items);
        set(c, l, "aircraft", json_integer(trips[i].aircraft));
        set(c, l, "dep", trips[i].aircraft >= 0 ? rel_time(c, trips[i].dep) : json_null());
        set(c, l, "arr", trips[i].aircraft >= 0 ? rel_time(c, trips[i].arr) : json_null());
        push(c, arr, l);
    }
    return arr;
}

static json_t *operators_part(ctx *c)
{
    json_t *arr = json_array();
    for (int i = 0; arr && i < c->m->n_operators; i++)
        push(c, arr, str(c->m->operators[i]));
    return arr;
}

/* The whole blob. NULL when memory ran out. */
static json_t *report_data(ctx *c)
{
    size_t n_loads = c->p->n_loads;
    load_trip *trips = malloc((n_loads ? n_loads : 1) * sizeof *trips);
    c->load_ids = malloc((n_loads ? n_loads : 1) * sizeof *c->load_ids);
    json_t *root = json_object();
    c->airfields = json_array();
    c->types = json_array();
    c->requirements = json_array();
    if (!trips || !c->load_ids || !root || !c->airfields || !c->types || !c->requirements)
        c->failed = true;
    if (!c->failed) {
        for (size_t i = 0; i < n_loads; i++) {
            trips[i] = (load_trip){-1, 0, 0};
            c->load_ids[i] = (id_entry){c->p->loads[i].id ? c->p->loads[i].id : "", i};
        }
        qsort(c->load_ids, n_loads, sizeof *c->load_ids, cmp_id);
        fill_airfields(c);
        fill_types(c);
        fill_requirements(c);
        set(c, root, "format", str("sortie/report-data@1"));
        set(c, root, "scenario", scenario_part(c));
        set(c, root, "t0", json_integer((json_int_t)c->t0));
        set(c, root, "horizon", json_integer((json_int_t)(c->m->end - c->t0)));
        set(c, root, "summary", summary_part(c));
        set(c, root, "operators", operators_part(c));
        /* Aircraft before loads: they find where each load flies. */
        set(c, root, "aircraft", aircraft_part(c, trips));
        set(c, root, "loads", loads_part(c, trips));
        fill_deliveries(c);
        set(c, root, "airfields", json_incref(c->airfields));
        set(c, root, "types", json_incref(c->types));
        set(c, root, "requirements", json_incref(c->requirements));
    }
    free(trips);
    free(c->load_ids);
    c->load_ids = NULL;
    json_decref(c->airfields);
    json_decref(c->types);
    json_decref(c->requirements);
    if (c->failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* --------------------------------------------------------------- the page */

/* The page being written: a growing buffer that jansson's dump feeds. */
typedef struct {
    char *text;
    size_t len, cap;
    bool lt_pending; /* the last byte fed was '<', not yet written */
    bool failed;     /* out of memory: kept here, because jansson's dump can
                        lose a callback's failure (seen with 2.14) */
} page;

static void page_put(page *pg, const char *s, size_t n)
{
    if (pg->failed)
        return;
    if (pg->len + n + 1 > pg->cap) {
        size_t cap = pg->cap ? pg->cap : 4096;
        while (pg->len + n + 1 > cap)
            cap *= 2;
        char *text = realloc(pg->text, cap);
        if (!text) {
            pg->failed = true;
            return;
        }
        pg->text = text;
        pg->cap = cap;
    }
    memcpy(pg->text + pg->len, s, n);
    pg->len += n;
    pg->text[pg->len] = '\0';
}

/* Takes the JSON as jansson writes it, escaping "</" as "<\/" and "<!" as
 * "\u003c!" so that nothing in it can end its <script> element. In valid
 * JSON a '<' only stands inside a string, where both mean the same text. */
static int page_feed(const char *buf, size_t size, void *data)
{
    page *pg = data;
    size_t run = 0; /* bytes of buf not yet written */
    for (size_t i = 0; i < size; i++) {
        char ch = buf[i];
        if (pg->lt_pending) {
            pg->lt_pending = false;
            if (ch == '/')
                page_put(pg, "<\\", 2); /* then the '/' */
            else if (ch == '!')
                page_put(pg, "\\u003c", 6);
            else
                page_put(pg, "<", 1);
        }
        if (ch == '<') {
            page_put(pg, buf + i - run, run);
            run = 0;
            pg->lt_pending = true;
        } else {
            run++;
        }
    }
    page_put(pg, buf + size - run, run);
    return pg->failed ? -1 : 0;
}

sortie_status sortie_report_html(const sortie_model *model, const sortie_plan *plan, char **out)
{
    if (!out)
        return SORTIE_EINPUT;
    *out = NULL;
    if (!model || !plan)
        return SORTIE_EINPUT;
    const char *hole = strstr(sortie_report_template, REPORT_PLACEHOLDER);
    if (!hole)
        return SORTIE_EINTERNAL;

    ctx c = {.m = model, .p = plan, .t0 = model->start};
    json_t *data = report_data(&c);
    if (!data)
        return SORTIE_ENOMEM;
    page pg = {0};
    size_t head = (size_t)(hole - sortie_report_template);
    page_put(&pg, sortie_report_template, head);
    int rc = json_dump_callback(data, page_feed, &pg, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(data);
    if (pg.lt_pending)
        page_put(&pg, "<", 1);
    const char *rest = hole + strlen(REPORT_PLACEHOLDER);
    page_put(&pg, rest, sortie_report_template_len - (size_t)(rest - sortie_report_template));
    if (rc != 0 || pg.failed) {
        free(pg.text);
        return SORTIE_ENOMEM;
    }
    *out = pg.text;
    return SORTIE_OK;
}
