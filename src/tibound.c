/*
 * tibound: the time-indexed LP bound (tibound.h; written out with the
 * proof of each row in docs/bound.md, "The time-indexed bound").
 *
 * Time from the scenario's start is cut into buckets of dt minutes, k = 0..K-1
 * covering [start, hi]. For each fleet f, a node (a, k) holds the aircraft of
 * f that are at airfield a and may take off in bucket k: landed, their ground
 * time done. Columns:
 *
 *   wait      (a, k) -> (a, k+1);
 *   loaded    a leg of route r taking off in bucket k, to the node of its
 *             destination where the next take-off may come at the earliest
 *             (landing moved to the next open minute, plus ground time),
 *             or out of the network when that is past hi;
 *   empty     a positioning leg from the base or a destination to an
 *             origin (chains of them collapse into one, never slower);
 *   Y         the loaded legs of f on r taking off no earlier than one of
 *             the route's ready times;
 *   shares    passengers and items of each cargo line of each requirement
 *             carried by f.
 *
 * Rows: flow at each node (out - in <= the aircraft that start there);
 * cover, payload, seats, floor and outsize cuts per fleet, route and ready
 * time, as in lpbound; and per airfield with a MOG and bucket j, the
 * take-offs of aircraft not based there whose ground time surely holds the
 * last minute of bucket j. A take-off in bucket kd follows a stay of at
 * least g minutes, so the aircraft stood there at the last minute of each
 * bucket kd - floor(g/dt) .. kd - 1.
 * A loaded leg landing after the trial closure T is fixed at zero; nothing
 * else moves with T.
 *
 * A part (tibound_airfield) is the same LP over the requirements that leave
 * or reach one airfield: the others have no rows or columns, and neither do
 * the MOG rows of airfields no fleet of the part may stand at.
 */
#include "tibound.h"

#include "bisect.h"
#include "grow.h"
#include "routecut.h"
#include "slot.h"

#include <glpk.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The LP's size: the smallest bucket whose columns fit its budget is taken.
 * Past the largest bucket the LP would be too coarse to beat the capacity
 * bound. 30-minute steps get a larger budget: on the generated S-4 and S-7
 * (22,000 columns) they raised the bound by 7 and 17 points of gap, while
 * S-1 in 20-minute steps (27,000 columns) proved 10 minutes less than in
 * 30-minute steps, in twice the time. */
static const int BUCKETS[] = {10, 15, 20, 30};
static const long BUCKET_COLS[] = {20000, 20000, 20000, 30000};
/* Simplex work per call, in iterations x rows / 1000 (as lpbound counts). */
#define TI_WORK_BUDGET 400000.0

typedef struct {
    int type, base, g;
    int *loc; /* [n_airfields]: the fleet's node block of an airfield, or -1 */
    int n_loc;
    bool *from_ok, *to_ok; /* empty legs start at the base or a destination and end at an origin */
    int node_row;          /* row of (loc 0, bucket 0) */
} ti_fleet;

/* A share column: kg of requirement q per unit (a passenger or an item) carried by fleet f. */
typedef struct {
    int col, f, q;
    double kg;
} ti_share;

typedef struct {
    const sortie_model *m;
    const bool *keep; /* [n_reqs]: the requirements the LP moves; NULL: all */
    long max_cols;    /* > 0: the column budget of every bucket size, instead of BUCKET_COLS */
    int method;       /* the simplex of every probe but the first (GLP_PRIMAL or GLP_DUALP) */
    int probes;       /* probes solved so far */
    const char *scope; /* what the LP moves, for `why` ("" for everything) */
    int nA, K, dt;
    ti_fleet *fl;
    int *mog_row; /* [n_airfields]: row of bucket 0, or 0 without a MOG */
    int *dep_row; /* [n_airfields]: take-offs per sure stay s (1..max_sure) and bucket: row of s = 1, k = 0 */
    int max_sure; /* most buckets a stay surely spans, over the fleets */
    int *routes;  /* [n_reqs]: route index of each requirement */
    int n_routes;
    int *route_o, *route_d;
    /* columns, rows and the matrix, gathered before GLPK sees them */
    int ncol, cap_col;
    minute_t *land; /* [ncol + 1]: landing of a loaded leg, or SLOT_NEVER */
    int nrow, cap_row;
    double *rlo;    /* [nrow + 1]: GLP_LO rows have rlo set and no upper */
    int *rtype;
    double *rup;
    int nz, cap_nz;
    int *ia, *ja;
    double *ar;
    int *loaded_k, *loaded_col; /* scratch: one fleet and route's loaded legs */
    int n_loaded, cap_loaded;
    glp_prob *lp;
    double work_left;
    int *y_all;       /* [f * n_routes + r]: Y of all of f's loaded legs on r, or 0 */
    ti_share *shares; /* every share column, for the guide */
    int n_shares, cap_shares;
} tib;

