/* improve: see improve.h. */
#include "improve.h"

#include "load.h"
#include "slot.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Per requirement the arrival of its last piece, into delivered[]. */
static void improve_objective_with(const sched *s, minute_t *delivered, improve_obj *out)
{
    const sortie_model *m = s->m;
    *out = (improve_obj){.closure = m->start};
    for (int r = 0; r < m->n_reqs; r++)
        delivered[r] = m->start;
    for (int t = 0; t < m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *g = &s->tails[t].legs[i];
            out->flight_min += (long)(g->arr - g->dep);
            if (g->load < 0)
                continue;
            out->loaded_legs++;
            const sched_load *l = &s->loads[g->load];
            if (g->to != l->to)
                continue; /* a fuel stop */
            for (int p = 0; p < l->n_pieces; p++)
                if (g->arr > delivered[l->pieces[p].req])
                    delivered[l->pieces[p].req] = g->arr;
            if (g->arr > out->closure)
                out->closure = g->arr;
        }
    for (int r = 0; r < m->n_reqs; r++)
        out->late += delivered[r] > m->reqs[r].due;
}

void improve_objective(const sched *s, improve_obj *out)
{
    minute_t *delivered = malloc(sizeof *delivered * (size_t)(s->m->n_reqs > 0 ? s->m->n_reqs : 1));
    if (!delivered) {
        /* Without memory, count nothing late: callers only compare schedules
         * computed the same way, and improve_run never takes this path. */
        *out = (improve_obj){.closure = sched_closure(s)};
        return;
    }
    improve_objective_with(s, delivered, out);
    free(delivered);
}

int improve_compare(const improve_obj *a, const improve_obj *b)
{
    if (a->late != b->late)
        return a->late < b->late ? -1 : 1;
    if (a->closure != b->closure)
        return a->closure < b->closure ? -1 : 1;
    if (a->loaded_legs != b->loaded_legs)
        return a->loaded_legs < b->loaded_legs ? -1 : 1;
    if (a->flight_min != b->flight_min)
        return a->flight_min < b->flight_min ? -1 : 1;
    return 0;
}

bool improve_delivers_better(const sched *a, const sched *b)
{
    improve_obj x, y;
    improve_objective(a, &x);
    improve_objective(b, &y);
    return x.late != y.late ? x.late < y.late : x.closure < y.closure;
}

void improve_keep_better(sched **best, sched *cand)
{
    if (*best) {
        improve_obj a, b;
        improve_objective(cand, &a);
        improve_objective(*best, &b);
        if (improve_compare(&a, &b) >= 0) {
            sched_free(cand);
            return;
        }
        sched_free(*best);
    }
    *best = cand;
}

/* The last delivery of each tail, into last[]. */
static void tail_last_delivery(const sched *s, minute_t *last)
{
    for (int t = 0; t < s->m->n_tails; t++) {
        last[t] = s->m->start;
        for (int i = 0; i < s->tails[t].n_legs; i++)
            if (s->tails[t].legs[i].load >= 0 && s->tails[t].legs[i].arr > last[t])
                last[t] = s->tails[t].legs[i].arr;
    }
}

/* The airfield with a MOG where most loaded take-offs happen in [from, to), or -1. */
static int busy_airfield(const sched *s, minute_t from, minute_t to, int *count)
{
    const sortie_model *m = s->m;
    for (int a = 0; a < m->n_airfields; a++)
        count[a] = 0;
    for (int t = 0; t < m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *g = &s->tails[t].legs[i];
            if (g->dep >= from && g->dep < to && m->airfields[g->from].mog >= 0)
                count[g->from]++;
        }
    int best = -1;
    for (int a = 0; a < m->n_airfields; a++)
        if (count[a] > 0 && (best < 0 || count[a] > count[best]))
            best = a;
    return best;
}

/* A requirement (drawn at random among them) of a load that lands at closure, or -1. */
static int last_requirement(const sched *s, minute_t closure, rng *random)
{
    int found = -1, n = 0;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *g = &s->tails[t].legs[i];
            if (g->load < 0 || g->arr != closure || g->to != s->loads[g->load].to)
                continue;
            const sched_load *l = &s->loads[g->load];
            for (int p = 0; p < l->n_pieces; p++)
                if (rng_below(random, ++n) == 0)
                    found = l->pieces[p].req;
        }
    return found;
}

