/* routecut: see routecut.h. */
#include "routecut.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>

/* Branch-and-bound nodes per solve. Routes with a few sorties, where whole
 * sorties matter, solve at the root or in a few dozen nodes; on routes with
 * hundreds the rounding matters little and the proved bound is kept. */
#define NODE_BUDGET 200

/* Past this many legs in the LP, whole sorties move a route's need by a few
 * per cent at most, and the branch and bound is not worth its time: the
 * LP's value, rounded up, is kept (for the ground minutes too). */
#define LARGE_NEED 25.0

/* A piece of a requirement: its passengers (line < 0) or one cargo line. */
typedef struct {
    int q, line;
    double amount;      /* passengers or items */
    double kg, area;    /* one passenger or item */
} rc_piece;

/* Fleets of one type that may carry the same pieces: one column. */
typedef struct {
    int type;
    int fleet;          /* the first such fleet */
    int n_col;          /* its legs column */
} rc_kind;

typedef struct {
    int nodes;
    double bound;       /* best bound proved when stopped, or -INFINITY */
} rc_search;

static void on_node(glp_tree *tree, void *info)
{
    rc_search *s = info;
    if (glp_ios_reason(tree) != GLP_ISELECT)
        return;
    if (++s->nodes <= NODE_BUDGET)
        return;
    int best = glp_ios_best_node(tree);
    s->bound = best ? glp_ios_node_bound(tree, best) : -INFINITY;
    glp_ios_terminate(tree);
}

/* Whether fleet f may carry piece i, for every piece and fleet: [i * n_fleets + f]. */
static bool *carry_table(const sortie_model *m, const rc_piece *p, int n)
{
    bool *ok = malloc(sizeof *ok * (size_t)n * (size_t)(m->n_fleets > 0 ? m->n_fleets : 1));
    if (!ok)
        return NULL;
    for (int f = 0; f < m->n_fleets; f++) {
        /* Range and carriers are the requirement's, the same for all its pieces. */
        int q_seen = -1;
        bool reach = false;
        for (int i = 0; i < n; i++) {
            if (p[i].q != q_seen) {
                q_seen = p[i].q;
                reach = m->reqs[q_seen].carrier_ok[m->fleets[f].operator_index] && model_fleet_reaches(m, q_seen, f);
            }
            ok[(size_t)i * m->n_fleets + f] = reach && model_type_takes(m, m->fleets[f].type, p[i].q, p[i].line);
        }
    }
    return ok;
}

static int collect_pieces(const sortie_model *m, int o, int d, rc_piece *p)
{
    int n = 0;
    for (int q = 0; q < m->n_reqs; q++) {
        const mdl_requirement *r = &m->reqs[q];
        if (r->from != o || r->to != d)
            continue;
        if (r->pax > 0)
            p[n++] = (rc_piece){q, -1, r->pax, m->pax_kg, 0};
        for (int l = 0; l < (int)r->src->n_cargo; l++) {
            const scn_cargo *c = &r->src->cargo[l];
            if (c->count > 0)
                p[n++] = (rc_piece){q, l, c->count, c->weight_kg, c->length_m * c->width_m};
        }
    }
    return n;
}

static bool same_pieces(const bool *ok, int n_fleets, int f, int g, int n)
{
    for (int i = 0; i < n; i++)
        if (ok[(size_t)i * n_fleets + f] != ok[(size_t)i * n_fleets + g])
            return false;
    return true;
}

static int collect_kinds(const sortie_model *m, const bool *ok, int n, rc_kind *k)
{
    int nk = 0;
    for (int f = 0; f < m->n_fleets; f++) {
        bool any = false;
        for (int i = 0; i < n && !any; i++)
            any = ok[(size_t)i * m->n_fleets + f];
        if (!any)
            continue;
        bool seen = false;
        for (int j = 0; j < nk && !seen; j++)
            seen = k[j].type == m->fleets[f].type && same_pieces(ok, m->n_fleets, f, k[j].fleet, n);
        if (!seen)
            k[nk++] = (rc_kind){m->fleets[f].type, f, 0};
    }
    return nk;
}

/* Adds row sum(vals * cols) with bounds (type, lo, up). */
static void add_row(glp_prob *lp, int n, const int *cols, const double *vals, int type, double lo, double up)
{
    int row = glp_add_rows(lp, 1);
    glp_set_mat_row(lp, row, n, cols, vals);
    glp_set_row_bnds(lp, row, type, lo, up);
}

/* The program: legs n_k (integer), shares s[i][k] of piece i on kind k
 * (items integer, passengers not); every piece covered; per kind, payload,
 * seats, floor, at most one item over half and two over a third of a hold
 * per leg (summed over the legs, as in the LPs). */
