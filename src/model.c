/*
 * model: builds the frozen model from a read scenario (see model.h):
 * resolves references, merges catalog types, expands fleets to tails,
 * tabulates distances and leg minutes, and decides which fleets may carry
 * each requirement, refusing those that none can carry with the reason.
 */
#include "model.h"

#include "catalog.h"
#include "diag.h"
#include "geo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hold and payload comparisons allow for decimal figures such as 3.45 m. */
#define FIT_EPS 1e-9

int model_airfield_index(const sortie_model *m, const char *id)
{
    for (int i = 0; id && i < m->n_airfields; i++)
        if (strcmp(m->airfields[i].src->id, id) == 0)
            return i;
    return -1;
}

int model_type_index(const sortie_model *m, const char *id)
{
    for (int i = 0; id && i < m->n_types; i++)
        if (strcmp(m->types[i].t.id, id) == 0)
            return i;
    return -1;
}

int model_fleet_index(const sortie_model *m, const char *id)
{
    for (int i = 0; id && i < m->n_fleets; i++)
        if (strcmp(m->fleets[i].src->id, id) == 0)
            return i;
    return -1;
}

int model_req_index(const sortie_model *m, const char *id)
{
    for (int i = 0; id && i < m->n_reqs; i++)
        if (strcmp(m->reqs[i].src->id, id) == 0)
            return i;
    return -1;
}

int model_operator_index(const sortie_model *m, const char *id)
{
    for (int i = 0; id && i < m->n_operators; i++)
        if (strcmp(m->operators[i], id) == 0)
            return i;
    return -1;
}

bool model_item_fits(const mdl_type *t, const scn_cargo *c)
{
    const scn_type *h = &t->t;
    if (c->height_m > h->hold_height_m + FIT_EPS || c->weight_kg > h->payload_kg + FIT_EPS)
        return false;
    bool straight = c->length_m <= h->hold_length_m + FIT_EPS && c->width_m <= h->hold_width_m + FIT_EPS;
    bool turned = c->width_m <= h->hold_length_m + FIT_EPS && c->length_m <= h->hold_width_m + FIT_EPS;
    return straight || turned;
}

bool model_airfield_open_at(const sortie_model *m, int a, minute_t t)
{
    const mdl_airfield *af = &m->airfields[a];
    if (af->always_open)
        return true;
    int tod = time_of_day(t);
    if (af->open_min <= af->close_min)
        return tod >= af->open_min && tod <= af->close_min;
    return tod >= af->open_min || tod <= af->close_min; /* wraps midnight */
}

static void scn_type_from_catalog(scn_type *dst, const sortie_aircraft_type *src)
{
    /* Catalog strings are static; the model never frees type strings. */
    dst->id = (char *)src->id;
    dst->name = (char *)src->name;
    dst->payload_kg = src->payload_kg;
    dst->seats = src->seats;
    dst->hold_length_m = src->hold_length_m;
    dst->hold_width_m = src->hold_width_m;
    dst->hold_height_m = src->hold_height_m;
    dst->cruise_kmh = src->cruise_kmh;
    dst->range_km = src->range_km;
    dst->ferry_range_km = src->ferry_range_km;
    dst->taxi_min = src->taxi_min;
    dst->ground_min = src->ground_min;
}

/* Adds the type named `id` (scenario first, then catalog) unless present. */
static int add_type(sortie_model *m, const sortie_scenario *s, const char *id)
{
    int found = model_type_index(m, id);
    if (found >= 0)
        return found;
    mdl_type *t = &m->types[m->n_types];
    const scn_type *own = NULL;
    for (size_t i = 0; i < s->n_types; i++)
        if (strcmp(s->types[i].id, id) == 0)
            own = &s->types[i];
    if (own) {
        t->t = *own;
    } else {
        const sortie_aircraft_type *cat = catalog_find(id);
        if (!cat)
            return -1;
        scn_type_from_catalog(&t->t, cat);
    }
    t->floor_m2 = t->t.hold_length_m * t->t.hold_width_m;
    return m->n_types++;
}

