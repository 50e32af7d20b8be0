/*
 * lpbound: the LP capacity bound on closure (lpbound.h; the LP is written
 * out in docs/bound.md). Fleets with the same type, base, operator and
 * availability are merged into classes. For a trial closure T, a linear
 * program over
 *
 *   x[c][r][i]  loaded legs of class c on route r that are its tails' i-th
 *               (the last layer K_c: the K_c-th and later),
 *   e[c][i][a][o] empty positioning legs before an i-th sortie, from the
 *               base (i = 1) or a destination to an origin,
 *   start[c]    tails of c that fly at all,
 *   shares      of each requirement group's passengers, bulk kg and m2 and
 *               each outsize cargo line carried by each class,
 *
 * must satisfy:
 *
 *   cover      every group's pax, bulk kg, bulk m2 and each outsize line;
 *   load       per class and route: payload, seats, floor area, and "at
 *              most k per sortie" cuts for items heavier or larger than
 *              1/(k+1) of a hold;
 *   flow       a tail flies its i-th sortie only after an (i-1)-th (or from
 *              base), and positions from where that one landed;
 *   earliest   the i-th sortie on a route cannot land before the quickest
 *              chain of i sorties allows (positioning, ground times and
 *              opening hours), nor after T or its return to base;
 *   time       each class's legs plus ground times fit count x (T - first
 *              take-off), the first ground time credited;
 *   sorties    no started tail flies more loaded legs than the quickest
 *              sequence allows by T;
 *   MOG        at each airfield with a MOG, the take-offs of aircraft not
 *              based there, grouped by when they can land at the earliest
 *              and must take off at the latest, each follow a stay of at
 *              least ground_min within opening hours: MOG x open minutes
 *              bounds their ground minutes and MOG x (stays that fit) their
 *              number; where the airfield closes at night, and only after
 *              the guide is read (it would move the LP's vertex), stays
 *              count as the whole steps q their ground time holds, for q
 *              among the ground times and their halves: floor(hours / q)
 *              a day and floor(longest / q) a night (the step rows).
 *
 * Every constraint holds for any valid plan that closes by T (docs/bound.md
 * shows why), so an infeasible LP proves that none does. Only bounds and a
 * few coefficients move with T, so the binary search re-solves with the
 * dual simplex from the previous basis. What binds is found at T* - 1 by
 * letting the T-dependent rows borrow capacity at a cost and naming the row
 * that borrows the most.
 */
#include "lpbound.h"

#include "bisect.h"
#include "grow.h"
#include "load.h"
#include "routecut.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns spent on sortie layers and their positioning legs: more layers
 * follow each tail's sorties further, at the price of a larger LP. */
#define LAYER_BUDGET 3000
#define MAX_LAYERS 40
/* Simplex work allowed per call, in iterations x rows / 1000: S and M
 * scenarios never reach it; on L (30,000 rows) it is some 20,000
 * iterations, up to about six seconds here, which the generated L
 * scenarios need in full (at a quarter of it their bounds were 2-16%
 * lower). Counting iterations, not seconds, keeps the bound the same on
 * every run and machine. When it runs out, the last closure the LP
 * refuted, plus one minute, is still a proved bound. */
#define WORK_BUDGET 600000.0
/* Past these sizes (share columns, positioning pairs) the compact form is
 * used. The generated M scenarios have 5,000-8,500 share columns, L over
 * 100,000: in the full form M-1's bound rose by 63 minutes and M-4's by
 * 2.25 h for 0.2-0.6 s more (it was 6,000). */
#define COMPACT_SHARES 20000
#define COMPACT_PAIRS 6000
#define LAYER_SHARES 1500

/* ------------------------------------------------------------- structures */

typedef struct {
    int o, d;
} lp_route;

typedef struct {
    int type, base, op;
    minute_t from, to;       /* first take-off, last landing */
    int count;
    int fleet;               /* the first fleet, for names */
    int n_fleets;
    int g;                   /* ground minutes */
    double payload_t, seats, floor_m2;
    int K;                   /* sortie layers */
    size_t xoff;             /* x columns: xl[xoff + i * nR + r], i = 0 .. K-1 */
    size_t eoff;             /* e columns: el[eoff + (i * nA + a) * nA + o] */
    size_t toff;             /* time tables: arr[toff + i * nR + r] */
    size_t aoff;             /* land/darr[aoff + i * nA + a] */
    int startcol, ycol;      /* ycol: tails that fly sortie K-1 (K >= 2) */
} lp_class;

typedef struct {
    double kg, area;         /* one item */
    int count;
    int col0;                /* first n column (one per class of the group) */
} lp_line;

/* An outsize line summed over groups (compact covers). */
typedef struct {
    double kg, area;
    int count;
} pax_line;

typedef struct {
    int route;
    int *classes;            /* sorted */
    int n_classes;
    minute_t ready;          /* no load of the group leaves earlier */
    double pax, bulk_kg, bulk_area;
    lp_line *lines;          /* outsize lines, kept apart for the per-sortie cuts */
    int n_lines, cap_lines;
    int col_pax, col_kg, col_area; /* first column of each share (one per class) */
} lp_group;

/* A row or bound that moves with T. */
typedef enum { RR_TIME, RR_CHAIN, RR_ROUTE, RR_READY, RR_MOG_MIN, RR_MOG_COUNT, RR_MOG_STEP } rrow_kind;

typedef struct {
    rrow_kind kind;
    int row;                 /* GLPK row index */
    int elastic;             /* GLPK column of its elastic slack */
    int cls, route;          /* fleet rows */
    int af;                  /* MOG rows */
    int *cols;               /* all entries (1-based like GLPK, cols[1..n]) */
    double *vals;
    int n;
    int dyn;                 /* index in cols of the entry whose coefficient moves (0: none) */
    double k_now;            /* its current multiplier */
    int *members;            /* MOG rows: indices into lpb.dep */
    int n_members;
    int g_min, g_max;        /* RR_MOG_STEP: g_min is its step q */
    minute_t ready;          /* RR_READY and late MOG rows: sorties leaving no earlier */
    bool late;               /* MOG rows over the sorties that leave after `ready` */
    double rhs;              /* at the current T */
} lp_rrow;

/* Ready times per origin that the late rows (build_late_rows) look after. */
enum { MAX_LATE = 4 };

/* A column counting the sorties of a class on a route that leave no
 * earlier than `ready` (the ready rows' nested columns). */
typedef struct {
    int cls, route, col;
    minute_t ready;
} lp_late;

/* A take-off that follows a stay at an airfield with a MOG. */
typedef struct {
    int col, cls, af;
    minute_t early;          /* the stay begins no earlier */
    int late_off;            /* the take-off is no later than T - late_off */
} lp_dep;

typedef struct {
    const sortie_model *m;
    int nA;
    long layer_budget;       /* LAYER_BUDGET unless a test sets it */
    double work_left;        /* simplex iterations x rows / 1000 still allowed */
    bool compact;            /* large scenario: hub positioning and Hall covers, see build() */
    int *hub_out, *hub_in;   /* compact: [c * nA + a] positioning out of a / into origin a */
    lp_route *routes;
    int n_routes;
    lp_class *cls;
    int n_cls;
    int *class_of_fleet;
    lp_group *groups;
    int n_groups;
    int *Xcol;               /* [c * nR + r]: all loaded legs of c on r; 0 when c does not serve r */
    bool *is_origin, *is_dest; /* [c * nA + a]: airfields c serves as origin / destination */
    int *xl, *el;            /* layered columns, 0 when absent */
    minute_t *arr;           /* earliest landing of an i-th sortie on r */
    minute_t *land;          /* earliest landing at origin o before an i-th sortie */
    minute_t *darr;          /* earliest landing at destination a after an i-th sortie */
    minute_t *rdy;           /* [c * nA + o]: earliest loaded take-off of c from o */
    lp_dep *dep;
    int n_dep, cap_dep;
    lp_late *late;           /* in the order made: per class and route, ready ascending */
    minute_t *oth;           /* [a * MAX_LATE + i]: origin_thresholds */
    int *n_oth;
    int n_late, cap_late;
    lp_rrow *rr;
    int n_rr, cap_rr;
    glp_prob *lp;
    int *ind;                /* scratch for building rows */
    double *val;
    int cap_nz;
} lpb;

/* ---------------------------------------------------------------- helpers */

static int leg(const lpb *b, int c, int from, int to) { return model_leg_min(b->m, b->cls[c].type, from, to); }

static bool serves(const lpb *b, int c, int r) { return b->Xcol[(size_t)c * b->n_routes + r] != 0; }

static int xl_col(const lpb *b, int c, int i, int r) { return b->xl[b->cls[c].xoff + (size_t)i * b->n_routes + r]; }

static int el_col(const lpb *b, int c, int i, int a, int o)
{
    return b->el[b->cls[c].eoff + ((size_t)i * b->nA + a) * b->nA + o];
}

static bool nz_reserve(lpb *b, int n)
{
    if (n + 1 <= b->cap_nz)
        return true;
    int cap = b->cap_nz ? b->cap_nz : 64;
    while (cap < n + 1)
        cap *= 2;
    int *ind = realloc(b->ind, sizeof *ind * (size_t)cap);
    if (!ind)
        return false;
    b->ind = ind;
    double *val = realloc(b->val, sizeof *val * (size_t)cap);
    if (!val)
        return false;
    b->val = val;
    b->cap_nz = cap;
    return true;
}

/* Appends column j with coefficient v to the row being built (n entries so far). */
static bool nz_add(lpb *b, int *n, int j, double v)
{
    if (!nz_reserve(b, *n + 1))
        return false;
    ++*n;
    b->ind[*n] = j;
    b->val[*n] = v;
    return true;
}

static int add_col(lpb *b, double lo, double hi)
{
    int j = glp_add_cols(b->lp, 1);
    if (isinf(hi))
        glp_set_col_bnds(b->lp, j, GLP_LO, lo, 0);
    else if (hi > lo)
        glp_set_col_bnds(b->lp, j, GLP_DB, lo, hi);
    else
        glp_set_col_bnds(b->lp, j, GLP_FX, lo, lo);
    return j;
}

/* Adds row sum(val * col) <= rhs, >= rhs when ge, = rhs when eq. */
static int add_row(lpb *b, int n, int sense, double rhs)
{
    int i = glp_add_rows(b->lp, 1);
    glp_set_row_bnds(b->lp, i, sense, rhs, rhs);
    if (n > 0)
        glp_set_mat_row(b->lp, i, n, b->ind, b->val);
    return i;
}

/* Keeps the row being built as a T-dependent row of this kind. */
static lp_rrow *rr_add(lpb *b, rrow_kind kind, int n)
{
    if (!grow_array((void **)&b->rr, &b->cap_rr, b->n_rr, sizeof *b->rr, 32))
        return NULL;
    lp_rrow *r = &b->rr[b->n_rr];
    memset(r, 0, sizeof *r);
    /* Room for the elastic slack added at the end. */
    r->cols = malloc(sizeof(int) * (size_t)(n + 2));
    r->vals = malloc(sizeof(double) * (size_t)(n + 2));
    if (!r->cols || !r->vals) {
        free(r->cols);
        free(r->vals);
        return NULL;
    }
    memcpy(r->cols, b->ind, sizeof(int) * (size_t)(n + 1));
    memcpy(r->vals, b->val, sizeof(double) * (size_t)(n + 1));
    r->n = n;
    r->kind = kind;
    r->k_now = NAN;
    r->row = add_row(b, n, GLP_UP, 0);
    b->n_rr++;
    return r;
}

static bool dep_add(lpb *b, int col, int c, int af, minute_t early, int late_off)
{
    if (!grow_array((void **)&b->dep, &b->cap_dep, b->n_dep, sizeof *b->dep, 64))
        return false;
    b->dep[b->n_dep++] = (lp_dep){col, c, af, early, late_off};
    return true;
}

