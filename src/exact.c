/*
 * exact: the exact mode (exact.h): a sortie-sequencing MIP at minute
 * precision solved by GLPK's branch and cut, for small scenarios. Owns the
 * formulation, its domain check and the translation of a MIP solution into
 * a sched. docs/bound.md writes the MIP out and says why it is exact.
 *
 * Each tail flies up to K "slots" in order; a slot is an optional empty
 * positioning leg (from base, or from the previous slot's destination) and
 * one loaded leg on a route chosen by binaries u[t][k][r]; after its last
 * slot the tail flies home. Times are integer minutes: landing at the
 * origin IA, loaded take-off D, landing A, take-off from the destination
 * OD, return landing RA. Ground times, leg times (at least the minimum:
 * legs may last longer), ready times, availability and the horizon are
 * big-M implications of the binaries; opening hours are day-index integers
 * (tau - 1440 day within [open, close]); MOG is, for every ground stay I,
 * "at most MOG-1 other stays cover I's landing minute", each cover or
 * non-cover a binary disjunction. Loads are integer passengers and items
 * per slot and requirement within payload, seats and floor.
 *
 * Every valid plan of a scenario in the domain maps onto this shape with
 * the same take-off and landing minutes (docs/bound.md), so the MIP's
 * optimum is the true optimum. The domain: no airfield is both an origin
 * and a destination of requirements, every leg a tail may need is direct
 * within range, and the slots are few. Outside it exact_solve refuses.
 */
#include "exact.h"

#include "lpbound.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Refused beyond these: the MIP would not prove anything in seconds. */
#define EX_MAX_SLOTS 200     /* sortie slots over all tails */
#define EX_MAX_SLOTS_TAIL 12
#define EX_MAX_ROUTES 12
#define EX_MAX_BINARIES 60000

typedef struct {
    int o, d;
} ex_route;

typedef struct {
    int tail, fleet, base, type, g;
    minute_t from, lim;      /* first take-off, last landing (relative minutes) */
    int K;                   /* slots */
    int *routes;             /* routes this tail's fleet may fly */
    int n_routes;
    int BD;                  /* take-off from base for the first slot's positioning */
    int *u;                  /* [k * nR + r]: 0 when r is not flown by this fleet */
    int *IA, *D, *A, *OD, *RA; /* [k] */
    int *p;                  /* [k * nQ + q]: passengers of q in slot k, 0 when not carried */
    int *n;                  /* [k * nL + line]: items of a cargo line (global index) */
    int *z;                  /* [k * nQ + q]: slot k carries q (only where ready times bind) */
} ex_tail;

typedef struct {
    int tail, k;
    bool origin;             /* a stay at the origin [IA, D) or at the destination [A, OD) */
} ex_stay;

typedef struct {
    const sortie_model *m;
    glp_prob *P;
    minute_t t0;             /* midnight before the start: minute 0 of every time column */
    double M;                /* big-M: longer than any span of the MIP */
    double H;                /* upper bound of every time column */
    ex_route *routes;
    int nR;
    int *route_of;           /* [q] */
    int nQ;
    int *line0;              /* [q]: first global cargo-line index of requirement q */
    int nL;
    int *line_req, *line_idx; /* [line]: requirement and its cargo index */
    ex_tail *T;
    int nT;
    int C;                   /* the closure column */
    int binaries;
    /* row builder */
    int *ind;
    double *val;
    int n, cap;
    double rhs;
    bool oom;
    double bound;            /* best bound seen by the search (relative minutes) */
    minute_t ub;             /* the incumbent's closure (relative minutes) */
} ex;

/* ----------------------------------------------------------- row builder */

static void rb_start(ex *x, double rhs)
{
    x->n = 0;
    x->rhs = rhs;
}

/* Adds v to column j's coefficient (merging repeats). */
static void rb_add(ex *x, int j, double v)
{
    if (j <= 0 || v == 0)
        return;
    for (int i = 1; i <= x->n; i++)
        if (x->ind[i] == j) {
            x->val[i] += v;
            return;
        }
    if (x->n + 2 > x->cap) {
        int cap = x->cap ? 2 * x->cap : 64;
        int *ind = realloc(x->ind, sizeof *ind * (size_t)cap);
        double *val = ind ? realloc(x->val, sizeof *val * (size_t)cap) : NULL;
        if (ind)
            x->ind = ind;
        if (!ind || !val) {
            x->oom = true;
            return;
        }
        x->val = val;
        x->cap = cap;
    }
    x->n++;
    x->ind[x->n] = j;
    x->val[x->n] = v;
}

/* Makes a >= row hold only when (c0 + sum coef*col) == 1: the row is
 * relaxed by M for each unit the activation falls short. `ge` says which
 * side the row is; call once per activation expression, then rb_end. */
static void rb_when(ex *x, bool ge, double c0, const int *cols, const double *coefs, int n)
{
    /* >=: lhs >= rhs - M(1 - A)  <=>  lhs - M sum(coef col) >= rhs - M(1 - c0);
     * <=: lhs <= rhs + M(1 - A)  <=>  lhs + M sum(coef col) <= rhs + M(1 - c0). */
    double s = ge ? -x->M : x->M;
    x->rhs += s * (1 - c0);
    for (int i = 0; i < n; i++)
        rb_add(x, cols[i], s * coefs[i]);
}

static int rb_end(ex *x, int type)
{
    int i = glp_add_rows(x->P, 1);
    glp_set_row_bnds(x->P, i, type, x->rhs, x->rhs);
    int k = 0;
    for (int j = 1; j <= x->n; j++)
        if (fabs(x->val[j]) > 1e-12) {
            k++;
            x->ind[k] = x->ind[j];
            x->val[k] = x->val[j];
        }
    if (k > 0)
        glp_set_mat_row(x->P, i, k, x->ind, x->val);
    return i;
}

static int col_int(ex *x, double lo, double hi, bool binary)
{
    int j = glp_add_cols(x->P, 1);
    glp_set_col_kind(x->P, j, binary ? GLP_BV : GLP_IV);
    if (!binary)
        glp_set_col_bnds(x->P, j, hi > lo ? GLP_DB : GLP_FX, lo, hi);
    if (binary)
        x->binaries++;
    return j;
}