static glp_prob *build(const sortie_model *m, const rc_piece *p, int n, const bool *carry, rc_kind *k, int nk,
                       int *cols, double *vals)
{
    glp_prob *lp = glp_create_prob();
    for (int j = 0; j < nk; j++) {
        k[j].n_col = glp_add_cols(lp, 1);
        glp_set_col_bnds(lp, k[j].n_col, GLP_LO, 0, 0);
        glp_set_col_kind(lp, k[j].n_col, GLP_IV);
    }
    int first_share = glp_add_cols(lp, n * nk);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < nk; j++) {
            int col = first_share + i * nk + j;
            bool ok = carry[(size_t)i * m->n_fleets + k[j].fleet];
            glp_set_col_bnds(lp, col, ok ? GLP_LO : GLP_FX, 0, 0);
            if (p[i].line >= 0)
                glp_set_col_kind(lp, col, GLP_IV);
        }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < nk; j++) {
            cols[j + 1] = first_share + i * nk + j;
            vals[j + 1] = 1;
        }
        add_row(lp, nk, cols, vals, GLP_LO, p[i].amount, 0);
    }
    for (int j = 0; j < nk; j++) {
        const mdl_type *t = &m->types[k[j].type];
        double cap[5] = {t->t.payload_kg / 1000.0, t->t.seats, t->floor_m2, 1, 2};
        for (int row = 0; row < 5; row++) {
            int len = 0;
            for (int i = 0; i < n; i++) {
                double v = 0;
                bool pax = p[i].line < 0;
                if (row == 0)
                    v = p[i].kg / 1000.0;
                else if (row == 1)
                    v = pax ? 1 : 0;
                else if (row == 2)
                    v = p[i].area;
                else if (!pax) {
                    double share = row == 3 ? 2 : 3;
                    v = p[i].kg > t->t.payload_kg / share + 1e-9 || p[i].area > t->floor_m2 / share + 1e-9;
                }
                if (v != 0) {
                    cols[++len] = first_share + i * nk + j;
                    vals[len] = v;
                }
            }
            if (len == 0)
                continue;
            cols[++len] = k[j].n_col;
            vals[len] = -cap[row];
            add_row(lp, len, cols, vals, GLP_UP, 0, 0);
        }
    }
    return lp;
}

/* Every objective coefficient is an integer, so is every plan's value: a
 * proved value rounds up, less the solver's relative tolerance (a few
 * thousand ground minutes carry an error of some 1e-3). */
static double round_up(double v) { return ceil(v - 1e-6 * (1.0 + fabs(v))); }

/* The least objective, proved: the optimum, or the bound when stopped; the
 * LP's value alone when it passes `search_below`. */
static sortie_status least(glp_prob *lp, double search_below, double *out)
{
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    if (glp_simplex(lp, &sp) != 0 || glp_get_status(lp) != GLP_OPT)
        return SORTIE_ESOLVER;
    double relaxed = glp_get_obj_val(lp);
    if (relaxed > search_below) {
        *out = round_up(relaxed);
        return SORTIE_OK;
    }
    rc_search s = {0, -INFINITY};
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    ip.cb_func = on_node;
    ip.cb_info = &s;
    int rc = glp_intopt(lp, &ip);
    double v = relaxed;
    if (rc == 0 && glp_mip_status(lp) == GLP_OPT)
        v = glp_mip_obj_val(lp);
    else if (rc == GLP_ESTOP && s.bound > v)
        v = s.bound;
    else if (rc != 0 && rc != GLP_ESTOP)
        return SORTIE_ESOLVER;
    *out = round_up(v);
    return SORTIE_OK;
}

sortie_status routecut_need(const sortie_model *m, int o, int d, routecut *out)
{
    *out = (routecut){0, 0};
    int max_pieces = 0;
    for (int q = 0; q < m->n_reqs; q++)
        if (m->reqs[q].from == o && m->reqs[q].to == d)
            max_pieces += 1 + (int)m->reqs[q].src->n_cargo;
    if (max_pieces == 0)
        return SORTIE_OK;
    rc_piece *p = malloc(sizeof *p * (size_t)max_pieces);
    rc_kind *k = malloc(sizeof *k * (size_t)(m->n_fleets > 0 ? m->n_fleets : 1));
    size_t width = (size_t)(max_pieces > m->n_fleets ? max_pieces : m->n_fleets) + 2;
    int *cols = malloc(sizeof *cols * width);
    double *vals = malloc(sizeof *vals * width);
    bool *carry = NULL;
    sortie_status st = SORTIE_ENOMEM;
    if (!p || !k || !cols || !vals)
        goto done;
    st = SORTIE_OK;
    int n = collect_pieces(m, o, d, p);
    if (n == 0)
        goto done;
    carry = carry_table(m, p, n);
    if (!carry) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    int nk = collect_kinds(m, carry, n, k);
    if (nk == 0)
        goto done; /* nothing any fleet may carry (the model says so elsewhere) */
    int term = glp_term_out(GLP_OFF);
    glp_prob *lp = build(m, p, n, carry, k, nk, cols, vals);
    glp_set_obj_dir(lp, GLP_MIN);
    routecut r = {0, 0};
    for (int j = 0; j < nk; j++)
        glp_set_obj_coef(lp, k[j].n_col, 1);
    st = least(lp, LARGE_NEED, &r.sorties);
    for (int j = 0; j < nk; j++)
        glp_set_obj_coef(lp, k[j].n_col, m->types[k[j].type].t.ground_min);
    if (st == SORTIE_OK)
        st = least(lp, r.sorties <= LARGE_NEED ? INFINITY : -INFINITY, &r.ground_min);
    glp_delete_prob(lp);
    glp_term_out(term);
    if (st == SORTIE_OK)
        *out = r;
done:
    free(p), free(k), free(cols), free(vals), free(carry);
    return st;
}