static bool late_add(lpb *b, int c, int r, int col, minute_t ready)
{
    if (!grow_array((void **)&b->late, &b->cap_late, b->n_late, sizeof *b->late, 64))
        return false;
    b->late[b->n_late++] = (lp_late){c, r, col, ready};
    return true;
}

static void lpb_free(lpb *b)
{
    if (b->lp)
        glp_delete_prob(b->lp);
    for (int g = 0; g < b->n_groups; g++) {
        free(b->groups[g].classes);
        free(b->groups[g].lines);
    }
    for (int i = 0; i < b->n_rr; i++) {
        free(b->rr[i].cols);
        free(b->rr[i].vals);
        free(b->rr[i].members);
    }
    free(b->groups);
    free(b->routes);
    free(b->cls);
    free(b->class_of_fleet);
    free(b->Xcol);
    free(b->is_origin);
    free(b->is_dest);
    free(b->xl);
    free(b->el);
    free(b->arr);
    free(b->land);
    free(b->darr);
    free(b->rdy);
    free(b->hub_out);
    free(b->hub_in);
    free(b->dep);
    free(b->late);
    free(b->oth);
    free(b->n_oth);
    free(b->rr);
    free(b->ind);
    free(b->val);
}

/* ---------------------------------------------------------- opening hours */

/* First minute >= t at which a movement may happen at a (t itself when open). */
static minute_t next_open(const sortie_model *m, int a, minute_t t)
{
    if (m->airfields[a].always_open)
        return t;
    for (int k = 0; k < 2 * MINUTES_PER_DAY && !model_airfield_open_at(m, a, t); k++)
        t++;
    return t;
}

/* Last minute <= t at which a movement may happen at a. */
static minute_t prev_open(const sortie_model *m, int a, minute_t t)
{
    if (m->airfields[a].always_open)
        return t;
    for (int k = 0; k < 2 * MINUTES_PER_DAY && !model_airfield_open_at(m, a, t); k++)
        t--;
    return t;
}

/* Open segments of airfield a within [s, e]: their summed length (minutes
 * between the first and last movement each allows), the number of stays of
 * at least g that fit inside them, and the number of closed gaps wholly
 * inside [s, e] (each lets one stay per parking spot stand through the
 * night). Always open: one segment [s, e]. */
static void open_capacity(const sortie_model *m, int a, minute_t s, minute_t e, int g, double *minutes, double *turns,
                          int *gaps)
{
    *minutes = 0;
    *turns = 0;
    *gaps = 0;
    if (e <= s)
        return;
    const mdl_airfield *af = &m->airfields[a];
    if (af->always_open) {
        *minutes = (double)(e - s);
        *turns = g > 0 ? floor((double)(e - s) / g) : 0;
        return;
    }
    minute_t day0 = s - time_of_day(s) - MINUTES_PER_DAY;
    int segments = 0;
    for (minute_t day = day0; day <= e; day += MINUTES_PER_DAY) {
        minute_t so = day + af->open_min;
        minute_t sc = af->close_min >= af->open_min ? day + af->close_min : day + MINUTES_PER_DAY + af->close_min;
        minute_t lo = so > s ? so : s, hi = sc < e ? sc : e;
        if (hi < lo)
            continue;
        segments++;
        *minutes += (double)(hi - lo);
        if (g > 0)
            *turns += floor((double)(hi - lo) / g);
    }
    *gaps = segments > 0 ? segments - 1 : 0;
}

/* Steps of q minutes that fit in one day's opening hours of af. */
static int open_day_turns(const mdl_airfield *af, int q)
{
    int open = af->close_min >= af->open_min ? af->close_min - af->open_min
                                             : MINUTES_PER_DAY - af->open_min + af->close_min;
    return q > 0 ? open / q : 0;
}

/* ------------------------------------------------- build: classes, groups */

static int route_index(lpb *b, int o, int d)
{
    for (int r = 0; r < b->n_routes; r++)
        if (b->routes[r].o == o && b->routes[r].d == d)
            return r;
    b->routes[b->n_routes] = (lp_route){o, d};
    return b->n_routes++;
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, c = *(const int *)y;
    return (a > c) - (a < c);
}

static bool build_classes(lpb *b)
{
    const sortie_model *m = b->m;
    b->cls = calloc((size_t)m->n_fleets + 1, sizeof *b->cls);
    b->class_of_fleet = calloc((size_t)m->n_fleets + 1, sizeof *b->class_of_fleet);
    if (!b->cls || !b->class_of_fleet)
        return false;
    for (int f = 0; f < m->n_fleets; f++) {
        const mdl_fleet *fl = &m->fleets[f];
        int c = 0;
        for (; c < b->n_cls; c++) {
            lp_class *k = &b->cls[c];
            if (k->type == fl->type && k->base == fl->base && k->op == fl->operator_index &&
                k->from == fl->available_from && k->to == fl->available_to)
                break;
        }
        if (c == b->n_cls) {
            const scn_type *t = &m->types[fl->type].t;
            b->cls[c] = (lp_class){.type = fl->type,
                                   .base = fl->base,
                                   .op = fl->operator_index,
                                   .from = fl->available_from,
                                   .to = fl->available_to,
                                   .fleet = f,
                                   .g = t->ground_min,
                                   .payload_t = t->payload_kg / 1000.0,
                                   .seats = t->seats,
                                   .floor_m2 = m->types[fl->type].floor_m2};
            b->n_cls++;
        }
        b->cls[c].count += fl->count;
        b->cls[c].n_fleets++;
        b->class_of_fleet[f] = c;
    }
    return true;
}

/* True when one item of (kg, area) exceeds 1/(k+1) of the class's payload or floor. */
static bool outsize(const lp_class *c, double kg, double area, int k)
{
    return kg / 1000.0 > c->payload_t / (k + 1) + 1e-9 || area > c->floor_m2 / (k + 1) + 1e-9;
}

/* Pieces with the same route, the same classes allowed and the same ready
 * time form one group; items that are outsize for some allowed class keep
 * their own line. A requirement's passengers and each of its cargo lines
 * may fall into different groups, as different types may carry them. */
static bool build_groups(lpb *b)
{
    const sortie_model *m = b->m;
    size_t parts = 0;
    for (int q = 0; q < m->n_reqs; q++)
        parts += 1 + m->reqs[q].src->n_cargo;
    b->routes = calloc((size_t)m->n_reqs + 1, sizeof *b->routes);
    b->groups = calloc(parts + 1, sizeof *b->groups);
    int *set = malloc(sizeof(int) * ((size_t)m->n_fleets + 1));
    bool *route_ok = malloc(sizeof(bool) * ((size_t)m->n_fleets + 1));
    if (!b->routes || !b->groups || !set || !route_ok) {
        free(set);
        free(route_ok);
        return false;
    }
    bool ok = true;
    minute_t quantum = m->n_reqs <= 200 ? 1 : m->n_reqs <= 1000 ? 120 : 720;
    for (int q = 0; q < m->n_reqs && ok; q++) {
        const mdl_requirement *rq = &m->reqs[q];
        for (int f = 0; f < m->n_fleets; f++) {
            /* model_fleet_carries, its route part once per requirement */
            route_ok[f] = rq->carrier_ok[m->fleets[f].operator_index] && model_fleet_reaches(m, q, f);
        }
        int r = -1;
        /* Ready times set groups apart too, rounded down (which only
         * weakens what they prove) to keep large scenarios' groups few. */
        minute_t ready = rq->ready - (rq->ready - m->start) % quantum;
        for (int line = -1; line < (int)rq->src->n_cargo && ok; line++) {
            if (line < 0 ? rq->pax <= 0 : rq->src->cargo[line].count <= 0)
                continue;
            int n = 0;
            for (int f = 0; f < m->n_fleets; f++) {
                if (!route_ok[f] || !model_type_takes(m, m->fleets[f].type, q, line))
                    continue;
                int c = b->class_of_fleet[f];
                bool seen = false;
                for (int i = 0; i < n && !seen; i++)
                    seen = set[i] == c;
                if (!seen)
                    set[n++] = c;
            }
            if (n == 0)
                continue; /* the model refuses such scenarios; nothing to bound here */
            qsort(set, (size_t)n, sizeof *set, cmp_int);
            if (r < 0)
                r = route_index(b, rq->from, rq->to);
            int g = 0;
            for (; g < b->n_groups; g++) {
                lp_group *gr = &b->groups[g];
                if (gr->route == r && gr->ready == ready && gr->n_classes == n &&
                    memcmp(gr->classes, set, sizeof(int) * (size_t)n) == 0)
                    break;
            }
            lp_group *gr = &b->groups[g];
            if (g == b->n_groups) {
                gr->route = r;
                gr->ready = ready;
                gr->classes = malloc(sizeof(int) * (size_t)n);
                if (!gr->classes) {
                    ok = false;
                    break;
                }
                memcpy(gr->classes, set, sizeof(int) * (size_t)n);
                gr->n_classes = n;
                b->n_groups++;
            }
            if (line < 0) {
                gr->pax += rq->pax;
                continue;
            }
            const scn_cargo *item = &rq->src->cargo[line];
            double area = item->length_m * item->width_m;
            bool big = false;
            for (int i = 0; i < n && !big; i++)
                big = outsize(&b->cls[set[i]], item->weight_kg, area, 2);
            if (!big) {
                gr->bulk_kg += item->count * item->weight_kg;
                gr->bulk_area += item->count * area;
                continue;
            }
            int k = 0;
            while (k < gr->n_lines && !(gr->lines[k].kg == item->weight_kg && gr->lines[k].area == area))
                k++;
            if (k == gr->n_lines) {
                if (!grow_array((void **)&gr->lines, &gr->cap_lines, gr->n_lines, sizeof *gr->lines, 4)) {
                    ok = false;
                    break;
                }
                gr->lines[k] = (lp_line){item->weight_kg, area, 0, 0};
                gr->n_lines++;
            }
            gr->lines[k].count += item->count;
        }
    }
    free(set);
    free(route_ok);
    return ok;
}

/* ------------------------------------------------ build: earliest times */

/* The latest a loaded leg of c on r may land: T, and early enough to fly
 * home by the end of the class's availability. */
static minute_t latest_landing(const lpb *b, int c, int r, minute_t T)
{
    const lp_class *cl = &b->cls[c];
    int d = b->routes[r].d;
    minute_t home = cl->to - (d == cl->base ? 0 : cl->g + leg(b, c, d, cl->base));
    return T < home ? T : home;
}

/* The quickest repeat of class c: unload, position, load, fly; over all its
 * routes (route < 0) or one route alone. */
static long repeat_minutes(const lpb *b, int c, int route)
{
    long best = LONG_MAX;
    int g = b->cls[c].g;
    for (int r = 0; r < b->n_routes; r++) {
        if (!serves(b, c, r) || (route >= 0 && r != route))
            continue;
        int o = b->routes[r].o;
        for (int p = 0; p < b->nA; p++) {
            if (!b->is_dest[(size_t)c * b->nA + p] || (route >= 0 && p != b->routes[r].d))
                continue;
            long t = leg(b, c, o, b->routes[r].d) + g + (p == o ? 0 : leg(b, c, p, o) + g);
            if (t < best)
                best = t;
        }
    }
    return best;
}

/* One step of the earliest-time recurrence for class c: given the earliest
 * landings at each destination after the previous sortie (prev; NULL for a
 * tail's first sortie, from base), the earliest landing at each origin
 * before this sortie, at each route's destination, and at each destination.
 * Chains are as quick as flying, ground times and opening hours allow, MOG
 * ignored; `never` marks what cannot happen. */