/* True when an aircraft of type t can fly a -> b, directly or with one stop,
 * with legs no longer than `reach` km. */
static bool reachable(const sortie_model *m, int a, int b, double reach)
{
    if (model_dist(m, a, b) <= reach)
        return true;
    for (int c = 0; c < m->n_airfields; c++)
        if (model_dist(m, a, c) <= reach && model_dist(m, c, b) <= reach)
            return true;
    return false;
}

static const char *fleet_type_id(const sortie_model *m, int f) { return m->types[m->fleets[f].type].t.id; }

/* Explains why cargo line `item` fits no hold among the fleets `cand`. */
static void explain_item(const sortie_model *m, const mdl_requirement *r, const scn_cargo *item, const int *cand,
                         int n_cand, sortie_diag *diag)
{
    /* Report the first dimension that no carrier's hold takes. */
    double best_h = 0, best_w = 0, best_l = 0, best_p = 0;
    int at_h = cand[0], at_w = cand[0], at_l = cand[0], at_p = cand[0];
    for (int k = 0; k < n_cand; k++) {
        const scn_type *t = &m->types[m->fleets[cand[k]].type].t;
        if (t->hold_height_m > best_h) best_h = t->hold_height_m, at_h = cand[k];
        if (t->hold_width_m > best_w) best_w = t->hold_width_m, at_w = cand[k];
        if (t->hold_length_m > best_l) best_l = t->hold_length_m, at_l = cand[k];
        if (t->payload_kg > best_p) best_p = t->payload_kg, at_p = cand[k];
    }
    double narrow = fmin(item->length_m, item->width_m), longest = fmax(item->length_m, item->width_m);
    const char *rid = r->src->id;
    if (item->weight_kg > best_p + FIT_EPS)
        diag_add(diag, "%s: item '%s' weighs %g kg; the largest payload among its carriers is %g kg (%s)", rid,
                 item->name, item->weight_kg, best_p, fleet_type_id(m, at_p));
    else if (item->height_m > best_h + FIT_EPS)
        diag_add(diag, "%s: item '%s' is %g m high; the tallest hold among its carriers is %g m (%s)", rid,
                 item->name, item->height_m, best_h, fleet_type_id(m, at_h));
    else if (narrow > best_w + FIT_EPS)
        diag_add(diag, "%s: item '%s' is %g m wide; the widest hold among its carriers is %g m (%s)", rid,
                 item->name, narrow, best_w, fleet_type_id(m, at_w));
    else if (longest > best_l + FIT_EPS)
        diag_add(diag, "%s: item '%s' is %g m long; the longest hold among its carriers is %g m (%s)", rid,
                 item->name, longest, best_l, fleet_type_id(m, at_l));
    else
        diag_add(diag, "%s: item '%s' (%g x %g x %g m, %g kg) fits no single hold among its carriers", rid,
                 item->name, item->length_m, item->width_m, item->height_m, item->weight_kg);
}

static bool can_seat(const sortie_model *m, int f)
{
    const scn_type *t = &m->types[m->fleets[f].type].t;
    return t->seats >= 1 && m->pax_kg <= t->payload_kg + FIT_EPS;
}

bool model_fleet_reaches(const sortie_model *m, int req, int f)
{
    const mdl_requirement *r = &m->reqs[req];
    const mdl_fleet *fl = &m->fleets[f];
    const scn_type *t = &m->types[fl->type].t;
    return reachable(m, r->from, r->to, t->range_km) && reachable(m, fl->base, r->from, t->ferry_range_km) &&
           reachable(m, r->to, fl->base, t->ferry_range_km);
}

bool model_fleet_carries(const sortie_model *m, int f, int q, int line)
{
    const mdl_fleet *fl = &m->fleets[f];
    return m->reqs[q].carrier_ok[fl->operator_index] && model_fleet_reaches(m, q, f) &&
           model_type_takes(m, fl->type, q, line);
}

bool model_fleet_carries_some(const sortie_model *m, int f, int q)
{
    for (int line = -1; line < (int)m->reqs[q].src->n_cargo; line++)
        if (model_fleet_carries(m, f, q, line))
            return true;
    return false;
}

