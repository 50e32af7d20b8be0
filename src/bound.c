/* bound: see bound.h. */
#include "bound.h"

#include "load.h"
#include "slot.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNREACHABLE (1 << 29)
/* Per-line cover constraints only for groups this small (cost is events x constraints). */
#define MAX_LINE_CONSTRAINTS 64
#define MAX_LATE 20

typedef struct {
    const sortie_model *m;
    bool any_hours;
    int *stat;              /* least minutes [(type * 2 + loaded) * na * na + a * na + b] */
    minute_t *lab;          /* Dijkstra scratch */
    bool *vis;
    bound_info *out;
    bool *elig;             /* [r * n_fleets + f]: fleet f may carry part of requirement r */
    bool *reported;         /* per requirement: already named in a message */
    bool nomem;             /* an allocation inside a bound failed: compute() says SORTIE_ENOMEM */
    bool relaxed;           /* ignore available_to (to say when it could arrive at all) */
    char relaxed_why[256];  /* what binds the relaxed bound */
    minute_t *first;        /* per requirement: the earliest any aircraft delivers any of it */
    /* a group's constraints */
    double *dem;
    double *cap;            /* [constraint * n_fleets + fleet] */
    double *got;
    int *cons_line;         /* per constraint: cargo line (flattened) or -1..-3 for pax, kg, floor */
} bctx;

/* ---------------------------------------------------------------- travel */

static const scn_type *ftype(const sortie_model *m, int f) { return &m->types[m->fleets[f].type].t; }

static int stat_min(const bctx *b, int type, bool loaded, int x, int y)
{
    size_t na = (size_t)b->m->n_airfields;
    return b->stat[((size_t)type * 2 + loaded) * na * na + (size_t)x * na + (size_t)y];
}

static bool travel_init(bctx *b)
{
    const sortie_model *m = b->m;
    size_t na = (size_t)m->n_airfields, nt = (size_t)m->n_types;
    b->stat = malloc(sizeof *b->stat * (nt * 2 * na * na > 0 ? nt * 2 * na * na : 1));
    b->lab = malloc(sizeof *b->lab * (na ? na : 1));
    b->vis = malloc(sizeof *b->vis * (na ? na : 1));
    if (!b->stat || !b->lab || !b->vis)
        return false;
    for (size_t a = 0; a < na; a++)
        if (!m->airfields[a].always_open)
            b->any_hours = true;
    /* Floyd-Warshall on leg + ground time, less one ground time at the end:
     * the least minutes from x to y with any number of fuel stops. */
    for (size_t t = 0; t < nt; t++)
        for (int loaded = 0; loaded < 2; loaded++) {
            const scn_type *ty = &m->types[t].t;
            double range = loaded ? ty->range_km : ty->ferry_range_km;
            int *w = b->stat + (t * 2 + (size_t)loaded) * na * na;
            for (size_t x = 0; x < na; x++)
                for (size_t y = 0; y < na; y++)
                    w[x * na + y] = x == y ? 0
                                    : model_dist(m, (int)x, (int)y) <= range
                                        ? model_leg_min(m, (int)t, (int)x, (int)y) + ty->ground_min
                                        : UNREACHABLE;
            for (size_t k = 0; k < na; k++)
                for (size_t x = 0; x < na; x++)
                    for (size_t y = 0; y < na; y++)
                        if (w[x * na + k] + w[k * na + y] < w[x * na + y])
                            w[x * na + y] = w[x * na + k] + w[k * na + y];
            for (size_t x = 0; x < na; x++)
                for (size_t y = 0; y < na; y++)
                    if (x != y && w[x * na + y] < UNREACHABLE)
                        w[x * na + y] -= ty->ground_min;
        }
    return true;
}

/* The earliest landing at y of an aircraft of type `type` ready to take off
 * from x at t0: hours at every take-off and landing, ground time at stops,
 * any number of stops, no MOG. SLOT_NEVER when y cannot be reached. */
static minute_t earliest(bctx *b, int type, bool loaded, int x, minute_t t0, int y)
{
    const sortie_model *m = b->m;
    if (x == y)
        return t0;
    int st = stat_min(b, type, loaded, x, y);
    if (st >= UNREACHABLE)
        return SLOT_NEVER;
    if (!b->any_hours)
        return t0 + st;
    const scn_type *ty = &m->types[type].t;
    double range = loaded ? ty->range_km : ty->ferry_range_km;
    if (model_dist(m, x, y) <= range) {
        int leg = model_leg_min(m, type, x, y);
        minute_t d = slot_next_pair(m, x, t0, leg, y);
        if (d < SLOT_NEVER && d + leg == t0 + st)
            return t0 + st; /* no route beats the least air and ground time */
    }
    /* Time-dependent Dijkstra: arrivals are non-decreasing in departure time. */
    int na = m->n_airfields;
    for (int a = 0; a < na; a++)
        b->lab[a] = SLOT_NEVER, b->vis[a] = false;
    b->lab[x] = t0;
    for (;;) {
        int u = -1;
        for (int a = 0; a < na; a++)
            if (!b->vis[a] && b->lab[a] < SLOT_NEVER && (u < 0 || b->lab[a] < b->lab[u]))
                u = a;
        if (u < 0 || u == y)
            break;
        b->vis[u] = true;
        minute_t ready = u == x ? b->lab[u] : b->lab[u] + ty->ground_min;
        for (int v = 0; v < na; v++) {
            if (b->vis[v] || v == u || model_dist(m, u, v) > range)
                continue;
            int leg = model_leg_min(m, type, u, v);
            minute_t d = slot_next_pair(m, u, ready, leg, v);
            if (d < SLOT_NEVER && d + leg < b->lab[v])
                b->lab[v] = d + leg;
        }
    }
    return b->lab[y];
}

/* ------------------------------------------------------------ deliveries */

/* The sequence of times at which one aircraft of fleet f can deliver on a
 * route (or, in constant mode, on any route of a group). */
typedef struct {
    int f, O, D;
    minute_t R;             /* the route's earliest ready time */
    bool constant;          /* A(j+1) = A(j) + cycle */
    minute_t cycle;
    minute_t home_min;      /* constant mode: least minutes from a delivery to base */
    int n;                  /* deliveries so far */
    minute_t a;             /* the latest delivery; SLOT_NEVER when no more */
    /* hours mode: the sequence, and its period once it repeats by time of day */
    minute_t *seq, *home;
    int cap;
    int *seen;              /* per minute of the day: index of a delivery, -1 */
    int free_from;          /* first index whose next delivery does not wait for R; -1 unknown */
    int period;
    minute_t shift;
} gen;

static int gtype(const bctx *b, const gen *g) { return b->m->fleets[g->f].type; }

/* Earliest arrival at base after a delivery at D at time a. */
static minute_t home_after(bctx *b, const gen *g, minute_t a)
{
    const mdl_fleet *fl = &b->m->fleets[g->f];
    if (g->D == fl->base)
        return a;
    return earliest(b, gtype(b, g), false, g->D, a + ftype(b->m, g->f)->ground_min, fl->base);
}

static bool gen_push(gen *g, minute_t a, minute_t home)
{
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 16;
        minute_t *s = realloc(g->seq, sizeof *s * (size_t)cap);
        if (!s)
            return false;
        g->seq = s;
        minute_t *h = realloc(g->home, sizeof *h * (size_t)cap);
        if (!h)
            return false;
        g->home = h;
        g->cap = cap;
    }
    g->seq[g->n] = a;
    g->home[g->n] = home;
    g->n++;
    return true;
}

