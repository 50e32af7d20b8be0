/* load: see load.h. */
#include "load.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const scn_cargo *line_of(const sortie_model *m, int r, int line) { return &m->reqs[r].src->cargo[line]; }

/* True when cargo line a goes before b: larger floor area, then heavier, then file order. */
static bool bigger(const scn_cargo *a, const scn_cargo *b, int ia, int ib)
{
    double fa = a->length_m * a->width_m, fb = b->length_m * b->width_m;
    if (fa != fb)
        return fa > fb;
    if (a->weight_kg != b->weight_kg)
        return a->weight_kg > b->weight_kg;
    return ia < ib;
}

bool load_demand_init(load_demand *d, const sortie_model *m)
{
    *d = (load_demand){.m = m};
    size_t nr = (size_t)m->n_reqs;
    d->pax = calloc(nr ? nr : 1, sizeof *d->pax);
    d->line0 = calloc(nr + 1, sizeof *d->line0);
    if (!d->pax || !d->line0) {
        load_demand_free(d);
        return false;
    }
    int total = 0;
    for (int r = 0; r < m->n_reqs; r++) {
        d->line0[r] = total;
        total += (int)m->reqs[r].src->n_cargo;
    }
    d->line0[m->n_reqs] = total;
    d->n_lines = total;
    d->items = calloc(total ? (size_t)total : 1, sizeof *d->items);
    d->order = calloc(total ? (size_t)total : 1, sizeof *d->order);
    size_t cells = (size_t)m->n_types * (size_t)total;
    d->fits = calloc(cells ? cells : 1, sizeof *d->fits);
    if (!d->items || !d->order || !d->fits) {
        load_demand_free(d);
        return false;
    }
    for (int t = 0; t < m->n_types; t++)
        for (int r = 0; r < m->n_reqs; r++)
            for (int c = d->line0[r]; c < d->line0[r + 1]; c++)
                d->fits[(size_t)t * (size_t)total + (size_t)c] =
                    model_item_fits(&m->types[t], line_of(m, r, c - d->line0[r]));
    for (int r = 0; r < m->n_reqs; r++) {
        int *ord = d->order + d->line0[r];
        int k = d->line0[r + 1] - d->line0[r];
        for (int i = 0; i < k; i++) {
            int j = i;
            while (j > 0 && bigger(line_of(m, r, i), line_of(m, r, ord[j - 1]), i, ord[j - 1])) {
                ord[j] = ord[j - 1];
                j--;
            }
            ord[j] = i;
        }
    }
    load_demand_reset(d);
    return true;
}

void load_demand_free(load_demand *d)
{
    if (!d)
        return;
    free(d->pax);
    free(d->line0);
    free(d->items);
    free(d->order);
    free(d->fits);
    memset(d, 0, sizeof *d);
}

void load_demand_reset(load_demand *d)
{
    const sortie_model *m = d->m;
    for (int r = 0; r < m->n_reqs; r++) {
        d->pax[r] = m->reqs[r].pax;
        for (int c = d->line0[r]; c < d->line0[r + 1]; c++)
            d->items[c] = m->reqs[r].src->cargo[c - d->line0[r]].count;
    }
}

bool load_demand_left(const load_demand *d, int r)
{
    if (d->pax[r] > 0)
        return true;
    for (int c = d->line0[r]; c < d->line0[r + 1]; c++)
        if (d->items[c] > 0)
            return true;
    return false;
}

bool load_pack_init(load_pack *p, const sortie_model *m)
{
    int cap = m->n_reqs;
    for (int r = 0; r < m->n_reqs; r++)
        cap += (int)m->reqs[r].src->n_cargo;
    *p = (load_pack){0};
    p->pieces = malloc(sizeof *p->pieces * (size_t)(cap > 0 ? cap : 1));
    p->cap = cap;
    return p->pieces != NULL;
}

void load_pack_free(load_pack *p)
{
    if (!p)
        return;
    free(p->pieces);
    p->pieces = NULL;
}

static const mdl_type *fleet_type(const sortie_model *m, int f) { return &m->types[m->fleets[f].type]; }