static int col_new(tib *b, minute_t land)
{
    int cap = b->cap_col;
    if (!grow_array((void **)&b->land, &cap, b->ncol + 1, sizeof *b->land, 1024))
        return 0;
    b->cap_col = cap;
    b->land[++b->ncol] = land;
    return b->ncol;
}

static int row_new(tib *b, int type, double lo, double up)
{
    int cap = b->cap_row;
    if (!grow_array((void **)&b->rlo, &cap, b->nrow + 1, sizeof *b->rlo, 1024))
        return 0;
    cap = b->cap_row;
    if (!grow_array((void **)&b->rup, &cap, b->nrow + 1, sizeof *b->rup, 1024))
        return 0;
    cap = b->cap_row;
    if (!grow_array((void **)&b->rtype, &cap, b->nrow + 1, sizeof *b->rtype, 1024))
        return 0;
    b->cap_row = cap;
    b->nrow++;
    b->rtype[b->nrow] = type;
    b->rlo[b->nrow] = lo;
    b->rup[b->nrow] = up;
    return b->nrow;
}

/* A block of n rows `<= up` (up for every row); the first one's index. */
static int rows_new(tib *b, int n, double up)
{
    int first = b->nrow + 1;
    for (int i = 0; i < n; i++)
        if (!row_new(b, GLP_UP, 0, up))
            return 0;
    return first;
}

static bool nz(tib *b, int row, int col, double v)
{
    int cap = b->cap_nz;
    if (!grow_array((void **)&b->ia, &cap, b->nz + 1, sizeof *b->ia, 1024))
        return false;
    cap = b->cap_nz;
    if (!grow_array((void **)&b->ja, &cap, b->nz + 1, sizeof *b->ja, 1024))
        return false;
    cap = b->cap_nz;
    if (!grow_array((void **)&b->ar, &cap, b->nz + 1, sizeof *b->ar, 1024))
        return false;
    b->cap_nz = cap;
    b->nz++;
    b->ia[b->nz] = row;
    b->ja[b->nz] = col;
    b->ar[b->nz] = v;
    return true;
}

static void tib_free(tib *b)
{
    if (b->fl)
        for (int f = 0; f < b->m->n_fleets; f++) {
            free(b->fl[f].loc);
            free(b->fl[f].from_ok);
            free(b->fl[f].to_ok);
        }
    free(b->fl), free(b->mog_row), free(b->dep_row), free(b->routes), free(b->route_o), free(b->route_d);
    free(b->land), free(b->rlo), free(b->rup), free(b->rtype);
    free(b->ia), free(b->ja), free(b->ar), free(b->loaded_k), free(b->loaded_col), free(b->shares);
    free(b->y_all);
    if (b->lp)
        glp_delete_prob(b->lp);
}

static bool kept(const tib *b, int q) { return !b->keep || b->keep[q]; }

/* Requirements left out have route -1, in no route's rows. */
static bool build_routes(tib *b)
{
    const sortie_model *m = b->m;
    b->routes = malloc(sizeof *b->routes * (size_t)(m->n_reqs > 0 ? m->n_reqs : 1));
    b->route_o = malloc(sizeof *b->route_o * (size_t)(m->n_reqs > 0 ? m->n_reqs : 1));
    b->route_d = malloc(sizeof *b->route_d * (size_t)(m->n_reqs > 0 ? m->n_reqs : 1));
    if (!b->routes || !b->route_o || !b->route_d)
        return false;
    for (int q = 0; q < m->n_reqs; q++) {
        b->routes[q] = -1;
        if (!kept(b, q))
            continue;
        int r = 0;
        while (r < b->n_routes && (b->route_o[r] != m->reqs[q].from || b->route_d[r] != m->reqs[q].to))
            r++;
        if (r == b->n_routes) {
            b->route_o[r] = m->reqs[q].from;
            b->route_d[r] = m->reqs[q].to;
            b->n_routes++;
        }
        b->routes[q] = r;
    }
    return true;
}

