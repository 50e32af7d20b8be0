/* dispatch: see dispatch.h. */
#include "dispatch.h"

#include "load.h"
#include "slot.h"

#include <glpk.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A flight from `from` to `to`, direct or with one fuel stop. */
typedef struct {
    int n;                  /* 0 no flight, 1 direct, 2 with a stop at `via` */
    int from, to, via;
    minute_t dep, arr;      /* first take-off, last landing */
    minute_t stop_arr, stop_dep;
} hop;

typedef struct {
    int at;                 /* where it stands */
    minute_t landed;        /* when it landed there */
    minute_t free;          /* earliest next take-off: ground time done, airfield open */
    hop ret;                /* its reserved way home; n == 0 when at base */
    int waits;              /* times it chose to wait since its last sortie */
    bool done;
} tail_state;

typedef struct {
    int route;
    hop pos;                /* positioning; n == 0 when already at the origin */
    minute_t land;          /* landing at the origin */
    hop fly;                /* the loaded flight */
    hop ret;                /* way home from the destination; n == 0 when it is the base */
    minute_t hold;          /* ground at the destination reserved over [fly.arr, hold) */
    double cost;
    double waste;           /* spot factor x guide factor: how badly the choice uses what is short */
    int priority;
} cand;

typedef struct {
    minute_t key;
    int tail;
} heap_item;

/* What fleet f may carry on a route, as of a stamp of that route. */
typedef struct {
    uint64_t stamp; /* 0: nothing known */
    bool any;       /* something is left that f may carry there */
    minute_t ready; /* the earliest ready time of it */
} ready_memo;

struct dispatch {
    const sortie_model *m;
    double stop_avoid;      /* this run's knob */
    slot_table slots;
    load_demand dem;
    load_pack pack, best_pack, second_pack;
    tail_state *ts;
    int n_routes;
    int *route_of;          /* per requirement */
    int *route_from, *route_to;
    int *route_req0, *route_reqs; /* requirements of each route, most urgent first */
    int *route_reqs_scarce;       /* the same lists, those the fewest aircraft may carry first */
    int *fleet_route0, *fleet_routes;
    /* route_ready's answer per entry of fleet_routes, kept while the demand
     * on that route stays as it was: route_stamp changes with it. */
    uint64_t *route_stamp;
    uint64_t stamp_clock;
    ready_memo *ready_memo;
    heap_item *heap;
    int n_heap;
    uint64_t *rank;         /* per tail: its place among tails free at the same minute */
    uint64_t salt;          /* this run's noise: a hash, so a re-evaluation draws the same */
    double *lift;           /* per requirement: kg per minute all its carriers could lift on its route */
    double *rem_kg;         /* per requirement: kg still to move */
    double pressure_max;    /* the largest rem_kg / lift: minutes the slowest requirement needs */
    double *spot_need;      /* per airfield with a MOG: ground minutes its loads left need at least / MOG */
    double spot_max;        /* the largest spot_need */
    double *target;         /* [f * n_reqs + r]: sorties of fleet f for requirement r in this run's guide; NULL: none */
    double *fluid_target;   /* the fluid plan's (owned; NULL when its LP failed) */
    double *set_target;     /* a guide handed in by dispatch_set_guide (owned), or NULL */
    double *done;           /* same shape: sortie-equivalents flown so far (kg carried / payload) */
    double fluid_T;         /* the fluid plan's closure, minutes from start (0: none) */
    bool pace_on;           /* this run keeps fleets to their pace (knobs->pace, and a guide) */
    double *pace_planned;   /* [f * n_airfields + a]: this run's guide's sorties of f from or to a */
    double *pace_flown;     /* same shape: sortie-equivalents of f from or to a so far */
    double *congestion;     /* per airfield: least ground minutes it must hold / (MOG x fluid closure) */
    double *left_kg;        /* per airfield: kg still to move from or to it */
    double *best_eff;       /* per airfield: most kg per minute on the ground any carrier brings there */
    double *req_eff;        /* [2 r + end]: most kg per minute on the ground r's carriers bring to its origin (0) or destination (1) */
    double *req_type_eff;   /* per requirement: the most payload per ground minute of a type that may carry it */
    int *route_region;      /* per route: the region of its origin (origins near each other) */
    int *home_region;       /* per tail: the region the fluid plan gives it, -1: none */
    int *tail_region;       /* per tail, this run: the region it keeps to (knobs->regions), -1: any */
    bool admit_on;          /* this run keeps short spots to the pools its guide gives them (knobs->admit) */
    bool *admit;            /* [f * n_airfields + a]: the guide gives f's pool knobs->admit sorties or more at a */
    bool *orphan;           /* per requirement: at one of its ends that count against a MOG no carrier is admitted */
    int *ends;              /* resume: last kept leg per tail */
    int *load_map;          /* resume: old load index -> new */
    const sched *keep;      /* this run's kept schedule, NULL: none */
    int *anchor_leg;        /* per tail: first leg of its kept later sorties in `keep`, -1: none (or reached) */
    sched *s;
    long work;              /* candidate sorties timed since dispatch_new: the search's clock */
};

/* ------------------------------------------------------------------ setup */

typedef struct {
    const sortie_model *m;
} req_order_ctx;

static bool req_before(const sortie_model *m, int a, int b)
{
    const mdl_requirement *x = &m->reqs[a], *y = &m->reqs[b];
    if (x->priority != y->priority)
        return x->priority < y->priority;
    if (x->due != y->due)
        return x->due < y->due;
    return a < b;
}

/* Aircraft that may carry requirement r: those of the model's fleets for r
 * (the list load_can_carry looks in). */
static int carriers_of(const sortie_model *m, int r)
{
    int n = 0;
    for (int i = 0; i < m->reqs[r].n_fleets; i++)
        n += m->fleets[m->reqs[r].fleets[i]].count;
    return n;
}

/* route_reqs_scarce: each route's list reordered, fewest carrying aircraft
 * first (insertion sort keeps the urgency order among equals). */
static bool build_scarce_order(dispatch *d)
{
    const sortie_model *m = d->m;
    int nr = m->n_reqs;
    d->route_reqs_scarce = malloc(sizeof *d->route_reqs_scarce * (size_t)(nr > 0 ? nr : 1));
    int *carriers = malloc(sizeof *carriers * (size_t)(nr > 0 ? nr : 1));
    if (!d->route_reqs_scarce || !carriers) {
        free(carriers);
        return false;
    }
    for (int r = 0; r < nr; r++)
        carriers[r] = carriers_of(m, r);
    for (int k = 0; k < d->n_routes; k++) {
        const int *from = d->route_reqs + d->route_req0[k];
        int *list = d->route_reqs_scarce + d->route_req0[k], n = d->route_req0[k + 1] - d->route_req0[k];
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && carriers[from[i]] < carriers[list[j - 1]]) {
                list[j] = list[j - 1];
                j--;
            }
            list[j] = from[i];
        }
    }
    free(carriers);
    return true;
}

static bool build_routes(dispatch *d)
{
    const sortie_model *m = d->m;
    int nr = m->n_reqs, na = m->n_airfields, nf = m->n_fleets;
    size_t nr1 = nr > 0 ? (size_t)nr : 1;
    int *table = malloc(sizeof *table * (size_t)(na > 0 ? na * na : 1));
    d->route_of = malloc(sizeof *d->route_of * nr1);
    d->route_from = malloc(sizeof *d->route_from * nr1);
    d->route_to = malloc(sizeof *d->route_to * nr1);
    d->route_req0 = calloc(nr1 + 1, sizeof *d->route_req0);
    d->route_reqs = malloc(sizeof *d->route_reqs * nr1);
    d->fleet_route0 = calloc((size_t)nf + 1, sizeof *d->fleet_route0);
    if (!table || !d->route_of || !d->route_from || !d->route_to || !d->route_req0 || !d->route_reqs ||
        !d->fleet_route0) {
        free(table);
        return false;
    }
    for (int i = 0; i < na * na; i++)
        table[i] = -1;
    d->n_routes = 0;
    for (int r = 0; r < nr; r++) {
        int key = m->reqs[r].from * na + m->reqs[r].to;
        if (table[key] < 0) {
            table[key] = d->n_routes;
            d->route_from[d->n_routes] = m->reqs[r].from;
            d->route_to[d->n_routes] = m->reqs[r].to;
            d->n_routes++;
        }
        d->route_of[r] = table[key];
        d->route_req0[table[key] + 1]++;
    }
    free(table);
    for (int k = 0; k < d->n_routes; k++)
        d->route_req0[k + 1] += d->route_req0[k];
    /* Fill each route's list, then order it by urgency (insertion sort: lists are short). */
    int *fillp = calloc((size_t)d->n_routes + 1, sizeof *fillp);
    if (!fillp)
        return false;
    for (int r = 0; r < nr; r++) {
        int k = d->route_of[r];
        int *list = d->route_reqs + d->route_req0[k];
        int j = fillp[k]++;
        while (j > 0 && req_before(m, r, list[j - 1])) {
            list[j] = list[j - 1];
            j--;
        }
        list[j] = r;
    }
    free(fillp);
    /* Routes each fleet may serve. */
    int count = 0;
    for (int f = 0; f < nf; f++)
        for (int k = 0; k < d->n_routes; k++)
            for (int i = d->route_req0[k]; i < d->route_req0[k + 1]; i++)
                if (load_can_carry(m, d->route_reqs[i], f)) {
                    count++;
                    break;
                }
    d->fleet_routes = malloc(sizeof *d->fleet_routes * (size_t)(count > 0 ? count : 1));
    if (!d->fleet_routes)
        return false;
    count = 0;
    for (int f = 0; f < nf; f++) {
        d->fleet_route0[f] = count;
        for (int k = 0; k < d->n_routes; k++)
            for (int i = d->route_req0[k]; i < d->route_req0[k + 1]; i++)
                if (load_can_carry(m, d->route_reqs[i], f)) {
                    d->fleet_routes[count++] = k;
                    break;
                }
    }
    d->fleet_route0[nf] = count;
    return build_scarce_order(d);
}

static bool guide_build(dispatch *d);
static bool guide_copy(dispatch *d, const dispatch *from);
static bool congestion_build(dispatch *d);
static bool regions_build(dispatch *d);

/* What a type brings per minute on a parking spot: payload over ground time. */
static double spot_yield(const scn_type *t) { return t->payload_kg / (t->ground_min > 0 ? t->ground_min : 1); }