static void time_step(const lpb *b, int c, const minute_t *prev, minute_t never, minute_t *ready, minute_t *land,
                      minute_t *arr, minute_t *darr)
{
    const sortie_model *m = b->m;
    const lp_class *cl = &b->cls[c];
    int nA = b->nA, nR = b->n_routes, g = cl->g;
    for (int o = 0; o < nA; o++) {
        land[o] = never;
        darr[o] = never;
        ready[o] = never;
        if (!b->is_origin[(size_t)c * nA + o])
            continue;
        for (int a = 0; a < nA; a++) {
            minute_t at; /* on the ground at a, free to take off */
            if (!prev) {
                if (a != cl->base)
                    continue;
                at = cl->from;
            } else {
                if (!b->is_dest[(size_t)c * nA + a] || prev[a] >= never)
                    continue;
                at = prev[a] + g;
            }
            minute_t l, rd;
            if (a == o) {
                /* Already there: from base no landing at all; after a
                 * delivery the stay began with that landing. */
                l = prev ? at - g : never;
                rd = next_open(m, o, at);
            } else {
                minute_t dep = next_open(m, a, at);
                l = next_open(m, o, dep + leg(b, c, a, o));
                rd = next_open(m, o, l + g);
            }
            ready[o] = rd < ready[o] ? rd : ready[o];
            land[o] = l < land[o] ? l : land[o];
        }
    }
    for (int r = 0; r < nR; r++) {
        arr[r] = never;
        int o = b->routes[r].o, d = b->routes[r].d;
        if (!serves(b, c, r) || ready[o] >= never)
            continue;
        arr[r] = next_open(m, d, ready[o] + leg(b, c, o, d));
        darr[d] = arr[r] < darr[d] ? arr[r] : darr[d];
    }
}

/* Earliest landing of an i-th sortie (counted from 0) of class c on each
 * route, at each origin before it and at each destination after it. The
 * last layer holds the least over every later sortie too: the recurrence is
 * run on until its quickest sortie is later than every value kept, since
 * each step adds at least one repeat. */
static bool earliest_times(lpb *b, int c)
{
    const lp_class *cl = &b->cls[c];
    int nA = b->nA, nR = b->n_routes;
    minute_t never = b->m->end + 100000;
    minute_t *ready = malloc(sizeof(minute_t) * (size_t)nA);
    minute_t *land = malloc(sizeof(minute_t) * (size_t)nA), *darr = malloc(sizeof(minute_t) * (size_t)nA);
    minute_t *prev = malloc(sizeof(minute_t) * (size_t)nA), *arr = malloc(sizeof(minute_t) * (size_t)nR);
    bool ok = ready && land && darr && prev && arr;
    minute_t *L = &b->land[cl->aoff + (size_t)(cl->K - 1) * nA], *D = &b->darr[cl->aoff + (size_t)(cl->K - 1) * nA];
    minute_t *A = &b->arr[cl->toff + (size_t)(cl->K - 1) * nR];
    minute_t *rdy = &b->rdy[(size_t)c * nA];
    for (int a = 0; a < nA; a++)
        rdy[a] = never;
    for (int i = 0; ok && i < cl->K; i++) {
        time_step(b, c, i == 0 ? NULL : &b->darr[cl->aoff + (size_t)(i - 1) * nA], never, ready,
                  &b->land[cl->aoff + (size_t)i * nA], &b->arr[cl->toff + (size_t)i * nR],
                  &b->darr[cl->aoff + (size_t)i * nA]);
        for (int a = 0; a < nA; a++)
            rdy[a] = ready[a] < rdy[a] ? ready[a] : rdy[a];
    }
    if (ok)
        memcpy(prev, D, sizeof(minute_t) * (size_t)nA);
    for (int guard = 0; ok && guard < 100000; guard++) {
        time_step(b, c, prev, never, ready, land, arr, darr);
        minute_t quickest = never, kept = 0;
        for (int r = 0; r < nR; r++) {
            quickest = arr[r] < quickest ? arr[r] : quickest;
            A[r] = arr[r] < A[r] ? arr[r] : A[r];
            if (A[r] < never && A[r] > kept)
                kept = A[r];
        }
        for (int a = 0; a < nA; a++) {
            L[a] = land[a] < L[a] ? land[a] : L[a];
            D[a] = darr[a] < D[a] ? darr[a] : D[a];
            if (L[a] < never && L[a] > kept)
                kept = L[a];
            if (D[a] < never && D[a] > kept)
                kept = D[a];
        }
        /* Later landings are all later than `quickest`; once it passes
         * every value kept, nothing can lower them. */
        if (quickest >= never || quickest > kept)
            break;
        memcpy(prev, darr, sizeof(minute_t) * (size_t)nA);
    }
    free(ready);
    free(land);
    free(darr);
    free(prev);
    free(arr);
    return ok;
}

/* Landings at route r's destination, by lim, of one tail of class c that
 * shuttles on r from a take-off at o no earlier than `dep` (or, with
 * `landed`, from a landing at the destination at `dep`): fly, stay, fly
 * back, stay, each movement at the first open minute. Going back by way of
 * other airfields is never quicker (rule 3's times add up at least to the
 * direct leg's, and opening hours only delay), so this counts the most
 * sorties on r alone. With both ends always open it is 1 + (lim - first
 * landing) / repeat; with hours a night can cost a whole cycle, which the
 * division misses. */
static double shuttle_landings(const lpb *b, int c, int r, minute_t dep, bool landed, minute_t lim)
{
    const sortie_model *m = b->m;
    int o = b->routes[r].o, d = b->routes[r].d, g = b->cls[c].g;
    int out = leg(b, c, o, d), back = leg(b, c, d, o);
    minute_t arr = landed ? dep : next_open(m, d, next_open(m, o, dep) + out);
    if (arr > lim)
        return 0;
    long rep = repeat_minutes(b, c, r);
    if (m->airfields[o].always_open && m->airfields[d].always_open)
        return 1 + (rep == LONG_MAX || rep <= 0 ? 0 : floor((double)(lim - arr) / (double)rep));
    double n = 1;
    for (;;) {
        minute_t at_o = next_open(m, o, next_open(m, d, arr + g) + back);
        minute_t next = next_open(m, d, next_open(m, o, at_o + g) + out);
        if (next > lim || next <= arr)
            return n;
        arr = next;
        n++;
    }
}

/* Loaded legs a started tail of class c can have landed by T: layer by
 * layer from the earliest times, then quickest repeats after the last
 * layer's least landing. route < 0: sorties on any route; else those on
 * that route (which need not be consecutive). */
static double max_sorties(const lpb *b, int c, int route, minute_t T)
{
    const lp_class *cl = &b->cls[c];
    int nR = b->n_routes, K = cl->K;
    double n = 0;
    int last = -1;
    minute_t slack = -1;
    for (int i = 0; i < K; i++) {
        bool any = false;
        for (int r = 0; r < nR; r++) {
            if (!serves(b, c, r) || (route >= 0 && r != route))
                continue;
            minute_t lim = latest_landing(b, c, r, T), a = b->arr[cl->toff + (size_t)i * nR + r];
            if (a > lim)
                continue;
            any = true;
            if (i == K - 1 && lim - a > slack)
                slack = lim - a;
        }
        if (any) {
            last = i;
            n += i < K - 1;
        }
    }
    if (route < 0)
        n = last < 0 ? 0 : last < K - 1 ? last + 1 : K - 1;
    long rep = repeat_minutes(b, c, route);
    if (last == K - 1)
        n += 1 + (rep == LONG_MAX || rep <= 0 ? 0 : floor((double)slack / (double)rep));
    if (route >= 0 && n > 0) {
        /* The same route again takes a full repeat: from the route's
         * earliest landing in any layer, one more per repeat. */
        minute_t first = LLONG_MAX, lim = latest_landing(b, c, route, T);
        for (int i = 0; i < K; i++) {
            minute_t a = b->arr[cl->toff + (size_t)i * nR + route];
            first = a < first ? a : first;
        }
        double alone = first > lim ? 0 : shuttle_landings(b, c, route, first, true, lim);
        n = alone < n ? alone : n;
    }
    return n;
}

/* Sorties on route r one tail of class c can fly leaving no earlier than
 * `ready` and landing by T. */
static double sorties_after(const lpb *b, int c, int r, minute_t ready, minute_t T)
{
    minute_t early = b->rdy[(size_t)c * b->nA + b->routes[r].o];
    return shuttle_landings(b, c, r, ready > early ? ready : early, false, latest_landing(b, c, r, T));
}

/* ------------------------------------------------------ build: columns */

static bool alloc_layers(lpb *b, minute_t hi)
{
    const sortie_model *m = b->m;
    int nA = b->nA, nR = b->n_routes, nC = b->n_cls;
    b->Xcol = calloc((size_t)nC * nR + 1, sizeof *b->Xcol);
    b->is_origin = calloc((size_t)nC * nA + 1, sizeof(bool));
    b->is_dest = calloc((size_t)nC * nA + 1, sizeof(bool));
    if (!b->Xcol || !b->is_origin || !b->is_dest)
        return false;
    for (int g = 0; g < b->n_groups; g++) {
        const lp_group *gr = &b->groups[g];
        for (int i = 0; i < gr->n_classes; i++) {
            int c = gr->classes[i];
            b->Xcol[(size_t)c * nR + gr->route] = -1; /* served; column made later */
            b->is_origin[(size_t)c * nA + b->routes[gr->route].o] = true;
            b->is_dest[(size_t)c * nA + b->routes[gr->route].d] = true;
        }
    }
    /* Layers per class: as many as a tail can fly by the end of the
     * horizon, shared out round-robin within the column budget. */
    int *kmax = calloc((size_t)nC + 1, sizeof(int));
    long *cost = calloc((size_t)nC + 1, sizeof(long));
    if (!kmax || !cost) {
        free(kmax);
        free(cost);
        return false;
    }
    long total = 0;
    for (int c = 0; c < nC; c++) {
        lp_class *cl = &b->cls[c];
        int n_o = 0, n_d = 0, n_r = 0;
        for (int a = 0; a < nA; a++) {
            n_o += b->is_origin[(size_t)c * nA + a];
            n_d += b->is_dest[(size_t)c * nA + a];
        }
        for (int r = 0; r < nR; r++)
            n_r += serves(b, c, r);
        cost[c] = (long)n_r + (long)(n_d + 1) * n_o;
        cl->K = n_r > 0 ? 1 : 0;
        total += cl->K * cost[c];
        if (n_r == 0)
            continue;
        long first = LONG_MAX;
        for (int r = 0; r < nR; r++)
            if (serves(b, c, r)) {
                int o = b->routes[r].o;
                long f = leg(b, c, o, b->routes[r].d) + (o == cl->base ? 0 : leg(b, c, cl->base, o) + cl->g);
                first = f < first ? f : first;
            }
        long rep = repeat_minutes(b, c, -1);
        /* No tail flies more sorties than fit before the plan in hand closes. */
        minute_t span = (hi < cl->to ? hi : cl->to) - cl->from;
        kmax[c] = first > span ? 1 : rep <= 0 || rep == LONG_MAX ? 1 : 1 + (int)((span - first) / rep);
        if (kmax[c] > MAX_LAYERS)
            kmax[c] = MAX_LAYERS;
    }
    for (bool grew = !b->compact; grew;) {
        grew = false;
        for (int c = 0; c < nC; c++) {
            lp_class *cl = &b->cls[c];
            if (cl->K == 0 || cl->K >= kmax[c] || total + cost[c] > b->layer_budget)
                continue;
            cl->K++;
            total += cost[c];
            grew = true;
        }
    }
    size_t nx = 0, ne = 0, nt = 0, na = 0;
    for (int c = 0; c < nC; c++) {
        lp_class *cl = &b->cls[c];
        cl->xoff = nx;
        cl->eoff = ne;
        cl->toff = nt;
        cl->aoff = na;
        nx += (size_t)cl->K * nR;
        ne += (size_t)cl->K * nA * nA;
        nt += (size_t)cl->K * nR;
        na += (size_t)cl->K * nA;
    }
    free(kmax);
    free(cost);
    b->xl = calloc(nx + 1, sizeof *b->xl);
    b->el = calloc(ne + 1, sizeof *b->el);
    b->arr = calloc(nt + 1, sizeof *b->arr);
    b->land = calloc(na + 1, sizeof *b->land);
    b->darr = calloc(na + 1, sizeof *b->darr);
    b->rdy = calloc((size_t)nC * nA + 1, sizeof *b->rdy);
    if (!b->xl || !b->el || !b->arr || !b->land || !b->darr || !b->rdy)
        return false;
    for (int c = 0; c < nC; c++)
        if (b->cls[c].K > 0 && !earliest_times(b, c))
            return false;
    (void)m;
    return true;
}

