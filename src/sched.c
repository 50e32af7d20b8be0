/*
 * sched: see sched.h. The working solution is kept in model indices; this
 * file owns its arrays and its translation into FORMAT.md's plan.
 */
#include "sched.h"

#include "slot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

sched *sched_new(const sortie_model *m)
{
    sched *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->m = m;
    s->tails = calloc(m->n_tails > 0 ? (size_t)m->n_tails : 1, sizeof *s->tails);
    if (!s->tails) {
        free(s);
        return NULL;
    }
    s->bound = m->start;
    s->outcome = "feasible";
    return s;
}

void sched_free(sched *s)
{
    if (!s)
        return;
    for (int t = 0; s->tails && t < s->m->n_tails; t++)
        free(s->tails[t].legs);
    for (int l = 0; l < s->n_loads; l++)
        free(s->loads[l].pieces);
    free(s->tails);
    free(s->loads);
    free(s);
}

sched *sched_clone(const sched *s)
{
    sched *c = sched_new(s->m);
    if (!c)
        return NULL;
    for (int t = 0; t < s->m->n_tails; t++) {
        const sched_tail *from = &s->tails[t];
        if (from->n_legs == 0)
            continue;
        c->tails[t].legs = malloc(sizeof *from->legs * (size_t)from->n_legs);
        if (!c->tails[t].legs) {
            sched_free(c);
            return NULL;
        }
        memcpy(c->tails[t].legs, from->legs, sizeof *from->legs * (size_t)from->n_legs);
        c->tails[t].n_legs = c->tails[t].cap_legs = from->n_legs;
    }
    if (s->n_loads > 0) {
        c->loads = calloc((size_t)s->n_loads, sizeof *c->loads);
        if (!c->loads) {
            sched_free(c);
            return NULL;
        }
        c->cap_loads = s->n_loads;
        for (int l = 0; l < s->n_loads; l++) {
            const sched_load *from = &s->loads[l];
            c->loads[l] = *from;
            c->loads[l].pieces = NULL;
            c->loads[l].cap_pieces = 0;
            c->n_loads = l + 1;
            if (from->n_pieces > 0) {
                c->loads[l].pieces = malloc(sizeof *from->pieces * (size_t)from->n_pieces);
                if (!c->loads[l].pieces) {
                    c->loads[l].n_pieces = 0;
                    sched_free(c);
                    return NULL;
                }
                memcpy(c->loads[l].pieces, from->pieces, sizeof *from->pieces * (size_t)from->n_pieces);
                c->loads[l].cap_pieces = from->n_pieces;
            }
        }
    }
    c->bound = s->bound;
    memcpy(c->binding, s->binding, sizeof c->binding);
    c->outcome = s->outcome;
    c->seconds = s->seconds;
    return c;
}

bool sched_add_leg(sched *s, int tail, sched_leg leg)
{
    sched_tail *t = &s->tails[tail];
    if (t->n_legs == t->cap_legs) {
        int cap = t->cap_legs ? t->cap_legs * 2 : 8;
        sched_leg *legs = realloc(t->legs, sizeof *legs * (size_t)cap);
        if (!legs)
            return false;
        t->legs = legs;
        t->cap_legs = cap;
    }
    t->legs[t->n_legs++] = leg;
    return true;
}

int sched_add_load(sched *s, int from, int to, int tail)
{
    if (s->n_loads == s->cap_loads) {
        int cap = s->cap_loads ? s->cap_loads * 2 : 16;
        sched_load *loads = realloc(s->loads, sizeof *loads * (size_t)cap);
        if (!loads)
            return -1;
        s->loads = loads;
        s->cap_loads = cap;
    }
    s->loads[s->n_loads] = (sched_load){.from = from, .to = to, .tail = tail};
    return s->n_loads++;
}

bool sched_add_piece(sched *s, int load, int req, int line, int n)
{
    sched_load *l = &s->loads[load];
    if (l->n_pieces == l->cap_pieces) {
        int cap = l->cap_pieces ? l->cap_pieces * 2 : 4;
        sched_piece *p = realloc(l->pieces, sizeof *p * (size_t)cap);
        if (!p)
            return false;
        l->pieces = p;
        l->cap_pieces = cap;
    }
    l->pieces[l->n_pieces++] = (sched_piece){req, line, n};
    const sortie_model *m = s->m;
    l->weight_kg += line < 0 ? n * m->pax_kg : n * m->reqs[req].src->cargo[line].weight_kg;
    return true;
}