bool model_type_takes(const sortie_model *m, int type, int q, int line)
{
    const mdl_requirement *r = &m->reqs[q];
    const mdl_type *t = &m->types[type];
    if (line < 0)
        return r->pax > 0 && t->t.seats >= 1 && m->pax_kg <= t->t.payload_kg + 1e-9;
    return r->src->cargo[line].count > 0 && model_item_fits(t, &r->src->cargo[line]);
}

/* Says why no fleet among `cand` (which can take the piece) reaches r's route. */
static void explain_reach(const sortie_model *m, const mdl_requirement *r, const char *piece, const int *cand,
                          int n_cand, sortie_diag *diag)
{
    double best_range = 0;
    int best = cand[0];
    for (int k = 0; k < n_cand; k++) {
        double range = m->types[m->fleets[cand[k]].type].t.range_km;
        if (range > best_range)
            best_range = range, best = cand[k];
    }
    if (!reachable(m, r->from, r->to, best_range))
        diag_add(diag,
                 "%s: %s: %s-%s is %.0f km; the longest range among the carriers that can take it is %.0f km (%s), "
                 "and no airfield of the scenario serves as a fuel stop",
                 r->src->id, piece, m->airfields[r->from].src->id, m->airfields[r->to].src->id,
                 model_dist(m, r->from, r->to), best_range, fleet_type_id(m, best));
    else
        diag_add(diag, "%s: %s: no aircraft that can take it can fly from its base to %s and back within ferry range",
                 r->src->id, piece, m->airfields[r->from].src->id);
}

/*
 * Decides the fleets that may carry some piece of r (its passengers or a
 * cargo line): a requirement may be split across types, so each piece needs
 * a carrier of its own, not one fleet for everything. On a piece that no
 * fleet can take, says why.
 */
static bool resolve_carriers(sortie_model *m, mdl_requirement *r, sortie_diag *diag)
{
    int nf = m->n_fleets;
    int *allowed = malloc(sizeof(int) * (size_t)(nf ? nf : 1));
    int *takes = malloc(sizeof(int) * (size_t)(nf ? nf : 1));
    bool *reaches = calloc((size_t)(nf ? nf : 1), sizeof(bool));
    r->fleets = malloc(sizeof(int) * (size_t)(nf ? nf : 1));
    if (!allowed || !takes || !reaches || !r->fleets) {
        free(allowed), free(takes), free(reaches);
        return false;
    }
    int n_allowed = 0;
    for (int f = 0; f < nf; f++)
        if (r->carrier_ok[m->fleets[f].operator_index]) {
            allowed[n_allowed++] = f;
            reaches[f] = model_fleet_reaches(m, (int)(r - m->reqs), f);
        }
    bool ok = true;
    if (n_allowed == 0) {
        diag_add(diag, "%s: none of its carriers operates a fleet in this scenario", r->src->id);
        ok = false;
    }
    /* Each piece: the allowed fleets that can take it, then those of them that reach. */
    for (int line = -1; ok && line < (int)r->src->n_cargo; line++) {
        const scn_cargo *item = line >= 0 ? &r->src->cargo[line] : NULL;
        if (line < 0 ? r->pax == 0 : item->count == 0)
            continue;
        int n_takes = 0, n_reach = 0;
        for (int k = 0; k < n_allowed; k++) {
            int f = allowed[k];
            if (line < 0 ? can_seat(m, f) : model_item_fits(&m->types[m->fleets[f].type], item)) {
                takes[n_takes++] = f;
                n_reach += reaches[f];
            }
        }
        char piece[240];
        if (line < 0)
            snprintf(piece, sizeof piece, "its %d passengers", r->pax);
        else
            snprintf(piece, sizeof piece, "item '%s'", item->name);
        if (n_takes == 0 && line < 0)
            diag_add(diag, "%s: its %d passengers fit no aircraft of its carriers (no seats)", r->src->id, r->pax);
        else if (n_takes == 0)
            explain_item(m, r, item, allowed, n_allowed, diag);
        else if (n_reach == 0)
            explain_reach(m, r, piece, takes, n_takes, diag);
        ok = n_takes > 0 && n_reach > 0;
    }
    r->n_fleets = 0;
    for (int k = 0; ok && k < n_allowed; k++) {
        int f = allowed[k];
        bool any = reaches[f] && r->pax > 0 && can_seat(m, f);
        for (size_t c = 0; reaches[f] && !any && c < r->src->n_cargo; c++)
            any = r->src->cargo[c].count > 0 && model_item_fits(&m->types[m->fleets[f].type], &r->src->cargo[c]);
        if (any)
            r->fleets[r->n_fleets++] = f;
    }
    free(allowed), free(takes), free(reaches);
    return ok;
}