/* The first delivery of one aircraft of fleet f from its base on route O->D. */
static minute_t first_delivery(bctx *b, int f, int O, int D, minute_t R)
{
    const mdl_fleet *fl = &b->m->fleets[f];
    int type = fl->type, g = ftype(b->m, f)->ground_min;
    minute_t t = fl->available_from;
    if (fl->base != O) {
        minute_t land = earliest(b, type, false, fl->base, t, O);
        if (land >= SLOT_NEVER)
            return SLOT_NEVER;
        t = land + g;
    }
    return earliest(b, type, true, O, t > R ? t : R, D);
}

static void gen_single(bctx *b, gen *g, int f, int O, int D, minute_t R)
{
    *g = (gen){.f = f, .O = O, .D = D, .R = R, .free_from = -1, .a = SLOT_NEVER};
    if (!b->any_hours) {
        const scn_type *ty = ftype(b->m, f);
        int back = stat_min(b, b->m->fleets[f].type, false, D, O);
        int fwd = stat_min(b, b->m->fleets[f].type, true, O, D);
        g->constant = true;
        g->cycle = back >= UNREACHABLE || fwd >= UNREACHABLE ? SLOT_NEVER : ty->ground_min * 2 + back + fwd;
        int hm = D == b->m->fleets[f].base ? 0 : stat_min(b, b->m->fleets[f].type, false, D, b->m->fleets[f].base);
        g->home_min = hm >= UNREACHABLE ? SLOT_NEVER : (D == b->m->fleets[f].base ? 0 : ty->ground_min + hm);
    }
}

/* Advances to the next delivery; false when out of memory. g->a is then the
 * delivery time, or SLOT_NEVER when the aircraft can deliver no more (it
 * could not get home in time). */
static bool gen_next(bctx *b, gen *g)
{
    const mdl_fleet *fl = &b->m->fleets[g->f];
    minute_t a, home;
    if (g->n == 0) {
        a = g->constant && g->O < 0 ? g->a : first_delivery(b, g->f, g->O, g->D, g->R);
        home = a >= SLOT_NEVER ? SLOT_NEVER : g->constant ? a + g->home_min : home_after(b, g, a);
    } else if (g->a >= SLOT_NEVER) {
        return true;
    } else if (g->constant) {
        /* A fixed cycle once the first delivery is made: no hours involved,
         * or (for a group of routes) the least time between two deliveries. */
        if (g->O >= 0 && g->n == 1) {
            /* The ready time may still hold the second take-off back. */
            const scn_type *ty = ftype(b->m, g->f);
            int back = stat_min(b, fl->type, false, g->D, g->O);
            minute_t t = g->a + ty->ground_min + back + ty->ground_min;
            a = (t > g->R ? t : g->R) + stat_min(b, fl->type, true, g->O, g->D);
            if (g->cycle >= SLOT_NEVER)
                a = SLOT_NEVER;
        } else {
            a = g->cycle >= SLOT_NEVER ? SLOT_NEVER : g->a + g->cycle;
        }
        home = a >= SLOT_NEVER || g->home_min >= SLOT_NEVER ? SLOT_NEVER : a + g->home_min;
    } else if (g->period > 0) {
        int i = g->n - g->period;
        a = g->seq[i] + g->shift;
        home = g->home[i] + g->shift;
    } else {
        const scn_type *ty = ftype(b->m, g->f);
        minute_t land = earliest(b, fl->type, false, g->D, g->a + ty->ground_min, g->O);
        if (land >= SLOT_NEVER) {
            a = home = SLOT_NEVER;
        } else {
            minute_t t = land + ty->ground_min;
            bool waits = t < g->R;
            a = earliest(b, fl->type, true, g->O, waits ? g->R : t, g->D);
            home = a >= SLOT_NEVER ? SLOT_NEVER : home_after(b, g, a);
            if (!waits && g->free_from < 0) {
                /* From the latest delivery on, the ready time never holds a
                 * take-off back again: the next delivery depends only on the
                 * time of day of the one before. */
                if (!g->seen) {
                    g->seen = malloc(sizeof *g->seen * MINUTES_PER_DAY);
                    if (!g->seen)
                        return false;
                }
                for (int k = 0; k < MINUTES_PER_DAY; k++)
                    g->seen[k] = -1;
                g->free_from = g->n - 1;
                g->seen[time_of_day(g->a)] = g->n - 1;
            }
        }
    }
    /* Relaxed (for messages only), deliveries still end: a horizon and a
     * month past the horizon's end is "never" for any message. */
    minute_t far = b->m->end + (b->m->end - b->m->start) + 30 * MINUTES_PER_DAY;
    if (a >= SLOT_NEVER || (!b->relaxed && (a > fl->available_to || home > fl->available_to)) ||
        (b->relaxed && a > far)) {
        g->a = SLOT_NEVER;
        return true;
    }
    g->a = a;
    if (g->constant) {
        g->n++;
        return true;
    }
    if (!gen_push(g, a, home))
        return false;
    /* A time of day seen before (from free_from on): periodic from there. */
    if (g->free_from >= 0 && g->period == 0) {
        int idx = g->n - 1, tod = time_of_day(a);
        int prev = g->seen[tod];
        if (prev >= g->free_from && prev < idx) {
            g->period = idx - prev;
            g->shift = a - g->seq[prev];
        } else {
            g->seen[tod] = idx;
        }
    }
    return true;
}

static void gen_free(gen *g)
{
    free(g->seq);
    free(g->home);
    free(g->seen);
    g->seq = g->home = NULL;
    g->seen = NULL;
}

/* ---------------------------------------------------------------- groups */

typedef struct {
    const int *reqs;
    int n;
    bool one_route;
    char label[160];        /* for messages: what the group is */
} group;

static void say(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *buf, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, len, fmt, ap);
    va_end(ap);
}

/* Most items of cargo line c of requirement r that one load of fleet f takes. */
static double max_per_load(const sortie_model *m, int r, int c, int f)
{
    if (!load_can_carry_line(m, r, c, f))
        return 0;
    const scn_cargo *it = &m->reqs[r].src->cargo[c];
    const mdl_type *t = &m->types[m->fleets[f].type];
    double n = 1e18;
    double area = it->length_m * it->width_m;
    if (it->weight_kg > 0)
        n = floor((t->t.payload_kg + LOAD_EPS) / it->weight_kg);
    if (area > 0 && floor((t->floor_m2 + LOAD_EPS) / area) < n)
        n = floor((t->floor_m2 + LOAD_EPS) / area);
    return n;
}

static void note_late(bctx *b, const group *gr, minute_t when, const char *why)
{
    bound_info *o = b->out;
    /* A group with a member already named says nothing new. */
    bool fresh = true;
    for (int i = 0; gr->reqs && i < gr->n; i++)
        if (b->reported[gr->reqs[i]])
            fresh = false;
    if (!fresh || o->n_late >= MAX_LATE)
        return;
    for (int i = 0; gr->reqs && i < gr->n; i++)
        b->reported[gr->reqs[i]] = true;
    char end[18], at[18], text[512];
    time_format(b->m->end, end);
    if (when >= SLOT_NEVER)
        say(text, sizeof text, "%s: cannot be delivered within the horizon (ending %s): %s", gr->label, end, why);
    else {
        time_format(when, at);
        say(text, sizeof text, "%s: earliest delivery %s is after the horizon end %s: %s", gr->label, at, end, why);
    }
    char *copy = strdup(text);
    if (copy)
        o->late[o->n_late++] = copy;
}

static void offer(bctx *b, minute_t value, const char *why)
{
    if (value > b->out->value) {
        b->out->value = value;
        say(b->out->why, sizeof b->out->why, "%s", why);
    }
}