/* Least minutes of a positioning leg of class c from a to one of its
 * origins other than a (INT_MAX: none). */
static int hub_leg(const lpb *b, int c, int a)
{
    int best = INT_MAX;
    for (int o = 0; o < b->nA; o++)
        if (o != a && b->is_origin[(size_t)c * b->nA + o]) {
            int t = leg(b, c, a, o);
            best = t < best ? t : best;
        }
    return best;
}

static bool build_columns(lpb *b)
{
    int nA = b->nA, nR = b->n_routes;
    if (b->compact) {
        b->hub_out = calloc((size_t)b->n_cls * nA + 1, sizeof(int));
        b->hub_in = calloc((size_t)b->n_cls * nA + 1, sizeof(int));
        if (!b->hub_out || !b->hub_in)
            return false;
    }
    for (int c = 0; c < b->n_cls; c++) {
        lp_class *cl = &b->cls[c];
        if (cl->K == 0)
            continue;
        cl->startcol = add_col(b, 0, cl->count);
        for (int r = 0; r < nR; r++)
            if (serves(b, c, r))
                b->Xcol[(size_t)c * nR + r] = add_col(b, 0, INFINITY);
        for (int i = 0; i < cl->K; i++) {
            for (int r = 0; r < nR; r++)
                if (serves(b, c, r))
                    b->xl[cl->xoff + (size_t)i * nR + r] = add_col(b, 0, INFINITY);
            /* Positioning before an i-th sortie: from base for the first;
             * from a destination for later ones (and in a single layer). */
            for (int a = 0; a < nA; a++) {
                bool from_base = i == 0 && a == cl->base;
                bool from_dest = (i > 0 || cl->K == 1) && b->is_dest[(size_t)c * nA + a];
                if (!from_base && !from_dest)
                    continue;
                for (int o = 0; o < nA; o++)
                    if (b->is_origin[(size_t)c * nA + o] && (!b->compact || o == a))
                        b->el[cl->eoff + ((size_t)i * nA + a) * nA + o] = add_col(b, 0, INFINITY);
                /* Compact: positioning through a hub, each leg priced at the
                 * least it can cost from where it leaves. */
                if (b->compact && hub_leg(b, c, a) < INT_MAX)
                    b->hub_out[(size_t)c * nA + a] = add_col(b, 0, INFINITY);
            }
            for (int o = 0; b->compact && o < nA; o++)
                if (b->is_origin[(size_t)c * nA + o])
                    b->hub_in[(size_t)c * nA + o] = add_col(b, 0, INFINITY);
        }
        if (cl->K >= 2)
            cl->ycol = add_col(b, 0, cl->count);
    }
    /* The share columns: per group and class, pax, bulk kg, bulk m2, and each outsize line. */
    for (int g = 0; g < b->n_groups && !b->compact; g++) {
        lp_group *gr = &b->groups[g];
        int n = gr->n_classes;
        gr->col_pax = glp_add_cols(b->lp, 3 * n);
        gr->col_kg = gr->col_pax + n;
        gr->col_area = gr->col_pax + 2 * n;
        for (int i = 0; i < 3 * n; i++)
            glp_set_col_bnds(b->lp, gr->col_pax + i, GLP_LO, 0, 0);
        for (int l = 0; l < gr->n_lines; l++) {
            gr->lines[l].col0 = glp_add_cols(b->lp, n);
            for (int i = 0; i < n; i++)
                glp_set_col_bnds(b->lp, gr->lines[l].col0 + i, GLP_LO, 0, 0);
        }
    }
    return true;
}

/* ---------------------------------------------- build: cover and load rows */

static bool build_cover_rows(lpb *b)
{
    for (int g = 0; g < b->n_groups; g++) {
        const lp_group *gr = &b->groups[g];
        int n = gr->n_classes, k;
        /* Weights are carried in tonnes to keep coefficients near 1. */
        struct {
            int col;
            double need;
        } cover[3] = {{gr->col_pax, gr->pax}, {gr->col_kg, gr->bulk_kg / 1000.0}, {gr->col_area, gr->bulk_area}};
        for (int w = 0; w < 3; w++) {
            if (cover[w].need <= 0)
                continue;
            k = 0;
            for (int i = 0; i < n; i++)
                if (!nz_add(b, &k, cover[w].col + i, 1))
                    return false;
            add_row(b, k, GLP_LO, cover[w].need);
        }
        for (int l = 0; l < gr->n_lines; l++) {
            k = 0;
            for (int i = 0; i < n; i++)
                if (!nz_add(b, &k, gr->lines[l].col0 + i, 1))
                    return false;
            add_row(b, k, GLP_LO, gr->lines[l].count);
        }
    }
    return true;
}

/* Payload, seats, floor and the outsize cuts of the sorties of class c on
 * route r in column X, for the groups ready no earlier than `ready`. */
static bool build_load_rows(lpb *b, int c, int r, int X, minute_t ready)
{
    const lp_class *cl = &b->cls[c];
    double pax_t = b->m->pax_kg / 1000.0;
    for (int kind = 0; kind < 7; kind++) {
        /* 0 payload, 1 seats, 2 floor, 3/4 heavy k=1/2, 5/6 large k=1/2 */
        int k = 0;
        bool any = false;
        for (int g = 0; g < b->n_groups; g++) {
            const lp_group *gr = &b->groups[g];
            if (gr->route != r || gr->ready < ready)
                continue;
            int i = 0;
            while (i < gr->n_classes && gr->classes[i] != c)
                i++;
            if (i == gr->n_classes)
                continue;
            if (kind == 0) {
                if (!nz_add(b, &k, gr->col_pax + i, pax_t) || !nz_add(b, &k, gr->col_kg + i, 1))
                    return false;
                for (int l = 0; l < gr->n_lines; l++)
                    if (!nz_add(b, &k, gr->lines[l].col0 + i, gr->lines[l].kg / 1000.0))
                        return false;
                any = true;
            } else if (kind == 1) {
                if (!nz_add(b, &k, gr->col_pax + i, 1))
                    return false;
                any = true;
            } else if (kind == 2) {
                if (!nz_add(b, &k, gr->col_area + i, 1))
                    return false;
                for (int l = 0; l < gr->n_lines; l++)
                    if (!nz_add(b, &k, gr->lines[l].col0 + i, gr->lines[l].area))
                        return false;
                any = true;
            } else {
                int per = kind == 3 || kind == 5 ? 1 : 2;
                bool heavy = kind <= 4;
                for (int l = 0; l < gr->n_lines; l++) {
                    const lp_line *ln = &gr->lines[l];
                    bool over = heavy ? ln->kg / 1000.0 > cl->payload_t / (per + 1) + 1e-9
                                      : ln->area > cl->floor_m2 / (per + 1) + 1e-9;
                    if (over) {
                        if (!nz_add(b, &k, ln->col0 + i, 1))
                            return false;
                        any = true;
                    }
                }
            }
        }
        if (!any)
            continue;
        double cap = kind == 0   ? cl->payload_t
                     : kind == 1 ? cl->seats
                     : kind == 2 ? cl->floor_m2
                                 : (kind == 3 || kind == 5 ? 1 : 2);
        if (!nz_add(b, &k, X, -cap))
            return false;
        add_row(b, k, GLP_UP, 0);
    }
    return true;
}

/* ------------------------------------------------- build: the fleet rows */

static bool build_fleet_rows(lpb *b, int c)
{
    const lp_class *cl = &b->cls[c];
    int nA = b->nA, nR = b->n_routes, K = cl->K, g = cl->g, k;
    /* X[c][r] = sum over layers. */
    for (int r = 0; r < nR; r++) {
        if (!serves(b, c, r))
            continue;
        k = 0;
        if (!nz_add(b, &k, b->Xcol[(size_t)c * nR + r], 1))
            return false;
        for (int i = 0; i < K; i++)
            if (!nz_add(b, &k, xl_col(b, c, i, r), -1))
                return false;
        add_row(b, k, GLP_FX, 0);
    }
    for (int i = 0; i < K; i++) {
        /* An i-th sortie from o needs a tail positioned there for it. */
        for (int o = 0; o < nA; o++) {
            if (!b->is_origin[(size_t)c * nA + o])
                continue;
            k = 0;
            for (int r = 0; r < nR; r++)
                if (serves(b, c, r) && b->routes[r].o == o && !nz_add(b, &k, xl_col(b, c, i, r), 1))
                    return false;
            for (int a = 0; a < nA; a++)
                if (el_col(b, c, i, a, o) && !nz_add(b, &k, el_col(b, c, i, a, o), -1))
                    return false;
            if (b->compact && b->hub_in[(size_t)c * nA + o] && !nz_add(b, &k, b->hub_in[(size_t)c * nA + o], -1))
                return false;
            add_row(b, k, GLP_UP, 0);
        }
        /* Positioning leaves base once per started tail, and a destination
         * only after a sortie landed there (the previous layer's, or in the
         * last layer its own). */
        for (int a = 0; a < nA; a++) {
            k = 0;
            for (int o = 0; o < nA; o++)
                if (el_col(b, c, i, a, o) && !nz_add(b, &k, el_col(b, c, i, a, o), 1))
                    return false;
            if (b->compact && b->hub_out[(size_t)c * nA + a] && !nz_add(b, &k, b->hub_out[(size_t)c * nA + a], 1))
                return false;
            if (k == 0)
                continue;
            if (i == 0 && a == cl->base && !nz_add(b, &k, cl->startcol, -1))
                return false;
            for (int r = 0; r < nR; r++) {
                if (!serves(b, c, r) || b->routes[r].d != a)
                    continue;
                if (i > 0 && !nz_add(b, &k, xl_col(b, c, i - 1, r), -1))
                    return false;
                if (i == K - 1 && !nz_add(b, &k, xl_col(b, c, i, r), -1))
                    return false;
            }
            add_row(b, k, GLP_UP, 0);
        }
    }
    if (b->compact) {
        /* What leaves the hub arrived there. */
        k = 0;
        for (int a = 0; a < nA; a++) {
            if (b->hub_in[(size_t)c * nA + a] && !nz_add(b, &k, b->hub_in[(size_t)c * nA + a], 1))
                return false;
            if (b->hub_out[(size_t)c * nA + a] && !nz_add(b, &k, b->hub_out[(size_t)c * nA + a], -1))
                return false;
        }
        add_row(b, k, GLP_UP, 0);
    }
    /* Time: every leg and the ground time before it, the first credited. */
    k = 0;
    for (int a = 0; b->compact && a < nA; a++)
        if (b->hub_out[(size_t)c * nA + a] && !nz_add(b, &k, b->hub_out[(size_t)c * nA + a], hub_leg(b, c, a) + g))
            return false;
    for (int i = 0; i < K; i++) {
        for (int r = 0; r < nR; r++)
            if (serves(b, c, r) && !nz_add(b, &k, xl_col(b, c, i, r), leg(b, c, b->routes[r].o, b->routes[r].d) + g))
                return false;
        for (int a = 0; a < nA; a++)
            for (int o = 0; o < nA; o++)
                if (el_col(b, c, i, a, o) && a != o && !nz_add(b, &k, el_col(b, c, i, a, o), leg(b, c, a, o) + g))
                    return false;
    }
    if (!nz_add(b, &k, cl->startcol, -g))
        return false;
    lp_rrow *rr = rr_add(b, RR_TIME, k);
    if (!rr)
        return false;
    rr->cls = c;
    /* The tails in the last layer fly at most K(T) - K + 1 sorties there. */
    if (K >= 2) {
        k = 0;
        if (!nz_add(b, &k, cl->ycol, 1))
            return false;
        for (int r = 0; r < nR; r++)
            if (serves(b, c, r) && !nz_add(b, &k, xl_col(b, c, K - 2, r), -1))
                return false;
        add_row(b, k, GLP_FX, 0);
    }
    k = 0;
    for (int r = 0; r < nR; r++)
        if (serves(b, c, r) && !nz_add(b, &k, xl_col(b, c, K - 1, r), 1))
            return false;
    if (!nz_add(b, &k, K >= 2 ? cl->ycol : cl->startcol, -1))
        return false;
    rr = rr_add(b, RR_CHAIN, k);
    if (!rr)
        return false;
    rr->cls = c;
    rr->dyn = k;
    /* Each route alone: a started tail repeats it at most so often. */
    for (int r = 0; r < nR; r++) {
        if (!serves(b, c, r))
            continue;
        k = 0;
        if (!nz_add(b, &k, b->Xcol[(size_t)c * nR + r], 1) || !nz_add(b, &k, cl->startcol, -1))
            return false;
        rr = rr_add(b, RR_ROUTE, k);
        if (!rr)
            return false;
        rr->cls = c;
        rr->route = r;
        rr->dyn = k;
    }
    return true;
}