static void model_free_parts(sortie_model *m)
{
    for (int i = 0; m->reqs && i < m->n_reqs; i++) {
        free(m->reqs[i].carrier_ok);
        free(m->reqs[i].fleets);
    }
    free(m->reqs);
    free(m->airfields);
    free(m->types);
    free(m->fleets);
    free(m->tails);
    free(m->operators);
    free(m->dist_km);
    free(m->leg_min);
}

void sortie_model_free(sortie_model *model)
{
    if (!model)
        return;
    model_free_parts(model);
    free(model);
}

static sortie_status build(sortie_model *m, const sortie_scenario *s, sortie_diag *diag)
{
    m->scn = s;
    m->start = s->start;
    m->end = s->end;
    m->pax_kg = s->pax_kg;
    size_t n_af = s->n_airfields;
    m->airfields = calloc(n_af ? n_af : 1, sizeof *m->airfields);
    m->types = calloc(s->n_types + s->n_fleets + 1, sizeof *m->types);
    m->fleets = calloc(s->n_fleets ? s->n_fleets : 1, sizeof *m->fleets);
    m->operators = calloc(s->n_fleets ? s->n_fleets : 1, sizeof *m->operators);
    m->reqs = calloc(s->n_requirements ? s->n_requirements : 1, sizeof *m->reqs);
    m->dist_km = malloc(sizeof(double) * (n_af > 0 ? n_af * n_af : 1));
    if (!m->airfields || !m->types || !m->fleets || !m->operators || !m->reqs || !m->dist_km)
        return SORTIE_ENOMEM;

    m->n_airfields = (int)n_af;
    for (size_t i = 0; i < n_af; i++) {
        const scn_airfield *a = &s->airfields[i];
        mdl_airfield *ma = &m->airfields[i];
        ma->src = a;
        ma->mog = a->mog;
        ma->open_min = a->open_min;
        ma->close_min = a->close_min;
        ma->always_open = !a->has_hours || (a->open_min == 0 && a->close_min == MINUTES_PER_DAY) ||
                          (a->open_min == a->close_min);
    }
    for (size_t a = 0; a < n_af; a++)
        for (size_t b = 0; b < n_af; b++)
            m->dist_km[a * n_af + b] =
                a == b ? 0.0
                       : geo_distance_km(s->airfields[a].lat, s->airfields[a].lon, s->airfields[b].lat,
                                         s->airfields[b].lon);

    /* Scenario types first, in file order, so that indices are stable. */
    for (size_t i = 0; i < s->n_types; i++)
        add_type(m, s, s->types[i].id);

    size_t n_tails = 0;
    for (size_t i = 0; i < s->n_fleets; i++) {
        const scn_fleet *f = &s->fleets[i];
        mdl_fleet *mf = &m->fleets[i];
        mf->src = f;
        mf->type = add_type(m, s, f->type);
        mf->base = model_airfield_index(m, f->base);
        if (mf->type < 0 || mf->base < 0) {
            diag_add(diag, "%s: fleets[%zu]: unresolved type '%s' or base '%s'", s->source, i, f->type, f->base);
            return SORTIE_EINPUT;
        }
        int op = model_operator_index(m, f->operator_id);
        if (op < 0) {
            op = m->n_operators;
            m->operators[m->n_operators++] = f->operator_id;
        }
        mf->operator_index = op;
        mf->count = f->count;
        mf->first_tail = (int)n_tails;
        mf->available_from = f->available_from > s->start ? f->available_from : s->start;
        mf->available_to = f->available_to < s->end ? f->available_to : s->end;
        n_tails += (size_t)f->count;
    }
    m->n_fleets = (int)s->n_fleets;

    m->tails = calloc(n_tails ? n_tails : 1, sizeof *m->tails);
    size_t n_legtab = (size_t)m->n_types * n_af * n_af;
    m->leg_min = malloc(sizeof(int) * (n_legtab ? n_legtab : 1));
    if (!m->tails || !m->leg_min)
        return SORTIE_ENOMEM;
    m->n_tails = (int)n_tails;
    for (int f = 0; f < m->n_fleets; f++)
        for (int k = 0; k < m->fleets[f].count; k++) {
            mdl_tail *t = &m->tails[m->fleets[f].first_tail + k];
            t->fleet = f;
            snprintf(t->id, sizeof t->id, "%s#%d", m->fleets[f].src->id, k + 1);
        }
    for (int t = 0; t < m->n_types; t++)
        for (size_t a = 0; a < n_af; a++)
            for (size_t b = 0; b < n_af; b++)
                m->leg_min[((size_t)t * n_af + a) * n_af + b] =
                    geo_leg_minutes(m->dist_km[a * n_af + b], m->types[t].t.cruise_kmh, m->types[t].t.taxi_min);

    m->n_reqs = (int)s->n_requirements;
    bool all_carried = true;
    for (int i = 0; i < m->n_reqs; i++) {
        const scn_requirement *sr = &s->requirements[i];
        mdl_requirement *r = &m->reqs[i];
        r->src = sr;
        r->from = model_airfield_index(m, sr->from);
        r->to = model_airfield_index(m, sr->to);
        if (r->from < 0 || r->to < 0) {
            diag_add(diag, "%s: requirements[%d]: unresolved airfield '%s' or '%s'", s->source, i, sr->from, sr->to);
            return SORTIE_EINPUT;
        }
        r->pax = sr->pax;
        r->ready = sr->ready > s->start ? sr->ready : s->start;
        r->due = sr->due;
        r->priority = sr->priority;
        r->total_kg = sr->pax * s->pax_kg;
        for (size_t c = 0; c < sr->n_cargo; c++) {
            r->total_kg += sr->cargo[c].count * sr->cargo[c].weight_kg;
            r->total_floor_m2 += sr->cargo[c].count * sr->cargo[c].length_m * sr->cargo[c].width_m;
        }
        r->carrier_ok = calloc(m->n_operators ? (size_t)m->n_operators : 1, sizeof(bool));
        if (!r->carrier_ok)
            return SORTIE_ENOMEM;
        for (int o = 0; o < m->n_operators; o++) {
            bool ok = sr->n_carriers == 0;
            for (size_t c = 0; c < sr->n_carriers && !ok; c++)
                ok = strcmp(sr->carriers[c], m->operators[o]) == 0;
            r->carrier_ok[o] = ok;
        }
        size_t before = diag->count + diag->dropped;
        if (!resolve_carriers(m, r, diag)) {
            if (diag->count + diag->dropped == before)
                return SORTIE_ENOMEM;
            all_carried = false;
        }
    }
    return all_carried ? SORTIE_OK : SORTIE_EINFEASIBLE;
}

sortie_status sortie_model_build(const sortie_scenario *scenario, sortie_model **out, sortie_diag **diag_out)
{
    *out = NULL;
    sortie_diag *diag = diag_new();
    sortie_model *m = calloc(1, sizeof *m);
    if (!diag || !m) {
        free(m);
        diag_give(diag, diag_out);
        return SORTIE_ENOMEM;
    }
    sortie_status st = build(m, scenario, diag);
    if (st == SORTIE_ENOMEM)
        diag_add(diag, "%s: out of memory while building the model", scenario->source);
    if (st != SORTIE_OK) {
        sortie_model_free(m);
        diag_give(diag, diag_out);
        return st;
    }
    *out = m;
    diag_give(diag, diag_out);
    return SORTIE_OK;
}