/* Names up to three requirements of a group, for messages. */
static void group_ids(const sortie_model *m, const int *reqs, int n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && i < 3; i++)
        used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s", i ? ", " : "",
                                 m->reqs[reqs[i]].src->id);
    if (n > 3 && used < len)
        snprintf(buf + used, len - used, " and %d more", n - 3);
}

/*
 * The cover bound of a group: the first time at which the deliveries of
 * every aircraft that may carry part of it add up to its passengers, weight,
 * floor area and each cargo line. Returns the time (SLOT_NEVER: never).
 */
static sortie_status cover(bctx *b, const group *gr, minute_t *result)
{
    const sortie_model *m = b->m;
    int nf = m->n_fleets;
    int n_cons = 0;
    int lines = 0;
    for (int i = 0; i < gr->n; i++)
        lines += (int)m->reqs[gr->reqs[i]].src->n_cargo;
    bool per_line = lines <= MAX_LINE_CONSTRAINTS;
    /* constraints: 0 pax, 1 weight, 2 floor, then lines */
    double pax = 0, kg = 0, floor_m2 = 0;
    for (int i = 0; i < gr->n; i++) {
        const mdl_requirement *r = &m->reqs[gr->reqs[i]];
        pax += r->pax;
        kg += r->total_kg;
        floor_m2 += r->total_floor_m2;
    }
    b->dem[0] = pax, b->dem[1] = kg, b->dem[2] = floor_m2;
    n_cons = 3;
    if (per_line)
        for (int i = 0; i < gr->n; i++) {
            int r = gr->reqs[i];
            for (size_t c = 0; c < m->reqs[r].src->n_cargo; c++) {
                b->dem[n_cons] = m->reqs[r].src->cargo[c].count;
                for (int f = 0; f < nf; f++)
                    b->cap[n_cons * nf + f] = b->elig[r * nf + f] ? max_per_load(m, r, (int)c, f) : 0;
                n_cons++;
            }
        }
    gen *gens = calloc((size_t)(nf > 0 ? nf : 1), sizeof *gens);
    bool *use = calloc((size_t)(nf > 0 ? nf : 1), sizeof *use);
    int *used = calloc((size_t)(nf > 0 ? nf : 1), sizeof *used);
    if (!gens || !use || !used) {
        free(gens);
        free(use);
        free(used);
        return SORTIE_ENOMEM;
    }
    for (int f = 0; f < nf; f++) {
        const mdl_type *t = &m->types[m->fleets[f].type];
        bool any = false, pax_ok = false, items_ok = false;
        minute_t ready = SLOT_NEVER;
        for (int i = 0; i < gr->n; i++) {
            int r = gr->reqs[i];
            if (!b->elig[r * m->n_fleets + f])
                continue;
            any = true;
            if (m->reqs[r].ready < ready)
                ready = m->reqs[r].ready;
            if (m->reqs[r].pax > 0 && load_can_carry_pax(m, r, f))
                pax_ok = true;
            for (size_t c = 0; c < m->reqs[r].src->n_cargo; c++)
                if (load_can_carry_line(m, r, (int)c, f))
                    items_ok = true;
        }
        use[f] = any;
        b->cap[0 * nf + f] = pax_ok ? t->t.seats : 0;
        b->cap[1 * nf + f] = items_ok ? t->t.payload_kg : fmin(t->t.payload_kg, pax_ok ? t->t.seats * m->pax_kg : 0);
        b->cap[2 * nf + f] = items_ok ? t->floor_m2 : 0;
        if (!any)
            continue;
        if (gr->one_route) {
            gen_single(b, &gens[f], f, m->reqs[gr->reqs[0]].from, m->reqs[gr->reqs[0]].to, ready);
        } else {
            /* Several routes: the earliest first delivery on any, then the
             * least time between two deliveries (air and ground, no hours). */
            const scn_type *ty = ftype(m, f);
            minute_t first = SLOT_NEVER, cycle = SLOT_NEVER, home = SLOT_NEVER;
            for (int i = 0; i < gr->n; i++) {
                int r = gr->reqs[i];
                if (!b->elig[r * m->n_fleets + f])
                    continue;
                const mdl_requirement *q = &m->reqs[r];
                minute_t a = first_delivery(b, f, q->from, q->to, q->ready);
                if (a < first)
                    first = a;
                int hm = q->to == m->fleets[f].base ? 0 : stat_min(b, m->fleets[f].type, false, q->to, m->fleets[f].base);
                if (hm < UNREACHABLE) {
                    minute_t h = q->to == m->fleets[f].base ? 0 : ty->ground_min + hm;
                    if (h < home)
                        home = h;
                }
                for (int j = 0; j < gr->n; j++) {
                    int r2 = gr->reqs[j];
                    if (!b->elig[r2 * m->n_fleets + f])
                        continue;
                    const mdl_requirement *q2 = &m->reqs[r2];
                    int fwd = stat_min(b, m->fleets[f].type, true, q2->from, q2->to);
                    int back = q->to == q2->from ? 0 : stat_min(b, m->fleets[f].type, false, q->to, q2->from);
                    if (fwd >= UNREACHABLE || back >= UNREACHABLE)
                        continue;
                    minute_t c = ty->ground_min + (q->to == q2->from ? 0 : back + ty->ground_min) + fwd;
                    if (c < cycle)
                        cycle = c;
                }
            }
            gens[f] = (gen){.f = f, .O = -1, .D = -1, .constant = true, .cycle = cycle, .home_min = home,
                            .a = first, .free_from = -1};
        }
    }
    for (int k = 0; k < n_cons; k++)
        b->got[k] = 0;
    sortie_status st = SORTIE_OK;
    for (int f = 0; f < nf; f++)
        if (use[f] && !gen_next(b, &gens[f]))
            st = SORTIE_ENOMEM;
    minute_t when = SLOT_NEVER;
    int last_f = -1;
    /* A constraint that no delivering fleet can serve is never covered:
     * say so at once (the relaxed re-run below has no end of its own). */
    bool coverable = true;
    for (int k = 0; k < n_cons && coverable; k++) {
        if (b->dem[k] <= 1e-6)
            continue;
        bool any = false;
        for (int f = 0; f < nf && !any; f++)
            any = use[f] && gens[f].a < SLOT_NEVER && b->cap[k * nf + f] > 0;
        coverable = any;
    }
    while (st == SORTIE_OK && coverable) {
        bool done = true;
        for (int k = 0; k < n_cons && done; k++)
            done = b->got[k] + 1e-6 >= b->dem[k];
        if (done)
            break;
        int f = -1;
        for (int x = 0; x < nf; x++)
            if (use[x] && gens[x].a < SLOT_NEVER && (f < 0 || gens[x].a < gens[f].a))
                f = x;
        if (f < 0) {
            last_f = -1;
            when = SLOT_NEVER;
            break;
        }
        when = gens[f].a;
        last_f = f;
        used[f]++;
        for (int k = 0; k < n_cons; k++)
            b->got[k] += m->fleets[f].count * b->cap[k * nf + f];
        if (!gen_next(b, &gens[f]))
            st = SORTIE_ENOMEM;
    }
    if (st == SORTIE_OK) {
        char why[256];
        if (when >= SLOT_NEVER) {
            say(why, sizeof why, "no aircraft of its carriers can carry it all and be back at base in time");
        } else {
            const mdl_fleet *fl = &m->fleets[last_f];
            int trips = used[last_f];
            if (trips <= 1)
                say(why, sizeof why, "the path of %s: the earliest an aircraft of %s (%s) can reach it and deliver",
                    gr->label, fl->src->id, m->types[fl->type].t.id);
            else
                say(why, sizeof why, "the cycles of %s (%d x %s): %d round trips each to carry %s", fl->src->id,
                    fl->count, m->types[fl->type].t.id, trips - 1, gr->label);
        }
        if (!b->relaxed) {
            offer(b, when, why);
            if (when > m->end) {
                /* Say when it could arrive if aircraft did not have to be
                 * home by the end: after the horizon, or only the way home binds. */
                minute_t free_when = when;
                if (when >= SLOT_NEVER) {
                    b->relaxed = true;
                    for (int f = 0; f < nf; f++)
                        gen_free(&gens[f]);
                    free(gens);
                    free(use);
                    free(used);
                    st = cover(b, gr, &free_when);
                    b->relaxed = false;
                    if (st == SORTIE_OK) {
                        if (free_when < SLOT_NEVER && free_when > m->end)
                            note_late(b, gr, free_when, b->relaxed_why);
                        else
                            note_late(b, gr, SLOT_NEVER,
                                      "no aircraft of its carriers can deliver it and then get back to its base "
                                      "by the end of its availability (flight times, ground times and opening "
                                      "hours included)");
                    }
                    *result = when;
                    return st;
                }
                note_late(b, gr, when, why);
            }
        } else {
            snprintf(b->relaxed_why, sizeof b->relaxed_why, "%s", why);
        }
        *result = when;
    }
    for (int f = 0; f < nf; f++)
        gen_free(&gens[f]);
    free(gens);
    free(use);
    free(used);
    return st;
}