/* Which airfields each fleet's aircraft can stand at: the base, and the
 * origins and destinations of what it may carry. */
static bool build_fleets(tib *b)
{
    const sortie_model *m = b->m;
    b->fl = calloc((size_t)(m->n_fleets > 0 ? m->n_fleets : 1), sizeof *b->fl);
    if (!b->fl)
        return false;
    for (int f = 0; f < m->n_fleets; f++) {
        ti_fleet *x = &b->fl[f];
        x->type = m->fleets[f].type;
        x->base = m->fleets[f].base;
        x->g = m->types[x->type].t.ground_min;
        x->loc = malloc(sizeof *x->loc * (size_t)b->nA);
        x->from_ok = calloc((size_t)b->nA, sizeof *x->from_ok);
        x->to_ok = calloc((size_t)b->nA, sizeof *x->to_ok);
        if (!x->loc || !x->from_ok || !x->to_ok)
            return false;
        bool any = false;
        for (int q = 0; q < m->n_reqs; q++)
            if (kept(b, q) && model_fleet_carries_some(m, f, q)) {
                x->to_ok[m->reqs[q].from] = true;
                x->from_ok[m->reqs[q].to] = true;
                any = true;
            }
        x->from_ok[x->base] = any;
        for (int a = 0; a < b->nA; a++)
            x->loc[a] = x->from_ok[a] || x->to_ok[a] ? x->n_loc++ : -1;
    }
    return true;
}

/* ------------------------------------------------------------ legs in time */

static minute_t bucket_start(const tib *b, int k) { return b->m->start + (minute_t)k * b->dt; }

static int bucket_of(const tib *b, minute_t t) { return (int)((t - b->m->start) / b->dt); }

/* The first minute of bucket k at which fleet f may take off from a, or
 * SLOT_NEVER when a is shut all through the bucket or f not yet available. */
static minute_t take_off(const tib *b, int f, int a, int k)
{
    minute_t t0 = bucket_start(b, k);
    minute_t t = t0 > b->m->fleets[f].available_from ? t0 : b->m->fleets[f].available_from;
    t = slot_next_open(b->m, a, t);
    return t < t0 + b->dt ? t : SLOT_NEVER;
}

/* Landing at the earliest at `to` after taking off at t. */
static minute_t landing(const tib *b, int f, int from, int to, minute_t t)
{
    return slot_next_open(b->m, to, t + model_leg_min(b->m, b->fl[f].type, from, to));
}

static int node(const tib *b, int f, int a, int k) { return b->fl[f].node_row + b->fl[f].loc[a] * b->K + k; }

/* The take-off's column in the row of its airfield, bucket and sure stay. */
static bool mog_entries(tib *b, int f, int a, int k, int col)
{
    if (!b->mog_row[a] || a == b->fl[f].base)
        return true;
    int sure = b->fl[f].g / b->dt;
    return sure < 1 || nz(b, b->dep_row[a] + (sure - 1) * b->K + k, col, 1.0);
}

static minute_t last_landing(const tib *b, int f)
{
    return b->m->fleets[f].available_to < b->m->end ? b->m->fleets[f].available_to : b->m->end;
}

/* No leg in this bucket (the airfield is shut all through it), and none in
 * this or any later one (it would land too late). */
enum { LEG_NONE = -1, LEG_PAST = -2 };

/* The leg of fleet f from a to `to` taking off in bucket k: its column, in
 * the flow rows and the MOG rows (0 when out of memory), or LEG_NONE or
 * LEG_PAST. Loaded legs (`loaded`, whose landing T moves) may leave the
 * network; empty ones are only worth it if the aircraft can fly on. */