bool load_can_carry_pax(const sortie_model *m, int r, int f)
{
    const mdl_type *t = fleet_type(m, f);
    return m->reqs[r].carrier_ok[m->fleets[f].operator_index] && t->t.seats >= 1 &&
           m->pax_kg <= t->t.payload_kg + LOAD_EPS;
}

bool load_can_carry_line(const sortie_model *m, int r, int line, int f)
{
    return m->reqs[r].carrier_ok[m->fleets[f].operator_index] && model_item_fits(fleet_type(m, f), line_of(m, r, line));
}

bool load_can_carry(const sortie_model *m, int r, int f)
{
    /* The model's list of r's fleets is ascending: carrier rule, hold fit and range in one lookup. */
    const mdl_requirement *q = &m->reqs[r];
    int lo = 0, hi = q->n_fleets;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (q->fleets[mid] < f)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < q->n_fleets && q->fleets[lo] == f;
}

/* How many of `left` units of size `each` fit into `room` (unlimited when each <= 0). */
static int how_many(int left, double room, double each)
{
    if (each <= 0)
        return left;
    double n = floor((room + LOAD_EPS) / each);
    return n < (double)left ? (n > 0 ? (int)n : 0) : left;
}

/* What is left to move of some requirements: passengers, kg (passengers at
 * pax_kg plus items) and items' floor m2. */
typedef struct {
    double pax, kg, m2;
} load_sum;

/* What is left of requirement r; with `fitting`, only what fleet f may carry of it. */
static load_sum demand_of(const load_demand *d, int r, int f, bool fitting)
{
    const sortie_model *m = d->m;
    load_sum s = {0, 0, 0};
    if (!fitting || load_can_carry_pax(m, r, f)) {
        s.pax = d->pax[r];
        s.kg = d->pax[r] * m->pax_kg;
    }
    const unsigned char *fits = d->fits + (size_t)m->fleets[f].type * (size_t)d->n_lines;
    for (int c = d->line0[r]; c < d->line0[r + 1]; c++) {
        const scn_cargo *item = line_of(m, r, c - d->line0[r]);
        if (fitting && !fits[c])
            continue;
        s.kg += d->items[c] * item->weight_kg;
        s.m2 += d->items[c] * item->length_m * item->width_m;
    }
    return s;
}

/* Payload to hold back in `out` for passengers: were `s` carried in the
 * fewest loads of fleet f's type it needs, the others would seat at most
 * `seats` each, so the rest of its passengers must be in this one, of
 * whom `seated` already are. */
static double pax_reserve_kg(const sortie_model *m, int f, load_sum s, double seated, const load_pack *out)
{
    const mdl_type *ty = fleet_type(m, f);
    const scn_type *t = &ty->t;
    if (t->seats <= 0 || t->payload_kg <= 0)
        return 0;
    double loads = fmax(ceil(s.kg / t->payload_kg - 1e-9), ceil(s.pax / t->seats - 1e-9));
    if (ty->floor_m2 > 0)
        loads = fmax(loads, ceil(s.m2 / ty->floor_m2 - 1e-9));
    double pax_min = s.pax - (loads - 1) * t->seats - seated;
    if (pax_min > t->seats - out->pax)
        pax_min = t->seats - out->pax;
    return pax_min > 0 ? pax_min * m->pax_kg : 0;
}