/* ------------------------------------------------------------- airfields */

/* Least number of loaded sorties for route group reqs[0..n) (one route). */
static double sorties_needed(const bctx *b, const int *reqs, int n)
{
    const sortie_model *m = b->m;
    double pax = 0, kg = 0, fl = 0, seats = 0, pay = 0, flo = 0, need = 0;
    for (int i = 0; i < n; i++) {
        const mdl_requirement *r = &m->reqs[reqs[i]];
        pax += r->pax, kg += r->total_kg, fl += r->total_floor_m2;
        for (int f = 0; f < m->n_fleets; f++) {
            if (!b->elig[reqs[i] * m->n_fleets + f])
                continue;
            const mdl_type *t = &m->types[m->fleets[f].type];
            seats = fmax(seats, t->t.seats), pay = fmax(pay, t->t.payload_kg), flo = fmax(flo, t->floor_m2);
        }
        for (size_t c = 0; c < r->src->n_cargo; c++) {
            double most = 0;
            for (int f = 0; f < m->n_fleets; f++)
                most = fmax(most, max_per_load(m, reqs[i], (int)c, f));
            if (most > 0)
                need = fmax(need, ceil(r->src->cargo[c].count / most - 1e-9));
        }
    }
    if (seats > 0)
        need = fmax(need, ceil(pax / seats - 1e-9));
    if (pay > 0)
        need = fmax(need, ceil(kg / pay - 1e-9));
    if (flo > 0)
        need = fmax(need, ceil(fl / flo - 1e-6));
    return need;
}

/* Least aircraft-minutes on the ground that the loads of one route need at
 * either end: each dimension (passengers, weight, floor, each cargo line)
 * must be carried, and a sortie of fleet f carries at most cap_f of it for
 * ground_min_f minutes; the cheapest fleet per unit gives the least. */
static double ground_need(const bctx *b, const int *reqs, int n)
{
    const sortie_model *m = b->m;
    double pax = 0, kg = 0, fl = 0;
    double best_pax = 0, best_kg = 0, best_fl = 0, need = 0;
    for (int i = 0; i < n; i++) {
        const mdl_requirement *r = &m->reqs[reqs[i]];
        pax += r->pax, kg += r->total_kg, fl += r->total_floor_m2;
    }
    for (int f = 0; f < m->n_fleets; f++) {
        bool any = false, pax_ok = false, items_ok = false;
        for (int i = 0; i < n; i++) {
            if (!b->elig[reqs[i] * m->n_fleets + f])
                continue;
            any = true;
            pax_ok = pax_ok || load_can_carry_pax(m, reqs[i], f);
            for (size_t c = 0; c < m->reqs[reqs[i]].src->n_cargo; c++)
                items_ok = items_ok || load_can_carry_line(m, reqs[i], (int)c, f);
        }
        if (!any)
            continue;
        const mdl_type *t = &m->types[m->fleets[f].type];
        double g = t->t.ground_min;
        if (pax_ok)
            best_pax = fmax(best_pax, t->t.seats / g);
        best_kg = fmax(best_kg, t->t.payload_kg / g);
        if (items_ok)
            best_fl = fmax(best_fl, t->floor_m2 / g);
    }
    if (pax > 0 && best_pax > 0)
        need = fmax(need, pax / best_pax);
    if (kg > 0 && best_kg > 0)
        need = fmax(need, kg / best_kg);
    if (fl > 0 && best_fl > 0)
        need = fmax(need, fl / best_fl);
    for (int i = 0; i < n; i++) {
        int r = reqs[i];
        for (size_t c = 0; c < m->reqs[r].src->n_cargo; c++) {
            double best = 0;
            for (int f = 0; f < m->n_fleets; f++) {
                double per = b->elig[r * m->n_fleets + f] ? max_per_load(m, r, (int)c, f) : 0;
                if (per > 0)
                    best = fmax(best, per / ftype(m, f)->ground_min);
            }
            if (best > 0)
                need = fmax(need, m->reqs[r].src->cargo[c].count / best);
        }
    }
    return need;
}

static void hours_text(const sortie_model *m, int a, char *buf, size_t len)
{
    const mdl_airfield *af = &m->airfields[a];
    if (af->always_open)
        buf[0] = '\0';
    else
        say(buf, len, " and its hours %02d:%02d-%02d:%02d UTC", af->open_min / 60, af->open_min % 60,
            af->close_min / 60, af->close_min % 60);
}

/*
 * Fluid MOG bound by ready time at origin a (no carrier based there). The
 * loads of the requirements ready at R or later take off at R or later. On
 * each of the MOG spots the least ground times [take-off - ground_min,
 * take-off) of those sorties are disjoint, within their stand, and lie
 * after max(first landing, R - g_max): so together they need at least
 * G_R / MOG minutes from there, G_R their least aircraft-minutes on the
 * ground (ground_need, per route). The last take-off is no earlier.
 * Returns the latest such take-off over up to READY_FLUID_MAX thresholds R
 * (any subset of them gives a valid bound), with the R and G_R that give it.
 */
#define READY_FLUID_MAX 32

static minute_t ready_fluid(bctx *b, int a, const int *by_route, const int *route0, int n_routes,
                            const int *route_from, minute_t first, int g_max, minute_t *at_R, double *at_G)
{
    const sortie_model *m = b->m;
    int mog = m->airfields[a].mog;
    int n = 0;
    for (int k = 0; k < n_routes; k++)
        if (route_from[k] == a)
            n += route0[k + 1] - route0[k];
    minute_t best = SLOT_NEVER;
    if (n == 0 || mog <= 0)
        return best;
    minute_t *readies = malloc(sizeof *readies * (size_t)n);
    int *sub = malloc(sizeof *sub * (size_t)n);
    if (!readies || !sub) {
        free(readies), free(sub);
        b->nomem = true;
        return best;
    }
    int nr = 0;
    for (int k = 0; k < n_routes; k++)
        if (route_from[k] == a)
            for (int i = route0[k]; i < route0[k + 1]; i++)
                readies[nr++] = m->reqs[by_route[i]].ready;
    /* Sort (insertion is fine for a few hundred; larger lists are sampled below). */
    for (int i = 1; i < nr; i++) {
        minute_t v = readies[i];
        int j = i;
        for (; j > 0 && readies[j - 1] > v; j--)
            readies[j] = readies[j - 1];
        readies[j] = v;
    }
    int nu = 0;
    for (int i = 0; i < nr; i++)
        if (nu == 0 || readies[i] != readies[nu - 1])
            readies[nu++] = readies[i];
    int step = nu > READY_FLUID_MAX ? (nu + READY_FLUID_MAX - 1) / READY_FLUID_MAX : 1;
    for (int u = 0; u < nu; u += step) {
        minute_t R = readies[u];
        double G = 0;
        for (int k = 0; k < n_routes; k++) {
            if (route_from[k] != a)
                continue;
            int ns = 0;
            for (int i = route0[k]; i < route0[k + 1]; i++)
                if (m->reqs[by_route[i]].ready >= R)
                    sub[ns++] = by_route[i];
            if (ns > 0)
                G += ground_need(b, sub, ns);
        }
        minute_t from = R - g_max > first ? R - g_max : first;
        minute_t dep = slot_next_open(m, a, from + (minute_t)ceil(G / mog - 1e-9));
        if (best >= SLOT_NEVER || dep > best) {
            best = dep;
            *at_R = R;
            *at_G = G;
        }
    }
    free(readies), free(sub);
    return best;
}

