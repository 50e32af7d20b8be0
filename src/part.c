/* part: see part.h. */
#include "part.h"

#include "psearch.h"
#include "slot.h"

#include <stdlib.h>

/* The requirement of the first load in s that lands last at its
 * destination, or -1 when s delivers nothing. */
static int closing_requirement(const sched *s)
{
    minute_t last = -SLOT_NEVER;
    int req = -1;
    for (int k = 0; k < s->m->n_tails; k++) {
        const sched_tail *t = &s->tails[k];
        for (int i = 0; i < t->n_legs; i++) {
            const sched_leg *g = &t->legs[i];
            if (g->load < 0 || g->to != s->loads[g->load].to || s->loads[g->load].n_pieces == 0 || g->arr <= last)
                continue;
            last = g->arr;
            req = s->loads[g->load].pieces[0].req;
        }
    }
    return req;
}

/* True when only some operators may carry requirement r. */
static bool restricted(const sortie_model *m, int r)
{
    for (int o = 0; o < m->n_operators; o++)
        if (!m->reqs[r].carrier_ok[o])
            return true;
    return false;
}

/* The part of requirement crit (part.h) into ops, reqs and tails; false
 * when it is all of the scenario. */
static bool find_part(const sortie_model *m, int crit, bool *ops, bool *reqs, bool *tails)
{
    for (int o = 0; o < m->n_operators; o++)
        ops[o] = m->reqs[crit].carrier_ok[o];
    for (bool grown = true; grown;) {
        grown = false;
        for (int r = 0; r < m->n_reqs; r++) {
            if (!restricted(m, r))
                continue;
            bool meets = false;
            for (int o = 0; o < m->n_operators && !meets; o++)
                meets = ops[o] && m->reqs[r].carrier_ok[o];
            for (int o = 0; o < m->n_operators && meets; o++)
                if (m->reqs[r].carrier_ok[o] && !ops[o])
                    ops[o] = grown = true;
        }
    }
    int n_reqs = 0, n_tails = 0;
    for (int r = 0; r < m->n_reqs; r++) {
        bool inside = restricted(m, r);
        for (int o = 0; o < m->n_operators && inside; o++)
            inside = ops[o] || !m->reqs[r].carrier_ok[o];
        n_reqs += reqs[r] = inside;
    }
    for (int k = 0; k < m->n_tails; k++)
        n_tails += tails[k] = ops[m->fleets[m->tails[k].fleet].operator_index];
    return n_reqs < m->n_reqs && n_tails < m->n_tails;
}

/* The better of a hasty and a patient construction of everything around
 * the part's kept sorties, in *out (NULL when neither moves everything). */
static sortie_status build_around(dispatch *d, const sched *part, const minute_t *cut, const minute_t *anchor,
                                  sched **out)
{
    *out = NULL;
    for (int patient = 0; patient < 2; patient++) {
        dispatch_knobs knobs = dispatch_knobs_default(patient ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS);
        sched *alt = NULL;
        sortie_status st = dispatch_run_around(d, part, cut, anchor, &knobs, &alt);
        if (st == SORTIE_ENOMEM) {
            sched_free(alt);
            return st;
        }
        if (st == SORTIE_OK && (!*out || improve_delivers_better(alt, *out))) {
            sched_free(*out);
            *out = alt;
        } else {
            sched_free(alt);
        }
    }
    return SORTIE_OK;
}

/* A search from *s on both lanes (one when lanes[1] is NULL). */
static sortie_status search(const sortie_model *m, dispatch *const lanes[2], sched **s, const improve_opts *o,
                            bool *cut_short)
{
    return lanes[1] ? psearch_run(m, lanes, s, o, cut_short) : improve_run(m, lanes[0], s, o, cut_short, NULL);
}

sortie_status part_first(const sortie_model *m, dispatch *const lanes[2], const part_opts *o, sched **best,
                         bool *cut_short)
{
    dispatch *d = lanes[0];
    int crit = closing_requirement(*best);
    if (crit < 0 || !restricted(m, crit))
        return SORTIE_OK;
    size_t nt = (size_t)m->n_tails + 1;
    bool *ops = calloc((size_t)m->n_operators + 1, sizeof *ops);
    bool *reqs = calloc((size_t)m->n_reqs + 1, sizeof *reqs);
    bool *tails = calloc(nt, sizeof *tails);
    minute_t *cut = malloc(sizeof *cut * nt);
    minute_t *anchor = malloc(sizeof *anchor * nt);
    sched *part = NULL, *whole = NULL;
    sortie_status st = ops && reqs && tails && cut && anchor ? SORTIE_OK : SORTIE_ENOMEM;
    if (st != SORTIE_OK || !find_part(m, crit, ops, reqs, tails))
        goto done;
    /* The part alone. */
    dispatch_knobs alone = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    alone.only_reqs = reqs;
    alone.only_tails = tails;
    st = dispatch_run(d, NULL, NULL, &alone, &part);
    if (st != SORTIE_OK) {
        st = st == SORTIE_ENOMEM ? st : SORTIE_OK; /* the part's tails cannot move it alone */
        goto done;
    }
    improve_opts opts = {.seed = o->seed,
                         .iterations = PART_STEPS,
                         .bound = o->bound,
                         .clock = o->clock,
                         .clock_user = o->clock_user,
                         .deadline_s = o->deadline_s,
                         .only_reqs = reqs,
                         .only_tails = tails};
    st = search(m, lanes, &part, &opts, cut_short);
    if (st != SORTIE_OK || *cut_short)
        goto done;
    /* Everything around it: each of the part's tails keeps its sorties
     * from its first on, no one keeps anything before. */
    for (int k = 0; k < m->n_tails; k++) {
        int first = sched_first_sortie(&part->tails[k], -1, -SLOT_NEVER);
        cut[k] = -SLOT_NEVER;
        anchor[k] = first < 0 ? SLOT_NEVER : part->tails[k].legs[first].dep;
    }
    st = build_around(d, part, cut, anchor, &whole);
    if (st != SORTIE_OK || !whole)
        goto done;
    opts.only_reqs = NULL;
    opts.only_tails = NULL;
    opts.anchor = anchor;
    opts.part = part;
    st = search(m, lanes, &whole, &opts, cut_short);
    if (st == SORTIE_OK && improve_delivers_better(whole, *best)) {
        sched_free(*best);
        *best = whole;
        whole = NULL;
    }
done:
    sched_free(part);
    sched_free(whole);
    free(ops);
    free(reqs);
    free(tails);
    free(cut);
    free(anchor);
    return st;
}