/* ---------------------------------------------------- build: MOG rows */

/* The take-offs that follow a stay at an airfield with a MOG, by aircraft
 * not based there: loaded ones from origins, positioning ones from
 * destinations. */
static bool collect_departures(lpb *b)
{
    const sortie_model *m = b->m;
    int nA = b->nA, nR = b->n_routes;
    for (int c = 0; c < b->n_cls; c++) {
        const lp_class *cl = &b->cls[c];
        for (int i = 0; i < cl->K; i++) {
            for (int r = 0; r < nR; r++) {
                int o = b->routes[r].o;
                if (!serves(b, c, r) || o == cl->base || m->airfields[o].mog < 0)
                    continue;
                minute_t early = b->land[cl->aoff + (size_t)i * nA + o];
                if (!dep_add(b, xl_col(b, c, i, r), c, o, early, leg(b, c, o, b->routes[r].d)))
                    return false;
            }
            for (int a = 0; a < nA; a++) {
                if (a == cl->base || m->airfields[a].mog < 0)
                    continue;
                for (int o = 0; o < nA; o++) {
                    int col = el_col(b, c, i, a, o);
                    if (!col || a == o)
                        continue;
                    /* The stay began with a landing after the previous
                     * sortie: one layer down, or in the last layer its own. */
                    minute_t early = b->darr[cl->aoff + (size_t)(i > 0 ? i - 1 : 0) * nA + a];
                    if (i == cl->K - 1) {
                        minute_t own = b->darr[cl->aoff + (size_t)i * nA + a];
                        early = own < early ? own : early;
                    }
                    int least = INT_MAX;
                    for (int r = 0; r < nR; r++)
                        if (serves(b, c, r) && b->routes[r].o == o) {
                            int t = leg(b, c, o, b->routes[r].d);
                            least = t < least ? t : least;
                        }
                    if (least == INT_MAX)
                        continue;
                    if (!dep_add(b, col, c, a, early, leg(b, c, a, o) + cl->g + least))
                        return false;
                }
                int hub = b->compact ? b->hub_out[(size_t)c * nA + a] : 0;
                if (!hub)
                    continue;
                /* Compact: one take-off column per destination; it reaches
                 * a delivery no sooner than through its quickest origin. */
                int off = INT_MAX;
                for (int r = 0; r < nR; r++)
                    if (serves(b, c, r) && b->routes[r].o != a) {
                        int t = leg(b, c, a, b->routes[r].o) + cl->g + leg(b, c, b->routes[r].o, b->routes[r].d);
                        off = t < off ? t : off;
                    }
                if (off < INT_MAX && !dep_add(b, hub, c, a, b->darr[cl->aoff + (size_t)i * nA + a], off))
                    return false;
            }
        }
    }
    return true;
}

static int cmp_time(const void *x, const void *y)
{
    minute_t a = *(const minute_t *)x, c = *(const minute_t *)y;
    return (a > c) - (a < c);
}

/* Up to n thresholds spread over the distinct values of v (sorted in place). */
static int thresholds(minute_t *v, int n, minute_t *out, int max)
{
    qsort(v, (size_t)n, sizeof *v, cmp_time);
    int distinct = 0;
    for (int i = 0; i < n; i++)
        if (i == 0 || v[i] != v[i - 1])
            v[distinct++] = v[i];
    int step = distinct > max ? (distinct + max - 1) / max : 1, k = 0;
    for (int i = 0; i < distinct; i += step)
        out[k++] = v[i];
    return k;
}

/* Gives rr its elastic slack (explain). */
static void elastic_add(lpb *b, lp_rrow *rr)
{
    rr->elastic = add_col(b, 0, 0);
    rr->n++;
    rr->cols[rr->n] = rr->elastic;
    rr->vals[rr->n] = -1;
    glp_set_mat_row(b->lp, rr->row, rr->n, rr->cols, rr->vals);
}

/* Keeps the row being built (k entries) as a MOG row of airfield a over the
 * take-offs b->dep[mem[0..nm-1]]; NULL when out of memory. */
static lp_rrow *mog_rrow_add(lpb *b, rrow_kind kind, int k, int a, const int *mem, int nm, int gmin, int gmax,
                             const minute_t *after)
{
    lp_rrow *rr = rr_add(b, kind, k);
    if (!rr || !(rr->members = malloc(sizeof(int) * (size_t)nm)))
        return NULL;
    memcpy(rr->members, mem, sizeof(int) * (size_t)nm);
    rr->n_members = nm;
    rr->af = a;
    rr->g_min = gmin;
    rr->g_max = gmax;
    rr->late = after != NULL;
    rr->ready = after ? *after : 0;
    return rr;
}

/* The ground-minutes row and the stays row of airfield a over the
 * take-offs b->dep[mem[0..nm-1]]; `after` (when not NULL) the time after
 * which they all leave, for the explanation. */
static bool add_mog_rows(lpb *b, int a, const int *mem, int nm, const minute_t *after)
{
    for (int kind = 0; kind < 2; kind++) {
        int k = 0, gmin = INT_MAX, gmax = 0;
        for (int t = 0; t < nm; t++) {
            const lp_dep *d = &b->dep[mem[t]];
            int g = b->cls[d->cls].g;
            if (!nz_add(b, &k, d->col, kind == 0 ? g : 1))
                return false;
            gmin = g < gmin ? g : gmin;
            gmax = g > gmax ? g : gmax;
        }
        if (!mog_rrow_add(b, kind == 0 ? RR_MOG_MIN : RR_MOG_COUNT, k, a, mem, nm, gmin, gmax, after))
            return false;
    }
    return true;
}

/* The step rows of airfield a (closed at night) over the same take-offs as
 * a pair of rows above: for each step q among their ground times and the
 * halves of those (above half the shortest), each take-off counted as the
 * whole multiples of q its ground time holds (lpbound_closure_guide). */
static bool add_step_rows(lpb *b, int a, const int *mem, int nm, int gmin, int gmax, bool late, minute_t ready)
{
    for (int q = gmin / 2; q < gmax;) {
        int next = INT_MAX;
        for (int t = 0; t < nm; t++) {
            int g = b->cls[b->dep[mem[t]].cls].g;
            if (g > q && g < next)
                next = g;
            if (g / 2 > q && g / 2 < next)
                next = g / 2;
        }
        q = next;
        int k = 0;
        for (int t = 0; t < nm; t++) {
            const lp_dep *d = &b->dep[mem[t]];
            int times = b->cls[d->cls].g / q;
            if (times > 0 && !nz_add(b, &k, d->col, times))
                return false;
        }
        lp_rrow *rr = mog_rrow_add(b, RR_MOG_STEP, k, a, mem, nm, q, gmax, late ? &ready : NULL);
        if (!rr)
            return false;
        elastic_add(b, rr);
    }
    return true;
}

/* Step rows beside every pair of MOG rows of an airfield that closes at
 * night. A spot holds, within one day's opening hours, at most
 * floor(hours / q) stays of q minutes or more, and one more across the
 * night; the minutes row lets the end of each day's hours hold a fraction
 * of a stay. (Its columns stay those of the pair's row: only their
 * weights differ.) */
static bool build_step_rows(lpb *b)
{
    int n = b->n_rr;
    for (int i = 0; i < n; i++) {
        const lp_rrow *rr = &b->rr[i];
        if (rr->kind != RR_MOG_COUNT || b->m->airfields[rr->af].always_open)
            continue;
        /* rr_add may move b->rr; the members are an array of their own. */
        if (!add_step_rows(b, rr->af, rr->members, rr->n_members, rr->g_min, rr->g_max, rr->late, rr->ready))
            return false;
    }
    return true;
}

/* MOG rows of airfield a over the take-offs that can land no earlier than
 * one threshold and must take off no later than T minus another. Each set
 * gives a ground-minutes row and a stays row. */
static bool build_mog_rows(lpb *b, int a)
{
    enum { MAX_THRESH = 6 };
    int n = 0;
    for (int j = 0; j < b->n_dep; j++)
        n += b->dep[j].af == a;
    if (n == 0)
        return true;
    minute_t *ev = malloc(sizeof(minute_t) * (size_t)n), *lv = malloc(sizeof(minute_t) * (size_t)n);
    int *mem = malloc(sizeof(int) * (size_t)n);
    bool ok = ev && lv && mem;
    minute_t et[MAX_THRESH], lt[MAX_THRESH];
    int ne = 0, nl = 0;
    if (ok) {
        int k = 0;
        for (int j = 0; j < b->n_dep; j++)
            if (b->dep[j].af == a) {
                ev[k] = b->dep[j].early;
                lv[k] = b->dep[j].late_off;
                k++;
            }
        ne = thresholds(ev, n, et, MAX_THRESH);
        nl = thresholds(lv, n, lt, MAX_THRESH);
    }
    for (int ie = 0; ok && ie < ne; ie++)
        for (int il = 0; ok && il < nl; il++) {
            int nm = 0;
            for (int j = 0; j < b->n_dep; j++)
                if (b->dep[j].af == a && b->dep[j].early >= et[ie] && b->dep[j].late_off >= lt[il])
                    mem[nm++] = j;
            if (nm > 0)
                ok = add_mog_rows(b, a, mem, nm, NULL);
        }
    free(ev);
    free(lv);
    free(mem);
    return ok;
}

/* The late columns (b->late) from airfield a at threshold `after`, by
 * aircraft not based there: per class and route the first whose sorties
 * all leave no earlier (the blocks of one class and route are contiguous,
 * ready ascending). */
static int late_pick(const lpb *b, int a, minute_t after, int *out)
{
    int n = 0, last_c = -1, last_r = -1;
    for (int i = 0; i < b->n_late; i++) {
        const lp_late *l = &b->late[i];
        if (l->ready < after || b->routes[l->route].o != a || b->cls[l->cls].base == a ||
            (l->cls == last_c && l->route == last_r))
            continue;
        out[n++] = i;
        last_c = l->cls;
        last_r = l->route;
    }
    return n;
}