/* A time column. Continuous: once the binaries and day indices are fixed,
 * every row on times is a difference of two times against an integer, so
 * the simplex's vertex is in whole minutes anyway; declaring them integer
 * only sends the search branching on minutes. */
static int col_time(ex *x, double lo, double hi)
{
    int j = glp_add_cols(x->P, 1);
    glp_set_col_bnds(x->P, j, hi > lo ? GLP_DB : GLP_FX, lo, hi);
    return j;
}

/* ------------------------------------------------------------ activations */

/* Activation "tail t flies route r in slot k": u. */
static void act_u(ex *x, bool ge, const ex_tail *t, int k, int r)
{
    int col = t->u[k * x->nR + r];
    double one = 1;
    rb_when(x, ge, 0, &col, &one, 1);
}

/* Activation "slot k is used": the sum of its u. */
static void act_used(ex *x, bool ge, const ex_tail *t, int k)
{
    int cols[EX_MAX_ROUTES];
    double ones[EX_MAX_ROUTES];
    int n = 0;
    for (int i = 0; i < t->n_routes; i++) {
        cols[n] = t->u[k * x->nR + t->routes[i]];
        ones[n++] = 1;
    }
    rb_when(x, ge, 0, cols, ones, n);
}

/* Adds coef * (sum of u[k][r] over routes r with pred(r)) to the row. */
static void add_u_where(ex *x, const ex_tail *t, int k, double coef, int airfield, int which)
{
    for (int i = 0; i < t->n_routes; i++) {
        int r = t->routes[i];
        bool hit = which == 0 ? x->routes[r].o == airfield : which == 1 ? x->routes[r].d == airfield : true;
        if (hit)
            rb_add(x, t->u[k * x->nR + r], coef);
    }
}

/* --------------------------------------------------------------- hours */

/* tau in opening hours at airfield a when the activation row terms (built
 * by the caller through `activate`) equal 1. One day-index column per event. */
typedef void (*activation_fn)(ex *x, bool ge, const void *ctx);

static void hours_rows(ex *x, int tau, int a, activation_fn activate, const void *ctx, int *day)
{
    const mdl_airfield *af = &x->m->airfields[a];
    if (af->always_open)
        return;
    if (!*day)
        *day = col_int(x, -1, floor(x->H / MINUTES_PER_DAY) + 2, false);
    double close = af->close_min >= af->open_min ? af->close_min : af->close_min + MINUTES_PER_DAY;
    for (int side = 0; side < 2; side++) {
        bool ge = side == 0;
        rb_start(x, ge ? af->open_min : close);
        rb_add(x, tau, 1);
        rb_add(x, *day, -MINUTES_PER_DAY);
        activate(x, ge, ctx);
        rb_end(x, ge ? GLP_LO : GLP_UP);
    }
}

typedef struct {
    const ex_tail *t;
    int k, airfield, which; /* which: 0 origin of the slot's route, 1 destination */
    int extra;              /* 1: and slot k+1 used; 2: and k is the last slot with a return */
} act_ctx;

static void act_at(ex *x, bool ge, const void *vctx)
{
    const act_ctx *c = vctx;
    const ex_tail *t = c->t;
    int cols[2 * EX_MAX_ROUTES + 1];
    double coefs[2 * EX_MAX_ROUTES + 1];
    int n = 0;
    double c0 = 0;
    for (int i = 0; i < t->n_routes; i++) {
        int r = t->routes[i];
        int at = c->which == 0 ? x->routes[r].o : x->routes[r].d;
        if (c->which == 2) /* return landing at base: any route not ending there */
            at = x->routes[r].d != t->base ? c->airfield : -1;
        if (at == c->airfield) {
            cols[n] = t->u[c->k * x->nR + r];
            coefs[n++] = 1;
        }
    }
    if (c->extra == 1 && c->k + 1 < t->K) {
        /* ... and the next slot is used */
        for (int i = 0; i < t->n_routes; i++) {
            cols[n] = t->u[(c->k + 1) * x->nR + t->routes[i]];
            coefs[n++] = 1;
        }
        c0 -= 1;
    } else if (c->extra == 1) {
        c0 -= 1; /* no next slot: never */
    }
    if (c->extra == 2) {
        /* ... and slot k is the last: used_k - used_{k+1} */
        for (int i = 0; i < t->n_routes; i++) {
            cols[n] = t->u[c->k * x->nR + t->routes[i]];
            coefs[n++] = 1;
            if (c->k + 1 < t->K) {
                cols[n] = t->u[(c->k + 1) * x->nR + t->routes[i]];
                coefs[n++] = -1;
            }
        }
        c0 -= 1;
    }
    rb_when(x, ge, c0, cols, coefs, n);
}

/* ------------------------------------------------------------- domain */

static int leg_min(const ex *x, const ex_tail *t, int a, int b) { return model_leg_min(x->m, t->type, a, b); }

/* Says (into msg) why the scenario is outside exact mode's domain; false when inside. */
static bool outside_domain(const sortie_model *m, char *msg, size_t len)
{
    for (int q = 0; q < m->n_reqs; q++)
        for (int p = 0; p < m->n_reqs; p++)
            if (m->reqs[q].from == m->reqs[p].to) {
                snprintf(msg, len,
                         "exact mode needs origins and destinations apart; %s is where %s leaves and %s arrives",
                         m->airfields[m->reqs[q].from].src->id, m->reqs[q].src->id, m->reqs[p].src->id);
                return true;
            }
    for (int q = 0; q < m->n_reqs; q++)
        for (int fi = 0; fi < m->n_fleets; fi++) {
            if (!model_fleet_carries_some(m, fi, q))
                continue;
            const mdl_fleet *f = &m->fleets[fi];
            const scn_type *t = &m->types[f->type].t;
            int o = m->reqs[q].from, d = m->reqs[q].to;
            /* The legs this fleet may need around q: loaded, from base, home,
             * and from the destination of any route it flies to q's origin. */
            int a = o, b = d;
            double limit = t->range_km;
            if (model_dist(m, f->base, o) > t->ferry_range_km)
                a = f->base, b = o, limit = t->ferry_range_km;
            else if (model_dist(m, d, f->base) > t->ferry_range_km)
                a = d, b = f->base, limit = t->ferry_range_km;
            for (int p = 0; p < m->n_reqs && a == o && b == d; p++) {
                bool flies = model_fleet_carries_some(m, fi, p);
                if (flies && model_dist(m, m->reqs[p].to, o) > t->ferry_range_km)
                    a = m->reqs[p].to, b = o, limit = t->ferry_range_km;
            }
            if (model_dist(m, a, b) > limit) {
                snprintf(msg, len, "exact mode needs direct legs; %s (%s) cannot fly %s-%s (%.0f km) without a stop",
                         f->src->id, t->id, m->airfields[a].src->id, m->airfields[b].src->id, model_dist(m, a, b));
                return true;
            }
        }
    return false;
}