/* A dispatcher's buffers, routes and lift, before any guide. */
static dispatch *dispatch_alloc(const sortie_model *m)
{
    dispatch *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->m = m;
    size_t nt = m->n_tails > 0 ? (size_t)m->n_tails : 1;
    bool ok = slot_table_init(&d->slots, m);
    ok = load_demand_init(&d->dem, m) && ok;
    ok = load_pack_init(&d->pack, m) && ok;
    ok = load_pack_init(&d->best_pack, m) && ok;
    ok = load_pack_init(&d->second_pack, m) && ok;
    d->ts = calloc(nt, sizeof *d->ts);
    d->heap = malloc(sizeof *d->heap * nt);
    d->rank = malloc(sizeof *d->rank * nt);
    d->ends = malloc(sizeof *d->ends * nt);
    d->anchor_leg = malloc(sizeof *d->anchor_leg * nt);
    d->lift = calloc(m->n_reqs > 0 ? (size_t)m->n_reqs : 1, sizeof *d->lift);
    d->rem_kg = calloc(m->n_reqs > 0 ? (size_t)m->n_reqs : 1, sizeof *d->rem_kg);
    d->spot_need = calloc(m->n_airfields > 0 ? (size_t)m->n_airfields : 1, sizeof *d->spot_need);
    if (!ok || !d->ts || !d->heap || !d->rank || !d->ends || !d->anchor_leg ||
        !d->lift || !d->rem_kg || !d->spot_need ||
        !build_routes(d)) {
        dispatch_free(d);
        return NULL;
    }
    size_t entries = (size_t)d->fleet_route0[m->n_fleets];
    d->route_stamp = calloc(d->n_routes > 0 ? (size_t)d->n_routes : 1, sizeof *d->route_stamp);
    d->ready_memo = calloc(entries > 0 ? entries : 1, sizeof *d->ready_memo);
    if (!d->route_stamp || !d->ready_memo) {
        dispatch_free(d);
        return NULL;
    }
    /* How fast the carriers of each requirement could move it if they did
     * nothing else: payload per round trip (legs and ground times). */
    for (int r = 0; r < m->n_reqs; r++)
        for (int f = 0; f < m->n_fleets; f++) {
            if (!load_can_carry(m, r, f))
                continue;
            const scn_type *t = &m->types[m->fleets[f].type].t;
            double cycle = 2.0 * (model_leg_min(m, m->fleets[f].type, m->reqs[r].from, m->reqs[r].to) + t->ground_min);
            d->lift[r] += m->fleets[f].count * t->payload_kg / (cycle > 1 ? cycle : 1);
        }
    return d;
}

/* Completes d with its guide (built, or copied from `from`) and what derives from it. */
static dispatch *dispatch_finish(dispatch *d, const dispatch *from)
{
    if (!d)
        return NULL;
    if (!(from ? guide_copy(d, from) : guide_build(d)) || !congestion_build(d) || !regions_build(d)) {
        dispatch_free(d);
        return NULL;
    }
    return d;
}

dispatch *dispatch_new(const sortie_model *m) { return dispatch_finish(dispatch_alloc(m), NULL); }

dispatch *dispatch_new_like(const dispatch *from) { return dispatch_finish(dispatch_alloc(from->m), from); }

void dispatch_free(dispatch *d)
{
    if (!d)
        return;
    slot_table_free(&d->slots);
    load_demand_free(&d->dem);
    load_pack_free(&d->pack);
    load_pack_free(&d->best_pack);
    load_pack_free(&d->second_pack);
    free(d->ts);
    free(d->route_of);
    free(d->route_from);
    free(d->route_to);
    free(d->route_req0);
    free(d->route_reqs);
    free(d->route_reqs_scarce);
    free(d->fleet_route0);
    free(d->fleet_routes);
    free(d->route_stamp);
    free(d->ready_memo);
    free(d->heap);
    free(d->rank);
    free(d->ends);
    free(d->anchor_leg);
    free(d->lift);
    free(d->rem_kg);
    free(d->fluid_target);
    free(d->set_target);
    free(d->done);
    free(d->pace_planned);
    free(d->pace_flown);
    free(d->congestion);
    free(d->left_kg);
    free(d->best_eff);
    free(d->spot_need);
    free(d->req_eff);
    free(d->req_type_eff);
    free(d->admit);
    free(d->orphan);
    free(d->route_region);
    free(d->home_region);
    free(d->tail_region);
    free(d->load_map);
    sched_free(d->s);
    free(d);
}

int dispatch_route_count(const dispatch *d) { return d->n_routes; }
long dispatch_work(const dispatch *d) { return d->work; }
double dispatch_congestion(const dispatch *d, int a) { return d->congestion ? d->congestion[a] : 0; }
int dispatch_route_of(const dispatch *d, int r) { return d->route_of[r]; }
bool dispatch_left(const dispatch *d, int r) { return load_demand_left(&d->dem, r); }

/* ------------------------------------------------------------------ guide */

/*
 * The fluid plan that guides the choices: a linear program over y[f][r],
 * sorties of fleet f for requirement r, that minimises closure T subject to
 *   cover   each requirement's weight, passengers, floor area and outsize
 *           lines by the sorties of the fleets that may carry them;
 *   fleets  each fleet's round trips (legs and ground times) within
 *           count x (T - available_from);
 *   MOG     at each airfield with one, the ground minutes of sorties by
 *           aircraft not based there within MOG x T;
 * and, second, the fleets' total time. The greedy then favours loads that
 * follow it, which keeps aircraft that only a few requirements can use for
 * those, and the slot-efficient types for the airfields that are short of
 * spots. It guides, it proves nothing (bound.c and lpbound.c prove).
 * False only when out of memory; when the LP fails, no guide is used.
 */
static bool guide_build(dispatch *d)
{
    const sortie_model *m = d->m;
    int nr = m->n_reqs, nf = m->n_fleets, na = m->n_airfields;
    size_t cells = (size_t)nr * (size_t)nf;
    if (cells == 0)
        return true;
    int *col_f = malloc(sizeof *col_f * (cells + 2));
    int *col_r = malloc(sizeof *col_r * (cells + 2));
    int *ia = NULL, *ja = NULL;
    double *ar = NULL;
    d->fluid_target = d->target = calloc(cells, sizeof *d->target);
    d->done = calloc(cells, sizeof *d->done);
    if (!col_f || !col_r || !d->target || !d->done) {
        free(col_f), free(col_r);
        return false;
    }
    int term = glp_term_out(GLP_OFF);
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    /* Column 1 is T (minutes from start); then one per (fleet, requirement) it may carry. */
    glp_add_cols(lp, 1);
    glp_set_col_bnds(lp, 1, GLP_LO, 0, 0);
    glp_set_obj_coef(lp, 1, 1.0);
    int n_cols = 1;
    for (int f = 0; f < nf; f++)
        for (int r = 0; r < nr; r++) {
            if (!load_can_carry(m, r, f))
                continue;
            const scn_type *t = &m->types[m->fleets[f].type].t;
            double cyc = 2.0 * (model_leg_min(m, m->fleets[f].type, m->reqs[r].from, m->reqs[r].to) + t->ground_min);
            n_cols++;
            glp_add_cols(lp, 1);
            glp_set_col_bnds(lp, n_cols, GLP_LO, 0, 0);
            /* Second aim: little fleet time, spread over the fleet's aircraft. */
            glp_set_obj_coef(lp, n_cols, 1e-3 * cyc / m->fleets[f].count);
            col_f[n_cols] = f, col_r[n_cols] = r;
        }
    /* Rows: 4 cover rows per requirement at most, one per outsize line,
     * one per fleet, two per airfield. Each column sits in at most 4 + its
     * lines cover rows, its fleet row and two airfield rows. */
    size_t max_nz = (size_t)n_cols * 7 + (size_t)nf + 2 * (size_t)na + 16;
    for (int c = 2; c <= n_cols; c++)
        max_nz += m->reqs[col_r[c]].src->n_cargo;
    ia = malloc(sizeof *ia * (max_nz + 1));
    ja = malloc(sizeof *ja * (max_nz + 1));
    ar = malloc(sizeof *ar * (max_nz + 1));
    if (!ia || !ja || !ar) {
        glp_delete_prob(lp);
        glp_term_out(term);
        free(col_f), free(col_r), free(ia), free(ja), free(ar);
        return false;
    }
    int nz = 0, row = 0;
#define NZ(r_, c_, v_) (ia[++nz] = (r_), ja[nz] = (c_), ar[nz] = (v_))
    for (int r = 0; r < nr; r++) {
        const mdl_requirement *q = &m->reqs[r];
        double want[3] = {q->total_kg, q->pax, q->total_floor_m2};
        for (int k = 0; k < 3; k++) {
            if (want[k] <= 0)
                continue;
            glp_add_rows(lp, 1);
            row++;
            glp_set_row_bnds(lp, row, GLP_LO, want[k], 0);
            for (int c = 2; c <= n_cols; c++) {
                if (col_r[c] != r)
                    continue;
                const mdl_type *t = &m->types[m->fleets[col_f[c]].type];
                double cap = k == 0 ? t->t.payload_kg
                           : k == 1 ? (load_can_carry_pax(m, r, col_f[c]) ? t->t.seats : 0)
                                    : t->floor_m2;
                if (cap > 0)
                    NZ(row, c, cap);
            }
        }
        for (size_t line = 0; line < q->src->n_cargo; line++) {
            /* Only lines that some carrier of r cannot take need a row. */
            bool partial = false;
            for (int c = 2; c <= n_cols; c++)
                if (col_r[c] == r && !load_can_carry_line(m, r, (int)line, col_f[c]))
                    partial = true;
            if (!partial || q->src->cargo[line].count <= 0)
                continue;
            glp_add_rows(lp, 1);
            row++;
            glp_set_row_bnds(lp, row, GLP_LO, q->src->cargo[line].count, 0);
            for (int c = 2; c <= n_cols; c++) {
                if (col_r[c] != r || !load_can_carry_line(m, r, (int)line, col_f[c]))
                    continue;
                const scn_cargo *it = &q->src->cargo[line];
                const mdl_type *t = &m->types[m->fleets[col_f[c]].type];
                double per = it->weight_kg > 0 ? floor(t->t.payload_kg / it->weight_kg + LOAD_EPS) : 1e9;
                double area = it->length_m * it->width_m;
                if (area > 0 && floor(t->floor_m2 / area + LOAD_EPS) < per)
                    per = floor(t->floor_m2 / area + LOAD_EPS);
                if (per > 0)
                    NZ(row, c, per);
            }
        }
    }
    for (int f = 0; f < nf; f++) {
        const mdl_fleet *fl = &m->fleets[f];
        const scn_type *t = &m->types[fl->type].t;
        glp_add_rows(lp, 1);
        row++;
        /* sum cyc y - count T <= -count (available_from - start) */
        glp_set_row_bnds(lp, row, GLP_UP, 0, -(double)fl->count * (double)(fl->available_from - m->start));
        NZ(row, 1, -(double)fl->count);
        for (int c = 2; c <= n_cols; c++)
            if (col_f[c] == f)
                NZ(row, c, 2.0 * (model_leg_min(m, fl->type, m->reqs[col_r[c]].from, m->reqs[col_r[c]].to) +
                                  t->ground_min));
    }
    for (int a = 0; a < na; a++) {
        if (m->airfields[a].mog < 0)
            continue;
        for (int end = 0; end < 2; end++) {
            glp_add_rows(lp, 1);
            row++;
            glp_set_row_bnds(lp, row, GLP_UP, 0, 0);
            NZ(row, 1, -(double)m->airfields[a].mog);
            for (int c = 2; c <= n_cols; c++) {
                const mdl_requirement *q = &m->reqs[col_r[c]];
                if ((end ? q->to : q->from) == a && m->fleets[col_f[c]].base != a)
                    NZ(row, c, m->types[m->fleets[col_f[c]].type].t.ground_min);
            }
        }
    }
#undef NZ
    glp_load_matrix(lp, nz, ia, ja, ar);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    if (glp_simplex(lp, &parm) == 0 && glp_get_status(lp) == GLP_OPT) {
        for (int c = 2; c <= n_cols; c++)
            d->target[(size_t)col_f[c] * (size_t)nr + (size_t)col_r[c]] = glp_get_col_prim(lp, c);
        d->fluid_T = glp_get_col_prim(lp, 1);
    } else {
        free(d->fluid_target);
        d->fluid_target = d->target = NULL; /* no guide */
    }
    glp_delete_prob(lp);
    glp_term_out(term);
    free(col_f), free(col_r), free(ia), free(ja), free(ar);
    return true;
}