static int leg_col(tib *b, int f, int a, int to, int k, bool loaded)
{
    minute_t t = take_off(b, f, a, k);
    if (t == SLOT_NEVER)
        return LEG_NONE;
    minute_t land = landing(b, f, a, to, t);
    int k2 = bucket_of(b, land + b->fl[f].g);
    if (land > last_landing(b, f) || (!loaded && k2 >= b->K))
        return LEG_PAST;
    int col = col_new(b, loaded ? land : SLOT_NEVER);
    if (!col || !nz(b, node(b, f, a, k), col, 1.0) || (k2 < b->K && !nz(b, node(b, f, to, k2), col, -1.0)) ||
        !mog_entries(b, f, a, k, col))
        return 0;
    return col;
}

static bool build_flow(tib *b, int f)
{
    ti_fleet *x = &b->fl[f];
    for (int a = 0; a < b->nA; a++) {
        if (x->loc[a] < 0)
            continue;
        for (int k = 0; k + 1 < b->K; k++) {
            int col = col_new(b, SLOT_NEVER);
            if (!col || !nz(b, node(b, f, a, k), col, 1.0) || !nz(b, node(b, f, a, k + 1), col, -1.0))
                return false;
        }
        if (!x->from_ok[a])
            continue;
        for (int o = 0; o < b->nA; o++) {
            if (o == a || !x->to_ok[o])
                continue;
            for (int k = 0; k < b->K; k++) {
                int col = leg_col(b, f, a, o, k, false);
                if (col == LEG_PAST)
                    break;
                if (!col)
                    return false;
            }
        }
    }
    int k0 = bucket_of(b, b->m->fleets[f].available_from);
    if (k0 < b->K)
        b->rup[node(b, f, x->base, k0)] = b->m->fleets[f].count;
    return true;
}

/* The loaded legs of fleet f on route r, into loaded_k / loaded_col. */
static bool build_loaded(tib *b, int f, int r)
{
    int o = b->route_o[r], d = b->route_d[r];
    b->n_loaded = 0;
    for (int k = 0; k < b->K; k++) {
        int col = leg_col(b, f, o, d, k, true);
        if (col == LEG_NONE)
            continue;
        if (col == LEG_PAST)
            break;
        if (!col)
            return false;
        int cap = b->cap_loaded;
        if (!grow_array((void **)&b->loaded_k, &cap, b->n_loaded, sizeof *b->loaded_k, 1024))
            return false;
        cap = b->cap_loaded;
        if (!grow_array((void **)&b->loaded_col, &cap, b->n_loaded, sizeof *b->loaded_col, 1024))
            return false;
        b->cap_loaded = cap;
        b->loaded_k[b->n_loaded] = k;
        b->loaded_col[b->n_loaded++] = col;
    }
    return true;
}