/* --------------------------------------------------------------- build */

static void ex_free(ex *x)
{
    if (x->P)
        glp_delete_prob(x->P);
    for (int i = 0; x->T && i < x->nT; i++) {
        ex_tail *t = &x->T[i];
        free(t->routes);
        free(t->u);
        free(t->IA);
        free(t->D);
        free(t->A);
        free(t->OD);
        free(t->RA);
        free(t->p);
        free(t->n);
        free(t->z);
    }
    free(x->T);
    free(x->routes);
    free(x->route_of);
    free(x->line0);
    free(x->line_req);
    free(x->line_idx);
    free(x->ind);
    free(x->val);
}

static int route_index(ex *x, int o, int d)
{
    for (int r = 0; r < x->nR; r++)
        if (x->routes[r].o == o && x->routes[r].d == d)
            return r;
    x->routes[x->nR] = (ex_route){o, d};
    return x->nR++;
}

/* Sorties one tail can land by `ub` (relative): first delivery, then repeats. */
static int slots_for(const ex *x, const ex_tail *t, minute_t ub)
{
    long first = LONG_MAX, rep = LONG_MAX;
    for (int i = 0; i < t->n_routes; i++) {
        int r = t->routes[i], o = x->routes[r].o, d = x->routes[r].d;
        long f = leg_min(x, t, o, d) + (o == t->base ? 0 : leg_min(x, t, t->base, o) + t->g);
        first = f < first ? f : first;
        for (int j = 0; j < t->n_routes; j++) {
            int pd = x->routes[t->routes[j]].d;
            long c = (long)t->g + leg_min(x, t, pd, o) + t->g + leg_min(x, t, o, d);
            rep = c < rep ? c : rep;
        }
    }
    if (first == LONG_MAX || t->from + first > ub)
        return 0;
    return 1 + (int)((ub - t->from - first) / (rep > 0 ? rep : 1));
}

static bool alloc_tail(ex_tail *t, int K, int nR, int nQ, int nL)
{
    size_t k = (size_t)(K > 0 ? K : 1);
    t->u = calloc(k * (size_t)nR + 1, sizeof(int));
    t->IA = calloc(k, sizeof(int));
    t->D = calloc(k, sizeof(int));
    t->A = calloc(k, sizeof(int));
    t->OD = calloc(k, sizeof(int));
    t->RA = calloc(k, sizeof(int));
    t->p = calloc(k * (size_t)nQ + 1, sizeof(int));
    t->n = calloc(k * (size_t)nL + 1, sizeof(int));
    t->z = calloc(k * (size_t)nQ + 1, sizeof(int));
    return t->u && t->IA && t->D && t->A && t->OD && t->RA && t->p && t->n && t->z;
}

/* Sets up routes, cargo lines and tails with their slot counts. */
static sortie_status prepare(ex *x, minute_t ub, char *msg, size_t len)
{
    const sortie_model *m = x->m;
    x->nQ = m->n_reqs;
    x->routes = calloc((size_t)m->n_reqs + 1, sizeof *x->routes);
    x->route_of = calloc((size_t)m->n_reqs + 1, sizeof(int));
    x->line0 = calloc((size_t)m->n_reqs + 1, sizeof(int));
    if (!x->routes || !x->route_of || !x->line0)
        return SORTIE_ENOMEM;
    for (int q = 0; q < m->n_reqs; q++) {
        x->route_of[q] = route_index(x, m->reqs[q].from, m->reqs[q].to);
        x->line0[q] = x->nL;
        x->nL += (int)m->reqs[q].src->n_cargo;
    }
    x->line_req = calloc((size_t)x->nL + 1, sizeof(int));
    x->line_idx = calloc((size_t)x->nL + 1, sizeof(int));
    if (!x->line_req || !x->line_idx)
        return SORTIE_ENOMEM;
    for (int q = 0; q < m->n_reqs; q++)
        for (size_t l = 0; l < m->reqs[q].src->n_cargo; l++) {
            x->line_req[x->line0[q] + (int)l] = q;
            x->line_idx[x->line0[q] + (int)l] = (int)l;
        }
    x->T = calloc((size_t)m->n_tails + 1, sizeof *x->T);
    if (!x->T)
        return SORTIE_ENOMEM;
    int slots = 0;
    for (int i = 0; i < m->n_tails; i++) {
        ex_tail *t = &x->T[x->nT];
        const mdl_fleet *f = &m->fleets[m->tails[i].fleet];
        *t = (ex_tail){.tail = i, .fleet = m->tails[i].fleet, .base = f->base, .type = f->type,
                       .g = m->types[f->type].t.ground_min, .from = f->available_from - x->t0,
                       .lim = f->available_to - x->t0};
        t->routes = malloc(sizeof(int) * (size_t)(x->nR + 1));
        if (!t->routes)
            return SORTIE_ENOMEM;
        for (int r = 0; r < x->nR; r++) {
            bool flies = false;
            for (int q = 0; q < m->n_reqs && !flies; q++)
                if (x->route_of[q] == r)
                    flies = model_fleet_carries_some(m, t->fleet, q);
            if (flies)
                t->routes[t->n_routes++] = r;
        }
        if (t->n_routes > EX_MAX_ROUTES) {
            snprintf(msg, len, "too large for exact mode: fleet %s may fly %d routes (at most %d)", f->src->id,
                     t->n_routes, EX_MAX_ROUTES);
            x->nT++;
            return SORTIE_EINPUT;
        }
        t->K = slots_for(x, t, ub);
        if (t->K > EX_MAX_SLOTS_TAIL) {
            snprintf(msg, len, "too large for exact mode: %s could fly %d sorties (at most %d per aircraft)",
                     m->tails[i].id, t->K, EX_MAX_SLOTS_TAIL);
            x->nT++;
            return SORTIE_EINPUT;
        }
        slots += t->K;
        x->nT++;
        if (!alloc_tail(t, t->K, x->nR, x->nQ, x->nL))
            return SORTIE_ENOMEM;
    }
    if (slots > EX_MAX_SLOTS) {
        snprintf(msg, len, "too large for exact mode: %d sortie slots over all aircraft (at most %d)", slots,
                 EX_MAX_SLOTS);
        return SORTIE_EINPUT;
    }
    return SORTIE_OK;
}