/* What guide_build left in `from` (the fluid plan, its closure and the
 * guide handed in), copied into d. */
static bool guide_copy(dispatch *d, const dispatch *from)
{
    size_t cells = (size_t)d->m->n_reqs * (size_t)d->m->n_fleets, size = sizeof(double) * cells;
    d->fluid_T = from->fluid_T;
    if (from->done && !(d->done = calloc(cells, sizeof *d->done)))
        return false;
    if (from->fluid_target && !(d->fluid_target = d->target = malloc(size)))
        return false;
    if (from->set_target && !(d->set_target = malloc(size)))
        return false;
    if (d->fluid_target)
        memcpy(d->fluid_target, from->fluid_target, size);
    if (d->set_target)
        memcpy(d->set_target, from->set_target, size);
    return true;
}

/*
 * How short of spots each airfield with a MOG is: the ground minutes its
 * loads need at least (each requirement by the carrier bringing most kg per
 * minute on the ground) over MOG x the fluid plan's closure. Above about
 * one half, a sortie that brings little per minute on a spot delays others.
 */
static bool congestion_build(dispatch *d)
{
    const sortie_model *m = d->m;
    int na = m->n_airfields;
    d->congestion = calloc(na > 0 ? (size_t)na : 1, sizeof *d->congestion);
    d->left_kg = calloc(na > 0 ? (size_t)na : 1, sizeof *d->left_kg);
    d->best_eff = calloc(na > 0 ? (size_t)na : 1, sizeof *d->best_eff);
    d->req_eff = calloc(2 * (m->n_reqs > 0 ? (size_t)m->n_reqs : 1), sizeof *d->req_eff);
    d->req_type_eff = calloc(m->n_reqs > 0 ? (size_t)m->n_reqs : 1, sizeof *d->req_type_eff);
    double *need = calloc(na > 0 ? (size_t)na : 1, sizeof *need);
    if (!d->congestion || !d->left_kg || !d->best_eff || !d->req_eff || !d->req_type_eff || !need) {
        free(need);
        return false;
    }
    for (int r = 0; r < m->n_reqs; r++) {
        const mdl_requirement *q = &m->reqs[r];
        double eff[2] = {0, 0};
        for (int f = 0; f < m->n_fleets; f++) {
            if (!load_can_carry(m, r, f))
                continue;
            const scn_type *t = &m->types[m->fleets[f].type].t;
            double e0 = spot_yield(t);
            if (e0 > d->req_type_eff[r])
                d->req_type_eff[r] = e0;
            int ends[2] = {q->from, q->to};
            for (int k = 0; k < 2; k++) {
                double e = m->fleets[f].base == ends[k] ? 1e12 : e0; /* based there: costs no spot */
                if (e > eff[k])
                    eff[k] = e;
                if (e > d->best_eff[ends[k]])
                    d->best_eff[ends[k]] = e;
            }
        }
        d->req_eff[2 * (size_t)r] = eff[0];
        d->req_eff[2 * (size_t)r + 1] = eff[1];
        if (eff[0] > 0)
            need[q->from] += q->total_kg / eff[0];
        if (eff[1] > 0)
            need[q->to] += q->total_kg / eff[1];
    }
    for (int a = 0; a < na; a++)
        if (m->airfields[a].mog > 0 && d->fluid_T > 0)
            d->congestion[a] = need[a] / (m->airfields[a].mog * d->fluid_T);
    free(need);
    return true;
}

/* Origins closer than this to another origin of the same region (single
 * linkage): one theatre of an operation. */
#define REGION_KM 1500.0

/* Fleets of one type and operator: they may carry the same loads. */
static bool same_pool(const sortie_model *m, int f, int g)
{
    return m->fleets[f].type == m->fleets[g].type && m->fleets[f].operator_index == m->fleets[g].operator_index;
}

/* The first fleet of f's pool (same type and operator). */
static int pool_of(const sortie_model *m, int f)
{
    for (int g = 0; g < f; g++)
        if (same_pool(m, f, g))
            return g;
    return f;
}

/*
 * Regions: the origins of requirements, clustered by distance, and for
 * each tail a home region. The fluid plan says how much of each fleet's
 * time each region gets; the fleet's aircraft are shared out in that
 * proportion (largest remainders). An aircraft that keeps to its region
 * flies no long positioning legs between theatres, which the fluid plan
 * does not see and a greedy choice, one sortie at a time, takes too often.
 */
static bool regions_build(dispatch *d)
{
    const sortie_model *m = d->m;
    int na = m->n_airfields, nR = d->n_routes, nf = m->n_fleets;
    size_t nt = m->n_tails > 0 ? (size_t)m->n_tails : 1;
    d->route_region = malloc(sizeof *d->route_region * (size_t)(nR > 0 ? nR : 1));
    d->home_region = malloc(sizeof *d->home_region * nt);
    d->tail_region = malloc(sizeof *d->tail_region * nt);
    int *root = malloc(sizeof *root * (size_t)(na > 0 ? na : 1));
    bool *origin = calloc(na > 0 ? (size_t)na : 1, sizeof *origin);
    double *share = calloc((size_t)(nf > 0 ? nf : 1) * (size_t)(na > 0 ? na : 1), sizeof *share);
    double *want = malloc(sizeof *want * (size_t)(na > 0 ? na : 1));
    int *seats = malloc(sizeof *seats * (size_t)(na > 0 ? na : 1));
    /* [b * na + a]: from airfield b to the nearest origin of region a */
    double *near = malloc(sizeof *near * (size_t)(na > 0 ? na * na : 1));
    bool ok = d->route_region && d->home_region && d->tail_region && root && origin && share && want && seats && near;
    if (ok) {
        for (int a = 0; a < na; a++)
            root[a] = a;
        for (int k = 0; k < nR; k++)
            origin[d->route_from[k]] = true;
        /* Single linkage: the smallest index of each cluster is its root. */
        for (int a = 0; a < na; a++)
            for (int b = 0; b < a; b++) {
                if (!origin[a] || !origin[b] || model_dist(m, a, b) >= REGION_KM)
                    continue;
                int ra = root[a], rb = root[b];
                if (ra == rb)
                    continue;
                int lo = ra < rb ? ra : rb, hi = ra < rb ? rb : ra;
                for (int c = 0; c < na; c++)
                    if (root[c] == hi)
                        root[c] = lo;
            }
        for (int k = 0; k < nR; k++)
            d->route_region[k] = root[d->route_from[k]];
        for (int b = 0; b < na; b++) {
            for (int a = 0; a < na; a++)
                near[(size_t)b * (size_t)na + (size_t)a] = INFINITY;
            for (int o = 0; o < na; o++) {
                double *x = &near[(size_t)b * (size_t)na + (size_t)root[o]];
                if (origin[o] && model_dist(m, b, o) < *x)
                    *x = model_dist(m, b, o);
            }
        }
        /* Fleet time per region in the fluid plan. */
        if (d->target)
            for (int f = 0; f < nf; f++)
                for (int r = 0; r < m->n_reqs; r++) {
                    double y = d->target[(size_t)f * (size_t)m->n_reqs + (size_t)r];
                    if (y <= 0)
                        continue;
                    const scn_type *t = &m->types[m->fleets[f].type].t;
                    double cyc = 2.0 * (model_leg_min(m, m->fleets[f].type, m->reqs[r].from, m->reqs[r].to) + t->ground_min);
                    share[(size_t)f * (size_t)na + (size_t)d->route_region[d->route_of[r]]] += y * cyc;
                }
        for (size_t k = 0; k < nt; k++)
            d->home_region[k] = -1;
        /* Fleets of one type and operator are one pool: they may carry the
         * same loads, so the fluid plan's split among them is arbitrary.
         * Each pool's aircraft are shared out among the regions in the
         * proportion of its fluid time (largest remainders), the nearest
         * aircraft (base to the region's nearest origin) first. */
        for (int f = 0; f < nf; f++) {
            if (pool_of(m, f) != f)
                continue;
            int n = 0;
            double total = 0;
            for (int a = 0; a < na; a++)
                want[a] = 0;
            for (int g = f; g < nf; g++) {
                if (!same_pool(m, f, g))
                    continue;
                n += m->fleets[g].count;
                for (int a = 0; a < na; a++) {
                    want[a] += share[(size_t)g * (size_t)na + (size_t)a];
                    total += share[(size_t)g * (size_t)na + (size_t)a];
                }
            }
            if (total <= 0)
                continue;
            int given = 0;
            for (int a = 0; a < na; a++) {
                double x = n * want[a] / total;
                seats[a] = (int)floor(x);
                given += seats[a];
                want[a] = x - seats[a];
            }
            while (given < n) {
                int best = 0;
                for (int a = 1; a < na; a++)
                    if (want[a] > want[best])
                        best = a;
                seats[best]++, given++;
                want[best] = -1;
            }
            /* Nearest first: the closest (aircraft, region with room) pair, again and again. */
            for (int left = n; left > 0; left--) {
                int bt = -1, ba = -1;
                double bd = INFINITY;
                for (int g = f; g < nf; g++) {
                    if (!same_pool(m, f, g))
                        continue;
                    for (int i = 0; i < m->fleets[g].count; i++) {
                        int k = m->fleets[g].first_tail + i;
                        if (d->home_region[k] >= 0)
                            continue;
                        const double *from = &near[(size_t)m->fleets[g].base * (size_t)na];
                        for (int a = 0; a < na; a++)
                            if (seats[a] > 0 && from[a] < bd)
                                bd = from[a], bt = k, ba = a;
                        break; /* the fleet's aircraft are alike: its first free one stands for all */
                    }
                }
                if (bt < 0)
                    break;
                d->home_region[bt] = ba;
                seats[ba]--;
            }
        }
    }
    free(root);
    free(origin);
    free(share);
    free(want);
    free(seats);
    free(near);
    return ok;
}

/*
 * Admission to short spots (knobs->admit): which pools the run's guide
 * gives at least `least` sortie-equivalents from or to each airfield, and
 * which requirements no admitted carrier could take at one of their ends
 * (those any carrier may still fly, so that nothing is stranded). The
 * guide is the LP's or the fluid plan's split, which puts an airfield's
 * work on the types that bring most per spot-minute and spends the others
 * elsewhere; the greedy otherwise fills the spots with whatever aircraft
 * is free first.
 */