/* Loads ready late at an airfield with a MOG. The ready rows count, route
 * by route, the sorties of a class that leave after a ready time; here
 * those of every route from the airfield meet its spots: each take-off
 * after the origin's threshold follows a stay of at least a ground time
 * that ends after it, as in the MOG rows, which count the spots over the
 * whole operation and so cannot see that a large part of the work is
 * ready only late (on the generated M-6, 2,000 t at Bagram from 67.5 h on). */
static bool build_late_rows(lpb *b)
{
    int *pick = malloc(sizeof(int) * (size_t)(b->n_late + 1));
    int *prev = malloc(sizeof(int) * (size_t)(b->n_late + 1));
    bool ok = pick && prev;
    for (int a = 0; ok && a < b->nA; a++) {
        if (b->m->airfields[a].mog < 0)
            continue;
        int n_prev = 0;
        for (int t = 0; ok && t < b->n_oth[a]; t++) {
            int np = late_pick(b, a, b->oth[(size_t)a * MAX_LATE + (size_t)t], pick);
            /* A threshold before every class can leave picks what the next does. */
            if (np == 0 || (np == n_prev && memcmp(pick, prev, sizeof(int) * (size_t)np) == 0))
                continue;
            memcpy(prev, pick, sizeof(int) * (size_t)np);
            n_prev = np;
            minute_t after = INT64_MAX;
            for (int i = 0; ok && i < np; i++) {
                const lp_late *l = &b->late[pick[i]];
                after = l->ready < after ? l->ready : after;
                /* The ground time before the take-off may begin in the
                 * night before it: from the last open minute, that night
                 * counts as one (one stay per spot stands through it). */
                ok = dep_add(b, l->col, l->cls, a, prev_open(b->m, a, l->ready - b->cls[l->cls].g),
                             leg(b, l->cls, a, b->routes[l->route].d));
                pick[i] = b->n_dep - 1;
            }
            if (ok)
                ok = add_mog_rows(b, a, pick, np, &after);
        }
    }
    free(pick);
    free(prev);
    return ok;
}

static bool build_elastic(lpb *b)
{
    for (int i = 0; i < b->n_rr; i++)
        elastic_add(b, &b->rr[i]);
    return true;
}

/* Sorties of capacity cap that `need` fills. */
static double share(double need, double cap) { return need <= 0 ? 0 : cap > 0 ? need / cap : INFINITY; }

/* Least ground minutes that group g's load needs at its origin: on the
 * class that brings most of it per minute on the ground, by its payload,
 * seats and floor. */
static double least_ground(const lpb *b, const lp_group *g)
{
    double t = (g->pax * b->m->pax_kg + g->bulk_kg) / 1000.0, area = g->bulk_area, best = INFINITY;
    for (int l = 0; l < g->n_lines; l++) {
        t += g->lines[l].kg * g->lines[l].count / 1000.0;
        area += g->lines[l].area * g->lines[l].count;
    }
    for (int i = 0; i < g->n_classes; i++) {
        const lp_class *c = &b->cls[g->classes[i]];
        if (c->base == b->routes[g->route].o)
            continue;
        double sorties = fmax(share(t, c->payload_t), fmax(share(g->pax, c->seats), share(area, c->floor_m2)));
        best = fmin(best, sorties * c->g);
    }
    return isinf(best) ? 0 : best;
}

/* Per origin with a MOG, up to MAX_LATE ready times spread over its
 * groups', kept where what is ready from then on needs at least half of
 * the spots' minutes up to hi (a valid plan's closure), with each load on
 * its best carrier: elsewhere a late row could not bind, and its columns
 * would only move the LP's vertex, which guides the dispatcher. The kept
 * ones are thresholds of every route from the origin too
 * (build_ready_rows; not the compact form's, where on the generated L
 * scenarios the extra columns spent the simplex's work budget and weakened
 * the bound), so that the late rows of its spots find one column per class
 * and route for each. */
static bool origin_thresholds(lpb *b, minute_t hi)
{
    b->oth = malloc(sizeof(minute_t) * (size_t)b->nA * MAX_LATE);
    b->n_oth = calloc((size_t)b->nA, sizeof(int));
    minute_t *v = malloc(sizeof(minute_t) * (size_t)(b->n_groups + 1));
    bool ok = b->oth && b->n_oth && v;
    for (int a = 0; ok && a < b->nA; a++) {
        int n = 0, mog = b->m->airfields[a].mog;
        for (int g = 0; g < b->n_groups && mog > 0; g++)
            if (b->routes[b->groups[g].route].o == a)
                v[n++] = b->groups[g].ready;
        minute_t *th = &b->oth[(size_t)a * MAX_LATE];
        int nt = n > 0 ? thresholds(v, n, th, MAX_LATE) : 0, kept = 0;
        for (int t = 0; t < nt; t++) {
            double need = 0;
            for (int g = 0; g < b->n_groups; g++)
                if (b->routes[b->groups[g].route].o == a && b->groups[g].ready >= th[t])
                    need += least_ground(b, &b->groups[g]);
            if (need >= 0.5 * mog * (double)(hi - th[t]))
                th[kept++] = th[t];
        }
        b->n_oth[a] = kept;
    }
    free(v);
    return ok;
}

/* Sorties that carry a group ready late leave no earlier: for a few ready
 * times on route r, the sorties of class c leaving after each (nested, and
 * at most what a tail can repeat between then and T) must hold the load of
 * the groups ready no earlier. */
static bool build_ready_rows(lpb *b, int c, int r)
{
    enum { MAX_READY = 4 };
    int ng = 0;
    for (int g = 0; g < b->n_groups; g++)
        ng += b->groups[g].route == r;
    minute_t *v = malloc(sizeof(minute_t) * (size_t)(ng + 1));
    if (!v)
        return false;
    int n = 0;
    minute_t early = b->rdy[(size_t)c * b->nA + b->routes[r].o];
    for (int g = 0; g < b->n_groups; g++) {
        const lp_group *gr = &b->groups[g];
        if (gr->route != r || gr->ready <= early)
            continue;
        bool carried = false;
        for (int i = 0; i < gr->n_classes && !carried; i++)
            carried = gr->classes[i] == c;
        if (carried)
            v[n++] = gr->ready;
    }
    minute_t th[MAX_READY + MAX_LATE];
    int nt = n > 0 ? thresholds(v, n, th, MAX_READY) : 0;
    if (n > 0) {
        /* The origin's thresholds too (origin_thresholds), so that the late
         * rows across its routes meet columns of the same ready time. */
        minute_t last = v[n - 1]; /* sorted by thresholds(), duplicates only moved left */
        int o = b->routes[r].o;
        for (int i = 0; i < b->n_oth[o]; i++) {
            minute_t t = b->oth[(size_t)o * MAX_LATE + (size_t)i];
            bool have = t <= early || t > last;
            for (int j = 0; j < nt && !have; j++)
                have = th[j] == t;
            if (!have)
                th[nt++] = t;
        }
        qsort(th, (size_t)nt, sizeof *th, cmp_time);
    }
    free(v);
    int prev = b->Xcol[(size_t)c * b->n_routes + r];
    for (int t = 0; t < nt; t++) {
        int col = add_col(b, 0, INFINITY), k = 0;
        if (!nz_add(b, &k, col, 1) || !nz_add(b, &k, prev, -1))
            return false;
        add_row(b, k, GLP_UP, 0);
        if (!build_load_rows(b, c, r, col, th[t]))
            return false;
        k = 0;
        if (!nz_add(b, &k, col, 1))
            return false;
        lp_rrow *rr = rr_add(b, RR_READY, k);
        if (!rr)
            return false;
        rr->cls = c;
        rr->route = r;
        rr->ready = th[t];
        prev = col;
        if (!late_add(b, c, r, col, th[t]))
            return false;
    }
    return true;
}

/* Per route, the fewest loaded legs and the least ground minutes its loads
 * need in whole sorties (routecut.h), over every class's legs there. Not in
 * the compact form: on the generated L-3 they made the dual simplex take
 * 1.8 times the iterations, each slower (the bisection 23.6 s instead of
 * 8.6 s), for no gain, and on L-1 and L-2 they gained 1.7 and 5.5 hours
 * for 1.1 s each; the time is what L cannot spare. */
static bool build_route_cuts(lpb *b)
{
    for (int r = 0; r < b->n_routes && !b->compact; r++) {
        routecut need;
        sortie_status st = routecut_need(b->m, b->routes[r].o, b->routes[r].d, &need);
        if (st == SORTIE_ENOMEM)
            return false;
        if (st != SORTIE_OK || need.sorties <= 0)
            continue;
        for (int weighted = 0; weighted < 2; weighted++) {
            int n = 0;
            for (int c = 0; c < b->n_cls; c++) {
                int X = b->cls[c].K > 0 ? b->Xcol[(size_t)c * b->n_routes + r] : 0;
                if (X && !nz_add(b, &n, X, weighted ? b->cls[c].g : 1.0))
                    return false;
            }
            add_row(b, n, GLP_LO, weighted ? need.ground_min : need.sorties);
        }
    }
    return true;
}

static int cmp_line_tonnes(const void *x, const void *y)
{
    const pax_line *a = x, *c = y;
    double ta = a->kg * a->count, tc = c->kg * c->count;
    return (ta < tc) - (ta > tc);
}

/* True when every class of group g is in the sorted set (n entries). */
static bool group_within(const lp_group *g, const int *set, int n)
{
    int j = 0;
    for (int i = 0; i < g->n_classes; i++) {
        while (j < n && set[j] < g->classes[i])
            j++;
        if (j == n || set[j] != g->classes[i])
            return false;
    }
    return true;
}

/* Compact covers of route r (no share columns): for each carrier set S
 * among its groups (and all of them together) and each ready threshold,
 * the sorties of S's classes leaving after it must hold, dimension by
 * dimension, what the groups within S ready no earlier need: seats,
 * payload, floor, each outsize line at what fits of it per sortie, and the
 * items too heavy or too large to go two (three) to a sortie on any of S. */