static void build_tail(ex *x, ex_tail *t)
{
    const sortie_model *m = x->m;
    int nR = x->nR, K = t->K, g = t->g, b = t->base;
    double H = x->H;
    bool positions = false;
    for (int i = 0; i < t->n_routes; i++)
        positions |= x->routes[t->routes[i]].o != b;
    for (int k = 0; k < K; k++) {
        for (int i = 0; i < t->n_routes; i++)
            t->u[k * nR + t->routes[i]] = col_int(x, 0, 1, true);
        /* Landings and take-offs up to a delivery happen by the closure. */
        double ub = x->ub > t->from ? (double)x->ub : (double)t->from;
        t->IA[k] = col_time(x, (double)t->from, ub);
        t->D[k] = col_time(x, (double)t->from, ub);
        t->A[k] = col_time(x, (double)t->from, ub);
        t->OD[k] = col_time(x, (double)t->from, H);
        t->RA[k] = col_time(x, (double)t->from, H);
        for (int q = 0; q < x->nQ; q++) {
            if (!model_fleet_carries_some(m, t->fleet, q))
                continue;
            if (model_fleet_carries(m, t->fleet, q, -1))
                t->p[k * x->nQ + q] = col_int(x, 0, m->reqs[q].pax, false);
            for (size_t l = 0; l < m->reqs[q].src->n_cargo; l++)
                if (model_fleet_carries(m, t->fleet, q, (int)l))
                    t->n[k * x->nL + x->line0[q] + (int)l] = col_int(x, 0, m->reqs[q].src->cargo[l].count, false);
            /* Ready times bind only when later than this tail could leave anyway. */
            if (m->reqs[q].ready - x->t0 > t->from)
                t->z[k * x->nQ + q] = col_int(x, 0, 1, true);
        }
    }
    t->BD = positions ? col_time(x, (double)t->from, H) : 0;

    int day;
    for (int k = 0; k < K; k++) {
        /* One route per slot, used slots first. */
        rb_start(x, 1);
        add_u_where(x, t, k, 1, -1, 2);
        rb_end(x, GLP_UP);
        if (k + 1 < K) {
            rb_start(x, 0);
            add_u_where(x, t, k + 1, 1, -1, 2);
            add_u_where(x, t, k, -1, -1, 2);
            rb_end(x, GLP_UP);
        }
        /* Reaching the origin. */
        for (int i = 0; i < t->n_routes; i++) {
            int r = t->routes[i], o = x->routes[r].o;
            if (k == 0) {
                if (o == b)
                    continue; /* first take-off loaded from base: no landing, no ground time */
                rb_start(x, leg_min(x, t, b, o));
                rb_add(x, t->IA[0], 1);
                rb_add(x, t->BD, -1);
                act_u(x, true, t, 0, r);
                rb_end(x, GLP_LO);
                rb_start(x, g);
                rb_add(x, t->D[0], 1);
                rb_add(x, t->IA[0], -1);
                act_u(x, true, t, 0, r);
                rb_end(x, GLP_LO);
            } else {
                for (int j = 0; j < t->n_routes; j++) {
                    int rp = t->routes[j];
                    rb_start(x, leg_min(x, t, x->routes[rp].d, o));
                    rb_add(x, t->IA[k], 1);
                    rb_add(x, t->OD[k - 1], -1);
                    act_u(x, true, t, k - 1, rp);
                    act_u(x, true, t, k, r);
                    rb_end(x, GLP_LO);
                }
            }
        }
        if (k > 0) {
            rb_start(x, g);
            rb_add(x, t->D[k], 1);
            rb_add(x, t->IA[k], -1);
            act_used(x, true, t, k);
            rb_end(x, GLP_LO);
        }
        /* The loaded leg, the ground time after it, the closure. */
        rb_start(x, 0);
        rb_add(x, t->A[k], 1);
        rb_add(x, t->D[k], -1);
        for (int i = 0; i < t->n_routes; i++)
            rb_add(x, t->u[k * nR + t->routes[i]], -leg_min(x, t, x->routes[t->routes[i]].o, x->routes[t->routes[i]].d));
        rb_end(x, GLP_LO);
        rb_start(x, g);
        rb_add(x, t->OD[k], 1);
        rb_add(x, t->A[k], -1);
        act_used(x, true, t, k);
        rb_end(x, GLP_LO);
        rb_start(x, 0);
        rb_add(x, x->C, 1);
        rb_add(x, t->A[k], -1);
        act_used(x, true, t, k);
        rb_end(x, GLP_LO);
        /* "Slot k is used and slot k + 1 is not" (k is the last slot): the
         * indicator the home constraints below switch on. */
        int last_cols[2 * EX_MAX_ROUTES];
        double last_coefs[2 * EX_MAX_ROUTES];
        int n_last = 0;
        for (int j = 0; j < t->n_routes; j++) {
            last_cols[n_last] = t->u[k * nR + t->routes[j]];
            last_coefs[n_last++] = 1;
            if (k + 1 < K) {
                last_cols[n_last] = t->u[(k + 1) * nR + t->routes[j]];
                last_coefs[n_last++] = -1;
            }
        }
        /* Home: the last slot's return lands within availability and horizon. */
        rb_start(x, 0);
        rb_add(x, t->RA[k], 1);
        rb_add(x, t->A[k], -1);
        rb_end(x, GLP_LO);
        for (int i = 0; i < t->n_routes; i++) {
            int r = t->routes[i], d = x->routes[r].d;
            if (d == b)
                continue;
            rb_start(x, leg_min(x, t, d, b));
            rb_add(x, t->RA[k], 1);
            rb_add(x, t->OD[k], -1);
            act_u(x, true, t, k, r);
            /* ... and k is the last slot */
            rb_when(x, true, 0, last_cols, last_coefs, n_last);
            rb_end(x, GLP_LO);
        }
        {
            rb_start(x, (double)t->lim);
            rb_add(x, t->RA[k], 1);
            rb_when(x, false, 0, last_cols, last_coefs, n_last);
            rb_end(x, GLP_UP);
        }
        /* Opening hours at every movement. */
        for (int a = 0; a < m->n_airfields; a++) {
            if (m->airfields[a].always_open)
                continue;
            act_ctx c;
            day = 0;
            if (k == 0 && t->BD && a == b) {
                /* BD is real when the first route leaves elsewhere. */
                int cols[EX_MAX_ROUTES];
                double ones[EX_MAX_ROUTES];
                int n = 0;
                for (int i = 0; i < t->n_routes; i++)
                    if (x->routes[t->routes[i]].o != b) {
                        cols[n] = t->u[t->routes[i]];
                        ones[n++] = 1;
                    }
                int dd = col_int(x, -1, floor(x->H / MINUTES_PER_DAY) + 2, false);
                const mdl_airfield *af = &m->airfields[a];
                double close = af->close_min >= af->open_min ? af->close_min : af->close_min + MINUTES_PER_DAY;
                for (int side = 0; side < 2; side++) {
                    rb_start(x, side == 0 ? af->open_min : close);
                    rb_add(x, t->BD, 1);
                    rb_add(x, dd, -MINUTES_PER_DAY);
                    rb_when(x, side == 0, 0, cols, ones, n);
                    rb_end(x, side == 0 ? GLP_LO : GLP_UP);
                }
            }
            bool is_o = false, is_d = false;
            for (int i = 0; i < t->n_routes; i++) {
                is_o |= x->routes[t->routes[i]].o == a;
                is_d |= x->routes[t->routes[i]].d == a;
            }
            if (is_o) {
                if (!(k == 0 && a == b)) {
                    day = 0;
                    c = (act_ctx){t, k, a, 0, 0};
                    hours_rows(x, t->IA[k], a, act_at, &c, &day);
                }
                day = 0;
                c = (act_ctx){t, k, a, 0, 0};
                hours_rows(x, t->D[k], a, act_at, &c, &day);
            }
            if (is_d) {
                day = 0;
                c = (act_ctx){t, k, a, 1, 0};
                hours_rows(x, t->A[k], a, act_at, &c, &day);
                day = 0;
                c = (act_ctx){t, k, a, 1, a == b ? 1 : 0};
                hours_rows(x, t->OD[k], a, act_at, &c, &day);
            }
            if (a == b) {
                day = 0;
                c = (act_ctx){t, k, a, 2, 2};
                hours_rows(x, t->RA[k], a, act_at, &c, &day);
            }
        }
        /* Loads: what rides in slot k is on its route, within payload,
         * seats and floor, and ready before the take-off. */
        const scn_type *ty = &m->types[t->type].t;
        double floor_m2 = m->types[t->type].floor_m2;
        for (int dim = 0; dim < 3; dim++) {
            rb_start(x, 0);
            for (int q = 0; q < x->nQ; q++) {
                const mdl_requirement *rq = &m->reqs[q];
                int pc = t->p[k * x->nQ + q];
                if (dim == 0)
                    rb_add(x, pc, m->pax_kg);
                if (dim == 1)
                    rb_add(x, pc, 1);
                for (size_t l = 0; l < rq->src->n_cargo; l++) {
                    int nc = t->n[k * x->nL + x->line0[q] + (int)l];
                    const scn_cargo *c = &rq->src->cargo[l];
                    if (dim == 0)
                        rb_add(x, nc, c->weight_kg);
                    if (dim == 2)
                        rb_add(x, nc, c->length_m * c->width_m);
                }
            }
            double cap = dim == 0 ? ty->payload_kg : dim == 1 ? ty->seats : floor_m2;
            add_u_where(x, t, k, -cap, -1, 2);
            rb_end(x, GLP_UP);
        }
        for (int q = 0; q < x->nQ; q++) {
            if (!model_fleet_carries_some(m, t->fleet, q))
                continue;
            const mdl_requirement *rq = &m->reqs[q];
            int r = x->route_of[q];
            int zc = t->z[k * x->nQ + q];
            int gate = zc ? zc : t->u[k * nR + r];
            int pc = t->p[k * x->nQ + q];
            if (pc) {
                rb_start(x, 0);
                rb_add(x, pc, 1);
                rb_add(x, gate, -rq->pax);
                rb_end(x, GLP_UP);
            }
            for (size_t l = 0; l < rq->src->n_cargo; l++) {
                int nc = t->n[k * x->nL + x->line0[q] + (int)l];
                if (!nc)
                    continue;
                rb_start(x, 0);
                rb_add(x, nc, 1);
                rb_add(x, gate, -rq->src->cargo[l].count);
                rb_end(x, GLP_UP);
            }
            if (zc) {
                rb_start(x, 0);
                rb_add(x, zc, 1);
                rb_add(x, t->u[k * nR + r], -1);
                rb_end(x, GLP_UP);
                rb_start(x, (double)(rq->ready - x->t0));
                rb_add(x, t->D[k], 1);
                double one = 1;
                rb_when(x, true, 0, &zc, &one, 1);
                rb_end(x, GLP_LO);
            }
        }
    }
}