void load_fill(const load_demand *d, int f, const int *reqs, int n, minute_t dep, bool whole_route, load_pack *out)
{
    const sortie_model *m = d->m;
    const scn_type *t = &fleet_type(m, f)->t;
    double floor_area = fleet_type(m, f)->floor_m2;
    int op = m->fleets[f].operator_index;
    const unsigned char *fits = d->fits + (size_t)m->fleets[f].type * (size_t)d->n_lines;
    out->n_pieces = 0;
    out->pax = 0;
    out->kg = 0;
    out->floor_m2 = 0;
    out->fill = 0;
    out->priority = 0;
    out->due = 0;
    /* With whole_route, what the route's requirements from the current one
     * on, those this aircraft may take now, still need (the demand is not
     * changed here, so each one's share can be taken off as it is passed). */
    load_sum rest = {0, 0, 0};
    for (int k = 0; whole_route && k < n; k++) {
        const mdl_requirement *q = &m->reqs[reqs[k]];
        if (q->carrier_ok[op] && q->ready <= dep) {
            load_sum s = demand_of(d, reqs[k], f, true);
            rest = (load_sum){rest.pax + s.pax, rest.kg + s.kg, rest.m2 + s.m2};
        }
    }
    for (int k = 0; k < n; k++) {
        int r = reqs[k];
        const mdl_requirement *q = &m->reqs[r];
        if (!q->carrier_ok[op] || q->ready > dep)
            continue;
        int before = out->n_pieces;
        /* Items first would leave passengers behind when seats, not payload,
         * run short over the loads still needed: keep room in this one for
         * the passengers that the others cannot seat, counting this
         * requirement alone or, whole_route, this load and the route's ready
         * rest together (two requirements' passengers may each fit a load
         * alone and not both). */
        bool pax_ok = d->pax[r] > 0 && load_can_carry_pax(m, r, f);
        double reserve_kg = 0;
        if (pax_ok) {
            if (whole_route) {
                load_sum with_load = {rest.pax + out->pax, rest.kg + out->kg, rest.m2 + out->floor_m2};
                reserve_kg = pax_reserve_kg(m, f, with_load, out->pax, out);
            } else {
                reserve_kg = pax_reserve_kg(m, f, demand_of(d, r, f, false), 0, out);
            }
        }
        for (int c = d->line0[r]; c < d->line0[r + 1]; c++) {
            int line = d->order[c];
            int left = d->items[d->line0[r] + line];
            const scn_cargo *item = line_of(m, r, line);
            if (left <= 0 || !fits[d->line0[r] + line])
                continue;
            double area = item->length_m * item->width_m;
            int take = how_many(left, t->payload_kg - reserve_kg - out->kg, item->weight_kg);
            take = how_many(take, floor_area - out->floor_m2, area);
            /* Re-check on the sums themselves, which is what a checker adds up. */
            while (take > 0 && (out->kg + take * item->weight_kg > t->payload_kg - reserve_kg + LOAD_EPS ||
                                out->floor_m2 + take * area > floor_area + LOAD_EPS))
                take--;
            if (take <= 0)
                continue;
            out->pieces[out->n_pieces++] = (load_piece){r, line, take};
            out->kg += take * item->weight_kg;
            out->floor_m2 += take * area;
        }
        if (pax_ok) {
            int take = d->pax[r] < t->seats - out->pax ? d->pax[r] : t->seats - out->pax;
            take = how_many(take, t->payload_kg - out->kg, m->pax_kg);
            while (take > 0 && out->kg + take * m->pax_kg > t->payload_kg + LOAD_EPS)
                take--;
            if (take > 0) {
                out->pieces[out->n_pieces++] = (load_piece){r, -1, take};
                out->pax += take;
                out->kg += take * m->pax_kg;
            }
        }
        if (out->n_pieces > before) {
            if (out->priority == 0 || q->priority < out->priority)
                out->priority = q->priority;
            if (before == 0 || q->due < out->due)
                out->due = q->due;
        }
        if (whole_route) {
            load_sum s = demand_of(d, r, f, true);
            rest = (load_sum){rest.pax - s.pax, rest.kg - s.kg, rest.m2 - s.m2};
        }
    }
    double fs = t->seats > 0 ? (double)out->pax / t->seats : 0;
    double fk = t->payload_kg > 0 ? out->kg / t->payload_kg : 0;
    double ff = floor_area > 0 ? out->floor_m2 / floor_area : 0;
    out->fill = fs > fk ? fs : fk;
    if (ff > out->fill)
        out->fill = ff;
    if (out->fill > 1)
        out->fill = 1;
}

void load_take(load_demand *d, const load_pack *p)
{
    for (int i = 0; i < p->n_pieces; i++)
        load_give_back(d, p->pieces[i].req, p->pieces[i].line, -p->pieces[i].n);
}

void load_give_back(load_demand *d, int r, int line, int n)
{
    if (line < 0)
        d->pax[r] += n;
    else
        d->items[d->line0[r] + line] += n;
}
