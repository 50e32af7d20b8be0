/*
 * check: the independent plan checker, FORMAT.md's rules 1-11.
 *
 * It trusts nothing the plan states: every figure is recomputed from the
 * model (distances, leg minutes, hours, hold fit: geometry and scenario
 * facts) and the plan's legs and manifests, and compared. It shares no code
 * with the planner's scheduling (sched, slot, dispatch): a bug there must
 * not be able to hide itself here. docs/checker.md says how each rule is
 * read and how violations are worded.
 *
 * Violations come out in a fixed order: aircraft (rules 1-5, leg by leg),
 * airfields (6), loads (7-9, and 10/11 for their manifests), requirements
 * (10, 11), the summary (11).
 */
#include "model.h"
#include "plan.h"

#include "diag.h"
#include "idindex.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Weights and areas are sums of decimal figures. */
#define KG_EPS 1e-6
/* Leg lengths against ranges: decimal ranges such as 2500.0 km. */
#define KM_EPS 1e-9
#define AREA_EPS 1e-6
/* A stated load weight may be rounded to the kilogram. */
#define WEIGHT_STATED_EPS 0.5
/* flight_h may be rounded to two decimals. */
#define FLIGHT_H_EPS 0.01
/* Aircraft named in a MOG message. */
#define MOG_NAMES_MAX 8

/* ------------------------------------------------------------- context */

typedef struct {
    size_t aircraft, leg;      /* which leg carries a load */
} occurrence;

typedef struct {
    int airfield;
    minute_t from, to;         /* [landing, take-off) */
    size_t aircraft;
} ground;

typedef struct {
    const sortie_model *m;
    const sortie_plan *p;
    sortie_diag *d;
    bool oom;

    id_key *tail_keys, *load_keys, *req_keys, *entry_keys;
    size_t n_tail_keys, n_load_keys, n_entry_keys;

    /* per aircraft: resolved tail, fleet, type, base (-1 when unknown) */
    int *ac_tail, *ac_fleet, *ac_type, *ac_base;
    /* per leg, flattened: leg_at[a] is aircraft a's first */
    size_t *leg_at;
    int *leg_from, *leg_to;
    long *leg_load;            /* index into plan loads, -1 empty or unknown */

    /* per load: its legs in plan order */
    occurrence *occ;
    size_t *occ_at, *occ_n;    /* load l's occurrences are occ[occ_at[l] .. + occ_n[l]) */
    minute_t *load_arr;        /* arrival of its last leg; valid when occ_n > 0 */

    /* per requirement */
    long long *pax_moved;
    long long *items_moved;    /* flattened per cargo line: item_at[r] + line */
    size_t *item_at;
    minute_t *delivered;       /* last arrival of a load carrying a piece of it */
    bool *has_delivered;
} checker;

static void *alloc(checker *c, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        c->oom = true;
    return p;
}