/* Everything of every requirement rides exactly once. */
static void build_cover(ex *x)
{
    const sortie_model *m = x->m;
    for (int q = 0; q < x->nQ; q++) {
        const mdl_requirement *rq = &m->reqs[q];
        if (rq->pax > 0) {
            rb_start(x, rq->pax);
            for (int i = 0; i < x->nT; i++)
                for (int k = 0; k < x->T[i].K; k++)
                    rb_add(x, x->T[i].p[k * x->nQ + q], 1);
            rb_end(x, GLP_FX);
        }
        for (size_t l = 0; l < rq->src->n_cargo; l++) {
            if (rq->src->cargo[l].count <= 0)
                continue;
            rb_start(x, rq->src->cargo[l].count);
            for (int i = 0; i < x->nT; i++)
                for (int k = 0; k < x->T[i].K; k++)
                    rb_add(x, x->T[i].n[k * x->nL + x->line0[q] + (int)l], 1);
            rb_end(x, GLP_FX);
        }
    }
}

/* The activation of a stay: its slot flies a route from (origin stay) or
 * to (destination stay) airfield a. */
static void act_stay(ex *x, bool ge, const ex_stay *s, int a)
{
    const ex_tail *t = &x->T[s->tail];
    int cols[EX_MAX_ROUTES];
    double ones[EX_MAX_ROUTES];
    int n = 0;
    for (int i = 0; i < t->n_routes; i++) {
        int r = t->routes[i];
        if ((s->origin ? x->routes[r].o : x->routes[r].d) == a) {
            cols[n] = t->u[s->k * x->nR + r];
            ones[n++] = 1;
        }
    }
    rb_when(x, ge, 0, cols, ones, n);
}