/*
 * MOG tracks at airfield a for the requirements leaving it (origin) or
 * arriving there (destination). `route_reqs` lists requirement indices
 * grouped by route (route_of order).
 */
static void airfield_bound(bctx *b, int a, bool origin, const int *by_route, const int *route0, int n_routes,
                           const int *route_from, const int *route_to)
{
    const sortie_model *m = b->m;
    int mog = m->airfields[a].mog;
    if (mog < 0)
        return;
    double need = 0, ground = 0;
    int g = -1, g_max = 0;
    minute_t ready = SLOT_NEVER, first = SLOT_NEVER;
    int n_group = 0;
    for (int k = 0; k < n_routes; k++) {
        if ((origin ? route_from[k] : route_to[k]) != a)
            continue;
        const int *reqs = by_route + route0[k];
        int n = route0[k + 1] - route0[k];
        need += sorties_needed(b, reqs, n);
        ground += ground_need(b, reqs, n);
        n_group += n;
        for (int i = 0; i < n; i++) {
            int r = reqs[i];
            if (m->reqs[r].ready < ready)
                ready = m->reqs[r].ready;
            if (!origin && b->first[r] < first)
                first = b->first[r];
            for (int f = 0; f < m->n_fleets; f++) {
                if (!b->elig[r * m->n_fleets + f])
                    continue;
                if (m->fleets[f].base == a)
                    return; /* some carrier stands there without counting */
                int gm = ftype(m, f)->ground_min;
                if (g < 0 || gm < g)
                    g = gm;
                if (gm > g_max)
                    g_max = gm;
                if (origin) {
                    minute_t land = earliest(b, m->fleets[f].type, false, m->fleets[f].base,
                                             m->fleets[f].available_from, a);
                    if (land < first && land < SLOT_NEVER)
                        first = land;
                }
            }
        }
    }
    if (need <= 0 || g < 0)
        return;
    char why[256], hrs[64];
    hours_text(m, a, hrs, sizeof hrs);
    minute_t value;
    minute_t from_R = SLOT_NEVER;
    double ground_R = 0;
    if (mog == 0 || first >= SLOT_NEVER) {
        value = SLOT_NEVER;
    } else {
        long tracks = (long)ceil(need / mog - 1e-9);
        /* Fluid: every sortie's least ground time fits within MOG spots. */
        minute_t fluid = (minute_t)ceil(ground / mog - 1e-9);
        bool by_fluid;
        if (origin) {
            /* Each track: land, stand at least g, take off (in hours, not before ready). */
            minute_t land = slot_next_open(m, a, first);
            minute_t t = land + g > ready ? land + g : ready;
            minute_t dep = slot_next_open(m, a, t);
            for (long k = 1; k < tracks && dep < SLOT_NEVER / 2; k++)
                dep = slot_next_open(m, a, dep + g);
            /* All ground times lie between the first landing and the last take-off. */
            minute_t dep_fluid = slot_next_open(m, a, first + fluid);
            /* The same from a ready time R on (ready_fluid). */
            minute_t dep_R = ready_fluid(b, a, by_route, route0, n_routes, route_from, first, g_max, &from_R, &ground_R);
            if (dep_R > dep_fluid && dep_R < SLOT_NEVER)
                dep_fluid = dep_R;
            else
                from_R = SLOT_NEVER;
            by_fluid = dep_fluid > dep;
            if (by_fluid)
                dep = dep_fluid;
            /* ... then the last loaded sortie flies to its destination. */
            value = SLOT_NEVER;
            for (int k = 0; k < n_routes; k++) {
                if (route_from[k] != a)
                    continue;
                for (int i = route0[k]; i < route0[k + 1]; i++)
                    for (int f = 0; f < m->n_fleets; f++) {
                        if (!b->elig[by_route[i] * m->n_fleets + f])
                            continue;
                        minute_t arr = earliest(b, m->fleets[f].type, true, a, dep, route_to[k]);
                        if (arr < value)
                            value = arr;
                    }
            }
        } else {
            minute_t land = first;
            for (long k = 1; k < tracks && land < SLOT_NEVER / 2; k++)
                land = slot_next_open(m, a, land + g);
            /* The least ground time of each landing starts between the first
             * and the last landing: the last is no earlier than this. */
            minute_t land_fluid = first + fluid - g_max;
            by_fluid = land_fluid > land;
            value = by_fluid ? land_fluid : land;
        }
        if (by_fluid && origin && from_R < SLOT_NEVER) {
            char at[18];
            time_format(from_R, at);
            say(why, sizeof why,
                "%s's MOG %d%s: what leaves there ready from %s on needs %.0f aircraft-hours on the ground at least (%s)",
                m->airfields[a].src->id, mog, hrs, at, ground_R / 60.0,
                "with the fleets that carry most per minute on the ground");
        } else if (by_fluid)
            say(why, sizeof why,
                "%s's MOG %d%s: what %s there needs %.0f aircraft-hours on the ground at least (%s)",
                m->airfields[a].src->id, mog, hrs, origin ? "leaves" : "lands", ground / 60.0,
                "with the fleets that carry most per minute on the ground");
        else
            say(why, sizeof why, "%s's MOG %d%s: %.0f sorties must %s there, %d min on the ground each",
                m->airfields[a].src->id, mog, hrs, need, origin ? "take off" : "land", g);
    }
    if (value >= SLOT_NEVER)
        say(why, sizeof why, "%s's MOG %d admits none of its carriers", m->airfields[a].src->id, mog);
    offer(b, value, why);
    if (value > m->end) {
        group gr = {.n = n_group};
        int *ids = malloc(sizeof *ids * (size_t)n_group);
        if (ids) {
            int k2 = 0;
            for (int k = 0; k < n_routes; k++)
                if ((origin ? route_from[k] : route_to[k]) == a)
                    for (int i = route0[k]; i < route0[k + 1]; i++)
                        ids[k2++] = by_route[i];
            group_ids(m, ids, n_group, gr.label, sizeof gr.label);
            free(ids);
            note_late(b, &gr, value, why);
        }
    }
}