static bool build_hall_rows(lpb *b, int r)
{
    enum { MAX_READY = 2, MAX_SETS = 8, MAX_LINE_ROWS = 6 };
    int nR = b->n_routes, nC = b->n_cls;
    int *gs = malloc(sizeof(int) * (size_t)(b->n_groups + 1));
    int *uni = malloc(sizeof(int) * (size_t)(nC + 1));
    minute_t *v = malloc(sizeof(minute_t) * (size_t)(b->n_groups + 1));
    int *xr = malloc(sizeof(int) * (size_t)(nC + 1) * (MAX_READY + 1));
    bool ok = gs && uni && v && xr;
    int ng = 0, nu = 0, nv = 0;
    for (int g = 0; ok && g < b->n_groups; g++) {
        if (b->groups[g].route != r)
            continue;
        gs[ng++] = g;
        v[nv++] = b->groups[g].ready;
    }
    for (int c = 0; ok && c < nC; c++)
        if (serves(b, c, r))
            uni[nu++] = c;
    minute_t th[MAX_READY + 1];
    int nt = 0;
    if (ok) {
        /* Thresholds later than any class can leave anyway. */
        minute_t early = INT64_MAX;
        for (int i = 0; i < nu; i++) {
            minute_t e = b->rdy[(size_t)uni[i] * b->nA + b->routes[r].o];
            early = e < early ? e : early;
        }
        int keep = 0;
        for (int i = 0; i < nv; i++)
            if (v[i] > early)
                v[keep++] = v[i];
        th[0] = INT64_MIN;
        nt = 1 + (keep > 0 ? thresholds(v, keep, th + 1, MAX_READY) : 0);
    }
    /* Sorties leaving after each threshold, nested, capped by what a tail repeats. */
    for (int i = 0; ok && i < nu; i++) {
        int c = uni[i];
        xr[i * (MAX_READY + 1)] = b->Xcol[(size_t)c * nR + r];
        for (int t = 1; ok && t < nt; t++) {
            int col = add_col(b, 0, INFINITY), k = 0;
            xr[i * (MAX_READY + 1) + t] = col;
            ok = nz_add(b, &k, col, 1) && nz_add(b, &k, xr[i * (MAX_READY + 1) + t - 1], -1);
            if (!ok)
                break;
            add_row(b, k, GLP_UP, 0);
            k = 0;
            ok = nz_add(b, &k, col, 1);
            lp_rrow *rr = ok ? rr_add(b, RR_READY, k) : NULL;
            if (!rr) {
                ok = false;
                break;
            }
            rr->cls = c;
            rr->route = r;
            rr->ready = th[t];
            if (!late_add(b, c, r, col, th[t])) {
                ok = false;
                break;
            }
        }
    }
    /* Carrier sets: each group's, and the union of all. */
    int *sets[MAX_SETS + 1];
    int set_n[MAX_SETS + 1], ns = 0;
    for (int i = 0; ok && i < ng && ns < MAX_SETS; i++) {
        const lp_group *gr = &b->groups[gs[i]];
        bool seen = false;
        for (int j = 0; j < ns && !seen; j++)
            seen = set_n[j] == gr->n_classes && memcmp(sets[j], gr->classes, sizeof(int) * (size_t)set_n[j]) == 0;
        if (!seen) {
            sets[ns] = gr->classes;
            set_n[ns++] = gr->n_classes;
        }
    }
    sets[ns] = uni;
    set_n[ns++] = nu;
    pax_line lines[64];
    for (int si = 0; ok && si < ns; si++)
        for (int t = 0; ok && t < nt; t++) {
            double pax = 0, kg = 0, area = 0;
            int nl = 0;
            for (int i = 0; i < ng; i++) {
                const lp_group *gr = &b->groups[gs[i]];
                if (gr->ready < th[t] || !group_within(gr, sets[si], set_n[si]))
                    continue;
                pax += gr->pax;
                kg += gr->pax * b->m->pax_kg + gr->bulk_kg;
                area += gr->bulk_area;
                for (int l = 0; l < gr->n_lines; l++) {
                    const lp_line *ln = &gr->lines[l];
                    kg += ln->kg * ln->count;
                    area += ln->area * ln->count;
                    int j = 0;
                    while (j < nl && !(lines[j].kg == ln->kg && lines[j].area == ln->area))
                        j++;
                    if (j == nl && nl < 64)
                        lines[nl++] = (pax_line){ln->kg, ln->area, 0};
                    if (j < nl)
                        lines[j].count += ln->count;
                }
            }
            if (pax <= 0 && kg <= 0)
                continue;
            /* Rows: 0 seats, 1 payload, 2 floor, then per line (the heaviest
             * few in all: the rest weigh in payload and floor), then the
             * two-to-a-sortie and three-to-a-sortie counts by weight and area. */
            qsort(lines, (size_t)nl, sizeof *lines, cmp_line_tonnes);
            int nrow = nl < MAX_LINE_ROWS ? nl : MAX_LINE_ROWS;
            for (int row = 0; ok && row < 3 + nrow + 4; row++) {
                int lr = row < 3 + nrow ? row : row - nrow + nl; /* rows past the lines keep their meaning */
                double need = 0;
                int k = 0;
                for (int i = 0; ok && i < set_n[si]; i++) {
                    int c = sets[si][i];
                    int ui = 0;
                    while (ui < nu && uni[ui] != c)
                        ui++;
                    if (ui == nu)
                        continue;
                    const lp_class *cl = &b->cls[c];
                    double coef;
                    if (row == 0)
                        coef = cl->seats;
                    else if (row == 1)
                        coef = cl->payload_t;
                    else if (row == 2)
                        coef = cl->floor_m2;
                    else if (lr < 3 + nl) {
                        const pax_line *ln = &lines[lr - 3];
                        coef = fmin(floor(cl->payload_t * 1000.0 / ln->kg + 1e-9), floor(cl->floor_m2 / ln->area + 1e-9));
                    } else {
                        int per = (lr - 3 - nl) % 2 + 1;
                        coef = per;
                    }
                    ok = nz_add(b, &k, xr[ui * (MAX_READY + 1) + t], coef);
                }
                if (row == 0)
                    need = pax;
                else if (row == 1)
                    need = kg / 1000.0;
                else if (row == 2)
                    need = area;
                else if (lr < 3 + nl)
                    need = lines[lr - 3].count;
                else {
                    /* Items that go at most `per` to a sortie on every class of the set. */
                    int per = (lr - 3 - nl) % 2 + 1;
                    bool by_weight = lr - 3 - nl < 2;
                    for (int j = 0; j < nl; j++) {
                        bool all = true;
                        for (int i = 0; i < set_n[si] && all; i++) {
                            const lp_class *cl = &b->cls[sets[si][i]];
                            all = by_weight ? lines[j].kg / 1000.0 > cl->payload_t / (per + 1) + 1e-9
                                            : lines[j].area > cl->floor_m2 / (per + 1) + 1e-9;
                        }
                        if (all)
                            need += lines[j].count;
                    }
                }
                if (ok && k > 0 && need > 0)
                    add_row(b, k, GLP_LO, need);
            }
        }
    free(gs);
    free(uni);
    free(v);
    free(xr);
    return ok;
}

static bool build(lpb *b, minute_t hi)
{
    b->nA = b->m->n_airfields;
    if (!build_classes(b) || !build_groups(b))
        return false;
    /* Share columns and positioning pairs grow with groups x classes and
     * destinations x origins; past a size GLPK re-solves too slowly for a
     * binary search, and the compact form (hub positioning, covers per
     * carrier set) takes over: weaker, but every row still a relaxation. */
    long shares = 0;
    for (int g = 0; g < b->n_groups; g++)
        shares += (long)b->groups[g].n_classes * (3 + b->groups[g].n_lines);
    b->compact = shares > COMPACT_SHARES;
    /* Layers pay on small scenarios, where each tail flies a few sorties
     * and their order matters; on larger ones they only cost time. */
    if (shares > LAYER_SHARES)
        b->layer_budget = 0;
    if (!alloc_layers(b, hi))
        return false;
    long pairs = 0;
    for (int c = 0; c < b->n_cls; c++) {
        long n_o = 0, n_d = 1;
        for (int a = 0; a < b->nA; a++) {
            n_o += b->is_origin[(size_t)c * b->nA + a];
            n_d += b->is_dest[(size_t)c * b->nA + a];
        }
        pairs += n_o * n_d * (b->cls[c].K > 0 ? b->cls[c].K : 0);
    }
    if (!b->compact && pairs > COMPACT_PAIRS) {
        b->compact = true;
        for (int c = 0; c < b->n_cls; c++)
            b->cls[c].K = b->cls[c].K > 0; /* reallocated below */
        free(b->xl);
        free(b->el);
        free(b->arr);
        free(b->land);
        free(b->darr);
        free(b->rdy);
        free(b->Xcol);
        free(b->is_origin);
        free(b->is_dest);
        b->xl = b->el = b->Xcol = NULL;
        b->arr = b->land = b->darr = b->rdy = NULL;
        b->is_origin = b->is_dest = NULL;
        if (!alloc_layers(b, hi))
            return false;
    }
    b->lp = glp_create_prob();
    glp_set_obj_dir(b->lp, GLP_MIN);
    if (!build_columns(b) || (!b->compact && !build_cover_rows(b)) || !origin_thresholds(b, hi))
        return false;
    for (int c = 0; c < b->n_cls; c++) {
        if (b->cls[c].K == 0)
            continue;
        for (int r = 0; r < b->n_routes && !b->compact; r++)
            if (serves(b, c, r) && (!build_load_rows(b, c, r, b->Xcol[(size_t)c * b->n_routes + r], INT64_MIN) ||
                                    !build_ready_rows(b, c, r)))
                return false;
        if (!build_fleet_rows(b, c))
            return false;
    }
    for (int r = 0; r < b->n_routes && b->compact; r++)
        if (!build_hall_rows(b, r))
            return false;
    if (!build_route_cuts(b) || !collect_departures(b))
        return false;
    for (int a = 0; a < b->nA; a++)
        if (b->m->airfields[a].mog >= 0 && !build_mog_rows(b, a))
            return false;
    return build_late_rows(b) && build_elastic(b);
}

/* ------------------------------------------------------ moving with T */

static void set_T(lpb *b, minute_t T)
{
    const sortie_model *m = b->m;
    int nR = b->n_routes;
    /* Sorties that cannot land by T (or by their return home) are off. */
    for (int c = 0; c < b->n_cls; c++) {
        const lp_class *cl = &b->cls[c];
        for (int i = 0; i < cl->K; i++)
            for (int r = 0; r < nR; r++) {
                if (!serves(b, c, r))
                    continue;
                bool on = b->arr[cl->toff + (size_t)i * nR + r] <= latest_landing(b, c, r, T);
                int col = xl_col(b, c, i, r);
                if (on)
                    glp_set_col_bnds(b->lp, col, GLP_LO, 0, 0);
                else
                    glp_set_col_bnds(b->lp, col, GLP_FX, 0, 0);
            }
    }
    for (int i = 0; i < b->n_rr; i++) {
        lp_rrow *rr = &b->rr[i];
        double rhs = 0;
        if (rr->kind == RR_TIME) {
            const lp_class *cl = &b->cls[rr->cls];
            minute_t end = T < cl->to ? T : cl->to;
            rhs = end > cl->from ? (double)cl->count * (double)(end - cl->from) : 0;
        } else if (rr->kind == RR_READY) {
            rhs = b->cls[rr->cls].count * sorties_after(b, rr->cls, rr->route, rr->ready, T);
        } else if (rr->kind == RR_CHAIN || rr->kind == RR_ROUTE) {
            const lp_class *cl = &b->cls[rr->cls];
            double k = max_sorties(b, rr->cls, rr->kind == RR_CHAIN ? -1 : rr->route, T);
            if (rr->kind == RR_CHAIN && cl->K >= 2)
                k = k - cl->K + 1;
            if (k < 0)
                k = 0;
            if (k != rr->k_now) {
                rr->k_now = k;
                rr->vals[rr->dyn] = -k;
                glp_set_mat_row(b->lp, rr->row, rr->n, rr->cols, rr->vals);
            }
        } else {
            /* The members' stays lie between the earliest landing of any
             * and the latest useful take-off of any, both moved into
             * opening hours. */
            int a = rr->af;
            minute_t s = INT64_MAX, e = INT64_MIN;
            for (int k = 0; k < rr->n_members; k++) {
                const lp_dep *d = &b->dep[rr->members[k]];
                s = d->early < s ? d->early : s;
                e = T - d->late_off > e ? T - d->late_off : e;
            }
            s = next_open(m, a, s);
            e = prev_open(m, a, e);
            double minutes, turns;
            int gaps;
            open_capacity(m, a, s, e, rr->g_min, &minutes, &turns, &gaps);
            int mog = m->airfields[a].mog;
            if (e <= s)
                rhs = 0;
            else if (rr->kind == RR_MOG_MIN)
                rhs = (double)mog * (minutes + (double)gaps * rr->g_max);
            else if (rr->kind == RR_MOG_COUNT)
                rhs = (double)mog * (turns + gaps);
            else
                rhs = (double)mog * (turns + (double)gaps * (rr->g_max / rr->g_min));
        }
        rr->rhs = rhs;
        glp_set_row_bnds(b->lp, rr->row, GLP_UP, rhs, rhs);
    }
}

/* ------------------------------------------------------------------ solving */