static int stay_start(const ex *x, const ex_stay *s)
{
    return s->origin ? x->T[s->tail].IA[s->k] : x->T[s->tail].A[s->k];
}

static int stay_end(const ex *x, const ex_stay *s)
{
    return s->origin ? x->T[s->tail].D[s->k] : x->T[s->tail].OD[s->k];
}

/* MOG at airfield a: at every stay's landing minute at most MOG - 1 other
 * stays of aircraft not based there are on the ground. */
static bool build_mog(ex *x, int a)
{
    const sortie_model *m = x->m;
    int mog = m->airfields[a].mog;
    if (mog < 0)
        return true;
    int cap = 0;
    for (int i = 0; i < x->nT; i++)
        cap += 2 * x->T[i].K;
    ex_stay *st = malloc(sizeof *st * (size_t)(cap + 1));
    if (!st)
        return false;
    int n = 0, tails = 0;
    for (int i = 0; i < x->nT; i++) {
        const ex_tail *t = &x->T[i];
        if (t->base == a)
            continue;
        bool o = false, d = false;
        for (int j = 0; j < t->n_routes; j++) {
            o |= x->routes[t->routes[j]].o == a;
            d |= x->routes[t->routes[j]].d == a;
        }
        if (o || d)
            tails++;
        for (int k = 0; k < t->K; k++) {
            if (o)
                st[n++] = (ex_stay){i, k, true};
            if (d)
                st[n++] = (ex_stay){i, k, false};
        }
    }
    if (mog == 0) {
        /* Nobody from elsewhere may stand here. */
        for (int s = 0; s < n; s++) {
            rb_start(x, 0);
            const ex_tail *t = &x->T[st[s].tail];
            add_u_where(x, t, st[s].k, 1, a, st[s].origin ? 0 : 1);
            rb_end(x, GLP_UP);
        }
    } else if (mog < tails) {
        for (int i = 0; i < n; i++) {
            int *cover = malloc(sizeof(int) * (size_t)(n + 1));
            int nc = 0;
            if (!cover) {
                free(st);
                return false;
            }
            for (int j = 0; j < n; j++) {
                if (st[j].tail == st[i].tail)
                    continue;
                int c = mog > 1 ? col_int(x, 0, 1, true) : 0;
                int e = col_int(x, 0, 1, true);
                double one = 1;
                /* J ends by I's landing, or J lands after it, or J covers it. */
                rb_start(x, 0);
                rb_add(x, stay_end(x, &st[j]), 1);
                rb_add(x, stay_start(x, &st[i]), -1);
                rb_when(x, false, 0, &e, &one, 1);
                if (c) {
                    double neg = -1;
                    rb_when(x, false, 1, &c, &neg, 1);
                }
                act_stay(x, false, &st[i], a);
                act_stay(x, false, &st[j], a);
                rb_end(x, GLP_UP);
                rb_start(x, 1);
                rb_add(x, stay_start(x, &st[j]), 1);
                rb_add(x, stay_start(x, &st[i]), -1);
                double neg = -1;
                rb_when(x, true, 1, &e, &neg, 1);
                if (c) {
                    rb_when(x, true, 1, &c, &neg, 1);
                }
                act_stay(x, true, &st[i], a);
                act_stay(x, true, &st[j], a);
                rb_end(x, GLP_LO);
                if (c)
                    cover[nc++] = c;
            }
            if (nc > 0) {
                rb_start(x, mog - 1);
                for (int k = 0; k < nc; k++)
                    rb_add(x, cover[k], 1);
                rb_end(x, GLP_UP);
            }
            free(cover);
        }
    }
    free(st);
    return true;
}

/* Identical tails (same type, base, operator and availability, as in one
 * fleet or in fleets alike): the earlier one flies if the later one does,
 * and takes its first loaded take-off no later. Any plan maps onto this
 * order by renaming tails (by first take-off, idle ones last), which
 * changes nothing else. */
static bool same_tail(const sortie_model *m, const ex_tail *t, const ex_tail *u)
{
    const mdl_fleet *a = &m->fleets[t->fleet], *b = &m->fleets[u->fleet];
    if (t->fleet == u->fleet)
        return true;
    if (a->type != b->type || a->base != b->base || a->operator_index != b->operator_index ||
        a->available_from != b->available_from || a->available_to != b->available_to)
        return false;
    /* Same eligibility too: carriers are per operator, fits per type. */
    return true;
}