static bool admit_build(dispatch *d, double least)
{
    const sortie_model *m = d->m;
    int na = m->n_airfields, nf = m->n_fleets, nr = m->n_reqs;
    size_t cells = (size_t)(nf > 0 ? nf : 1) * (size_t)(na > 0 ? na : 1);
    if (!d->admit)
        d->admit = malloc(sizeof *d->admit * cells);
    if (!d->orphan)
        d->orphan = malloc(sizeof *d->orphan * (size_t)(nr > 0 ? nr : 1));
    double *sum = calloc(cells, sizeof *sum);
    if (!d->admit || !d->orphan || !sum) {
        free(sum);
        return false;
    }
    for (int f = 0; f < nf; f++) {
        size_t pool = (size_t)pool_of(m, f) * (size_t)na;
        for (int r = 0; r < nr; r++) {
            double y = d->target[(size_t)f * (size_t)nr + (size_t)r];
            if (y <= 0)
                continue;
            sum[pool + (size_t)m->reqs[r].from] += y;
            sum[pool + (size_t)m->reqs[r].to] += y;
        }
    }
    for (int f = 0; f < nf; f++) {
        size_t pool = (size_t)pool_of(m, f) * (size_t)na;
        for (int a = 0; a < na; a++)
            d->admit[(size_t)f * (size_t)na + (size_t)a] = sum[pool + (size_t)a] >= least;
    }
    for (int r = 0; r < nr; r++) {
        const mdl_requirement *q = &m->reqs[r];
        int ends[2] = {q->from, q->to};
        d->orphan[r] = false;
        for (int e = 0; e < 2; e++) {
            bool any = false;
            for (int i = 0; i < q->n_fleets && !any; i++)
                any = !slot_counts(m, ends[e], q->fleets[i]) ||
                      d->admit[(size_t)q->fleets[i] * (size_t)na + (size_t)ends[e]];
            d->orphan[r] = d->orphan[r] || !any;
        }
    }
    free(sum);
    return true;
}

/* How short of spots airfield a is now: its congestion while loads from or
 * to it are left, 0 after (its spots are then free for whoever passes). */
static double congestion_now(const dispatch *d, int a)
{
    return d->left_kg[a] > 0.5 ? d->congestion[a] : 0;
}

/* The cost factor of standing on congested spots for little: at each end
 * of the flight that counts against a MOG, 1 + weight x congestion x (best
 * kg per spot-minute / this load's - 1). */
static double slot_factor(const dispatch *d, int f, int route, double weight, bool own)
{
    const sortie_model *m = d->m;
    if (weight <= 0 || !d->congestion)
        return 1.0;
    const scn_type *t = &m->types[m->fleets[f].type].t;
    double eff = d->pack.kg / (t->ground_min > 0 ? t->ground_min : 1);
    double factor = 1.0;
    int ends[2] = {d->route_from[route], d->route_to[route]};
    for (int k = 0; k < 2; k++) {
        int a = ends[k];
        double c = congestion_now(d, a);
        if (c <= 0 || !slot_counts(m, a, f) || d->best_eff[a] <= 0)
            continue;
        double best = d->best_eff[a];
        if (own) {
            /* Against the best that could carry this load's requirements. */
            double b = 0;
            for (int i = 0; i < d->pack.n_pieces; i++)
                b = fmax(b, d->req_eff[2 * (size_t)d->pack.pieces[i].req + (size_t)k]);
            if (b > 0 && b < best)
                best = b;
        }
        double ratio = eff / best;
        if (ratio < 0.02)
            ratio = 0.02;
        if (ratio < 1)
            factor *= 1.0 + weight * (c < 1.5 ? c : 1.5) * (1.0 / ratio - 1.0);
    }
    return factor;
}

/* The congestion (dispatch_congestion) from which the strict rule and
 * admission count an airfield as short of spots. */
#define SPOTS_SHORT 0.5

/* Adds x to fleet f's entries of `sums` (pace_planned or pace_flown) at
 * both ends of requirement r. */
static void pace_add(const dispatch *d, double *sums, int f, int r, double x)
{
    const sortie_model *m = d->m;
    size_t row = (size_t)f * (size_t)m->n_airfields;
    sums[row + (size_t)m->reqs[r].from] += x;
    sums[row + (size_t)m->reqs[r].to] += x;
}

/* Sets up this run's pace (pace_planned from its guide, pace_flown at
 * zero) when `on` and the run has a guide; otherwise turns it off. The
 * sums are allocated by the first paced run and kept. False when out of
 * memory. */
static bool pace_build(dispatch *d, bool on)
{
    const sortie_model *m = d->m;
    d->pace_on = on && d->target;
    if (!d->pace_on)
        return true;
    size_t cells = (size_t)m->n_fleets * (size_t)(m->n_airfields > 0 ? m->n_airfields : 1);
    if (!d->pace_planned && !(d->pace_planned = malloc(sizeof *d->pace_planned * cells)))
        return false;
    if (!d->pace_flown && !(d->pace_flown = malloc(sizeof *d->pace_flown * cells)))
        return false;
    memset(d->pace_planned, 0, sizeof *d->pace_planned * cells);
    memset(d->pace_flown, 0, sizeof *d->pace_flown * cells);
    for (int f = 0; f < m->n_fleets; f++)
        for (int r = 0; r < m->n_reqs; r++)
            pace_add(d, d->pace_planned, f, r, d->target[(size_t)f * (size_t)m->n_reqs + (size_t)r]);
    return true;
}

/* With knobs->pace: the cost factor of fleet f's sortie on route taking off
 * at dep, > 1 when at an end short of spots f has flown more of the guide's
 * sorties there than its share of the time elapsed. */
static double pace_factor(const dispatch *d, int f, int route, minute_t dep, double pace)
{
    const sortie_model *m = d->m;
    if (pace <= 0 || !d->pace_on || !d->congestion || d->fluid_T <= 0)
        return 1.0;
    double elapsed = (double)(dep - m->start) / d->fluid_T;
    int ends[2] = {d->route_from[route], d->route_to[route]};
    for (int k = 0; k < 2; k++) {
        int a = ends[k];
        if (congestion_now(d, a) < SPOTS_SHORT || !slot_counts(m, a, f))
            continue;
        size_t at = (size_t)f * (size_t)m->n_airfields + (size_t)a;
        if (d->pace_flown[at] > d->pace_planned[at] * elapsed * (1 + DISPATCH_PACE_SLACK))
            return pace;
    }
    return 1.0;
}

/* True when, at an end of the route where spots are short, fleet f's type
 * brings less than 1/ratio of what the best type that may carry each of the
 * packed load's requirements brings per minute on the ground. (Not against
 * req_eff, which counts a carrier based at the airfield as using no spot:
 * at a short base every visiting carrier would be outclassed.) */
static bool spot_outclassed(const dispatch *d, int f, int route, double ratio)
{
    const sortie_model *m = d->m;
    if (!d->congestion)
        return false;
    const scn_type *t = &m->types[m->fleets[f].type].t;
    double eff = spot_yield(t);
    int ends[2] = {d->route_from[route], d->route_to[route]};
    for (int k = 0; k < 2; k++) {
        if (congestion_now(d, ends[k]) < SPOTS_SHORT || !slot_counts(m, ends[k], f))
            continue;
        /* The load's requirement whose best type brings least: a load
         * holding one that only slow types may carry is theirs to fly. */
        double best = INFINITY;
        for (int i = 0; i < d->pack.n_pieces; i++)
            best = fmin(best, d->req_type_eff[d->pack.pieces[i].req]);
        if (eff * ratio < best)
            return true;
    }
    return false;
}

/* How much of the packed load (d->pack) fleet f carries on plan: the share
 * of its weight within what the fluid plan still gives f for each requirement. */
static double guide_affinity(const dispatch *d, int f)
{
    const sortie_model *m = d->m;
    double payload = m->types[m->fleets[f].type].t.payload_kg, on = 0;
    if (!d->target || d->pack.kg <= 0 || payload <= 0)
        return 1.0;
    for (int i = 0; i < d->pack.n_pieces; i++) {
        const load_piece *p = &d->pack.pieces[i];
        size_t at = (size_t)f * (size_t)m->n_reqs + (size_t)p->req;
        double left = (d->target[at] - d->done[at]) * payload;
        double kg = p->n * (p->line < 0 ? m->pax_kg : m->reqs[p->req].src->cargo[p->line].weight_kg);
        on += left <= 0 ? 0 : kg < left ? kg : left;
    }
    return on / d->pack.kg;
}

/* Counts n passengers (line -1) or items of requirement r carried by fleet f
 * into what it has done of the fluid plan. */
static void guide_count(dispatch *d, int f, int r, int line, int n)
{
    const sortie_model *m = d->m;
    if (!d->target)
        return;
    double payload = m->types[m->fleets[f].type].t.payload_kg;
    double kg = n * (line < 0 ? m->pax_kg : m->reqs[r].src->cargo[line].weight_kg);
    d->done[(size_t)f * (size_t)m->n_reqs + (size_t)r] += kg / payload;
    if (d->pace_on)
        pace_add(d, d->pace_flown, f, r, kg / payload);
}

bool dispatch_set_guide(dispatch *d, const double *target)
{
    size_t cells = (size_t)d->m->n_fleets * (size_t)d->m->n_reqs;
    if (!d->fluid_target || cells == 0)
        return false;
    if (!d->set_target && !(d->set_target = malloc(sizeof *d->set_target * cells)))
        return false;
    memcpy(d->set_target, target, sizeof *d->set_target * cells);
    return true;
}

const double *dispatch_guide(const dispatch *d) { return d->set_target; }

void dispatch_clear_guide(dispatch *d)
{
    free(d->set_target);
    d->set_target = NULL;
}

/* ---------------------------------------------------------------- pressure */

static double pressure(const dispatch *d, int r) { return d->lift[r] > 0 ? d->rem_kg[r] / d->lift[r] : 0; }

/* Adds kg of requirement r (taken away when negative) to spot_need at each
 * of its ends with a MOG: the minutes their spots must stay full for the
 * loads left, each requirement by the carrier bringing most kg per ground
 * minute there (congestion_build's measure, of what is left). Carriers
 * based there stand on no spot (req_eff's 1e12) and add nothing. */
static void spot_need_take(dispatch *d, int r, double kg)
{
    const sortie_model *m = d->m;
    int ends[2] = {m->reqs[r].from, m->reqs[r].to};
    for (int k = 0; k < 2; k++) {
        double eff = d->req_eff[2 * (size_t)r + (size_t)k];
        if (m->airfields[ends[k]].mog > 0 && eff > 0 && eff < 1e11)
            d->spot_need[ends[k]] += kg / eff / m->airfields[ends[k]].mog;
    }
}

static void pressure_max_update(dispatch *d)
{
    const sortie_model *m = d->m;
    d->pressure_max = 0;
    for (int r = 0; r < m->n_reqs; r++)
        if (pressure(d, r) > d->pressure_max)
            d->pressure_max = pressure(d, r);
    d->spot_max = 0;
    for (int a = 0; a < m->n_airfields; a++)
        if (d->spot_need[a] > d->spot_max)
            d->spot_max = d->spot_need[a];
}

/* With knobs->spot_urgency, a requirement is as pressed as the busier of
 * its airfields' spots when they would take longer than its carriers. */
static double pressure_with_spots(const dispatch *d, int r, bool spots)
{
    double p = pressure(d, r);
    if (spots) {
        p = fmax(p, d->spot_need[d->m->reqs[r].from]);
        p = fmax(p, d->spot_need[d->m->reqs[r].to]);
    }
    return p;
}

static void pressure_reset(dispatch *d)
{
    const sortie_model *m = d->m;
    for (int r = 0; r < m->n_reqs; r++) {
        double kg = d->dem.pax[r] * m->pax_kg;
        for (int c = d->dem.line0[r]; c < d->dem.line0[r + 1]; c++)
            kg += d->dem.items[c] * m->reqs[r].src->cargo[c - d->dem.line0[r]].weight_kg;
        d->rem_kg[r] = kg;
    }
    memset(d->left_kg, 0, sizeof *d->left_kg * (size_t)m->n_airfields);
    memset(d->spot_need, 0, sizeof *d->spot_need * (size_t)m->n_airfields);
    for (int r = 0; r < m->n_reqs; r++) {
        d->left_kg[m->reqs[r].from] += d->rem_kg[r];
        d->left_kg[m->reqs[r].to] += d->rem_kg[r];
        spot_need_take(d, r, d->rem_kg[r]);
    }
    pressure_max_update(d);
}