/*
 * Waves at an origin with a MOG (no carrier based there): take the
 * requirements leaving it that are ready at R or later. Their take-offs are
 * at R or later; on each of the MOG "tracks" of back-to-back ground times
 * the j-th is no earlier than dep_j (dep_1 after the first possible landing
 * and R, then a least ground time later each, within hours). So before
 * dep_{w+1} at most w x MOG of them take off. An aircraft flies one of them,
 * then one more per cycle: between two it flies a load to that load's
 * destination and comes back (never quicker than the least way), standing a
 * ground time at each end. And the aircraft of one fleet cannot all start
 * at once: the i-th of them to take off does so no earlier than the i-th
 * take-off of all, dep_{ceil(i / MOG)}. The earliest time x by which the
 * take-offs those limits allow (largest capacity first) cover the group's
 * weight, passengers, floor area and its heavy items (for a few weights v,
 * the items of v or more, at most floor(payload / v) to a sortie) is when
 * its last sortie leaves at the earliest: a plan whose last one left before
 * x would have carried it all with fewer. (An earlier version put that
 * take-off a whole ground time of its own type after the previous
 * position; a slow type behind a quick one leaves sooner, and the property
 * test found a plan 6 minutes before that figure.)
 */
#define WAVE_MAX_READIES 16
#define WAVE_MAX_DEPS 4096
/* Heavy-item weights looked at (the group's heaviest distinct ones). */
#define WAVE_HEAVY 4

typedef struct {
    const sortie_model *m;
    int a, mog, g_min, nf, n_dims;
    minute_t R;
    const bool *use;
    const double *cap;    /* [fleet * n_dims + dim] per sortie */
    const double *want;   /* [dim] */
    const double *cyc;    /* [fleet] minutes between two of its take-offs here */
    const minute_t *t0;   /* [fleet] no take-off here before: R, and its first landing plus a ground time */
    minute_t *dep;        /* dep[1 .. n_dep], extended on demand */
    int n_dep;
    bool *taken;
    double *sorties;      /* [fleet] scratch: how many sorties each may fly */
} wave_ctx;

/* dep_j, for j up to WAVE_MAX_DEPS (past it, the last: earlier, so still a bound). */
static minute_t wave_dep(wave_ctx *c, int j)
{
    if (j > WAVE_MAX_DEPS)
        j = WAVE_MAX_DEPS;
    while (c->n_dep < j) {
        c->dep[c->n_dep + 1] = slot_next_open(c->m, c->a, c->dep[c->n_dep] + c->g_min);
        c->n_dep++;
    }
    return c->dep[j];
}

/* Positions j (up to WAVE_MAX_DEPS) with dep_j <= x; past the last known,
 * as many as there may be (a bound only needs too many). */
static double wave_positions_by(wave_ctx *c, minute_t x)
{
    int j = 0;
    while (j < WAVE_MAX_DEPS && wave_dep(c, j + 1) <= x)
        j++;
    return j == WAVE_MAX_DEPS ? 1e18 : j;
}

/* The most sorties of fleet f that take off by x. At any moment at most
 * MOG aircraft stand here, and one that was not standing at a time t takes
 * off no earlier than t plus its ground time g: so of f's aircraft at most
 * MOG make their first take-off in each [t0 + (j-1) g, t0 + j g). Then one
 * more per cycle. */
static double wave_fleet_sorties_by(wave_ctx *c, int f, minute_t x)
{
    int g = c->m->types[c->m->fleets[f].type].t.ground_min;
    double n = 0, left = c->m->fleets[f].count;
    if (c->t0[f] >= SLOT_NEVER)
        return 0; /* it cannot get there */
    for (int j = 1; left > 0; j++) {
        minute_t start = slot_next_open(c->m, c->a, c->t0[f] + (minute_t)(j - 1) * g);
        if (start > x)
            break;
        double here = left < c->mog ? left : c->mog;
        if (j >= WAVE_MAX_DEPS)
            here = left; /* the rest, all as early as the last position known */
        n += here * (1.0 + floor((double)(x - start) / c->cyc[f]));
        left -= here;
    }
    return n;
}

/* What `slots` sorties carry at most in dimension k, each fleet f flying at
 * most c->sorties[f] of them, the fleets with the largest sorties first. */
static double wave_carry(wave_ctx *c, int k, double slots)
{
    double got = 0;
    for (int pass = 0; pass < c->nf && slots > 0; pass++) {
        int bf = -1;
        for (int f = 0; f < c->nf; f++)
            if (c->use[f] && c->sorties[f] > 0 && c->cap[f * c->n_dims + k] > 0 && !c->taken[f] &&
                (bf < 0 || c->cap[f * c->n_dims + k] > c->cap[bf * c->n_dims + k]))
                bf = f;
        if (bf < 0)
            break;
        c->taken[bf] = true;
        double n = c->sorties[bf] < slots ? c->sorties[bf] : slots;
        got += n * c->cap[bf * c->n_dims + k];
        slots -= n;
    }
    for (int f = 0; f < c->nf; f++)
        c->taken[f] = false;
    return got;
}

/* Whether `slots` sorties, at most c->sorties[f] of fleet f, can carry the
 * group: in each dimension alone. */
static bool wave_carries(wave_ctx *c, double slots)
{
    for (int k = 0; k < c->n_dims; k++)
        if (c->want[k] > 0 && wave_carry(c, k, slots) + 1e-6 < c->want[k])
            return false;
    return true;
}

/* Whether the take-offs by x can carry the group, at most MOG per position. */
static bool wave_covers_by(wave_ctx *c, minute_t x)
{
    for (int f = 0; f < c->nf; f++)
        c->sorties[f] = c->use[f] ? wave_fleet_sorties_by(c, f, x) : 0;
    return wave_carries(c, wave_positions_by(c, x) * c->mog);
}

static int cmp_double_desc(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a < b) - (a > b);
}

/* A requirement of the group: leaving the airfield, ready at R or later. */
typedef struct {
    int req, to;
} wave_member;

/* Up to WAVE_HEAVY of the heaviest distinct item weights among the group's
 * cargo lines, into heavy[] (descending); returns how many. */
static int wave_heavy_weights(const sortie_model *m, const wave_member *mem, int n_mem, double *heavy)
{
    int n = 0;
    for (int i = 0; i < n_mem; i++) {
        const scn_requirement *q = m->reqs[mem[i].req].src;
        for (size_t l = 0; l < q->n_cargo; l++) {
            double wt = q->cargo[l].weight_kg;
            if (q->cargo[l].count <= 0 || wt <= 0)
                continue;
            bool seen = false;
            for (int j = 0; j < n && !seen; j++)
                seen = heavy[j] == wt;
            if (seen)
                continue;
            if (n < WAVE_HEAVY) {
                heavy[n++] = wt;
            } else {
                /* Replace the lightest kept when this one is heavier. */
                int lightest = 0;
                for (int j = 1; j < n; j++)
                    if (heavy[j] < heavy[lightest])
                        lightest = j;
                if (wt > heavy[lightest])
                    heavy[lightest] = wt;
            }
        }
    }
    qsort(heavy, (size_t)n, sizeof *heavy, cmp_double_desc);
    return n;
}

/* The earliest landing of fleet f, leaving a at `from` with a load of the
 * group it may carry, at that load's destination (SLOT_NEVER: none). */
static minute_t wave_arrival(bctx *b, int a, const wave_member *mem, int n_mem, int f, minute_t from)
{
    const sortie_model *m = b->m;
    minute_t best = SLOT_NEVER;
    int looked = -1; /* members come route by route: one look per destination */
    for (int i = 0; i < n_mem; i++) {
        if (mem[i].to == looked || !b->elig[mem[i].req * m->n_fleets + f])
            continue;
        looked = mem[i].to;
        minute_t arr = earliest(b, m->fleets[f].type, true, a, from, mem[i].to);
        best = arr < best ? arr : best;
    }
    return best;
}