static void build_symmetry(ex *x)
{
    for (int i = 0; i < x->nT; i++) {
        const ex_tail *t = &x->T[i];
        int j = i + 1;
        while (j < x->nT && !same_tail(x->m, t, &x->T[j]))
            j++;
        if (j == x->nT || t->K == 0 || x->T[j].K != t->K)
            continue;
        const ex_tail *u = &x->T[j];
        rb_start(x, 0);
        add_u_where(x, t, 0, -1, -1, 2);
        add_u_where(x, u, 0, 1, -1, 2);
        rb_end(x, GLP_UP);
        /* D[0] of t no later than u's when u flies. */
        rb_start(x, 0);
        rb_add(x, t->D[0], 1);
        rb_add(x, u->D[0], -1);
        act_used(x, false, u, 0);
        rb_end(x, GLP_UP);
    }
}

/* Ground time at an always-open origin with a MOG: every stay there ends
 * with a loaded take-off that lands by the closure, so the stays of
 * aircraft not based there fit MOG x (C - earliest landing - quickest leg
 * out). A cut the MIP implies only after branching; stated, it lifts the
 * relaxation to the airfield's throughput. */
static void build_mog_cuts(ex *x)
{
    const sortie_model *m = x->m;
    for (int a = 0; a < m->n_airfields; a++) {
        int mog = m->airfields[a].mog;
        if (mog <= 0 || !m->airfields[a].always_open)
            continue;
        minute_t early = INT64_MAX;
        int out = INT_MAX;
        rb_start(x, 0);
        for (int i = 0; i < x->nT; i++) {
            const ex_tail *t = &x->T[i];
            if (t->base == a)
                continue;
            for (int j = 0; j < t->n_routes; j++) {
                int r = t->routes[j];
                if (x->routes[r].o != a)
                    continue;
                minute_t e = t->from + leg_min(x, t, t->base, a);
                early = e < early ? e : early;
                int l = leg_min(x, t, a, x->routes[r].d);
                out = l < out ? l : out;
                for (int k = 0; k < t->K; k++)
                    rb_add(x, t->u[k * x->nR + r], t->g);
            }
        }
        if (x->n == 0)
            continue;
        rb_add(x, x->C, -mog);
        x->rhs = -(double)mog * (double)(early + out);
        rb_end(x, GLP_UP);
    }
}

/* ------------------------------------------------------------- solving */

static void callback(glp_tree *tree, void *info)
{
    ex *x = info;
    int reason = glp_ios_reason(tree);
    if (reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IPREPRO || reason == GLP_IBRANCH) {
        int best = glp_ios_best_node(tree);
        if (best > 0) {
            double b = glp_ios_node_bound(tree, best);
            if (b > x->bound)
                x->bound = b;
        }
    }
}

static long rnd(double v) { return lround(v); }

/* The MIP solution as a schedule. */
static sched *extract(ex *x)
{
    const sortie_model *m = x->m;
    sched *s = sched_new(m);
    if (!s)
        return NULL;
    bool ok = true;
    for (int i = 0; i < x->nT && ok; i++) {
        const ex_tail *t = &x->T[i];
        int prev_d = -1;
        for (int k = 0; k < t->K && ok; k++) {
            int r = -1;
            for (int j = 0; j < t->n_routes; j++)
                if (glp_mip_col_val(x->P, t->u[k * x->nR + t->routes[j]]) > 0.5)
                    r = t->routes[j];
            if (r < 0)
                break;
            int o = x->routes[r].o, d = x->routes[r].d;
            minute_t IA = x->t0 + rnd(glp_mip_col_val(x->P, t->IA[k]));
            minute_t D = x->t0 + rnd(glp_mip_col_val(x->P, t->D[k]));
            minute_t A = x->t0 + rnd(glp_mip_col_val(x->P, t->A[k]));
            if (k == 0 && o != t->base)
                ok = sched_add_leg(s, t->tail,
                                   (sched_leg){t->base, o, x->t0 + rnd(glp_mip_col_val(x->P, t->BD)), IA, -1});
            else if (k > 0)
                ok = sched_add_leg(
                    s, t->tail,
                    (sched_leg){prev_d, o, x->t0 + rnd(glp_mip_col_val(x->P, t->OD[k - 1])), IA, -1});
            int load = -1;
            for (int q = 0; q < x->nQ && ok; q++) {
                int pax = t->p[k * x->nQ + q] ? (int)rnd(glp_mip_col_val(x->P, t->p[k * x->nQ + q])) : 0;
                for (int l = -1; l < (int)m->reqs[q].src->n_cargo && ok; l++) {
                    int n = l < 0 ? pax : 0;
                    if (l >= 0 && t->n[k * x->nL + x->line0[q] + l])
                        n = (int)rnd(glp_mip_col_val(x->P, t->n[k * x->nL + x->line0[q] + l]));
                    if (n <= 0)
                        continue;
                    if (load < 0) {
                        load = sched_add_load(s, o, d, t->tail);
                        ok = load >= 0;
                    }
                    ok = ok && sched_add_piece(s, load, q, l, n);
                }
            }
            ok = ok && sched_add_leg(s, t->tail, (sched_leg){o, d, D, A, load});
            bool last = k + 1 == t->K;
            if (!last) {
                last = true;
                for (int j = 0; j < t->n_routes; j++)
                    if (glp_mip_col_val(x->P, t->u[(k + 1) * x->nR + t->routes[j]]) > 0.5)
                        last = false;
            }
            if (ok && last && d != t->base)
                ok = sched_add_leg(s, t->tail,
                                   (sched_leg){d, t->base, x->t0 + rnd(glp_mip_col_val(x->P, t->OD[k])),
                                               x->t0 + rnd(glp_mip_col_val(x->P, t->RA[k])), -1});
            prev_d = d;
        }
    }
    if (!ok) {
        sched_free(s);
        return NULL;
    }
    return s;
}