int sched_copy_load(sched *dst, const sched *src, int l, int tail)
{
    const sched_load *from = &src->loads[l];
    int copy = sched_add_load(dst, from->from, from->to, tail);
    for (int p = 0; copy >= 0 && p < from->n_pieces; p++)
        if (!sched_add_piece(dst, copy, from->pieces[p].req, from->pieces[p].line, from->pieces[p].n))
            copy = -1;
    return copy;
}

int sched_first_sortie(const sched_tail *t, int after, minute_t from)
{
    for (int i = after + 1; i < t->n_legs; i++)
        if (t->legs[i].load >= 0 && t->legs[i].dep >= from && (i == 0 || t->legs[i - 1].load != t->legs[i].load))
            return i;
    return -1;
}

sched *sched_with_suffixes(const sched *s, const sched *part, const minute_t *anchor)
{
    sched *out = sched_clone(s);
    int *map = malloc(sizeof *map * (size_t)(part->n_loads > 0 ? part->n_loads : 1));
    bool ok = out && map;
    for (int l = 0; ok && l < part->n_loads; l++)
        map[l] = -1;
    for (int k = 0; ok && k < s->m->n_tails; k++) {
        if (anchor[k] >= SLOT_NEVER)
            continue;
        const sched_tail *was = &part->tails[k];
        int i0 = sched_first_sortie(&out->tails[k], -1, anchor[k]);
        int j0 = sched_first_sortie(was, -1, anchor[k]);
        if (i0 < 0 || j0 < 0 || out->tails[k].n_legs - i0 < was->n_legs - j0)
            continue;
        /* Only where s still flies part's sorties from there: a tail that
         * lost them (it could not reach them in some rebuild) keeps its own. */
        bool same = true;
        for (int j = j0; j < was->n_legs && same; j++) {
            const sched_leg *a = &was->legs[j], *b = &out->tails[k].legs[i0 + j - j0];
            same = a->from == b->from && a->to == b->to && a->dep == b->dep && a->arr == b->arr &&
                   (a->load < 0) == (b->load < 0);
        }
        if (!same)
            continue;
        out->tails[k].n_legs = i0;
        for (int j = j0; ok && j < part->tails[k].n_legs; j++) {
            sched_leg g = part->tails[k].legs[j];
            if (g.load >= 0 && map[g.load] < 0)
                ok = (map[g.load] = sched_copy_load(out, part, g.load, k)) >= 0;
            if (g.load >= 0)
                g.load = map[g.load];
            ok = ok && sched_add_leg(out, k, g);
        }
    }
    free(map);
    if (!ok) {
        sched_free(out);
        return NULL;
    }
    return out;
}

/* Fills dep[l] and arr[l]: the first take-off and the last landing of load l. */
static void load_times(const sched *s, minute_t *dep, minute_t *arr)
{
    for (int l = 0; l < s->n_loads; l++)
        dep[l] = -1, arr[l] = -1;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *g = &s->tails[t].legs[i];
            if (g->load < 0)
                continue;
            if (dep[g->load] < 0 || g->dep < dep[g->load])
                dep[g->load] = g->dep;
            if (g->arr > arr[g->load])
                arr[g->load] = g->arr;
        }
}

minute_t sched_closure(const sched *s)
{
    minute_t c = s->m->start;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *g = &s->tails[t].legs[i];
            if (g->load >= 0 && g->arr > c)
                c = g->arr;
        }
    return c;
}

/* --------------------------------------------------------------- to plan */

static char *dup(const char *text, bool *ok)
{
    char *c = strdup(text ? text : "");
    if (!c)
        *ok = false;
    return c;
}

typedef struct {
    const sched *s;
    const minute_t *dep;
} load_order_ctx;

/* Loads in order of departure, then tail, then index: a total order, so the
 * numbering does not depend on the sort algorithm. */