/* ------------------------------------------------------------------- heap */

/* Earlier first; at the same minute, by the run's order of tails. */
static bool heap_less(const dispatch *d, heap_item a, heap_item b)
{
    if (a.key != b.key)
        return a.key < b.key;
    if (d->rank[a.tail] != d->rank[b.tail])
        return d->rank[a.tail] < d->rank[b.tail];
    return a.tail < b.tail;
}

static void heap_push(dispatch *d, minute_t key, int tail)
{
    int i = d->n_heap++;
    d->heap[i] = (heap_item){key, tail};
    while (i > 0 && heap_less(d, d->heap[i], d->heap[(i - 1) / 2])) {
        heap_item t = d->heap[i];
        d->heap[i] = d->heap[(i - 1) / 2];
        d->heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static heap_item heap_pop(dispatch *d)
{
    heap_item top = d->heap[0];
    d->heap[0] = d->heap[--d->n_heap];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, s = i;
        if (l < d->n_heap && heap_less(d, d->heap[l], d->heap[s]))
            s = l;
        if (r < d->n_heap && heap_less(d, d->heap[r], d->heap[s]))
            s = r;
        if (s == i)
            break;
        heap_item t = d->heap[i];
        d->heap[i] = d->heap[s];
        d->heap[s] = t;
        i = s;
    }
    return top;
}

/* ------------------------------------------------------------------ flights */

static int fleet_of(const dispatch *d, int tail) { return d->m->tails[tail].fleet; }
static const scn_type *type_of(const dispatch *d, int f) { return &d->m->types[d->m->fleets[f].type].t; }

static minute_t max_t(minute_t a, minute_t b) { return a > b ? a : b; }

/* Tail k's first kept later sortie (its first leg in d->keep), NULL: none. */
static const sched_leg *anchor_of(const dispatch *d, int k)
{
    return d->anchor_leg[k] >= 0 ? &d->keep->tails[k].legs[d->anchor_leg[k]] : NULL;
}

/* Where tail k's reserved way ends, and the latest landing there: the origin
 * of its kept later sorties a ground time before the first takes off
 * (dispatch_run_around), else its base by the end of its availability. */
static int home_of(const dispatch *d, int k)
{
    return d->anchor_leg[k] >= 0 ? anchor_of(d, k)->from : d->m->fleets[fleet_of(d, k)].base;
}

static minute_t home_limit(const dispatch *d, int k)
{
    int f = fleet_of(d, k);
    return d->anchor_leg[k] >= 0 ? anchor_of(d, k)->dep - type_of(d, f)->ground_min : d->m->fleets[f].available_to;
}

/* An anchored tail stands at its kept sorties' origin from the landing of
 * its way there (`from`) until the first of them takes off: one spot more
 * (delta 1) or less (-1) over that stay. */
static bool anchor_ground(dispatch *d, int k, minute_t from, int delta)
{
    const sched_leg *a = anchor_of(d, k);
    return !a || slot_table_add(&d->slots, a->from, fleet_of(d, k), from, a->dep, delta);
}

static bool anchor_ground_free(const dispatch *d, int k, minute_t from)
{
    const sched_leg *a = anchor_of(d, k);
    return !a || slot_table_first_full(&d->slots, a->from, fleet_of(d, k), from, a->dep) >= SLOT_NEVER;
}

/*
 * The earliest flight of fleet f from x to y taking off at or after dmin and
 * landing by `limit`: direct when in range and the two airfields' hours
 * match, else with one fuel stop (ground time, hours and MOG at the stop),
 * a stop on a short airfield's spot counting as a later landing by this
 * run's knobs->stop_avoid (dispatch.h, DISPATCH_STOP_AVOID). Legs at most
 * range_km when loaded, ferry_range_km when empty.
 */
static bool hop_plan(const dispatch *d, int f, int x, int y, minute_t dmin, bool loaded, minute_t limit, hop *h)
{
    const sortie_model *m = d->m;
    const scn_type *ty = type_of(d, f);
    int type = m->fleets[f].type;
    double range = loaded ? ty->range_km : ty->ferry_range_km;
    if (model_dist(m, x, y) <= range) {
        int leg = model_leg_min(m, type, x, y);
        minute_t dep = slot_next_pair(m, x, dmin, leg, y);
        if (dep < SLOT_NEVER && dep + leg <= limit) {
            *h = (hop){.n = 1, .from = x, .to = y, .via = -1, .dep = dep, .arr = dep + leg};
            return true;
        }
    }
    bool found = false;
    double best_score = 0;
    for (int c = 0; c < m->n_airfields; c++) {
        if (c == x || c == y || model_dist(m, x, c) > range || model_dist(m, c, y) > range)
            continue;
        int l1 = model_leg_min(m, type, x, c), l2 = model_leg_min(m, type, c, y);
        double pen = d->stop_avoid > 0 && d->congestion && slot_counts(m, c, f)
                         ? d->stop_avoid * fmin(congestion_now(d, c), 1.5) * ty->ground_min
                         : 0;
        minute_t t = dmin;
        for (int iter = 0; iter < 64; iter++) {
            minute_t dep = slot_next_pair(m, x, t, l1, c);
            if (dep >= SLOT_NEVER)
                break;
            minute_t a1 = dep + l1;
            minute_t e = slot_next_pair(m, c, a1 + ty->ground_min, l2, y);
            if (e >= SLOT_NEVER || e + l2 > limit || (found && (double)(e + l2) + pen >= best_score))
                break;
            minute_t s = slot_table_first_full(&d->slots, c, f, a1, e);
            if (s >= SLOT_NEVER) {
                *h = (hop){.n = 2, .from = x, .to = y, .via = c, .dep = dep, .arr = e + l2, .stop_arr = a1,
                           .stop_dep = e};
                best_score = (double)(e + l2) + pen;
                found = true;
                break;
            }
            minute_t nf = slot_table_find_gap(&d->slots, c, f, s, e - a1);
            if (nf >= SLOT_NEVER)
                break;
            t = dep + (nf - a1);
        }
    }
    return found;
}

/* The latest flight like `early` (an empty leg of fleet f, n > 0) that
 * lands by hi_land and takes off by dep_by; `early` itself when none is
 * later. Waiting where it stands rather than where it goes. */
static hop latest_hop(const dispatch *d, int f, const hop *early, minute_t hi_land, minute_t dep_by, minute_t limit)
{
    const sortie_model *m = d->m;
    hop pos = *early;
    if (early->n == 1) {
        int leg = model_leg_min(m, m->fleets[f].type, early->from, early->to);
        minute_t hi = hi_land - leg;
        if (hi > dep_by)
            hi = dep_by;
        minute_t dd = slot_prev_pair(m, early->from, hi, leg, early->to);
        if (dd > early->dep)
            pos = (hop){.n = 1, .from = early->from, .to = early->to, .via = -1, .dep = dd, .arr = dd + leg};
    } else if (early->arr < hi_land) {
        /* With a fuel stop: shift the earliest flight later while it still lands in time. */
        minute_t shift = hi_land - early->arr;
        for (int k = 0; k < 4 && shift > 0; k++) {
            hop h;
            if (!hop_plan(d, f, early->from, early->to, early->dep + shift, false, limit, &h))
                break;
            if (h.arr <= hi_land && h.dep <= dep_by) {
                pos = h;
                break;
            }
            shift -= h.arr > hi_land ? h.arr - hi_land : h.dep - dep_by;
        }
    }
    return pos;
}

/* Reserves (delta 1) or releases (-1) the ground slot of a hop's fuel stop. */
static bool hop_stop(dispatch *d, int f, const hop *h, int delta)
{
    if (h->n != 2)
        return true;
    return slot_table_add(&d->slots, h->via, f, h->stop_arr, h->stop_dep, delta);
}

/* Reserves or releases everything tail k holds while standing: its ground
 * at `at` up to its way home's take-off, that way home's fuel stop, and,
 * anchored, its stay where its kept later sorties begin. */
static bool hold_tail(dispatch *d, int k, int delta)
{
    tail_state *s = &d->ts[k];
    int f = fleet_of(d, k);
    if (s->ret.n == 0)
        return anchor_ground(d, k, s->landed, delta);
    if (!slot_table_add(&d->slots, s->at, f, s->landed, s->ret.dep, delta))
        return false;
    if (!hop_stop(d, f, &s->ret, delta)) {
        slot_table_add(&d->slots, s->at, f, s->landed, s->ret.dep, -delta);
        return false;
    }
    if (!anchor_ground(d, k, s->ret.arr, delta)) {
        hop_stop(d, f, &s->ret, -delta);
        slot_table_add(&d->slots, s->at, f, s->landed, s->ret.dep, -delta);
        return false;
    }
    return true;
}

static bool append_hop(dispatch *d, int k, const hop *h, int load)
{
    if (h->n == 1)
        return sched_add_leg(d->s, k, (sched_leg){h->from, h->to, h->dep, h->arr, load});
    if (h->n == 2)
        return sched_add_leg(d->s, k, (sched_leg){h->from, h->via, h->dep, h->stop_arr, load}) &&
               sched_add_leg(d->s, k, (sched_leg){h->via, h->to, h->stop_dep, h->arr, load});
    return true;
}

/*
 * After tail k lands at D at time a: its way home (or to its kept later
 * sorties) and the ground it needs at D. Returns 0 when fine (*ret, *hold
 * set), 1 when the landing must move to *bump or later because D is full,
 * -1 when it can never work.
 */
static int dest_check(const dispatch *d, int k, int D, minute_t a, hop *ret, minute_t *hold, minute_t *bump)
{
    int f = fleet_of(d, k);
    int home = home_of(d, k);
    minute_t limit = home_limit(d, k);
    if (D == home) {
        if (a > limit || !anchor_ground_free(d, k, a))
            return -1;
        *ret = (hop){.n = 0};
        *hold = d->anchor_leg[k] >= 0 ? anchor_of(d, k)->dep : a;
        return 0;
    }
    if (!hop_plan(d, f, D, home, a + type_of(d, f)->ground_min, false, limit, ret))
        return -1;
    if (d->anchor_leg[k] >= 0) {
        /* To its kept sorties: standing at D rather than on their origin's
         * spot, when D has room for that; else as early as it can. */
        hop late = latest_hop(d, f, ret, limit, SLOT_NEVER, limit);
        if (late.dep > ret->dep && anchor_ground_free(d, k, late.arr) &&
            slot_table_first_full(&d->slots, D, f, a, late.dep) >= SLOT_NEVER) {
            *ret = late;
            *hold = late.dep;
            return 0;
        }
        if (!anchor_ground_free(d, k, ret->arr))
            return -1;
    }
    minute_t s = slot_table_first_full(&d->slots, D, f, a, ret->dep);
    if (s < SLOT_NEVER) {
        /* Land in the next gap as long as this stay. */
        *bump = slot_table_find_gap(&d->slots, D, f, s, ret->dep - a);
        return *bump < SLOT_NEVER ? 1 : -1;
    }
    *hold = ret->dep;
    return 0;
}

/* How many times a sortie's timing may be pushed back before giving up. */
#define MAX_BUMPS 400

/*
 * Times a sortie of tail k (its own reservations released) on route `route`
 * whose load cannot leave before t_ready. False when no timing works.
 */
static bool evaluate(const dispatch *d, int k, int route, minute_t t_ready, cand *c)
{
    const sortie_model *m = d->m;
    const tail_state *s = &d->ts[k];
    int f = fleet_of(d, k);
    int g = type_of(d, f)->ground_min;
    int O = d->route_from[route], D = d->route_to[route];
    minute_t limit = home_limit(d, k);
    hop pos0 = {.n = 0};
    minute_t T;
    if (s->at != O) {
        /* It must take off from where it stands before that fills up. */
        if (!hop_plan(d, f, s->at, O, s->free, false, limit, &pos0) ||
            slot_table_first_full(&d->slots, s->at, f, s->landed, pos0.dep) < SLOT_NEVER)
            return false;
        T = max_t(slot_next_open(m, O, pos0.arr + g), t_ready);
    } else {
        T = max_t(s->free, t_ready);
    }
    minute_t last_land = -SLOT_NEVER;
    int stuck = 0;
    for (int iter = 0; iter < MAX_BUMPS && T <= limit; iter++) {
        hop fly;
        if (!hop_plan(d, f, O, D, T, true, limit, &fly))
            return false;
        T = fly.dep;
        hop pos = pos0;
        minute_t land;
        if (s->at == O) {
            if (slot_table_first_full(&d->slots, O, f, s->landed, T) < SLOT_NEVER)
                return false; /* cannot wait here that long */
            land = s->landed;
        } else {
            /* Land as late as the take-off allows: wait where it stands, not on a MOG spot. */
            minute_t hi_land = T - g;
            minute_t s_at = slot_table_first_full(&d->slots, s->at, f, s->landed, hi_land + 1);
            bool pinned = s_at < SLOT_NEVER; /* it must leave where it stands by s_at */
            pos = latest_hop(d, f, &pos0, hi_land, s_at, limit);
            land = pos.arr;
            minute_t full = slot_table_first_full(&d->slots, O, f, land, T);
            if (full < SLOT_NEVER) {
                /* Land in the next gap long enough for the ground time. */
                minute_t gap = slot_table_find_gap(&d->slots, O, f, full, g);
                if (gap >= SLOT_NEVER)
                    return false;
                /* When the landing cannot move because the aircraft must
                 * leave where it stands, later take-offs do not help: give
                 * up after a few tries. */
                if (pinned && land <= last_land && ++stuck > 3)
                    return false;
                last_land = land;
                T = max_t(T + 1, slot_next_open(m, O, gap + g));
                continue;
            }
        }
        hop ret;
        minute_t hold = 0, bump = 0;
        int r = dest_check(d, k, D, fly.arr, &ret, &hold, &bump);
        if (r < 0)
            return false;
        if (r > 0) {
            T += bump - fly.arr;
            continue;
        }
        *c = (cand){.route = route, .pos = pos, .land = land, .fly = fly, .ret = ret, .hold = hold};
        return true;
    }
    return false;
}

/* True when fleet f may carry something still left of requirement r. */
static bool carriable(const dispatch *d, int r, int f)
{
    const sortie_model *m = d->m;
    if (!m->reqs[r].carrier_ok[m->fleets[f].operator_index])
        return false;
    if (d->dem.pax[r] > 0 && load_can_carry_pax(m, r, f))
        return true;
    for (int c = d->dem.line0[r]; c < d->dem.line0[r + 1]; c++)
        if (d->dem.items[c] > 0 && load_demand_carries_line(&d->dem, r, c, f))
            return true;
    return false;
}

/* The earliest ready time of what fleet f may carry on the route; false when nothing. */
static bool route_ready(const dispatch *d, int route, int f, minute_t *ready)
{
    bool any = false;
    for (int i = d->route_req0[route]; i < d->route_req0[route + 1]; i++) {
        int r = d->route_reqs[i];
        if (!carriable(d, r, f))
            continue;
        if (!any || d->m->reqs[r].ready < *ready)
            *ready = d->m->reqs[r].ready;
        any = true;
    }
    return any;
}

/* The demand on the route has changed: what was known of it is not. */
static void route_changed(dispatch *d, int route) { d->route_stamp[route] = ++d->stamp_clock; }

/* route_ready for entry i of fleet f's routes, from its memo while the
 * route's demand is as it was: most choices look at routes whose loads
 * nobody took since the last look. */
static bool route_ready_memo(dispatch *d, int i, int route, int f, minute_t *ready)
{
    ready_memo *memo = &d->ready_memo[i];
    if (memo->stamp != d->route_stamp[route]) {
        memo->ready = 0;
        memo->any = route_ready(d, route, f, &memo->ready);
        memo->stamp = d->route_stamp[route];
    }
    *ready = memo->ready;
    return memo->any;
}

/* The earliest ready time after `after` of what fleet f may carry on the route; false when none. */
static bool route_next_ready(const dispatch *d, int route, int f, minute_t after, minute_t *next)
{
    bool any = false;
    for (int i = d->route_req0[route]; i < d->route_req0[route + 1]; i++) {
        int r = d->route_reqs[i];
        minute_t t = d->m->reqs[r].ready;
        if (t <= after || !carriable(d, r, f))
            continue;
        if (!any || t < *next)
            *next = t;
        any = true;
    }
    return any;
}

/* A number in [0, 1) fixed by the run's salt, the tail, the route and how
 * many loads exist: looking at the same choice twice sees the same noise, so
 * the lazy queue cannot cycle. */
static double noise_unit(uint64_t salt, int k, int route, int n_loads)
{
    uint64_t z = salt ^ ((uint64_t)(unsigned)k * 0x9e3779b97f4a7c15ULL) ^
                 ((uint64_t)(unsigned)route * 0xc2b2ae3d27d4eb4fULL) ^ ((uint64_t)(unsigned)n_loads << 32);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1.0p-53;
}

/* With the strict rule (by_admit false) or admission (true): true when, at
 * each end of the sortie where spots are short, fewer aircraft of types the
 * rule keeps the spots for (or of admitted pools) could stand there during
 * tail k's stay than spots are free then, so the spot it takes would
 * otherwise stand idle. */
static bool spot_idle_anyway(const dispatch *d, int k, int route, const cand *c, double ratio, bool by_admit)
{
    const sortie_model *m = d->m;
    int f = fleet_of(d, k);
    double best = INFINITY;
    for (int i = 0; i < d->pack.n_pieces; i++)
        best = fmin(best, d->req_type_eff[d->pack.pieces[i].req]);
    int ends[2] = {d->route_from[route], d->route_to[route]};
    minute_t from[2] = {c->land, c->fly.arr}, to[2] = {c->fly.dep, c->hold};
    for (int e = 0; e < 2; e++) {
        int a = ends[e];
        if (congestion_now(d, a) < SPOTS_SHORT || !slot_counts(m, a, f) || to[e] <= from[e])
            continue;
        int free_spots = m->airfields[a].mog - slot_line_peak(&d->slots.lines[a], from[e], to[e]);
        int rivals = 0;
        for (int k2 = 0; k2 < m->n_tails && rivals < free_spots; k2++) {
            if (k2 == k || d->ts[k2].done)
                continue;
            int f2 = fleet_of(d, k2);
            const scn_type *t2 = type_of(d, f2);
            if (!slot_counts(m, a, f2))
                continue;
            if (by_admit ? !d->admit[(size_t)f2 * (size_t)m->n_airfields + (size_t)a]
                         : spot_yield(t2) * ratio < best)
                continue;
            int at = d->ts[k2].at;
            minute_t there = at == a ? d->ts[k2].free : d->ts[k2].free + model_leg_min(m, m->fleets[f2].type, at, a);
            rivals += there + t2->ground_min <= to[e];
        }
        if (rivals >= free_spots)
            return false;
    }
    return true;
}

/* With knobs->admit: true when fleet f may not fly the packed load on the
 * route: at an end with a MOG whose loads are not all gone its pool is not
 * admitted, and no requirement in the load is stranded without it
 * (orphan). Every such end, not only those short of spots (SPOTS_SHORT):
 * on the generated L-2 that closed 0.7 points earlier. */
static bool admit_refuses(const dispatch *d, int f, int route)
{
    const sortie_model *m = d->m;
    int na = m->n_airfields;
    int ends[2] = {d->route_from[route], d->route_to[route]};
    for (int e = 0; e < 2; e++) {
        int a = ends[e];
        if (congestion_now(d, a) <= 0 || !slot_counts(m, a, f) || d->admit[(size_t)f * (size_t)na + (size_t)a])
            continue;
        for (int i = 0; i < d->pack.n_pieces; i++)
            if (d->orphan[d->pack.pieces[i].req])
                return false;
        return true;
    }
    return false;
}

/* The best sortie for tail k (own reservations released); its load in d->best_pack. */
static bool choose(dispatch *d, int k, const dispatch_knobs *kn, cand *best)
{
    int f = fleet_of(d, k);
    bool found = false, have_other = false;
    cand other = {0};
    int n_cands = 0;
    /* Whether this choice explores (a random candidate instead of the best). */
    bool explore = kn && kn->random && kn->explore > 0 &&
                   noise_unit(d->salt ^ 0x27d4eb2fu, k, -1, d->s->n_loads) < kn->explore;
    for (int i = d->fleet_route0[f]; i < d->fleet_route0[f + 1]; i++) {
        int route = d->fleet_routes[i];
        if (d->tail_region[k] >= 0 && d->route_region[route] != d->tail_region[k])
            continue;
        minute_t ready = 0, first_dep = 0;
        if (!route_ready_memo(d, i, route, f, &ready))
            continue;
        /* The earliest take-off, and with knobs->wait_ready (when some of
         * the route's loads are ready within a ground time after it) when
         * the next of them is: a full aircraft a little later may beat two
         * half-full ones. */
        for (int wait = 0; wait < 2; wait++) {
            if (wait == 1 && (!kn || !kn->wait_ready || !route_next_ready(d, route, f, first_dep, &ready) ||
                              ready - first_dep > type_of(d, f)->ground_min))
                break;
            cand c;
            d->work++;
            if (!evaluate(d, k, route, ready, &c))
                break;
            if (wait == 0)
                first_dep = c.fly.dep;
            const int *reqs =
                (kn && kn->scarce_first ? d->route_reqs_scarce : d->route_reqs) + d->route_req0[route];
            load_fill(&d->dem, f, reqs, d->route_req0[route + 1] - d->route_req0[route], c.fly.dep,
                      kn && kn->whole_route_seats, &d->pack);
            if (d->pack.n_pieces == 0)
                continue;
            double fill = d->pack.fill > 0.02 ? d->pack.fill : 0.02;
            c.cost = (double)(c.fly.arr - d->ts[k].free + 60) / pow(fill, DISPATCH_FILL_EXP);
            /* Favour the requirements that would take their carriers longest:
             * the slowest one decides closure. */
            double urgency = kn ? kn->urgency : DISPATCH_URGENCY;
            bool spots = kn && kn->spot_urgency;
            double pmax = spots ? fmax(d->pressure_max, d->spot_max) : d->pressure_max;
            if (urgency > 0 && pmax > 0) {
                double p = 0;
                for (int i = 0; i < d->pack.n_pieces; i++)
                    p = fmax(p, pressure_with_spots(d, d->pack.pieces[i].req, spots));
                c.cost /= 1.0 + urgency * p / pmax;
            }
            /* Strict: a slow type leaves short spots to the fast ones. */
            if (kn && kn->strict > 0 && spot_outclassed(d, f, route, kn->strict) &&
                !(kn->strict_idle && spot_idle_anyway(d, k, route, &c, kn->strict, false)))
                continue;
            /* Admission: short spots are the guide's pools'. */
            if (d->admit_on && admit_refuses(d, f, route) &&
                !(kn->strict_idle && spot_idle_anyway(d, k, route, &c, 0, true)))
                continue;
            /* Standing on a short airfield's spots for little costs more. */
            double sw = kn ? kn->slot : DISPATCH_SLOT;
            double sf = slot_factor(d, f, route, sw, false);
            /* A fuel stop on a short airfield's spot brings it nothing. */
            double stop = 1.0;
            if (c.fly.n == 2 && d->congestion && slot_counts(d->m, c.fly.via, f))
                stop += sw * fmin(congestion_now(d, c.fly.via), 1.5) * DISPATCH_STOP_SPOT;
            c.cost *= stop * (kn && kn->own_spots ? slot_factor(d, f, route, sw, true) : sf);
            if (kn && kn->pace > 0)
                c.cost *= pace_factor(d, f, route, c.fly.dep, kn->pace);
            c.waste = sf * stop;
            /* Off the fluid plan costs more. */
            double guide = kn ? kn->guide : DISPATCH_GUIDE;
            if (guide > 0 && d->target)
            {
                double gf = 1.0 + guide * (1.0 - guide_affinity(d, f));
                c.cost *= gf;
                c.waste *= gf;
            }
            if (kn && kn->route_weight)
                c.cost *= kn->route_weight[route];
            if (kn && kn->random && kn->noise > 0)
                c.cost *= 1.0 + kn->noise * (2.0 * noise_unit(d->salt, k, route, d->s->n_loads) - 1.0);
            c.priority = d->pack.priority;
            /* Priority weighs, but does not rule: closure is what counts. */
            c.cost *= 1.0 + DISPATCH_PRIORITY * (c.priority - 1);
            n_cands++;
            /* A candidate drawn uniformly (reservoir sampling), for exploring. */
            bool draw = explore && noise_unit(d->salt ^ 0x5bd1e995u, k, route, d->s->n_loads) * n_cands < 1.0;
            if (!found || c.cost < best->cost) {
                if (draw) {
                    other = c;
                    memcpy(d->second_pack.pieces, d->pack.pieces, sizeof *d->pack.pieces * (size_t)d->pack.n_pieces);
                    load_pack keep = d->second_pack;
                    d->second_pack = d->pack;
                    d->second_pack.pieces = keep.pieces;
                    have_other = true;
                }
                *best = c;
                load_pack tmp = d->best_pack;
                d->best_pack = d->pack;
                d->pack = tmp;
                found = true;
            } else if (draw) {
                other = c;
                load_pack tmp = d->second_pack;
                d->second_pack = d->pack;
                d->pack = tmp;
                have_other = true;
            }
        }
    }
    /* Randomised greedy: now and then any feasible choice, so that a search
     * can leave choices the costs favour strongly. */
    if (found && have_other) {
        *best = other;
        load_pack tmp = d->best_pack;
        d->best_pack = d->second_pack;
        d->second_pack = tmp;
    }
    return found;
}

/* Rivals (knobs->rivals): when tail k's best sortie c lands at a short
 * origin, the aircraft free within knobs->rivals minutes of `now` are asked
 * for their best sorties; if one lands there no later and costs less, the
 * minute after that aircraft's turn goes to *wake (k looks again then).
 * Otherwise *wake is -1, with c and d->best_pack k's again. False when out
 * of memory. */
static bool rival_first(dispatch *d, int k, minute_t now, const dispatch_knobs *kn, cand *c, minute_t *wake)
{
    int o = d->route_from[c->route];
    *wake = -1;
    if (congestion_now(d, o) < SPOTS_SHORT || !slot_counts(d->m, o, fleet_of(d, k)))
        return true;
    double least = c->cost;
    double yield = spot_yield(type_of(d, fleet_of(d, k)));
    for (int i = 0; i < d->n_heap; i++) {
        heap_item h = d->heap[i];
        if (h.key > now + kn->rivals)
            continue;
        if (spot_yield(type_of(d, fleet_of(d, h.tail))) <= yield)
            continue;
        cand cj;
        hold_tail(d, h.tail, -1);
        bool found = choose(d, h.tail, kn, &cj);
        if (!hold_tail(d, h.tail, 1))
            return false;
        if (found && d->route_from[cj.route] == o && cj.land <= c->land && cj.cost < least) {
            least = cj.cost;
            *wake = h.key + 1;
        }
    }
    if (*wake < 0)
        choose(d, k, kn, c);
    return true;
}

/* Commits tail k's sortie c (own reservations released) with load d->best_pack. */
static bool commit(dispatch *d, int k, const cand *c)
{
    tail_state *s = &d->ts[k];
    int f = fleet_of(d, k);
    const sortie_model *m = d->m;
    int O = d->route_from[c->route], D = d->route_to[c->route];
    minute_t leave = c->pos.n ? c->pos.dep : c->fly.dep;
    bool ok = slot_table_add(&d->slots, s->at, f, s->landed, leave, 1) && hop_stop(d, f, &c->pos, 1);
    if (c->pos.n)
        ok = ok && slot_table_add(&d->slots, O, f, c->land, c->fly.dep, 1);
    ok = ok && hop_stop(d, f, &c->fly, 1) && slot_table_add(&d->slots, D, f, c->fly.arr, c->hold, 1) &&
         hop_stop(d, f, &c->ret, 1) && (c->ret.n == 0 || anchor_ground(d, k, c->ret.arr, 1));
    if (!ok)
        return false;
    int l = sched_add_load(d->s, O, D, k);
    if (l < 0 || !append_hop(d, k, &c->pos, -1) || !append_hop(d, k, &c->fly, l))
        return false;
    for (int i = 0; i < d->best_pack.n_pieces; i++) {
        const load_piece *p = &d->best_pack.pieces[i];
        if (!sched_add_piece(d->s, l, p->req, p->line, p->n))
            return false;
    }
    load_take(&d->dem, &d->best_pack);
    route_changed(d, c->route);
    for (int i = 0; i < d->best_pack.n_pieces; i++) {
        const load_piece *p = &d->best_pack.pieces[i];
        guide_count(d, f, p->req, p->line, p->n);
        double kg = p->n * (p->line < 0 ? m->pax_kg : m->reqs[p->req].src->cargo[p->line].weight_kg);
        d->rem_kg[p->req] -= kg;
        d->left_kg[m->reqs[p->req].from] -= kg;
        d->left_kg[m->reqs[p->req].to] -= kg;
        spot_need_take(d, p->req, -kg);
    }
    pressure_max_update(d);
    s->at = D;
    s->landed = c->fly.arr;
    s->free = slot_next_open(m, D, c->fly.arr + type_of(d, f)->ground_min);
    s->ret = c->ret;
    return true;
}

/* Flies tail k home on its reserved way (reservations in place). */
static bool go_home(dispatch *d, int k)
{
    tail_state *s = &d->ts[k];
    if (!append_hop(d, k, &s->ret, -1))
        return false;
    s->at = s->ret.to;
    s->landed = s->ret.arr;
    s->free = slot_next_open(d->m, s->at, s->ret.arr + type_of(d, fleet_of(d, k))->ground_min);
    s->ret = (hop){.n = 0};
    return true;
}

/* ------------------------------------------------------------------ resume */

static void tail_at_base(dispatch *d, int k)
{
    const mdl_fleet *fl = &d->m->fleets[fleet_of(d, k)];
    d->ts[k] = (tail_state){.at = fl->base, .landed = -SLOT_NEVER,
                            .free = slot_next_open(d->m, fl->base, fl->available_from), .ret = {.n = 0}};
}

/* Index of the last leg of the run of legs before `end` that carry a load
 * and start before cut, or -1. */
static int prev_run_end(const sched_tail *t, int end)
{
    for (int i = end - 1; i >= 0; i--)
        if (t->legs[i].load >= 0 && (i + 1 >= t->n_legs || t->legs[i + 1].load != t->legs[i].load))
            return i;
    return -1;
}

/* Adds (1) or removes (-1) the ground intervals between legs[from..to]. */
static bool kept_grounds(dispatch *d, int k, const sched_tail *t, int from, int to, int delta)
{
    int f = fleet_of(d, k);
    for (int i = from; i < to; i++)
        if (!slot_table_add(&d->slots, t->legs[i].to, f, t->legs[i].arr, t->legs[i + 1].dep, delta))
            return false;
    return true;
}

/* The first leg of tail t's first loaded sortie after leg `end` taking off
 * at or after `from`, or -1 (none, or t does not end at its base, from
 * where the tail goes on after its kept sorties). */
static int later_start(const dispatch *d, int k, const sched_tail *t, int end, minute_t from)
{
    if (t->n_legs == 0 || t->legs[t->n_legs - 1].to != d->m->fleets[fleet_of(d, k)].base)
        return -1;
    return sched_first_sortie(t, end, from);
}

/* The anchored tail k, at its base with nothing reserved, holds its way to
 * its kept later sorties; false when there is none. */
static bool anchor_from_base(dispatch *d, int k)
{
    tail_state *s = &d->ts[k];
    int f = fleet_of(d, k);
    if (s->at == home_of(d, k))
        return s->free <= home_limit(d, k) && anchor_ground_free(d, k, s->landed);
    minute_t limit = home_limit(d, k);
    if (!hop_plan(d, f, s->at, home_of(d, k), s->free, false, limit, &s->ret))
        return false;
    hop late = latest_hop(d, f, &s->ret, limit, SLOT_NEVER, limit);
    if (anchor_ground_free(d, k, late.arr)) {
        s->ret = late;
        return true;
    }
    return anchor_ground_free(d, k, s->ret.arr);
}

/* Load `old` of keep, carried by tail k, copied into the schedule under
 * construction (once) and its pieces taken off the demand. */
static bool keep_load(dispatch *d, const sched *keep, int old, int k)
{
    if (d->load_map[old] >= 0)
        return true;
    if ((d->load_map[old] = sched_copy_load(d->s, keep, old, k)) < 0)
        return false;
    const sched_load *src = &keep->loads[old];
    for (int p = 0; p < src->n_pieces; p++) {
        const sched_piece *pc = &src->pieces[p];
        load_give_back(&d->dem, pc->req, pc->line, -pc->n);
        route_changed(d, d->route_of[pc->req]);
        guide_count(d, fleet_of(d, k), pc->req, pc->line, pc->n);
    }
    return true;
}

static bool resume(dispatch *d, const sched *keep, const minute_t *cut, const minute_t *anchor)
{
    const sortie_model *m = d->m;
    /* Which legs each tail keeps: up to the end of its last load run before
     * its cut, and with an anchor, from its first loaded take-off at or
     * after it to the end. */
    for (int k = 0; k < m->n_tails; k++) {
        const sched_tail *t = &keep->tails[k];
        int end = -1;
        for (int i = 0; i < t->n_legs; i++) {
            if (t->legs[i].load < 0 || (i + 1 < t->n_legs && t->legs[i + 1].load == t->legs[i].load))
                continue;
            int j = i;
            while (j > 0 && t->legs[j - 1].load == t->legs[i].load)
                j--;
            if (cut && t->legs[j].dep >= cut[k])
                break;
            end = i;
        }
        d->ends[k] = end;
        if (!kept_grounds(d, k, t, 0, end, 1))
            return false;
        int j = anchor && anchor[k] < SLOT_NEVER ? later_start(d, k, t, end, anchor[k]) : -1;
        if (j >= 0) {
            d->anchor_leg[k] = j;
            if (!kept_grounds(d, k, t, j, t->n_legs - 1, 1))
                return false;
        }
    }
    /* Each tail then needs a way home (anchored: to its kept later sorties)
     * from where its kept part ends; when none is left, it drops its last
     * sortie (which only frees slots), and an anchored tail that cannot
     * reach its later sorties even from its base drops them. */
    for (int k = 0; k < m->n_tails; k++) {
        const sched_tail *t = &keep->tails[k];
        int f = fleet_of(d, k);
        tail_at_base(d, k);
        while (d->ends[k] >= 0) {
            const sched_leg *last = &t->legs[d->ends[k]];
            hop ret;
            minute_t hold = 0, bump = 0;
            if (dest_check(d, k, last->to, last->arr, &ret, &hold, &bump) == 0) {
                tail_state *s = &d->ts[k];
                s->at = last->to;
                s->landed = last->arr;
                s->free = slot_next_open(m, last->to, last->arr + type_of(d, f)->ground_min);
                s->ret = ret;
                break;
            }
            int prev = prev_run_end(t, d->ends[k]);
            kept_grounds(d, k, t, prev < 0 ? 0 : prev, d->ends[k], -1);
            d->ends[k] = prev;
        }
        if (d->ends[k] < 0 && d->anchor_leg[k] >= 0 && !anchor_from_base(d, k)) {
            kept_grounds(d, k, t, d->anchor_leg[k], t->n_legs - 1, -1);
            d->anchor_leg[k] = -1;
            d->ts[k].ret = (hop){.n = 0};
        }
        if (!hold_tail(d, k, 1))
            return false;
    }
    /* Copy the kept legs and loads (the later sorties' legs follow once
     * the tail reaches them, reach_anchor). */
    free(d->load_map);
    d->load_map = malloc(sizeof *d->load_map * (size_t)(keep->n_loads > 0 ? keep->n_loads : 1));
    if (!d->load_map)
        return false;
    for (int l = 0; l < keep->n_loads; l++)
        d->load_map[l] = -1;
    for (int k = 0; k < m->n_tails; k++) {
        const sched_tail *t = &keep->tails[k];
        for (int i = 0; i <= d->ends[k]; i++) {
            sched_leg g = t->legs[i];
            if (g.load >= 0) {
                if (!keep_load(d, keep, g.load, k))
                    return false;
                g.load = d->load_map[g.load];
            }
            if (!sched_add_leg(d->s, k, g))
                return false;
        }
        for (int i = d->anchor_leg[k] >= 0 ? d->anchor_leg[k] : t->n_legs; i < t->n_legs; i++)
            if (t->legs[i].load >= 0 && !keep_load(d, keep, t->legs[i].load, k))
                return false;
    }
    return true;
}

/* Tail k (its reservations in place) flies its way to its kept later
 * sorties and then those sorties, which end at its base: from there it
 * goes on as any tail. */
static bool reach_anchor(dispatch *d, int k)
{
    tail_state *s = &d->ts[k];
    const sched_tail *t = &d->keep->tails[k];
    if (!append_hop(d, k, &s->ret, -1))
        return false;
    for (int i = d->anchor_leg[k]; i < t->n_legs; i++) {
        sched_leg g = t->legs[i];
        if (g.load >= 0)
            g.load = d->load_map[g.load];
        if (!sched_add_leg(d->s, k, g))
            return false;
    }
    const sched_leg *last = &t->legs[t->n_legs - 1];
    d->anchor_leg[k] = -1;
    *s = (tail_state){.at = last->to, .landed = last->arr,
                      .free = slot_next_open(d->m, last->to, last->arr + type_of(d, fleet_of(d, k))->ground_min),
                      .ret = {.n = 0}};
    return true;
}

/* -------------------------------------------------------------------- run */

dispatch_knobs dispatch_knobs_default(int max_waits)
{
    return (dispatch_knobs){.urgency = DISPATCH_URGENCY,
                            .guide = DISPATCH_GUIDE,
                            .slot = DISPATCH_SLOT,
                            .decline = DISPATCH_DECLINE,
                            .max_waits = max_waits,
                            .regions = true,
                            .stop_avoid = DISPATCH_STOP_AVOID};
}

sortie_status dispatch_run(dispatch *d, const sched *keep, const minute_t *cut, const dispatch_knobs *knobs,
                           sched **out)
{
    return dispatch_run_around(d, keep, cut, NULL, knobs, out);
}

/* Takes off the demand of the requirements knobs->only_reqs leaves alone. */
static void leave_alone(dispatch *d, const bool *only_reqs)
{
    for (int r = 0; r < d->m->n_reqs; r++) {
        if (only_reqs[r])
            continue;
        d->dem.pax[r] = 0;
        for (int c = d->dem.line0[r]; c < d->dem.line0[r + 1]; c++)
            d->dem.items[c] = 0;
        route_changed(d, d->route_of[r]);
    }
}

sortie_status dispatch_run_around(dispatch *d, const sched *keep, const minute_t *cut, const minute_t *anchor,
                                  const dispatch_knobs *knobs, sched **out)
{
    const sortie_model *m = d->m;
    *out = NULL;
    sched_free(d->s);
    d->s = sched_new(m);
    if (!d->s)
        return SORTIE_ENOMEM;
    slot_table_clear(&d->slots);
    load_demand_reset(&d->dem);
    for (int route = 0; route < d->n_routes; route++)
        route_changed(d, route);
    if (d->done)
        memset(d->done, 0, sizeof *d->done * (size_t)m->n_reqs * (size_t)m->n_fleets);
    d->salt = knobs && knobs->random ? rng_next(knobs->random) : 0;
    d->stop_avoid = knobs ? knobs->stop_avoid : DISPATCH_STOP_AVOID;
    d->target = d->set_target && !(knobs && knobs->fluid_guide) ? d->set_target : d->fluid_target;
    d->admit_on = knobs && knobs->admit > 0 && d->target;
    if (d->admit_on && !admit_build(d, knobs->admit))
        return SORTIE_ENOMEM;
    if (!pace_build(d, knobs && knobs->pace > 0))
        return SORTIE_ENOMEM;
    for (int k = 0; k < m->n_tails; k++) {
        tail_at_base(d, k);
        d->tail_region[k] = !knobs || knobs->regions ? d->home_region[k] : -1;
        d->anchor_leg[k] = -1;
    }
    d->keep = keep;
    if (keep && !resume(d, keep, cut, anchor))
        return SORTIE_ENOMEM;
    if (knobs && knobs->only_reqs)
        leave_alone(d, knobs->only_reqs);
    pressure_reset(d);

    bool shuffle = knobs && knobs->random && knobs->shuffle;
    for (int k = 0; k < m->n_tails; k++)
        d->rank[k] = shuffle ? (uint64_t)(noise_unit(d->salt ^ 0x165667b1u, k, -2, 0) * 0x1p53) : (uint64_t)k;
    d->n_heap = 0;
    for (int k = 0; k < m->n_tails; k++)
        if (!(knobs && knobs->only_tails && !knobs->only_tails[k]))
            heap_push(d, d->ts[k].free, k);
    bool lazy = knobs && knobs->greedy_key == 1;
    for (long pops = 0; d->n_heap > 0; pops++) {
        if (knobs && knobs->clock && pops % DISPATCH_CLOCK_POPS == 0 &&
            knobs->clock(knobs->clock_user) >= knobs->deadline_s) {
            sched_free(d->s);
            d->s = NULL;
            return SORTIE_OK;
        }
        heap_item it = heap_pop(d);
        int k = it.tail;
        tail_state *s = &d->ts[k];
        hold_tail(d, k, -1); /* releasing never fails */
        cand best;
        bool found = choose(d, k, knobs, &best);
        if (!found && d->tail_region[k] >= 0) {
            /* Nothing left for it in its region: from now on, anywhere. */
            d->tail_region[k] = -1;
            found = choose(d, k, knobs, &best);
        }
        if (!found) {
            if (!hold_tail(d, k, 1))
                return SORTIE_ENOMEM;
            if (d->anchor_leg[k] >= 0) {
                /* Nothing fits before its kept later sorties: on to them. */
                if (!reach_anchor(d, k))
                    return SORTIE_ENOMEM;
                heap_push(d, s->free, k);
                continue;
            }
            if (s->ret.n == 0) {
                s->done = true; /* at base with nothing it can do */
                continue;
            }
            /* Nothing from here: go home, where waiting costs no slot, and try again. */
            if (!go_home(d, k))
                return SORTIE_ENOMEM;
            heap_push(d, s->free, k);
            continue;
        }
        /* Better idle than wasteful: when the best this aircraft can do
         * would stand on short spots for little, or off the fluid plan,
         * it waits a while (a bounded number of times) for others to go first. */
        double decline = knobs ? knobs->decline : DISPATCH_DECLINE;
        int max_waits = knobs && knobs->max_waits > 0 ? knobs->max_waits : DISPATCH_MAX_WAITS;
        if (decline > 0 && best.waste > decline && s->waits < max_waits) {
            if (!hold_tail(d, k, 1))
                return SORTIE_ENOMEM;
            s->waits++;
            heap_push(d, s->free + (s->waits) * DISPATCH_WAIT_MIN, k);
            continue;
        }
        if (knobs && knobs->rivals > 0) {
            minute_t wake;
            if (!rival_first(d, k, it.key, knobs, &best, &wake) || (wake > 0 && !hold_tail(d, k, 1)))
                return SORTIE_ENOMEM;
            if (wake > 0) {
                heap_push(d, wake, k);
                continue;
            }
        }
        heap_item mine = {best.fly.dep, k};
        if (lazy && d->n_heap > 0 && heap_less(d, d->heap[0], mine)) {
            /* Someone else may take off earlier: look again when its turn comes. */
            if (!hold_tail(d, k, 1))
                return SORTIE_ENOMEM;
            heap_push(d, best.fly.dep, k);
            continue;
        }
        if (!commit(d, k, &best))
            return SORTIE_ENOMEM;
        s->waits = 0;
        heap_push(d, s->free, k);
    }
    /* Everyone flies home on the way it holds (an anchored tail left out of
     * the run, knobs->only_tails, to its kept sorties and on). */
    for (int k = 0; k < m->n_tails; k++) {
        if (d->anchor_leg[k] >= 0 && !reach_anchor(d, k))
            return SORTIE_ENOMEM;
        if (d->ts[k].ret.n > 0 && !go_home(d, k))
            return SORTIE_ENOMEM;
    }
    bool all = true;
    for (int r = 0; r < m->n_reqs && all; r++)
        all = !load_demand_left(&d->dem, r);
    *out = d->s;
    d->s = NULL;
    return all ? SORTIE_OK : SORTIE_EINFEASIBLE;
}