static probe solve_at(lpb *b, minute_t T)
{
    set_T(b, T);
    return bisect_probe(b->lp, GLP_DUALP, &b->work_left);
}

static probe probe_at(void *user, minute_t T) { return solve_at(user, T); }

static void class_name(const lpb *b, int c, char *buf, size_t len)
{
    const lp_class *cl = &b->cls[c];
    const char *id = b->m->fleets[cl->fleet].src->id;
    if (cl->n_fleets > 1)
        snprintf(buf, len, "%s and %d more (%d %s)", id, cl->n_fleets - 1, cl->count, b->m->types[cl->type].t.id);
    else
        snprintf(buf, len, "%s (%d %s)", id, cl->count, b->m->types[cl->type].t.id);
}

/* At T (refuted), lets every T-dependent row borrow capacity at a cost
 * relative to its size and names the row that borrows the most. */
static void explain(lpb *b, minute_t T, char *why, size_t len)
{
    set_T(b, T);
    for (int i = 0; i < b->n_rr; i++) {
        glp_set_col_bnds(b->lp, b->rr[i].elastic, GLP_LO, 0, 0);
        glp_set_obj_coef(b->lp, b->rr[i].elastic, 1.0 / (b->rr[i].rhs > 1 ? b->rr[i].rhs : 1));
    }
    /* Sorties too late for T may fly too, at a cost per sortie. */
    int nR = b->n_routes;
    for (int c = 0; c < b->n_cls; c++)
        for (int i = 0; i < b->cls[c].K; i++)
            for (int r = 0; r < nR; r++)
                if (serves(b, c, r) && b->arr[b->cls[c].toff + (size_t)i * nR + r] > latest_landing(b, c, r, T)) {
                    glp_set_col_bnds(b->lp, xl_col(b, c, i, r), GLP_LO, 0, 0);
                    glp_set_obj_coef(b->lp, xl_col(b, c, i, r), 1);
                }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    b->work_left += WORK_BUDGET / 4; /* the explanation's own allowance */
    int rc = bisect_simplex(b->lp, &parm, &b->work_left);
    int best = -1, late_c = -1, late_i = 0;
    double best_v = 1e-9, late_v = 1e-9;
    if (rc == 0 && glp_get_status(b->lp) == GLP_OPT) {
        for (int i = 0; i < b->n_rr; i++) {
            double v = glp_get_col_prim(b->lp, b->rr[i].elastic) / (b->rr[i].rhs > 1 ? b->rr[i].rhs : 1);
            if (v > best_v)
                best_v = v, best = i;
        }
        /* Late sorties count against a class's whole fleet. */
        for (int c = 0; c < b->n_cls; c++)
            for (int i = 0; i < b->cls[c].K; i++) {
                double v = 0;
                for (int r = 0; r < nR; r++)
                    if (serves(b, c, r) && glp_get_obj_coef(b->lp, xl_col(b, c, i, r)) > 0)
                        v += glp_get_col_prim(b->lp, xl_col(b, c, i, r));
                if (v / b->cls[c].count > late_v && v / b->cls[c].count > best_v)
                    late_v = v / b->cls[c].count, late_c = c, late_i = i;
            }
    }
    for (int c = 0; c < b->n_cls; c++)
        for (int i = 0; i < b->cls[c].K; i++)
            for (int r = 0; r < nR; r++)
                if (serves(b, c, r) && glp_get_obj_coef(b->lp, xl_col(b, c, i, r)) > 0) {
                    glp_set_obj_coef(b->lp, xl_col(b, c, i, r), 0);
                    glp_set_col_bnds(b->lp, xl_col(b, c, i, r), GLP_FX, 0, 0);
                }
    if (late_c >= 0) {
        char name[160], at[18];
        class_name(b, late_c, name, sizeof name);
        minute_t first = INT64_MAX;
        for (int r = 0; r < nR; r++)
            if (serves(b, late_c, r)) {
                minute_t a = b->arr[b->cls[late_c].toff + (size_t)late_i * nR + r];
                first = a < first ? a : first;
            }
        time_format(first, at);
        if (late_i == b->cls[late_c].K - 1 && late_i > 0)
            snprintf(why, len, "fleet %s cycles: a %d%s or later sortie of an aircraft lands %s at the earliest", name,
                     late_i + 1, late_i == 1 ? "nd" : late_i == 2 ? "rd" : "th", at);
        else
            snprintf(why, len, "fleet %s cycles: the %d%s sortie of an aircraft lands %s at the earliest", name,
                     late_i + 1, late_i == 0 ? "st" : late_i == 1 ? "nd" : late_i == 2 ? "rd" : "th", at);
        best = -1;
    }
    if (best >= 0) {
        const lp_rrow *rr = &b->rr[best];
        const sortie_model *m = b->m;
        char name[160];
        if (rr->kind == RR_TIME || rr->kind == RR_CHAIN || rr->kind == RR_ROUTE || rr->kind == RR_READY) {
            class_name(b, rr->cls, name, sizeof name);
            char ready[18];
            time_format(rr->ready, ready);
            if (rr->kind == RR_READY)
                snprintf(why, len, "fleet %s cycles on %s-%s after %s, when loads are ready: %.0f sorties per aircraft",
                         name, m->airfields[b->routes[rr->route].o].src->id,
                         m->airfields[b->routes[rr->route].d].src->id, ready,
                         sorties_after(b, rr->cls, rr->route, rr->ready, T));
            else if (rr->kind == RR_TIME)
                snprintf(why, len, "fleet %s cycles: flying and ground time of every aircraft", name);
            else if (rr->kind == RR_CHAIN)
                snprintf(why, len, "fleet %s cycles: %.0f sorties per aircraft at most", name,
                         max_sorties(b, rr->cls, -1, T));
            else
                snprintf(why, len, "fleet %s cycles on %s-%s: %.0f sorties per aircraft at most", name,
                         m->airfields[b->routes[rr->route].o].src->id, m->airfields[b->routes[rr->route].d].src->id,
                         max_sorties(b, rr->cls, rr->route, T));
        } else {
            const mdl_airfield *af = &m->airfields[rr->af];
            /* The row's own count: a step row counts each stay's whole steps. */
            double n = 0;
            for (int k = 0; k < rr->n_members; k++) {
                const lp_dep *d = &b->dep[rr->members[k]];
                n += glp_get_col_prim(b->lp, d->col) * (rr->kind == RR_MOG_STEP ? b->cls[d->cls].g / rr->g_min : 1);
            }
            char hours[40] = "", after[48] = "";
            if (rr->late) {
                char at[18];
                time_format(rr->ready, at);
                snprintf(after, sizeof after, " after %s, when loads are ready", at);
            }
            if (!af->always_open)
                snprintf(hours, sizeof hours, ", open %02d:%02d-%02d:%02d", af->open_min / 60 % 100, af->open_min % 60,
                         af->close_min / 60 % 100, af->close_min % 60);
            if (rr->kind == RR_MOG_STEP)
                snprintf(why, len,
                         "%s MOG %d%s: %.0f whole steps of %d min on the ground%s (each stay counts the steps its "
                         "ground time holds), %d a spot a day and %d a night",
                         af->src->id, af->mog, hours, ceil(n - 1e-6), rr->g_min, after, open_day_turns(af, rr->g_min),
                         rr->g_max / rr->g_min);
            else if (rr->g_min == rr->g_max)
                snprintf(why, len, "%s MOG %d%s: %.0f sorties x %d min on the ground%s", af->src->id, af->mog, hours,
                         ceil(n - 1e-6), rr->g_min, after);
            else
                snprintf(why, len, "%s MOG %d%s: %.0f sorties x %d-%d min on the ground%s", af->src->id, af->mog,
                         hours, ceil(n - 1e-6), rr->g_min, rr->g_max, after);
        }
    }
    for (int i = 0; i < b->n_rr; i++) {
        glp_set_obj_coef(b->lp, b->rr[i].elastic, 0);
        glp_set_col_bnds(b->lp, b->rr[i].elastic, GLP_FX, 0, 0);
    }
}

/* Requirement q goes on route r and fleet f may carry it. */
static bool carries_on(const lpb *b, int f, int q, int r)
{
    const mdl_requirement *rq = &b->m->reqs[q];
    return rq->from == b->routes[r].o && rq->to == b->routes[r].d && load_can_carry(b->m, q, f);
}

/* The LP's current solution (loaded sorties per class and route) per fleet
 * and requirement, into guide (lpbound_closure_guide). */
static void fill_guide(const lpb *b, double *guide)
{
    const sortie_model *m = b->m;
    int nr = m->n_reqs;
    for (int i = 0; i < m->n_fleets * nr; i++)
        guide[i] = 0;
    for (int f = 0; f < m->n_fleets; f++) {
        int c = b->class_of_fleet[f];
        if (c < 0)
            continue;
        double share = (double)m->fleets[f].count / b->cls[c].count;
        for (int r = 0; r < b->n_routes; r++) {
            if (!serves(b, c, r))
                continue;
            double x = glp_get_col_prim(b->lp, b->Xcol[(size_t)c * b->n_routes + r]) * share;
            if (x <= 1e-9)
                continue;
            double kg = 0;
            for (int q = 0; q < nr; q++)
                if (carries_on(b, f, q, r))
                    kg += m->reqs[q].total_kg;
            for (int q = 0; q < nr && kg > 0; q++)
                if (carries_on(b, f, q, r))
                    guide[(size_t)f * (size_t)nr + (size_t)q] += x * m->reqs[q].total_kg / kg;
        }
    }
}

sortie_status lpbound_closure(const sortie_model *m, minute_t lo, minute_t hi, minute_t *out, char *why,
                              size_t why_len)
{
    return lpbound_closure_guide(m, lo, hi, out, why, why_len, NULL, NULL);
}

sortie_status lpbound_closure_guide(const sortie_model *m, minute_t lo, minute_t hi, minute_t *out, char *why,
                                    size_t why_len, double *guide, bool *guided)
{
    if (why && why_len)
        why[0] = '\0';
    if (guided)
        *guided = false;
    *out = lo;
    if (hi <= lo)
        return SORTIE_OK;
    /* GLPK prints a few lines from scaling and basis construction whatever
     * msg_lev says; the library never prints, so its terminal output is off
     * for this call and restored after. */
    int term = glp_term_out(GLP_OFF);
    lpb b = {.m = m, .layer_budget = LAYER_BUDGET, .work_left = WORK_BUDGET};
    sortie_status st = SORTIE_OK;
    if (!build(&b, hi)) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    if (b.n_groups == 0)
        goto done;
    glp_scale_prob(b.lp, GLP_SF_AUTO);
    glp_adv_basis(b.lp, 0);

    /* Not refuted at lo: the LP proves nothing beyond what the caller has. */
    bool refuted = false;
    minute_t bad = lo;
    st = bisect_closure(lo, hi, probe_at, &b, out, &refuted, &bad);
    if (st != SORTIE_OK)
        *out = lo;
    else if (refuted && why && why_len)
        explain(&b, bad, why, why_len);
    if (st == SORTIE_OK && guide && *out > lo && solve_at(&b, *out) == PROBE_FEASIBLE) {
        fill_guide(&b, guide);
        if (guided)
            *guided = true;
    }
    /* The step rows only after the guide is read: they change the LP's
     * vertex, and with it the guide, for the worse (docs/bound.md). */
    int before = b.n_rr;
    if (st == SORTIE_OK && !build_step_rows(&b)) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    if (st == SORTIE_OK && b.n_rr > before) {
        minute_t stepped = *out;
        bool raised = false;
        if (bisect_closure(*out, hi, probe_at, &b, &stepped, &raised, &bad) == SORTIE_OK && raised) {
            *out = stepped;
            if (why && why_len)
                explain(&b, bad, why, why_len);
        }
    }
done:
    lpb_free(&b);
    glp_term_out(term);
    return st;
}