static void violation(checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void violation(checker *c, const char *fmt, ...)
{
    char text[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    diag_add(c->d, "%s", text);
}

/* "aircraft X leg N (A-B): " for the leg's violations; legs count from 1. */
static void leg_violation(checker *c, size_t a, size_t i, int rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void leg_violation(checker *c, size_t a, size_t i, int rule, const char *fmt, ...)
{
    const plan_aircraft *ac = &c->p->aircraft[a];
    const plan_leg *leg = &ac->legs[i];
    char text[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    diag_add(c->d, "aircraft %s leg %zu (%s-%s): rule %d: %s", ac->id, i + 1, leg->from, leg->to, rule, text);
}

static const char *af_id(const checker *c, int a) { return c->m->airfields[a].src->id; }
static const char *type_id(const checker *c, int t) { return c->m->types[t].t.id; }
static const char *fleet_id(const checker *c, int f) { return c->m->fleets[f].src->id; }

typedef struct {
    char s[18];
} tstr;

static tstr fmt_time(minute_t t)
{
    tstr out;
    time_format(t, out.s);
    return out;
}

/* "HH:MM" for a minute of the day, 0..1440. */
static void fmt_hhmm(int minute, char buf[static 6])
{
    unsigned m = (unsigned)minute % 1441u;
    snprintf(buf, 6, "%02u:%02u", m / 60u, m % 60u);
}

/* ------------------------------------------------------------ indexing */

static id_key *make_keys(checker *c, size_t n, const char *(*id_of)(const checker *, size_t), size_t *n_out)
{
    id_key *keys = alloc(c, n, sizeof *keys);
    size_t k = 0;
    for (size_t i = 0; keys && i < n; i++) {
        const char *id = id_of(c, i);
        if (id)
            keys[k++] = (id_key){id, i};
    }
    if (keys)
        idindex_sort(keys, k);
    *n_out = k;
    return keys;
}

static const char *tail_id_of(const checker *c, size_t i) { return c->m->tails[i].id; }
static const char *load_id_of(const checker *c, size_t i) { return c->p->loads[i].id; }
static const char *req_id_of(const checker *c, size_t i) { return c->m->reqs[i].src->id; }
static const char *entry_id_of(const checker *c, size_t i) { return c->p->requirements[i].id; }

static long req_index(const checker *c, const char *id) { return idindex_find(c->req_keys, (size_t)c->m->n_reqs, id); }

/* The cargo line of requirement r named `name`, or -1. */
static int cargo_line(const checker *c, long r, const char *name)
{
    const scn_requirement *sr = c->m->reqs[r].src;
    for (size_t i = 0; name && i < sr->n_cargo; i++)
        if (strcmp(sr->cargo[i].name, name) == 0)
            return (int)i;
    return -1;
}

static bool build_indexes(checker *c)
{
    const sortie_model *m = c->m;
    const sortie_plan *p = c->p;
    size_t n_reqs_keys;
    c->tail_keys = make_keys(c, (size_t)m->n_tails, tail_id_of, &c->n_tail_keys);
    c->load_keys = make_keys(c, p->n_loads, load_id_of, &c->n_load_keys);
    c->req_keys = make_keys(c, (size_t)m->n_reqs, req_id_of, &n_reqs_keys);
    c->entry_keys = make_keys(c, p->n_requirements, entry_id_of, &c->n_entry_keys);
    size_t n_ac = p->n_aircraft, n_legs = 0;
    for (size_t a = 0; a < n_ac; a++)
        n_legs += p->aircraft[a].n_legs;
    c->ac_tail = alloc(c, n_ac, sizeof(int));
    c->ac_fleet = alloc(c, n_ac, sizeof(int));
    c->ac_type = alloc(c, n_ac, sizeof(int));
    c->ac_base = alloc(c, n_ac, sizeof(int));
    c->leg_at = alloc(c, n_ac + 1, sizeof(size_t));
    c->leg_from = alloc(c, n_legs, sizeof(int));
    c->leg_to = alloc(c, n_legs, sizeof(int));
    c->leg_load = alloc(c, n_legs, sizeof(long));
    c->occ = alloc(c, n_legs, sizeof *c->occ);
    c->occ_at = alloc(c, p->n_loads, sizeof(size_t));
    c->occ_n = alloc(c, p->n_loads, sizeof(size_t));
    c->load_arr = alloc(c, p->n_loads, sizeof(minute_t));
    size_t n_lines = 0;
    c->item_at = alloc(c, (size_t)m->n_reqs, sizeof(size_t));
    for (int r = 0; c->item_at && r < m->n_reqs; r++) {
        c->item_at[r] = n_lines;
        n_lines += m->reqs[r].src->n_cargo;
    }
    c->pax_moved = alloc(c, (size_t)m->n_reqs, sizeof(long long));
    c->items_moved = alloc(c, n_lines, sizeof(long long));
    c->delivered = alloc(c, (size_t)m->n_reqs, sizeof(minute_t));
    c->has_delivered = alloc(c, (size_t)m->n_reqs, sizeof(bool));
    if (c->oom)
        return false;

    for (size_t a = 0, k = 0; a < n_ac; a++) {
        const plan_aircraft *ac = &p->aircraft[a];
        c->leg_at[a] = k;
        long t = idindex_find(c->tail_keys, c->n_tail_keys, ac->id);
        c->ac_tail[a] = (int)t;
        if (t >= 0) {
            int f = m->tails[t].fleet;
            c->ac_fleet[a] = f;
            c->ac_type[a] = m->fleets[f].type;
            c->ac_base[a] = m->fleets[f].base;
        } else {
            /* Not a tail of the scenario (rule 1 says so); the rest is still
             * checked as far as the plan's own fleet, type and base allow. */
            c->ac_fleet[a] = model_fleet_index(m, ac->fleet);
            c->ac_type[a] = model_type_index(m, ac->type);
            c->ac_base[a] = model_airfield_index(m, ac->base);
        }
        for (size_t i = 0; i < ac->n_legs; i++, k++) {
            const plan_leg *leg = &ac->legs[i];
            c->leg_from[k] = model_airfield_index(m, leg->from);
            c->leg_to[k] = model_airfield_index(m, leg->to);
            c->leg_load[k] = leg->load ? idindex_find(c->load_keys, c->n_load_keys, leg->load) : -1;
            if (c->leg_load[k] >= 0)
                c->occ_n[c->leg_load[k]]++;
        }
    }
    c->leg_at[n_ac] = n_legs;

    /* Occurrences grouped by load, each group in plan order (aircraft, then leg). */
    size_t total = 0;
    for (size_t l = 0; l < p->n_loads; l++) {
        c->occ_at[l] = total;
        total += c->occ_n[l];
        c->occ_n[l] = 0;
    }
    for (size_t a = 0; a < n_ac; a++)
        for (size_t i = 0; i < p->aircraft[a].n_legs; i++) {
            long l = c->leg_load[c->leg_at[a] + i];
            if (l < 0)
                continue;
            c->occ[c->occ_at[l] + c->occ_n[l]++] = (occurrence){a, i};
            minute_t arr = p->aircraft[a].legs[i].arr;
            if (c->occ_n[l] == 1 || arr > c->load_arr[l])
                c->load_arr[l] = arr;
        }
    return true;
}

static void free_checker(checker *c)
{
    free(c->tail_keys);
    free(c->load_keys);
    free(c->req_keys);
    free(c->entry_keys);
    free(c->ac_tail);
    free(c->ac_fleet);
    free(c->ac_type);
    free(c->ac_base);
    free(c->leg_at);
    free(c->leg_from);
    free(c->leg_to);
    free(c->leg_load);
    free(c->occ);
    free(c->occ_at);
    free(c->occ_n);
    free(c->load_arr);
    free(c->pax_moved);
    free(c->items_moved);
    free(c->item_at);
    free(c->delivered);
    free(c->has_delivered);
}

/* ----------------------------------------------------- rules 1 to 5 */

/* Rule 1 for the aircraft as a whole: identity, base, availability. */
static void check_identity(checker *c, size_t a, bool *tail_used)
{
    const sortie_model *m = c->m;
    const plan_aircraft *ac = &c->p->aircraft[a];
    int t = c->ac_tail[a], f = c->ac_fleet[a];
    if (t < 0) {
        const char *hash = ac->id ? strrchr(ac->id, '#') : NULL;
        int named = -1;
        for (int k = 0; hash && k < m->n_fleets; k++)
            if (strlen(fleet_id(c, k)) == (size_t)(hash - ac->id) && strncmp(fleet_id(c, k), ac->id, (size_t)(hash - ac->id)) == 0)
                named = k;
        if (named >= 0)
            violation(c, "aircraft %s: rule 1: not an aircraft of the scenario; fleet %s has %d, %s#1 to %s#%d",
                      ac->id, fleet_id(c, named), m->fleets[named].count, fleet_id(c, named), fleet_id(c, named),
                      m->fleets[named].count);
        else
            violation(c, "aircraft %s: rule 1: not an aircraft of the scenario (aircraft are named <fleet>#<n>)",
                      ac->id);
    } else {
        if (tail_used[t])
            violation(c, "aircraft %s: rule 1: listed more than once", ac->id);
        tail_used[t] = true;
        if (strcmp(ac->fleet, fleet_id(c, f)) != 0)
            violation(c, "aircraft %s: rule 1: fleet is %s, the scenario says %s", ac->id, ac->fleet, fleet_id(c, f));
        if (strcmp(ac->type, type_id(c, c->ac_type[a])) != 0)
            violation(c, "aircraft %s: rule 1: type is %s, fleet %s flies %s", ac->id, ac->type, fleet_id(c, f),
                      type_id(c, c->ac_type[a]));
        if (strcmp(ac->base, af_id(c, c->ac_base[a])) != 0)
            violation(c, "aircraft %s: rule 1: base is %s, fleet %s is based at %s", ac->id, ac->base, fleet_id(c, f),
                      af_id(c, c->ac_base[a]));
    }
    if (ac->n_legs == 0)
        return;

    /* Availability over all legs, so that legs out of order cannot escape it. */
    size_t first = 0, last = 0;
    for (size_t i = 1; i < ac->n_legs; i++) {
        if (ac->legs[i].dep < ac->legs[first].dep)
            first = i;
        if (ac->legs[i].arr > ac->legs[last].arr)
            last = i;
    }
    bool known = t >= 0;
    minute_t from = known ? m->fleets[f].available_from : m->start;
    minute_t to = known ? m->fleets[f].available_to : m->end;
    minute_t dep = ac->legs[first].dep, arr = ac->legs[last].arr;
    if (dep < m->start)
        violation(c, "aircraft %s: rule 1: takes off at %s (leg %zu), before the scenario starts at %s", ac->id,
                  fmt_time(dep).s, first + 1, fmt_time(m->start).s);
    else if (dep < from)
        violation(c, "aircraft %s: rule 1: takes off at %s (leg %zu), before fleet %s is available at %s", ac->id,
                  fmt_time(dep).s, first + 1, fleet_id(c, f), fmt_time(from).s);
    if (arr > m->end)
        violation(c, "aircraft %s: rule 1: lands at %s (leg %zu), after the horizon ends at %s", ac->id,
                  fmt_time(arr).s, last + 1, fmt_time(m->end).s);
    else if (arr > to)
        violation(c, "aircraft %s: rule 1: lands at %s (leg %zu), after fleet %s's available_to %s", ac->id,
                  fmt_time(arr).s, last + 1, fleet_id(c, f), fmt_time(to).s);

    /* Starts and ends at its base: the model's base when the tail is known. */
    const char *base = c->ac_base[a] >= 0 && known ? af_id(c, c->ac_base[a]) : ac->base;
    if (strcmp(ac->legs[0].from, base) != 0)
        violation(c, "aircraft %s: rule 1: starts at %s, not at its base %s", ac->id, ac->legs[0].from, base);
    if (strcmp(ac->legs[ac->n_legs - 1].to, base) != 0)
        violation(c, "aircraft %s: rule 1: ends at %s, not at its base %s", ac->id, ac->legs[ac->n_legs - 1].to, base);
}

static void hours_text(const mdl_airfield *af, char buf[static 12])
{
    char open[6], close[6];
    fmt_hhmm(af->open_min, open);
    fmt_hhmm(af->close_min, close);
    snprintf(buf, 12, "%s-%s", open, close);
}

/* Rules 2 to 5 for each leg. */
static void check_legs(checker *c, size_t a)
{
    const sortie_model *m = c->m;
    const plan_aircraft *ac = &c->p->aircraft[a];
    int type = c->ac_type[a];
    const scn_type *t = type >= 0 ? &m->types[type].t : NULL;
    for (size_t i = 0; i < ac->n_legs; i++) {
        const plan_leg *leg = &ac->legs[i];
        size_t k = c->leg_at[a] + i;
        int from = c->leg_from[k], to = c->leg_to[k];
        /* Rule 2: airfields exist, time runs forward, legs join up. */
        if (from < 0)
            leg_violation(c, a, i, 2, "no airfield %s in the scenario", leg->from);
        if (to < 0 && (from >= 0 || strcmp(leg->to, leg->from) != 0))
            leg_violation(c, a, i, 2, "no airfield %s in the scenario", leg->to);
        bool forward = leg->dep < leg->arr;
        if (!forward)
            leg_violation(c, a, i, 2, "lands at %s, not after it takes off at %s", fmt_time(leg->arr).s,
                          fmt_time(leg->dep).s);
        if (i > 0) {
            const plan_leg *prev = &ac->legs[i - 1];
            if (strcmp(leg->from, prev->to) != 0)
                leg_violation(c, a, i, 2, "leaves from %s, but leg %zu landed at %s", leg->from, i, prev->to);
            if (leg->dep < prev->arr) {
                leg_violation(c, a, i, 2, "takes off at %s, before leg %zu lands at %s", fmt_time(leg->dep).s, i,
                              fmt_time(prev->arr).s);
            } else if (t && leg->dep - prev->arr < t->ground_min) {
                /* Rule 4; an overlap is already a rule 2 violation and is not repeated. */
                leg_violation(c, a, i, 4, "%lld min on the ground at %s before it; %s needs %d",
                              (long long)(leg->dep - prev->arr), leg->from, t->id, t->ground_min);
            }
        }
        /* Rule 3: long enough, and within range. */
        if (t && from >= 0 && to >= 0) {
            double km = model_dist(m, from, to);
            int least = model_leg_min(m, type, from, to);
            if (forward && leg->arr - leg->dep < least)
                leg_violation(c, a, i, 3, "lasts %lld min; %s needs at least %d for %.0f km",
                              (long long)(leg->arr - leg->dep), t->id, least, km);
            if (leg->load && km > t->range_km + KM_EPS)
                leg_violation(c, a, i, 3, "a loaded leg of %.0f km, beyond %s's range of %.0f km", km, t->id,
                              t->range_km);
            else if (!leg->load && km > t->ferry_range_km + KM_EPS)
                leg_violation(c, a, i, 3, "an empty leg of %.0f km, beyond %s's ferry range of %.0f km", km, t->id,
                              t->ferry_range_km);
        }
        /* Rule 7's part that belongs to the leg: the load it names exists. */
        if (leg->load && c->leg_load[k] < 0)
            leg_violation(c, a, i, 7, "carries load %s, which the plan's loads lack", leg->load);
        /* Rule 5: take-off and landing within hours. */
        char hours[12];
        if (from >= 0 && !model_airfield_open_at(m, from, leg->dep)) {
            hours_text(&m->airfields[from], hours);
            leg_violation(c, a, i, 5, "takes off at %s, outside %s's hours %s", fmt_time(leg->dep).s, leg->from,
                          hours);
        }
        if (to >= 0 && !model_airfield_open_at(m, to, leg->arr)) {
            hours_text(&m->airfields[to], hours);
            leg_violation(c, a, i, 5, "lands at %s, outside %s's hours %s", fmt_time(leg->arr).s, leg->to, hours);
        }
    }
}

/* -------------------------------------------------------------- rule 6 */

typedef struct {
    int airfield;
    minute_t t;
    int delta;                 /* +1 landing, -1 take-off */
} ground_event;

static int event_cmp(const void *a, const void *b)
{
    const ground_event *x = a, *y = b;
    if (x->airfield != y->airfield)
        return x->airfield < y->airfield ? -1 : 1;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    /* Half-open intervals: a take-off frees the spot for a landing in the same minute. */
    return x->delta - y->delta;
}

/* Names (up to MOG_NAMES_MAX) the aircraft on the ground at airfield af at minute t. */
static void names_at(const checker *c, const ground *g, size_t n_g, int af, minute_t t, char *buf, size_t size)
{
    size_t used = 0, named = 0, more = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n_g; i++) {
        if (g[i].airfield != af || g[i].from > t || g[i].to <= t)
            continue;
        if (named == MOG_NAMES_MAX) {
            more++;
            continue;
        }
        int n = snprintf(buf + used, size - used, "%s%s", named ? ", " : "", c->p->aircraft[g[i].aircraft].id);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
        named++;
    }
    if (more && used < size)
        snprintf(buf + used, size - used, " and %zu more", more);
}

/*
 * Sweeps every airfield's landings and take-offs. The ground time counted is
 * each aircraft's [landing, next take-off) away from its own base; the time
 * before its first take-off and after its last landing is spent at its base
 * when rules 1 and 2 hold, and is not counted otherwise so that one mistake
 * gives one violation. Each airfield reports its first excess, and one more
 * line summing up any later ones.
 */
static void check_mog(checker *c)
{
    const sortie_model *m = c->m;
    const sortie_plan *p = c->p;
    size_t n_g = 0;
    for (size_t a = 0; a < p->n_aircraft; a++)
        n_g += p->aircraft[a].n_legs;
    ground *g = alloc(c, n_g, sizeof *g);
    ground_event *ev = alloc(c, 2 * n_g, sizeof *ev);
    if (!g || !ev) {
        free(g);
        free(ev);
        return;
    }
    n_g = 0;
    for (size_t a = 0; a < p->n_aircraft; a++) {
        const plan_aircraft *ac = &p->aircraft[a];
        for (size_t i = 0; i + 1 < ac->n_legs; i++) {
            int af = c->leg_to[c->leg_at[a] + i];
            minute_t land = ac->legs[i].arr, off = ac->legs[i + 1].dep;
            if (af < 0 || af == c->ac_base[a] || m->airfields[af].mog < 0 || off <= land)
                continue;
            g[n_g++] = (ground){af, land, off, a};
        }
    }
    for (size_t i = 0; i < n_g; i++) {
        ev[2 * i] = (ground_event){g[i].airfield, g[i].from, +1};
        ev[2 * i + 1] = (ground_event){g[i].airfield, g[i].to, -1};
    }
    qsort(ev, 2 * n_g, sizeof *ev, event_cmp);

    size_t i = 0;
    while (i < 2 * n_g) {
        int af = ev[i].airfield, mog = m->airfields[af].mog;
        int count = 0;
        /* first excess, and the worst of the later ones */
        int first_peak = 0, later_peak = 0;
        minute_t first_at = 0, later_at = 0;
        size_t excesses = 0;
        bool above = false;
        for (; i < 2 * n_g && ev[i].airfield == af; i++) {
            count += ev[i].delta;
            /* Only a count that holds for a positive time counts: events at
             * the same minute are settled first. */
            if (i + 1 < 2 * n_g && ev[i + 1].airfield == af && ev[i + 1].t == ev[i].t)
                continue;
            if (count > mog) {
                if (!above)
                    excesses++;
                above = true;
                if (excesses == 1 && count > first_peak)
                    first_peak = count, first_at = ev[i].t;
                if (excesses > 1 && count > later_peak)
                    later_peak = count, later_at = ev[i].t;
            } else {
                above = false;
            }
        }
        if (excesses == 0)
            continue;
        char names[512];
        names_at(c, g, n_g, af, first_at, names, sizeof names);
        violation(c, "airfield %s: rule 6: %d aircraft on the ground at %s (%s), MOG %d", af_id(c, af), first_peak,
                  fmt_time(first_at).s, names, mog);
        if (excesses > 1) {
            names_at(c, g, n_g, af, later_at, names, sizeof names);
            violation(c, "airfield %s: rule 6: above MOG %d again %zu more time%s, with up to %d aircraft (at %s: %s)",
                      af_id(c, af), mog, excesses - 1, excesses == 2 ? "" : "s", later_peak, fmt_time(later_at).s,
                      names);
        }
    }
    free(g);
    free(ev);
}

/* ----------------------------------------------------- rules 7 to 11 */

/* The distinct requirements a load names and knows, in manifest order. */
typedef struct {
    long *reqs;
    size_t n;
} req_set;

static void req_set_add(req_set *s, long r)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->reqs[i] == r)
            return;
    s->reqs[s->n++] = r;
}

static void req_carriers_text(const scn_requirement *sr, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sr->n_carriers && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", sr->carriers[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* Rule 7: one aircraft, one unbroken run from the load's from to its to, after ready. */
static void check_run(checker *c, size_t l, const req_set *reqs)
{
    const sortie_plan *p = c->p;
    const plan_load *load = &p->loads[l];
    const occurrence *o = &c->occ[c->occ_at[l]];
    size_t n = c->occ_n[l];
    if (n == 0) {
        violation(c, "load %s: rule 7: never flown; no leg carries it", load->id);
        return;
    }
    for (size_t k = 1; k < n; k++)
        if (o[k].aircraft != o[0].aircraft) {
            violation(c, "load %s: rule 7: carried by more than one aircraft (%s and %s)", load->id,
                      p->aircraft[o[0].aircraft].id, p->aircraft[o[k].aircraft].id);
            return;
        }
    const plan_aircraft *ac = &p->aircraft[o[0].aircraft];
    for (size_t k = 1; k < n; k++)
        if (o[k].leg != o[k - 1].leg + 1) {
            violation(c, "load %s: rule 7: rides %s's legs %zu and %zu, which are not one unbroken run", load->id,
                      ac->id, o[k - 1].leg + 1, o[k].leg + 1);
            return;
        }
    const plan_leg *first = &ac->legs[o[0].leg], *last = &ac->legs[o[n - 1].leg];
    if (strcmp(first->from, load->from) != 0)
        violation(c, "load %s: rule 7: its run starts at %s, not at its from %s", load->id, first->from, load->from);
    if (strcmp(last->to, load->to) != 0)
        violation(c, "load %s: rule 7: its run ends at %s, not at its to %s", load->id, last->to, load->to);
    for (size_t k = 0; k < reqs->n; k++) {
        const mdl_requirement *r = &c->m->reqs[reqs->reqs[k]];
        if (first->dep < r->ready)
            violation(c, "load %s: rule 7: leaves at %s, before requirement %s is ready at %s", load->id,
                      fmt_time(first->dep).s, r->src->id, fmt_time(r->ready).s);
    }
}

/* Rule 8 for the load on an aircraft of type `type`. */
static void check_fit(checker *c, size_t l, int type, long long pax)
{
    const mdl_type *mt = &c->m->types[type];
    const scn_type *t = &mt->t;
    const plan_load *load = &c->p->loads[l];
    if (pax > t->seats)
        violation(c, "load %s: rule 8: %lld passengers exceed %s's %d seats", load->id, pax, t->id, t->seats);
    double kg = (double)pax * c->m->pax_kg, area = 0;
    for (size_t i = 0; i < load->n_items; i++) {
        const plan_item *it = &load->items[i];
        long r = req_index(c, it->req);
        int line = r >= 0 ? cargo_line(c, r, it->name) : -1;
        if (line < 0)
            continue;
        const scn_cargo *cg = &c->m->reqs[r].src->cargo[line];
        kg += it->n * cg->weight_kg;
        area += it->n * cg->length_m * cg->width_m;
        if (it->n > 0 && !model_item_fits(mt, cg))
            violation(c, "load %s: rule 8: item '%s' (%g x %g x %g m, %g kg) does not fit %s's hold (%g x %g x %g m)",
                      load->id, cg->name, cg->length_m, cg->width_m, cg->height_m, cg->weight_kg, t->id,
                      t->hold_length_m, t->hold_width_m, t->hold_height_m);
    }
    if (kg > t->payload_kg + KG_EPS)
        violation(c, "load %s: rule 8: weighs %.0f kg, over %s's payload of %.0f kg", load->id, kg, t->id,
                  t->payload_kg);
    if (area > mt->floor_m2 + AREA_EPS)
        violation(c, "load %s: rule 8: its items cover %.2f m2 of floor, over %s's %.2f m2", load->id, area, t->id,
                  mt->floor_m2);
}

static void check_load(checker *c, size_t l, long *scratch)
{
    const sortie_model *m = c->m;
    const plan_load *load = &c->p->loads[l];
    req_set reqs = {scratch, 0};
    bool complete = true; /* every piece names a known requirement and cargo line */
    long long pax = 0;
    double kg = 0;

    if (idindex_find(c->load_keys, c->n_load_keys, load->id) != (long)l)
        violation(c, "load %s: rule 7: listed more than once", load->id);
    /* Rule 10's part here: what the manifest names must exist. */
    for (size_t i = 0; i < load->n_pax; i++) {
        const plan_pax *x = &load->pax[i];
        long r = req_index(c, x->req);
        pax += x->n;
        if (r < 0) {
            violation(c, "load %s: rule 10: names requirement %s, which the scenario lacks", load->id, x->req);
            complete = false;
            continue;
        }
        if (x->n > 0)
            req_set_add(&reqs, r);
        c->pax_moved[r] += x->n;
        kg += x->n * m->pax_kg;
    }
    for (size_t i = 0; i < load->n_items; i++) {
        const plan_item *x = &load->items[i];
        long r = req_index(c, x->req);
        if (r < 0) {
            violation(c, "load %s: rule 10: names requirement %s, which the scenario lacks", load->id, x->req);
            complete = false;
            continue;
        }
        int line = cargo_line(c, r, x->name);
        if (line < 0) {
            violation(c, "load %s: rule 10: requirement %s has no cargo line '%s'", load->id, x->req, x->name);
            complete = false;
            continue;
        }
        if (x->n > 0)
            req_set_add(&reqs, r);
        c->items_moved[c->item_at[r] + (size_t)line] += x->n;
        kg += x->n * m->reqs[r].src->cargo[line].weight_kg;
    }

    check_run(c, l, &reqs);

    /* Rules 8 and 9 for each aircraft that carries it (one, when rule 7 holds). */
    const occurrence *o = &c->occ[c->occ_at[l]];
    for (size_t k = 0; k < c->occ_n[l]; k++) {
        size_t a = o[k].aircraft;
        if (k > 0 && a == o[k - 1].aircraft)
            continue;
        if (c->ac_type[a] >= 0)
            check_fit(c, l, c->ac_type[a], pax);
        for (size_t j = 0; j < reqs.n; j++) {
            const mdl_requirement *r = &m->reqs[reqs.reqs[j]];
            if (k == 0 && (strcmp(r->src->from, load->from) != 0 || strcmp(r->src->to, load->to) != 0))
                violation(c, "load %s: rule 9: requirement %s goes %s-%s, the load %s-%s", load->id, r->src->id,
                          r->src->from, r->src->to, load->from, load->to);
            int f = c->ac_tail[a] >= 0 ? c->ac_fleet[a] : -1;
            if (f >= 0 && !r->carrier_ok[m->fleets[f].operator_index]) {
                char carriers[256];
                req_carriers_text(r->src, carriers, sizeof carriers);
                violation(c, "load %s: rule 9: requirement %s may not fly with %s (operator %s); its carriers are %s",
                          load->id, r->src->id, c->p->aircraft[a].id, m->fleets[f].src->operator_id, carriers);
            }
        }
    }
    if (c->occ_n[l] == 0) /* never flown: still check the route, which needs no aircraft */
        for (size_t j = 0; j < reqs.n; j++) {
            const mdl_requirement *r = &m->reqs[reqs.reqs[j]];
            if (strcmp(r->src->from, load->from) != 0 || strcmp(r->src->to, load->to) != 0)
                violation(c, "load %s: rule 9: requirement %s goes %s-%s, the load %s-%s", load->id, r->src->id,
                          r->src->from, r->src->to, load->from, load->to);
        }

    /* The stated weight is a figure of the plan, like the summary's: rule 11. */
    if (complete && fabs(load->weight_kg - kg) > WEIGHT_STATED_EPS)
        violation(c, "load %s: rule 11: weight_kg is %g, its contents weigh %g kg", load->id, load->weight_kg, kg);

    /* Deliveries: a flown load delivers its pieces when its last leg lands. */
    if (c->occ_n[l] > 0)
        for (size_t j = 0; j < reqs.n; j++) {
            long r = reqs.reqs[j];
            if (!c->has_delivered[r] || c->load_arr[l] > c->delivered[r])
                c->delivered[r] = c->load_arr[l];
            c->has_delivered[r] = true;
        }
}

/* Rule 10: every requirement moved in full, no more. */
static void check_moved(checker *c)
{
    const sortie_model *m = c->m;
    for (int r = 0; r < m->n_reqs; r++) {
        const mdl_requirement *mr = &m->reqs[r];
        long long moved = c->pax_moved[r];
        if (moved < mr->pax)
            violation(c, "requirement %s: rule 10: %lld of %d passengers not moved", mr->src->id, mr->pax - moved,
                      mr->pax);
        else if (moved > mr->pax)
            violation(c, "requirement %s: rule 10: %lld passengers moved, it has %d", mr->src->id, moved, mr->pax);
        for (size_t i = 0; i < mr->src->n_cargo; i++) {
            const scn_cargo *cg = &mr->src->cargo[i];
            long long n = c->items_moved[c->item_at[r] + i];
            if (n < cg->count)
                violation(c, "requirement %s: rule 10: %lld of %d '%s' not moved", mr->src->id, cg->count - n,
                          cg->count, cg->name);
            else if (n > cg->count)
                violation(c, "requirement %s: rule 10: %lld '%s' moved, it has %d", mr->src->id, n, cg->name,
                          cg->count);
        }
    }
}

/* Rule 11: the requirements' entries and the summary are those of the plan. */
static void check_figures(checker *c)
{
    const sortie_model *m = c->m;
    const sortie_plan *p = c->p;
    for (size_t e = 0; e < p->n_requirements; e++) {
        const plan_requirement *pr = &p->requirements[e];
        if (req_index(c, pr->id) < 0)
            violation(c, "requirement %s: rule 11: listed in the plan's requirements, but not a requirement of the "
                         "scenario",
                      pr->id);
        else if (idindex_find(c->entry_keys, c->n_entry_keys, pr->id) != (long)e)
            violation(c, "requirement %s: rule 11: listed more than once in the plan's requirements", pr->id);
    }
    int late = 0;
    bool any = false;
    minute_t closure = 0;
    for (int r = 0; r < m->n_reqs; r++) {
        const mdl_requirement *mr = &m->reqs[r];
        minute_t got = c->delivered[r];
        if (c->has_delivered[r]) {
            late += got > mr->due;
            if (!any || got > closure)
                closure = got;
            any = true;
        }
        long e = idindex_find(c->entry_keys, c->n_entry_keys, mr->src->id);
        if (e < 0) {
            violation(c, "requirement %s: rule 11: missing from the plan's requirements", mr->src->id);
            continue;
        }
        const plan_requirement *pr = &p->requirements[e];
        if (c->has_delivered[r] && pr->delivered != got)
            violation(c, "requirement %s: rule 11: delivered is %s, its last load lands at %s", mr->src->id,
                      fmt_time(pr->delivered).s, fmt_time(got).s);
        if (pr->due != mr->due)
            violation(c, "requirement %s: rule 11: due is %s, the scenario says %s", mr->src->id, fmt_time(pr->due).s,
                      fmt_time(mr->due).s);
        if (c->has_delivered[r]) {
            int64_t want = got > mr->due ? got - mr->due : 0;
            if (pr->late_min != want)
                violation(c, "requirement %s: rule 11: late_min is %lld, it is delivered %lld min after due",
                          mr->src->id, (long long)pr->late_min, (long long)want);
        }
    }

    int loaded = 0;
    double minutes = 0;
    for (size_t a = 0; a < p->n_aircraft; a++)
        for (size_t i = 0; i < p->aircraft[a].n_legs; i++) {
            const plan_leg *leg = &p->aircraft[a].legs[i];
            loaded += leg->load != NULL;
            minutes += (double)(leg->arr - leg->dep);
        }
    if (p->loaded_legs != loaded)
        violation(c, "summary: rule 11: loaded_legs is %d, the plan has %d", p->loaded_legs, loaded);
    double hours = minutes / 60.0;
    if (!(fabs(p->flight_h - hours) <= FLIGHT_H_EPS))
        violation(c, "summary: rule 11: flight_h is %g, the legs add up to %.2f", p->flight_h, hours);
    if (p->late != late)
        violation(c, "summary: rule 11: late is %d, requirements delivered after due: %d", p->late, late);
    if (any && p->closure != closure)
        violation(c, "summary: rule 11: closure is %s, the last delivery is at %s", fmt_time(p->closure).s,
                  fmt_time(closure).s);
    if (p->lower_bound > p->closure)
        violation(c, "summary: rule 11: lower_bound %s is after closure %s", fmt_time(p->lower_bound).s,
                  fmt_time(p->closure).s);
}

/* ------------------------------------------------------------ the check */

static void run(checker *c)
{
    const sortie_plan *p = c->p;
    bool *tail_used = alloc(c, (size_t)c->m->n_tails, sizeof(bool));
    if (!tail_used)
        return;
    for (size_t a = 0; a < p->n_aircraft; a++) {
        check_identity(c, a, tail_used);
        check_legs(c, a);
    }
    free(tail_used);
    check_mog(c);
    if (c->oom)
        return;
    /* A load names few requirements; the scratch set holds at most all its pieces. */
    size_t most = 1;
    for (size_t l = 0; l < p->n_loads; l++)
        if (p->loads[l].n_pax + p->loads[l].n_items > most)
            most = p->loads[l].n_pax + p->loads[l].n_items;
    long *scratch = alloc(c, most, sizeof(long));
    if (!scratch)
        return;
    for (size_t l = 0; l < p->n_loads; l++)
        check_load(c, l, scratch);
    free(scratch);
    check_moved(c);
    check_figures(c);
}

/* Every string the rules compare is present. A plan read from a file always
 * has them; one built in memory might not, and the checker must not crash. */
static const char *missing_string(const sortie_plan *p)
{
    for (size_t a = 0; a < p->n_aircraft; a++) {
        const plan_aircraft *ac = &p->aircraft[a];
        if (!ac->id || !ac->fleet || !ac->type || !ac->base || (ac->n_legs && !ac->legs))
            return "an aircraft's id, fleet, type, base or legs";
        for (size_t i = 0; i < ac->n_legs; i++)
            if (!ac->legs[i].from || !ac->legs[i].to)
                return "a leg's from or to";
    }
    for (size_t l = 0; l < p->n_loads; l++) {
        const plan_load *ld = &p->loads[l];
        if (!ld->id || !ld->from || !ld->to || (ld->n_pax && !ld->pax) || (ld->n_items && !ld->items))
            return "a load's id, from, to or manifest";
        for (size_t i = 0; i < ld->n_pax; i++)
            if (!ld->pax[i].req)
                return "a load's passenger requirement";
        for (size_t i = 0; i < ld->n_items; i++)
            if (!ld->items[i].req || !ld->items[i].name)
                return "a load's item requirement or name";
    }
    for (size_t r = 0; r < p->n_requirements; r++)
        if (!p->requirements[r].id)
            return "a requirement entry's id";
    if ((p->n_aircraft && !p->aircraft) || (p->n_loads && !p->loads) || (p->n_requirements && !p->requirements))
        return "a list";
    return NULL;
}

sortie_status sortie_check(const sortie_model *model, const sortie_plan *plan, sortie_diag **violations)
{
    if (violations)
        *violations = NULL;
    checker c = {.m = model, .p = plan, .d = diag_new()};
    if (!c.d)
        return SORTIE_ENOMEM;
    const char *missing = plan ? missing_string(plan) : "the plan";
    if (!model || missing) {
        diag_add(c.d, "plan: cannot be checked: %s is missing", model ? missing : "the model");
        diag_give(c.d, violations);
        return SORTIE_EINPUT;
    }
    if (build_indexes(&c))
        run(&c);
    free_checker(&c);
    /* A violation that could not be stored would make a broken plan look
     * better than it is: running out of memory fails the whole check. */
    if (c.oom || c.d->out_of_memory) {
        sortie_diag_free(c.d);
        return SORTIE_ENOMEM;
    }
    diag_give(c.d, violations);
    return SORTIE_OK;
}