static void wave_bound(bctx *b, int a, minute_t R, const int *by_route, const int *route0, int n_routes,
                       const int *route_from, const int *route_to)
{
    const sortie_model *m = b->m;
    int nf = m->n_fleets, mog = m->airfields[a].mog;
    if (mog <= 0)
        return;
    /* Every array below, freed together at the end; a bound left out when
     * out of memory is still a bound. */
    wave_member *mem = malloc(sizeof *mem * (size_t)(route0[n_routes] > 0 ? route0[n_routes] : 1));
    double *cap = malloc(sizeof *cap * (size_t)nf * (3 + WAVE_HEAVY));
    double *cyc = malloc(sizeof *cyc * (size_t)nf);
    double *sorties = malloc(sizeof *sorties * (size_t)nf);
    bool *use = calloc((size_t)nf, sizeof *use);
    bool *taken = calloc((size_t)nf, sizeof *taken);
    minute_t *dep = malloc(sizeof *dep * (WAVE_MAX_DEPS + 1));
    minute_t *t0 = malloc(sizeof *t0 * (size_t)nf);
    if (!mem || !cap || !cyc || !sorties || !use || !taken || !dep || !t0)
        goto done;
    int n_mem = 0;
    for (int k = 0; k < n_routes; k++)
        for (int i = route0[k]; i < route0[k + 1] && route_from[k] == a; i++)
            if (m->reqs[by_route[i]].ready >= R)
                mem[n_mem++] = (wave_member){by_route[i], route_to[k]};
    if (n_mem == 0)
        goto done;
    double heavy[WAVE_HEAVY];
    int n_heavy = wave_heavy_weights(m, mem, n_mem, heavy);
    int nd = 3 + n_heavy;
    double want[3 + WAVE_HEAVY] = {0};
    for (int i = 0; i < n_mem; i++) {
        const mdl_requirement *q = &m->reqs[mem[i].req];
        want[0] += q->total_kg, want[1] += q->pax, want[2] += q->total_floor_m2;
        for (size_t l = 0; l < q->src->n_cargo; l++)
            for (int h = 0; h < n_heavy; h++)
                if (q->src->cargo[l].count > 0 && q->src->cargo[l].weight_kg >= heavy[h])
                    want[3 + h] += q->src->cargo[l].count;
    }
    /* Capacity per sortie and how often each fleet can fly one, per dimension. */
    int g_min = -1;
    minute_t first = SLOT_NEVER;
    for (int f = 0; f < nf; f++) {
        const mdl_type *t = &m->types[m->fleets[f].type];
        bool pax_ok = false, items_ok = false;
        double round = 1e18;
        for (int i = 0; i < n_mem; i++) {
            int r = mem[i].req;
            if (!b->elig[r * nf + f])
                continue;
            if (m->fleets[f].base == a)
                goto done; /* some carrier stands there without counting */
            use[f] = true;
            pax_ok = pax_ok || load_can_carry_pax(m, r, f);
            for (size_t c = 0; c < m->reqs[r].src->n_cargo; c++)
                items_ok = items_ok || load_can_carry_line(m, r, (int)c, f);
            /* Out with a load to its destination and back. */
            int out = stat_min(b, m->fleets[f].type, true, a, mem[i].to);
            int back = stat_min(b, m->fleets[f].type, false, mem[i].to, a);
            if (out < UNREACHABLE && back < UNREACHABLE && (double)out + back + 2.0 * t->t.ground_min < round)
                round = (double)out + back + 2.0 * t->t.ground_min;
        }
        if (!use[f])
            continue;
        cap[f * nd + 0] = items_ok ? t->t.payload_kg : fmin(t->t.payload_kg, pax_ok ? t->t.seats * m->pax_kg : 0);
        cap[f * nd + 1] = pax_ok ? t->t.seats : 0;
        cap[f * nd + 2] = items_ok ? t->floor_m2 : 0;
        for (int h = 0; h < n_heavy; h++)
            cap[f * nd + 3 + h] = items_ok ? floor(t->t.payload_kg / heavy[h] + LOAD_EPS) : 0;
        cyc[f] = round;
        if (g_min < 0 || t->t.ground_min < g_min)
            g_min = t->t.ground_min;
        minute_t land = earliest(b, m->fleets[f].type, false, m->fleets[f].base, m->fleets[f].available_from, a);
        if (land < first)
            first = land;
        t0[f] = land >= SLOT_NEVER ? SLOT_NEVER : land + t->t.ground_min > R ? land + t->t.ground_min : R;
    }
    if (g_min < 0 || first >= SLOT_NEVER)
        goto done;
    /* dep_w by the least ground time, within hours. */
    dep[1] = slot_next_open(m, a, first + g_min > R ? first + g_min : R);
    wave_ctx c = {.m = m, .a = a, .mog = mog, .g_min = g_min, .nf = nf, .n_dims = nd, .R = R, .use = use,
                  .cap = cap, .want = want, .cyc = cyc, .t0 = t0, .dep = dep, .n_dep = 1, .taken = taken,
                  .sorties = sorties};
    /* The earliest x by which the take-offs can carry the group: doubling
     * steps from dep_1, then bisection (covering only grows with x). */
    minute_t lo = dep[1], hi = dep[1], step = 60, limit = m->end + MINUTES_PER_DAY;
    bool ok = wave_covers_by(&c, hi);
    while (!ok && hi < limit) {
        lo = hi + 1;
        hi += step;
        step *= 2;
        ok = wave_covers_by(&c, hi);
    }
    if (!ok)
        goto done;
    while (lo < hi) {
        minute_t mid = lo + (hi - lo) / 2;
        if (wave_covers_by(&c, mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    /* The last sortie leaves at hi at the earliest. And at R at most MOG
     * aircraft stand there: when one sortie each of those (the largest)
     * cannot carry the group, some sortie is flown by an aircraft that lands
     * at R or later, or is a second one: by fleet f, no earlier than
     * max(R, its first landing) plus its ground time. */
    for (int f = 0; f < nf; f++)
        sorties[f] = use[f] && t0[f] < SLOT_NEVER ? m->fleets[f].count : 0;
    bool beyond_first = !wave_carries(&c, mog);
    minute_t value = SLOT_NEVER, later = SLOT_NEVER;
    for (int f = 0; f < nf; f++) {
        if (!use[f])
            continue;
        minute_t arr = wave_arrival(b, a, mem, n_mem, f, hi);
        value = arr < value ? arr : value;
        int gf = m->types[m->fleets[f].type].t.ground_min;
        if (beyond_first && t0[f] < SLOT_NEVER) {
            minute_t second = slot_next_open(m, a, t0[f] - gf > R ? t0[f] : R + gf);
            minute_t arr2 = wave_arrival(b, a, mem, n_mem, f, second);
            later = arr2 < later ? arr2 : later;
        }
    }
    bool by_first = later < SLOT_NEVER && later > value;
    if (by_first)
        value = later;
    if (value < SLOT_NEVER && value > b->out->value) {
        char why[256], when[18], last[18], hrs[64];
        time_format(R, when);
        time_format(hi, last);
        hours_text(m, a, hrs, sizeof hrs);
        if (by_first)
            say(why, sizeof why,
                "%s's MOG %d%s: one sortie each of the %d aircraft that can stand there at %s cannot carry "
                "what is ready then; another must land and stand a full ground time",
                m->airfields[a].src->id, mog, hrs, mog, when);
        else
            say(why, sizeof why,
                "%s's MOG %d%s: what leaves it from %s on cannot all have taken off before %s (%d on the "
                "ground at a time, %d min or more each, every aircraft out and back between its sorties)",
                m->airfields[a].src->id, mog, hrs, when, last, mog, g_min);
        offer(b, value, why);
    }
done:
    free(mem), free(cap), free(cyc), free(sorties), free(use), free(taken), free(dep), free(t0);
}

/* ------------------------------------------------------------------- all */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static sortie_status compute(bctx *b)
{
    const sortie_model *m = b->m;
    int nr = m->n_reqs, nf = m->n_fleets;
    size_t nr1 = nr > 0 ? (size_t)nr : 1;
    int max_cons = 3 + MAX_LINE_CONSTRAINTS + 1;
    b->dem = malloc(sizeof *b->dem * (size_t)max_cons);
    b->got = malloc(sizeof *b->got * (size_t)max_cons);
    b->cap = malloc(sizeof *b->cap * (size_t)max_cons * (size_t)(nf > 0 ? nf : 1));
    b->first = malloc(sizeof *b->first * nr1);
    b->elig = malloc(sizeof *b->elig * nr1 * (size_t)(nf > 0 ? nf : 1));
    b->reported = calloc(nr1, sizeof *b->reported);
    int *route_of = malloc(sizeof *route_of * nr1);
    int *route_from = malloc(sizeof *route_from * nr1);
    int *route_to = malloc(sizeof *route_to * nr1);
    int *route0 = calloc(nr1 + 1, sizeof *route0);
    int *by_route = malloc(sizeof *by_route * nr1);
    int *members = malloc(sizeof *members * nr1);
    sortie_status st = SORTIE_ENOMEM;
    if (!b->dem || !b->got || !b->cap || !b->first || !route_of || !route_from || !route_to || !route0 ||
        !by_route || !members || !b->elig || !b->reported || !travel_init(b))
        goto done;
    for (int r = 0; r < nr; r++)
        for (int f = 0; f < nf; f++)
            b->elig[r * nf + f] = load_can_carry(m, r, f);
    st = SORTIE_OK;

    /* Each requirement alone. */
    for (int r = 0; r < nr && st == SORTIE_OK; r++) {
        group gr = {.reqs = &r, .n = 1, .one_route = true};
        say(gr.label, sizeof gr.label, "%s", m->reqs[r].src->id);
        b->first[r] = SLOT_NEVER;
        for (int f = 0; f < nf; f++)
            if (b->elig[r * m->n_fleets + f]) {
                minute_t a = first_delivery(b, f, m->reqs[r].from, m->reqs[r].to, m->reqs[r].ready);
                if (a < b->first[r])
                    b->first[r] = a;
            }
        minute_t when = m->start;
        st = cover(b, &gr, &when);
        b->out->req[r] = when;
    }

    /* Each route. */
    int n_routes = 0;
    for (int r = 0; r < nr; r++) {
        int k = 0;
        while (k < n_routes && !(route_from[k] == m->reqs[r].from && route_to[k] == m->reqs[r].to))
            k++;
        if (k == n_routes) {
            route_from[k] = m->reqs[r].from, route_to[k] = m->reqs[r].to;
            n_routes++;
        }
        route_of[r] = k;
        route0[k + 1]++;
    }
    for (int k = 0; k < n_routes; k++)
        route0[k + 1] += route0[k];
    {
        int *fillp = calloc((size_t)n_routes + 1, sizeof *fillp);
        if (!fillp) {
            st = SORTIE_ENOMEM;
            goto done;
        }
        for (int r = 0; r < nr; r++)
            by_route[route0[route_of[r]] + fillp[route_of[r]]++] = r;
        free(fillp);
    }
    for (int k = 0; k < n_routes && st == SORTIE_OK; k++) {
        int n = route0[k + 1] - route0[k];
        if (n < 2)
            continue;
        group gr = {.reqs = by_route + route0[k], .n = n, .one_route = true};
        say(gr.label, sizeof gr.label, "everything from %s to %s", m->airfields[route_from[k]].src->id,
            m->airfields[route_to[k]].src->id);
        minute_t when;
        st = cover(b, &gr, &when);
    }

    /* What only some fleets may carry, and everything. */
    bool *set = malloc(sizeof *set * (size_t)(nf > 0 ? nf : 1));
    if (!set && st == SORTIE_OK)
        st = SORTIE_ENOMEM;
    for (int r = 0; r <= nr && st == SORTIE_OK; r++) {
        int n = 0;
        for (int q = 0; q < nr; q++) {
            bool inside = true;
            for (int f = 0; f < nf && inside && r < nr; f++)
                if (b->elig[q * nf + f] && !b->elig[r * nf + f])
                    inside = false;
            if (inside)
                members[n++] = q;
        }
        /* Skip sets already seen (the same members as an earlier requirement's). */
        if (r < nr) {
            bool seen = false;
            for (int p = 0; p < r && !seen; p++) {
                bool same = true;
                for (int f = 0; f < nf && same; f++)
                    same = b->elig[p * nf + f] == b->elig[r * nf + f];
                seen = same;
            }
            if (seen || n < 2 || n == nr)
                continue;
        }
        qsort(members, (size_t)n, sizeof *members, cmp_int);
        bool one = true;
        for (int i = 1; i < n; i++)
            one = one && route_of[members[i]] == route_of[members[0]];
        group gr = {.reqs = members, .n = n, .one_route = one};
        if (r == nr) {
            say(gr.label, sizeof gr.label, "all requirements");
        } else {
            char ids[128];
            group_ids(m, members, n, ids, sizeof ids);
            say(gr.label, sizeof gr.label, "%s (what only their carriers may carry)", ids);
        }
        minute_t when;
        if (n > 0)
            st = cover(b, &gr, &when);
    }
    free(set);

    /* Airfields. */
    for (int a = 0; a < m->n_airfields && st == SORTIE_OK; a++) {
        airfield_bound(b, a, true, by_route, route0, n_routes, route_from, route_to);
        if (m->airfields[a].mog > 0) {
            /* Waves from each distinct ready time (the latest ones when many). */
            minute_t seen[WAVE_MAX_READIES];
            int n_seen = 0;
            for (int r = nr - 1; r >= 0 && n_seen < WAVE_MAX_READIES; r--) {
                if (m->reqs[r].from != a)
                    continue;
                bool dup = false;
                for (int i = 0; i < n_seen && !dup; i++)
                    dup = seen[i] == m->reqs[r].ready;
                if (!dup)
                    seen[n_seen++] = m->reqs[r].ready;
            }
            for (int i = 0; i < n_seen; i++)
                wave_bound(b, a, seen[i], by_route, route0, n_routes, route_from, route_to);
        }
        airfield_bound(b, a, false, by_route, route0, n_routes, route_from, route_to);
        if (b->nomem)
            st = SORTIE_ENOMEM;
    }
done:
    free(route_of);
    free(route_from);
    free(route_to);
    free(route0);
    free(by_route);
    free(members);
    return st;
}

sortie_status bound_compute(const sortie_model *m, bound_info *out)
{
    *out = (bound_info){.value = m->start};
    out->req = malloc(sizeof *out->req * (size_t)(m->n_reqs > 0 ? m->n_reqs : 1));
    out->late = calloc(MAX_LATE, sizeof *out->late);
    if (!out->req || !out->late) {
        bound_info_free(out);
        return SORTIE_ENOMEM;
    }
    say(out->why, sizeof out->why, "nothing: the scenario's start");
    bctx b = {.m = m, .out = out};
    sortie_status st = compute(&b);
    free(b.stat);
    free(b.lab);
    free(b.vis);
    free(b.elig);
    free(b.reported);
    free(b.dem);
    free(b.got);
    free(b.cap);
    free(b.first);
    if (st != SORTIE_OK)
        bound_info_free(out);
    return st;
}

void bound_info_free(bound_info *b)
{
    if (!b)
        return;
    free(b->req);
    for (int i = 0; b->late && i < b->n_late; i++)
        free(b->late[i]);
    free(b->late);
    b->req = NULL;
    b->late = NULL;
    b->n_late = 0;
}