/* ------------------------------------------------------------------ loads */

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* Load rows of fleet f on route r for the requirements ready in bucket
 * `from` or later, against Y (that fleet's legs taking off from then on). */
static bool build_load_rows(tib *b, int f, int r, int from, int Y, const int *pax_col, const int *line_col)
{
    const sortie_model *m = b->m;
    const mdl_type *t = &m->types[b->fl[f].type];
    double pay_t = t->t.payload_kg / 1000.0;
    int pay = row_new(b, GLP_UP, 0, 0), seats = row_new(b, GLP_UP, 0, 0), floor = row_new(b, GLP_UP, 0, 0);
    int half = row_new(b, GLP_UP, 0, 0), third = row_new(b, GLP_UP, 0, 0);
    if (!pay || !seats || !floor || !half || !third || !nz(b, pay, Y, -pay_t) ||
        !nz(b, seats, Y, -(double)t->t.seats) || !nz(b, floor, Y, -t->floor_m2) || !nz(b, half, Y, -1.0) ||
        !nz(b, third, Y, -2.0))
        return false;
    for (int q = 0, off = 0; q < m->n_reqs; off += (int)m->reqs[q].src->n_cargo, q++) {
        if (b->routes[q] != r || bucket_of(b, m->reqs[q].ready) < from)
            continue;
        if (pax_col[q] && (!nz(b, pay, pax_col[q], m->pax_kg / 1000.0) || !nz(b, seats, pax_col[q], 1.0)))
            return false;
        for (int l = 0; l < (int)m->reqs[q].src->n_cargo; l++) {
            int col = line_col[off + l];
            if (!col)
                continue;
            const scn_cargo *c = &m->reqs[q].src->cargo[l];
            double kg = c->weight_kg, area = c->length_m * c->width_m;
            if (!nz(b, pay, col, kg / 1000.0) || !nz(b, floor, col, area))
                return false;
            if ((kg > t->t.payload_kg / 2 + 1e-9 || area > t->floor_m2 / 2 + 1e-9) && !nz(b, half, col, 1.0))
                return false;
            if ((kg > t->t.payload_kg / 3 + 1e-9 || area > t->floor_m2 / 3 + 1e-9) && !nz(b, third, col, 1.0))
                return false;
        }
    }
    return true;
}

/* For fleet f and route r: the loaded legs, one Y column per distinct ready
 * bucket of what f may carry there (nested: Y_i = Y_{i+1} + the legs taking
 * off between the two), and the load rows of each. */
static bool build_route(tib *b, int f, int r, int *ready, const int *pax_col, const int *line_col)
{
    const sortie_model *m = b->m;
    int n = 0;
    for (int q = 0; q < m->n_reqs; q++)
        if (b->routes[q] == r && model_fleet_carries_some(m, f, q))
            ready[n++] = bucket_of(b, m->reqs[q].ready);
    if (n == 0)
        return true;
    qsort(ready, (size_t)n, sizeof *ready, cmp_int);
    int u = 0;
    for (int i = 0; i < n; i++)
        if (u == 0 || ready[i] != ready[u - 1])
            ready[u++] = ready[i];
    if (!build_loaded(b, f, r))
        return false;
    int next_Y = 0;
    for (int i = u - 1; i >= 0; i--) {
        int Y = col_new(b, SLOT_NEVER), def = row_new(b, GLP_UP, 0, 0);
        if (!Y || !def || !nz(b, def, Y, 1.0) || (next_Y && !nz(b, def, next_Y, -1.0)))
            return false;
        int until = i + 1 < u ? ready[i + 1] : INT_MAX;
        for (int j = 0; j < b->n_loaded; j++)
            if (b->loaded_k[j] >= ready[i] && b->loaded_k[j] < until && !nz(b, def, b->loaded_col[j], -1.0))
                return false;
        if (!build_load_rows(b, f, r, ready[i], Y, pax_col, line_col))
            return false;
        next_Y = Y;
    }
    b->y_all[(size_t)f * b->n_routes + r] = next_Y;
    return true;
}

static bool share_add(tib *b, int col, int f, int q, double kg)
{
    int cap = b->cap_shares;
    if (!grow_array((void **)&b->shares, &cap, b->n_shares, sizeof *b->shares, 1024))
        return false;
    b->cap_shares = cap;
    b->shares[b->n_shares++] = (ti_share){col, f, q, kg};
    return true;
}

/* Share columns of fleet f (0 where it may not carry) and the cover rows. */
static bool build_shares(tib *b, int f, int *pax_col, int *line_col, const int *pax_cover, const int *line_cover)
{
    const sortie_model *m = b->m;
    for (int q = 0, off = 0; q < m->n_reqs; off += (int)m->reqs[q].src->n_cargo, q++) {
        pax_col[q] = 0;
        if (kept(b, q) && model_fleet_carries(m, f, q, -1) &&
            (!(pax_col[q] = col_new(b, SLOT_NEVER)) || !nz(b, pax_cover[q], pax_col[q], 1.0) ||
             !share_add(b, pax_col[q], f, q, m->pax_kg)))
            return false;
        for (int l = 0; l < (int)m->reqs[q].src->n_cargo; l++) {
            line_col[off + l] = 0;
            if (kept(b, q) && model_fleet_carries(m, f, q, l) &&
                (!(line_col[off + l] = col_new(b, SLOT_NEVER)) ||
                 !nz(b, line_cover[off + l], line_col[off + l], 1.0) ||
                 !share_add(b, line_col[off + l], f, q, m->reqs[q].src->cargo[l].weight_kg)))
                return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ build */

/* Some fleet not based at a has stays that surely span s buckets. */
static bool sure_used(const tib *b, int a, int s)
{
    for (int f = 0; f < b->m->n_fleets; f++)
        if (b->fl[f].n_loc && b->fl[f].base != a && b->fl[f].g / b->dt == s)
            return true;
    return false;
}

/* Some fleet not based at a may stand there. A part of the scenario
 * (tibound_airfield) leaves the other airfields' rows out; the whole LP
 * keeps them, so that its solution, which guides the search, stays the
 * one it always was. */
static bool stood_at(const tib *b, int a)
{
    for (int f = 0; f < b->m->n_fleets; f++)
        if (b->fl[f].loc[a] >= 0 && b->fl[f].base != a)
            return true;
    return false;
}

/* Per airfield with a MOG: a row per bucket j, on columns D(s, kd) that
 * count the take-offs in bucket kd of aircraft whose stays surely span s
 * buckets (j in kd - s .. kd - 1), each D at least the legs it counts. One
 * entry per leg instead of s keeps the matrix small. */
static bool build_mog(tib *b)
{
    const sortie_model *m = b->m;
    b->mog_row = calloc((size_t)b->nA, sizeof *b->mog_row);
    b->dep_row = calloc((size_t)b->nA, sizeof *b->dep_row);
    if (!b->mog_row || !b->dep_row)
        return false;
    for (int f = 0; f < m->n_fleets; f++)
        if (b->fl[f].g / b->dt > b->max_sure)
            b->max_sure = b->fl[f].g / b->dt;
    for (int a = 0; a < b->nA; a++) {
        if (m->airfields[a].mog < 0 || b->max_sure < 1 || (b->keep && !stood_at(b, a)))
            continue;
        if (!(b->mog_row[a] = rows_new(b, b->K, m->airfields[a].mog)) ||
            !(b->dep_row[a] = rows_new(b, b->max_sure * b->K, 0)))
            return false;
        for (int s = 1; s <= b->max_sure; s++)
            for (int kd = 0; kd < b->K && sure_used(b, a, s); kd++) {
                int D = col_new(b, SLOT_NEVER);
                if (!D || !nz(b, b->dep_row[a] + (s - 1) * b->K + kd, D, -1.0))
                    return false;
                for (int j = kd - s; j < kd; j++)
                    if (j >= 0 && !nz(b, b->mog_row[a] + j, D, 1.0))
                        return false;
            }
    }
    return true;
}

/* Per route, the fewest loaded legs and the least ground minutes its loads
 * need in whole sorties (routecut.h), over the fleets' Y of all their legs. */
static bool build_route_cuts(tib *b)
{
    const sortie_model *m = b->m;
    for (int r = 0; r < b->n_routes; r++) {
        bool whole = true;
        for (int q = 0; q < m->n_reqs && whole; q++)
            whole = kept(b, q) || m->reqs[q].from != b->route_o[r] || m->reqs[q].to != b->route_d[r];
        if (!whole)
            continue; /* the cut counts every load on the route */
        routecut need;
        sortie_status st = routecut_need(m, b->route_o[r], b->route_d[r], &need);
        if (st == SORTIE_ENOMEM)
            return false;
        if (st != SORTIE_OK || need.sorties <= 0)
            continue;
        int legs = row_new(b, GLP_LO, need.sorties, 0), ground = row_new(b, GLP_LO, need.ground_min, 0);
        if (!legs || !ground)
            return false;
        for (int f = 0; f < m->n_fleets; f++) {
            int Y = b->y_all[(size_t)f * b->n_routes + r];
            if (Y && (!nz(b, legs, Y, 1.0) || !nz(b, ground, Y, b->fl[f].g)))
                return false;
        }
    }
    return true;
}

static long estimate_cols(const tib *b, int dt, minute_t hi)
{
    long K = (long)((hi - b->m->start) / dt) + 1, per_bucket = 0;
    for (int f = 0; f < b->m->n_fleets; f++) {
        const ti_fleet *x = &b->fl[f];
        long from = 0, to = 0;
        for (int a = 0; a < b->nA; a++)
            from += x->from_ok[a], to += x->to_ok[a];
        per_bucket += x->n_loc + from * to + b->n_routes;
    }
    return K * per_bucket;
}

static bool build(tib *b, minute_t hi)
{
    const sortie_model *m = b->m;
    b->nA = m->n_airfields;
    if (!build_routes(b) || !build_fleets(b))
        return false;
    b->dt = 0;
    for (size_t i = 0; i < sizeof BUCKETS / sizeof *BUCKETS && !b->dt; i++) {
        if (estimate_cols(b, BUCKETS[i], hi) <= (b->max_cols > 0 ? b->max_cols : BUCKET_COLS[i]))
            b->dt = BUCKETS[i];
    }
    if (!b->dt)
        return true; /* too large: the caller's bound stands */
    b->K = bucket_of(b, hi) + 1;
    for (int f = 0; f < m->n_fleets; f++) {
        b->fl[f].node_row = b->nrow + 1;
        if (b->fl[f].n_loc && !rows_new(b, b->fl[f].n_loc * b->K, 0))
            return false;
    }
    if (!build_mog(b))
        return false;
    int lines = 0;
    for (int q = 0; q < m->n_reqs; q++)
        lines += (int)m->reqs[q].src->n_cargo;
    size_t nq = (size_t)(m->n_reqs > 0 ? m->n_reqs : 1), nl = (size_t)(lines > 0 ? lines : 1);
    int *pax_cover = malloc(sizeof *pax_cover * nq), *line_cover = malloc(sizeof *line_cover * nl);
    int *pax_col = malloc(sizeof *pax_col * nq), *line_col = malloc(sizeof *line_col * nl);
    int *ready = malloc(sizeof *ready * nq);
    b->y_all = calloc((size_t)m->n_fleets * (size_t)b->n_routes + 1, sizeof *b->y_all);
    bool ok = pax_cover && line_cover && pax_col && line_col && ready && b->y_all;
    for (int q = 0, off = 0; ok && q < m->n_reqs; off += (int)m->reqs[q].src->n_cargo, q++) {
        pax_cover[q] = kept(b, q) && m->reqs[q].pax > 0 ? row_new(b, GLP_LO, m->reqs[q].pax, 0) : 0;
        ok = !kept(b, q) || m->reqs[q].pax <= 0 || pax_cover[q];
        for (int l = 0; ok && l < (int)m->reqs[q].src->n_cargo; l++) {
            int count = kept(b, q) ? m->reqs[q].src->cargo[l].count : 0;
            line_cover[off + l] = count > 0 ? row_new(b, GLP_LO, count, 0) : 0;
            ok = count <= 0 || line_cover[off + l];
        }
    }
    for (int f = 0; ok && f < m->n_fleets; f++) {
        if (!b->fl[f].n_loc)
            continue;
        ok = build_flow(b, f) && build_shares(b, f, pax_col, line_col, pax_cover, line_cover);
        for (int r = 0; ok && r < b->n_routes; r++)
            ok = build_route(b, f, r, ready, pax_col, line_col);
    }
    free(pax_cover), free(line_cover), free(pax_col), free(line_col), free(ready);
    if (!ok || !build_route_cuts(b))
        return false;
    b->lp = glp_create_prob();
    glp_add_rows(b->lp, b->nrow);
    glp_add_cols(b->lp, b->ncol);
    for (int i = 1; i <= b->nrow; i++)
        glp_set_row_bnds(b->lp, i, b->rtype[i], b->rlo[i], b->rup[i]);
    for (int j = 1; j <= b->ncol; j++)
        glp_set_col_bnds(b->lp, j, GLP_LO, 0, 0);
    glp_load_matrix(b->lp, b->nz, b->ia, b->ja, b->ar);

    return true;
}

/* ------------------------------------------------------------------ solve */

static probe solve_at(tib *b, minute_t T)
{
    for (int j = 1; j <= b->ncol; j++)
        if (b->land[j] != SLOT_NEVER)
            glp_set_col_bnds(b->lp, j, b->land[j] <= T ? GLP_LO : GLP_FX, 0, 0);
    /* The first probe starts from an advanced basis, far from feasible:
     * the dual simplex gets there in a quarter of the primal's iterations
     * (the built-in example 1.2 s against 3.3 s, S-1 0.35 s against 2.5 s).
     * Later probes start from the previous probe's basis, where the primal
     * was faster on S-1. */
    return bisect_probe(b->lp, b->probes++ == 0 ? GLP_DUALP : b->method, &b->work_left);
}

static probe probe_at(void *user, minute_t T) { return solve_at(user, T); }

/* The LP's current solution per fleet and requirement, in sortie-equivalents
 * (kg carried / payload), into guide. */
static void fill_guide(const tib *b, double *guide)
{
    const sortie_model *m = b->m;
    for (int i = 0; i < m->n_fleets * m->n_reqs; i++)
        guide[i] = 0;
    for (int i = 0; i < b->n_shares; i++) {
        const ti_share *r = &b->shares[i];
        guide[(size_t)r->f * (size_t)m->n_reqs + (size_t)r->q] +=
            glp_get_col_prim(b->lp, r->col) * r->kg / m->types[m->fleets[r->f].type].t.payload_kg;
    }
}

/* What the LP's current solution (at the bound) says binds: the airfield
 * whose spots it keeps full for the most buckets, if any. */
static void describe(const tib *b, char *why, size_t len)
{
    const sortie_model *m = b->m;
    int best = -1, best_full = 0;
    for (int a = 0; a < b->nA; a++) {
        if (!b->mog_row[a])
            continue;
        int full = 0;
        for (int j = 0; j < b->K; j++)
            full += glp_get_row_prim(b->lp, b->mog_row[a] + j) >= m->airfields[a].mog - 1e-6;
        if (full > best_full) {
            best = a;
            best_full = full;
        }
    }
    int n = snprintf(why, len,
                     "the time-indexed LP%s (%d-minute steps): aircraft paths, ready times, opening hours and MOG "
                     "over time together",
                     b->scope, b->dt);
    if (best >= 0 && n >= 0 && (size_t)n < len)
        snprintf(why + n, len - (size_t)n, "; %s's %d spot%s full for %.1f h", m->airfields[best].src->id,
                 m->airfields[best].mog, m->airfields[best].mog == 1 ? "" : "s", best_full * b->dt / 60.0);
}

/* The bisection over b (its model, mask, budget, method and scope set). */
static sortie_status closure_of(tib *b, minute_t lo, minute_t hi, minute_t *out, char *why, size_t why_len,
                                double *guide)
{
    if (why && why_len)
        why[0] = '\0';
    *out = lo;
    if (hi <= lo)
        return SORTIE_OK;
    int term = glp_term_out(GLP_OFF);
    sortie_status st = SORTIE_OK;
    if (!build(b, hi)) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    if (!b->lp)
        goto done;
    glp_scale_prob(b->lp, GLP_SF_AUTO);
    glp_adv_basis(b->lp, 0);
    bool refuted = false;
    minute_t bad = lo;
    st = bisect_closure(lo, hi, probe_at, b, out, &refuted, &bad);
    if (st != SORTIE_OK) {
        *out = lo;
        goto done;
    }
    if (*out > lo && solve_at(b, *out) == PROBE_FEASIBLE) {
        if (guide)
            fill_guide(b, guide);
        if (why && why_len)
            describe(b, why, why_len);
    } else if (why && why_len) {
        snprintf(why, why_len, "the time-indexed LP%s (%d-minute steps)", b->scope, b->dt);
    }
done:
    tib_free(b);
    glp_term_out(term);
    return st;
}

sortie_status tibound_closure(const sortie_model *m, minute_t lo, minute_t hi, minute_t *out, char *why,
                              size_t why_len, double *guide)
{
    tib b = {.m = m, .work_left = TI_WORK_BUDGET, .method = GLP_PRIMAL, .scope = ""};
    return closure_of(&b, lo, hi, out, why, why_len, guide);
}

sortie_status tibound_airfield(const sortie_model *m, int airfield, minute_t lo, minute_t hi, minute_t *out,
                               char *why, size_t why_len)
{
    *out = lo;
    if (why && why_len)
        why[0] = '\0';
    bool *keep = calloc((size_t)(m->n_reqs > 0 ? m->n_reqs : 1), sizeof *keep);
    if (!keep)
        return SORTIE_ENOMEM;
    bool any = false;
    for (int q = 0; q < m->n_reqs; q++)
        any |= keep[q] = m->reqs[q].from == airfield || m->reqs[q].to == airfield;
    char scope[80];
    snprintf(scope, sizeof scope, " of what leaves or reaches %s alone", m->airfields[airfield].src->id);
    tib b = {.m = m,
             .keep = keep,
             .max_cols = TIBOUND_AIRFIELD_COLS,
             .work_left = TIBOUND_AIRFIELD_WORK,
             .method = GLP_DUALP,
             .scope = scope};
    sortie_status st = any ? closure_of(&b, lo, hi, out, why, why_len, NULL) : SORTIE_OK;
    free(keep);
    return st;
}