/* True when the schedule passes the independent checker. */
static bool valid(const sched *s)
{
    sortie_plan *plan = NULL;
    if (sched_to_plan(s, &plan) != SORTIE_OK)
        return false;
    sortie_diag *v = NULL;
    bool ok = sortie_check(s->m, plan, &v) == SORTIE_OK && sortie_diag_count(v) == 0;
    sortie_diag_free(v);
    sortie_plan_free(plan);
    return ok;
}

sortie_status exact_solve(const sortie_model *m, const sortie_params *params, const sched *incumbent,
                          sched **out)
{
    return exact_solve_why(m, params, incumbent, out, NULL, 0);
}

sortie_status exact_solve_why(const sortie_model *m, const sortie_params *params, const sched *incumbent,
                              sched **out, char *why, size_t why_len)
{
    *out = NULL;
    char msg[256] = "";
    if (outside_domain(m, msg, sizeof msg)) {
        if (why && why_len)
            snprintf(why, why_len, "%s", msg);
        return SORTIE_EINPUT;
    }
    minute_t ub = incumbent ? sched_closure(incumbent) : m->end;
    minute_t lb = incumbent && incumbent->bound > m->start ? incumbent->bound : m->start;
    int term = glp_term_out(GLP_OFF);
    ex x = {.m = m, .bound = -INFINITY};
    x.t0 = m->start - time_of_day(m->start);
    /* A plan closing by ub may fly home as soon as the ground time, the
     * opening hours at both ends and the leg allow (leaving sooner never
     * crowds an airfield more), so every time fits below ub plus a day for
     * each of the two hours waits, a ground time and the longest leg. */
    int longest = 0, ground = 0;
    for (int ty = 0; ty < m->n_types; ty++) {
        ground = m->types[ty].t.ground_min > ground ? m->types[ty].t.ground_min : ground;
        for (int a = 0; a < m->n_airfields; a++)
            for (int b = 0; b < m->n_airfields; b++)
                longest = model_leg_min(m, ty, a, b) > longest ? model_leg_min(m, ty, a, b) : longest;
    }
    x.ub = ub - x.t0;
    x.H = fmin((double)(m->end - x.t0), (double)x.ub + 2.0 * MINUTES_PER_DAY + ground + longest);
    x.M = x.H + longest + 2.0 * MINUTES_PER_DAY;
    sortie_status st = prepare(&x, ub - x.t0, msg, sizeof msg);
    sched *best = NULL;
    if (st != SORTIE_OK)
        goto done;
    /* The LP bound helps the search prove what it finds. */
    minute_t lp = lb;
    if (ub > lb && lpbound_closure(m, lb, ub, &lp, NULL, 0) == SORTIE_OK && lp > lb)
        lb = lp;

    x.P = glp_create_prob();
    glp_set_obj_dir(x.P, GLP_MIN);
    x.C = col_time(&x, (double)(lb - x.t0), (double)(ub - x.t0));
    glp_set_obj_coef(x.P, x.C, 1);
    for (int i = 0; i < x.nT; i++)
        build_tail(&x, &x.T[i]);
    build_cover(&x);
    for (int a = 0; a < m->n_airfields; a++)
        if (!build_mog(&x, a))
            x.oom = true;
    build_symmetry(&x);
    build_mog_cuts(&x);
    if (x.oom) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    if (x.binaries > EX_MAX_BINARIES) {
        snprintf(msg, sizeof msg, "too large for exact mode: %d binary variables (at most %d)", x.binaries,
                 EX_MAX_BINARIES);
        st = SORTIE_EINPUT;
        goto done;
    }

    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.mip_gap = 0;
    parm.gmi_cuts = GLP_ON;
    parm.mir_cuts = GLP_ON;
    parm.cov_cuts = GLP_ON;
    parm.clq_cuts = GLP_ON;
    double limit = params ? params->time_limit_s : 2.0;
    parm.tm_lim = limit > 0 ? (int)fmin(limit * 1000.0, (double)INT_MAX) : INT_MAX;
    parm.cb_func = callback;
    parm.cb_info = &x;
    int rc = glp_intopt(x.P, &parm);
    int status = glp_mip_status(x.P);
    bool proved = rc == 0 && status == GLP_OPT;
    if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EMIPGAP && rc != GLP_ENOPFS && rc != GLP_ENODFS) {
        snprintf(msg, sizeof msg, "GLPK's branch and cut failed (glp_intopt code %d)", rc);
        st = SORTIE_ESOLVER;
        goto done;
    }
    if (status == GLP_OPT || status == GLP_FEAS) {
        best = extract(&x);
        if (!best) {
            st = SORTIE_ENOMEM;
            goto done;
        }
        if (!valid(best) || (incumbent && sched_closure(best) > ub)) {
            /* Rounding or a modelling slip: never hand back an invalid plan. */
            sched_free(best);
            best = NULL;
            proved = false;
        }
    }
    minute_t closure;
    if (!best) {
        if (!incumbent) {
            snprintf(msg, sizeof msg, "exact mode found no plan within %.1f s", limit);
            st = SORTIE_EINFEASIBLE;
            goto done;
        }
        best = sched_clone(incumbent);
        if (!best) {
            st = SORTIE_ENOMEM;
            goto done;
        }
        proved = false;
    }
    closure = sched_closure(best);
    minute_t bound = lb;
    if (proved) {
        bound = closure;
    } else if (isfinite(x.bound)) {
        minute_t b = x.t0 + (minute_t)ceil(x.bound - 1e-6);
        bound = b > bound ? b : bound;
    }
    if (bound > closure)
        bound = closure;
    best->bound = bound;
    best->outcome = bound >= closure ? "optimal" : "time_limit";
    if (bound >= closure)
        snprintf(best->binding, sizeof best->binding, "proved optimal by the exact MIP");
    else if (incumbent && best->binding[0] == '\0')
        snprintf(best->binding, sizeof best->binding, "%s", incumbent->binding);
    *out = best;
    best = NULL;
done:
    sched_free(best);
    ex_free(&x);
    glp_term_out(term);
    if (why && why_len)
        snprintf(why, why_len, "%s", st == SORTIE_OK ? "" : msg[0] ? msg : sortie_strerror(st));
    return st;
}