static int cmp_load(const void *a, const void *b, const load_order_ctx *ctx)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (ctx->dep[x] != ctx->dep[y])
        return ctx->dep[x] < ctx->dep[y] ? -1 : 1;
    if (ctx->s->loads[x].tail != ctx->s->loads[y].tail)
        return ctx->s->loads[x].tail < ctx->s->loads[y].tail ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Insertion-merge sort with a context (qsort has none, qsort_r is not C17). */
static void sort_loads(int *idx, int *tmp, int n, const load_order_ctx *ctx)
{
    if (n < 2)
        return;
    int h = n / 2;
    sort_loads(idx, tmp, h, ctx);
    sort_loads(idx + h, tmp, n - h, ctx);
    int i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_load(&idx[j], &idx[i], ctx) < 0 ? idx[j++] : idx[i++];
    while (i < h)
        tmp[k++] = idx[i++];
    while (j < n)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, sizeof *idx * (size_t)n);
}

static sortie_status fill_plan(const sched *s, sortie_plan *p, const minute_t *dep, const minute_t *arr,
                               char (*ids)[16])
{
    const sortie_model *m = s->m;
    bool ok = true;
    p->scenario = dup(m->scn->name, &ok);

    /* Loads L1.. in order of departure. */
    int nl = s->n_loads;
    int *idx = malloc(sizeof *idx * (size_t)(nl > 0 ? nl : 1));
    int *tmp = malloc(sizeof *tmp * (size_t)(nl > 0 ? nl : 1));
    if (!idx || !tmp) {
        free(idx);
        free(tmp);
        return SORTIE_ENOMEM;
    }
    for (int l = 0; l < nl; l++)
        idx[l] = l;
    load_order_ctx ctx = {s, dep};
    sort_loads(idx, tmp, nl, &ctx);
    for (int k = 0; k < nl; k++) {
        snprintf(ids[idx[k]], sizeof ids[0], "L%d", k + 1);
    }
    free(tmp);

    p->loads = calloc(nl > 0 ? (size_t)nl : 1, sizeof *p->loads);
    if (!p->loads) {
        free(idx);
        return SORTIE_ENOMEM;
    }
    p->n_loads = (size_t)nl;
    for (int k = 0; k < nl && ok; k++) {
        const sched_load *sl = &s->loads[idx[k]];
        plan_load *pl = &p->loads[k];
        pl->id = dup(ids[idx[k]], &ok);
        pl->from = dup(m->airfields[sl->from].src->id, &ok);
        pl->to = dup(m->airfields[sl->to].src->id, &ok);
        pl->weight_kg = sl->weight_kg;
        int np = 0, ni = 0;
        for (int i = 0; i < sl->n_pieces; i++)
            sl->pieces[i].line < 0 ? np++ : ni++;
        pl->pax = calloc(np > 0 ? (size_t)np : 1, sizeof *pl->pax);
        pl->items = calloc(ni > 0 ? (size_t)ni : 1, sizeof *pl->items);
        if (!pl->pax || !pl->items) {
            ok = false;
            break;
        }
        for (int i = 0; i < sl->n_pieces && ok; i++) {
            const sched_piece *sp = &sl->pieces[i];
            const scn_requirement *r = m->reqs[sp->req].src;
            if (sp->line < 0) {
                plan_pax *x = &pl->pax[pl->n_pax++];
                x->req = dup(r->id, &ok);
                x->n = sp->n;
            } else {
                plan_item *x = &pl->items[pl->n_items++];
                x->req = dup(r->id, &ok);
                x->name = dup(r->cargo[sp->line].name, &ok);
                x->n = sp->n;
            }
        }
    }
    free(idx);
    if (!ok)
        return SORTIE_ENOMEM;

    /* Aircraft: only tails that fly. */
    int flying = 0;
    for (int t = 0; t < m->n_tails; t++)
        flying += s->tails[t].n_legs > 0;
    p->aircraft = calloc(flying > 0 ? (size_t)flying : 1, sizeof *p->aircraft);
    if (!p->aircraft)
        return SORTIE_ENOMEM;
    p->n_aircraft = (size_t)flying;
    int k = 0;
    double flight_min = 0;
    int loaded = 0;
    for (int t = 0; t < m->n_tails && ok; t++) {
        const sched_tail *st = &s->tails[t];
        if (st->n_legs == 0)
            continue;
        const mdl_fleet *f = &m->fleets[m->tails[t].fleet];
        plan_aircraft *a = &p->aircraft[k++];
        a->id = dup(m->tails[t].id, &ok);
        a->fleet = dup(f->src->id, &ok);
        a->type = dup(m->types[f->type].t.id, &ok);
        a->base = dup(m->airfields[f->base].src->id, &ok);
        a->operator_id = dup(m->operators[f->operator_index], &ok);
        a->legs = calloc((size_t)st->n_legs, sizeof *a->legs);
        if (!a->legs) {
            ok = false;
            break;
        }
        a->n_legs = (size_t)st->n_legs;
        for (int i = 0; i < st->n_legs && ok; i++) {
            const sched_leg *g = &st->legs[i];
            plan_leg *pg = &a->legs[i];
            pg->from = dup(m->airfields[g->from].src->id, &ok);
            pg->to = dup(m->airfields[g->to].src->id, &ok);
            pg->dep = g->dep;
            pg->arr = g->arr;
            pg->load = g->load >= 0 ? dup(ids[g->load], &ok) : NULL;
            flight_min += (double)(g->arr - g->dep);
            loaded += g->load >= 0;
        }
    }
    if (!ok)
        return SORTIE_ENOMEM;

    /* Requirements: delivered with their last piece. */
    p->requirements = calloc(m->n_reqs > 0 ? (size_t)m->n_reqs : 1, sizeof *p->requirements);
    if (!p->requirements)
        return SORTIE_ENOMEM;
    p->n_requirements = (size_t)m->n_reqs;
    for (int r = 0; r < m->n_reqs; r++)
        p->requirements[r].delivered = -1;
    for (int l = 0; l < nl; l++)
        for (int i = 0; i < s->loads[l].n_pieces; i++) {
            plan_requirement *pr = &p->requirements[s->loads[l].pieces[i].req];
            if (arr[l] > pr->delivered)
                pr->delivered = arr[l];
        }
    minute_t closure = m->start;
    int late = 0;
    for (int r = 0; r < m->n_reqs && ok; r++) {
        plan_requirement *pr = &p->requirements[r];
        pr->id = dup(m->reqs[r].src->id, &ok);
        /* A requirement with nothing to move is there from the start. */
        if (pr->delivered < 0)
            pr->delivered = m->start;
        pr->due = m->reqs[r].due;
        pr->late_min = pr->delivered > pr->due ? pr->delivered - pr->due : 0;
        late += pr->late_min > 0;
        if (pr->delivered > closure)
            closure = pr->delivered;
    }
    if (!ok)
        return SORTIE_ENOMEM;

    p->closure = closure;
    p->lower_bound = s->bound; /* a bound past closure is a bug that rule 11 must catch */
    p->loaded_legs = loaded;
    p->flight_h = flight_min / 60.0;
    p->late = late;
    p->has_extensions = true;
    p->start = m->start;
    p->gap = sched_gap(m->start, p->lower_bound, closure);
    p->binding = dup(s->binding, &ok);
    p->outcome = dup(s->outcome ? s->outcome : "feasible", &ok);
    p->seconds = s->seconds;
    return ok ? SORTIE_OK : SORTIE_ENOMEM;
}

double sched_gap(minute_t start, minute_t bound, minute_t closure)
{
    if (closure <= bound)
        return 0.0;
    if (bound <= start)
        return closure > start ? 1.0 : 0.0; /* nothing proved: report 100% */
    return (double)(closure - start) / (double)(bound - start) - 1.0;
}

sortie_status sched_to_plan(const sched *s, sortie_plan **out)
{
    *out = NULL;
    int nl = s->n_loads > 0 ? s->n_loads : 1;
    minute_t *dep = malloc(sizeof *dep * (size_t)nl);
    minute_t *arr = malloc(sizeof *arr * (size_t)nl);
    char(*ids)[16] = malloc(sizeof *ids * (size_t)nl);
    sortie_plan *p = plan_new();
    sortie_status st = SORTIE_ENOMEM;
    if (dep && arr && ids && p) {
        load_times(s, dep, arr);
        st = fill_plan(s, p, dep, arr, ids);
    }
    free(dep);
    free(arr);
    free(ids);
    if (st != SORTIE_OK) {
        sortie_plan_free(p);
        return st;
    }
    *out = p;
    return SORTIE_OK;
}