static double budget_scale(const improve_opts *o)
{
    if (!(o->budget_scale > 1))
        return 1.0;
    return o->budget_scale < IMPROVE_MAX_SCALE ? o->budget_scale : IMPROVE_MAX_SCALE;
}

long improve_max_steps(const improve_opts *o) { return (long)(IMPROVE_MAX_STEPS * budget_scale(o)); }

long improve_construct_work(const dispatch *d, const improve_opts *o)
{
    return o->construct_work > 0 ? o->construct_work : (dispatch_work(d) - o->work_before) / 2;
}

bool improve_restarts_pay(const dispatch *d, const improve_opts *o)
{
    return improve_construct_work(d, o) <= (long)(IMPROVE_RESTART_SHARE * IMPROVE_WORK);
}

sortie_status improve_run(const sortie_model *m, dispatch *d, sched **best, const improve_opts *o, bool *cut_short,
                          long *next_step)
{
    *cut_short = false;
    if (next_step)
        *next_step = o->steps_before;
    int nt = m->n_tails;
    size_t n_routes = (size_t)dispatch_route_count(d);
    minute_t *cut = malloc(sizeof *cut * (size_t)(nt > 0 ? nt : 1));
    minute_t *last = malloc(sizeof *last * (size_t)(nt > 0 ? nt : 1));
    minute_t *delivered = malloc(sizeof *delivered * (size_t)(m->n_reqs > 0 ? m->n_reqs : 1));
    double *weight = malloc(sizeof *weight * (n_routes > 0 ? n_routes : 1));
    int *count = malloc(sizeof *count * (size_t)(m->n_airfields > 0 ? m->n_airfields : 1));
    if (!cut || !last || !delivered || !weight || !count) {
        free(cut), free(last), free(delivered), free(weight), free(count);
        return SORTIE_ENOMEM;
    }
    rng own;
    rng_seed(&own, o->seed);
    rng *random = o->random ? o->random : &own;
    improve_obj cur;
    improve_objective_with(*best, delivered, &cur);
    long first_step = o->steps_before, end_step = improve_max_steps(o);
    if (o->iterations > 0 && first_step + o->iterations < end_step)
        end_step = first_step + o->iterations;
    long budget = (long)(IMPROVE_WORK * budget_scale(o));
    /* work0 is where the search's work starts to count. */
    long work0 = dispatch_work(d) - o->work_before;
    bool restarts = improve_restarts_pay(d, o);
    sortie_status st = SORTIE_OK;
    long it = first_step;
    for (; it < end_step && cur.closure > o->bound &&
           (dispatch_work(d) - work0 < budget || dispatch_work(d) - work0 < it * IMPROVE_CHEAP_STEP);
         it++) {
        if (o->clock && o->deadline_s > 0 && o->clock(o->clock_user) >= o->deadline_s) {
            *cut_short = true;
            break;
        }
        const sched *b = *best;
        minute_t span = cur.closure - m->start;
        if (span < 1)
            span = 1;
        double u = rng_unit(random);
        int mode = rng_below(random, 12);
        if (mode == 9 && !restarts)
            mode = 0; /* a fresh construction would cost more than the step is worth */
        if (mode < 4) {
            /* The end of the plan, for everyone. */
            minute_t t = cur.closure - (minute_t)((double)span * (0.02 + 0.45 * u * u));
            for (int k = 0; k < nt; k++)
                cut[k] = t;
        } else if (mode < 7) {
            /* The aircraft that close the plan, and some others. */
            tail_last_delivery(b, last);
            minute_t t = cur.closure - (minute_t)((double)span * (0.05 + 0.5 * u));
            minute_t near = cur.closure - span / 10;
            for (int k = 0; k < nt; k++)
                cut[k] = last[k] >= near || rng_unit(random) < 0.3 ? t : SLOT_NEVER;
        } else if (mode < 9) {
            /* The busiest airfield late in the plan: everyone who takes off there. */
            minute_t t = cur.closure - (minute_t)((double)span * (0.05 + 0.5 * u));
            int a = busy_airfield(b, t, cur.closure, count);
            for (int k = 0; k < nt; k++) {
                cut[k] = SLOT_NEVER;
                for (int i = 0; i < b->tails[k].n_legs && a >= 0; i++)
                    if (b->tails[k].legs[i].from == a && b->tails[k].legs[i].dep >= t) {
                        cut[k] = t;
                        break;
                    }
            }
            if (a < 0)
                for (int k = 0; k < nt; k++)
                    cut[k] = t;
        } else if (mode >= 10) {
            /* Every aircraft that may carry a requirement delivered last:
             * they compete for it, whatever else they carry. */
            int lr = last_requirement(b, cur.closure, random);
            minute_t t = cur.closure - (minute_t)((double)span * (0.1 + 0.6 * u));
            for (int k = 0; k < nt; k++)
                cut[k] = lr < 0 || load_can_carry(m, lr, m->tails[k].fleet) ? t : SLOT_NEVER;
        } else {
            /* Start again, differently. */
            for (int k = 0; k < nt; k++)
                cut[k] = m->start;
        }
        for (size_t r = 0; r < n_routes; r++)
            weight[r] = 1.0 + 0.5 * (2.0 * rng_unit(random) - 1.0) * rng_unit(random);
        static const double noises[] = {0.0, 0.1, 0.25, 0.5};
        dispatch_knobs kn = {.random = random, .noise = noises[rng_below(random, 4)], .route_weight = weight,
                             .greedy_key = rng_below(random, 8) == 0, .urgency = DISPATCH_URGENCY * 2 * rng_unit(random),
                             .guide = DISPATCH_GUIDE * 3 * rng_unit(random),
                             .slot = DISPATCH_SLOT * 2 * rng_unit(random),
                             .explore = rng_below(random, 3) == 0 ? 0.2 * rng_unit(random) : 0,
                             .shuffle = rng_below(random, 2) == 0,
                             .decline = rng_below(random, 2) == 0 ? DISPATCH_DECLINE * (0.5 + rng_unit(random)) : 0,
                             .own_spots = rng_below(random, 2) == 0,
                             /* Every third step is patient, every fourth strict (every
                              * other of those letting slow types fill spots no fast
                              * aircraft could use meanwhile), and
                              * steps alternate between keeping to regions and weighing
                              * the wait for the next ready load; where the time-indexed
                              * LP's split guides, two steps in four keep the fluid plan.
                              * By the step's number, so that the random draws stay what
                              * they were without them. Every step presses the loads of
                              * airfields whose spots would take longest (spot_urgency);
                              * every fourth fills loads first from what the fewest
                              * aircraft may carry (scarce_first); every other keeps room
                              * for the passengers the route's other loads could not seat
                              * (whole_route_seats); every other step, with the regions,
                              * keeps each fleet to its guide's pace at short airfields. */
                             .max_waits = it % 3 == 2 ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS,
                             .strict = it % 4 == 1 ? IMPROVE_STRICT : 0,
                             .strict_idle = it % 8 == 1,
                             .regions = it % 2 == 0,
                             .wait_ready = it % 2 == 1,
                             .fluid_guide = it % 4 >= 2,
                             .stop_avoid = DISPATCH_STOP_AVOID,
                             .spot_urgency = true,
                             .scarce_first = it % 4 == 3,
                             .whole_route_seats = it % 2 == 1,
                             .pace = it % 2 == 0 ? IMPROVE_PACE : 0,
                             .only_reqs = o->only_reqs,
                             .only_tails = o->only_tails,
                             .clock = o->clock,
                             .clock_user = o->clock_user,
                             .deadline_s = o->deadline_s > 0 ? o->deadline_s : INFINITY};
        sched *cand = NULL;
        sched *around = o->anchor ? sched_with_suffixes(b, o->part, o->anchor) : NULL;
        if (o->anchor && !around) {
            st = SORTIE_ENOMEM;
            break;
        }
        sortie_status r = dispatch_run_around(d, around ? around : b, cut, o->anchor, &kn, &cand);
        sched_free(around);
        if (r == SORTIE_ENOMEM) {
            st = SORTIE_ENOMEM;
            break;
        }
        if (r == SORTIE_OK && !cand) {
            *cut_short = true; /* the clock stopped the step */
            break;
        }
        if (r != SORTIE_OK) {
            sched_free(cand);
            continue;
        }
        improve_obj obj;
        improve_objective_with(cand, delivered, &obj);
        if (improve_compare(&obj, &cur) <= 0) {
            bool better = improve_compare(&obj, &cur) < 0;
            sched_free(*best);
            *best = cand;
            cur = obj;
            if (better && o->improved)
                o->improved(*best, o->improved_user);
        } else {
            sched_free(cand);
        }
    }
    if (next_step)
        *next_step = it;
    free(cut), free(last), free(delivered), free(weight), free(count);
    return st;
}
