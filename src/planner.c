/*
 * planner: sortie_plan_make orchestrates model -> bound -> construct ->
 * improve -> (exact) -> plan, and sortie_plan_summary_text prints what a
 * plan says. Owns the planning parameters' defaults. The library never
 * prints: progress goes through params->progress. Where a second thread
 * (POSIX threads) works: the portfolio of constructions (portfolio.h) runs beside the LP
 * bound, and the search's second part (after the time-indexed LP, or
 * before it when the first part ends close to the bound) runs on two
 * lanes (psearch.h).
 */
#include "bound.h"
#include "diag.h"
#include "dispatch.h"
#include "exact.h"
#include "improve.h"
#include "lpbound.h"
#include "model.h"
#include "occupancy.h"
#include "plan.h"
#include "part.h"
#include "portfolio.h"
#include "psearch.h"
#include "sched.h"
#include "slot.h"
#include "tibound.h"

#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void sortie_params_init(sortie_params *params)
{
    *params = (sortie_params){
        .seed = 1,
        .time_limit_s = 2.0,
        .exact = 0,
        .bucket_min = 15,
        .lp_bound = 1,
        .progress = NULL,
        .progress_user = NULL,
        .effort = 0.0,
        .deep_bound = 0,
    };
}

double sortie_params_effort(const sortie_params *params)
{
    if (params->effort > 0)
        return params->effort;
    if (params->exact || !(params->time_limit_s >= 2 * SORTIE_EFFORT_S))
        return 1;
    double searches = floor(params->time_limit_s / SORTIE_EFFORT_S);
    return searches < SORTIE_EFFORT_MAX_SEARCHES ? searches : SORTIE_EFFORT_MAX_SEARCHES;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    const sortie_params *params;
    double t0;
    minute_t start, bound;
    minute_t shown; /* the closure the progress lines last showed */
} run_ctx;

static double elapsed(void *user)
{
    const run_ctx *r = user;
    return now_s() - r->t0;
}

static void report(const run_ctx *r, minute_t closure)
{
    if (!r->params->progress)
        return;
    sortie_progress p = {.elapsed_s = now_s() - r->t0, .closure_min = closure - r->start,
                         .bound_min = r->bound - r->start};
    r->params->progress(&p, r->params->progress_user);
}

/* A search's plan improved: shown unless an earlier search's best is better
 * (the runs after the first start again from the constructions). */
static void on_improved(const sched *best, void *user)
{
    run_ctx *r = user;
    minute_t closure = sched_closure(best);
    if (closure <= r->shown) {
        r->shown = closure;
        report(r, closure);
    }
}

/* Says why each requirement left over could not be planned. */
static void explain_left(const sortie_model *m, const dispatch *d, const bound_info *b, sortie_diag *diag)
{
    char end[18], at[18];
    time_format(m->end, end);
    for (int r = 0; r < m->n_reqs; r++) {
        if (!dispatch_left(d, r))
            continue;
        time_format(b->req[r], at);
        diag_add(diag,
                 "%s: no aircraft of its carriers could be scheduled to deliver it by the horizon end %s and be "
                 "back at base within its availability (it cannot arrive before %s even alone)",
                 m->reqs[r].src->id, end, at);
    }
}

/* Raises *bound with the time-indexed LP (a plan closes at hi) and, when it
 * does, hands the LP's split of the work to the dispatcher as its guide.
 * Solver trouble leaves the bound as it was; only memory fails the run. */
static sortie_status time_indexed_bound(const sortie_model *m, dispatch *d, minute_t hi, minute_t *bound,
                                        char *binding, size_t binding_len)
{
    double *guide = malloc(sizeof *guide * ((size_t)m->n_fleets * (size_t)m->n_reqs + 1));
    if (!guide)
        return SORTIE_ENOMEM;
    minute_t ti = *bound;
    char why[256] = "";
    sortie_status st = tibound_closure(m, *bound, hi, &ti, why, sizeof why, guide);
    if (st == SORTIE_OK && ti > *bound) {
        *bound = ti;
        snprintf(binding, binding_len, "%s", why);
        dispatch_set_guide(d, guide);
    }
    free(guide);
    return st == SORTIE_ENOMEM ? st : SORTIE_OK;
}

/* Airfields below this congestion (dispatch_congestion) are not bounded
 * alone: on the generated M-1 such parts took 2-43 s each and proved
 * nothing. */
#define PLANNER_DEEP_CONGESTION 0.5

/* The last delivery in s of a load that leaves or reaches airfield a. */
static minute_t last_delivery_at(const sched *s, int a)
{
    minute_t last = s->m->start;
    for (int t = 0; t < s->m->n_tails; t++)
        for (int i = 0; i < s->tails[t].n_legs; i++) {
            const sched_leg *g = &s->tails[t].legs[i];
            if (g->load < 0)
                continue;
            const sched_load *l = &s->loads[g->load];
            if (g->to == l->to && (l->from == a || l->to == a) && g->arr > last)
                last = g->arr;
        }
    return last;
}

/* Raises *bound with the time-indexed LP of each airfield short of spots
 * alone (tibound_airfield), below best's closure. An airfield whose loads
 * best delivers by *bound is skipped: best restricted to them is a plan of
 * that part, so its LP cannot prove more. A bound past the closure would be
 * a wrong relaxation and is dropped, as is one the solver failed on; only
 * memory fails the run. */
static sortie_status airfield_bounds(const sortie_model *m, const dispatch *d, const sched *best, minute_t *bound,
                                     char *binding, size_t binding_len)
{
    minute_t hi = sched_closure(best);
    for (int a = 0; a < m->n_airfields && *bound < hi; a++) {
        if (m->airfields[a].mog < 0 || dispatch_congestion(d, a) < PLANNER_DEEP_CONGESTION ||
            last_delivery_at(best, a) <= *bound)
            continue;
        minute_t t = *bound;
        char why[256] = "";
        sortie_status st = tibound_airfield(m, a, *bound, hi, &t, why, sizeof why);
        if (st == SORTIE_ENOMEM)
            return st;
        if (st == SORTIE_OK && t > *bound && t <= hi) {
            *bound = t;
            snprintf(binding, binding_len, "%s", why);
        }
    }
    return SORTIE_OK;
}

/* Builds a plan hasty and patient with the knobs of `variant` (its
 * max_waits set here); *best becomes the better of them if it delivers
 * better (improve_delivers_better). */
static sortie_status construct_better(dispatch *d, dispatch_knobs variant, sched **best)
{
    for (int patient = 0; patient < 2; patient++) {
        dispatch_knobs knobs = variant;
        knobs.max_waits = patient ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS;
        sched *alt = NULL;
        sortie_status st = dispatch_run(d, NULL, NULL, &knobs, &alt);
        if (st == SORTIE_ENOMEM) {
            sched_free(alt);
            return st;
        }
        if (st == SORTIE_OK && improve_delivers_better(alt, *best)) {
            sched_free(*best);
            *best = alt;
        } else {
            sched_free(alt);
        }
    }
    return SORTIE_OK;
}

/*
 * Hands the capacity LP's split of the work (lpbound_closure_guide) to the
 * dispatcher as its guide and builds a plan by it (construct_better); the
 * split then guides the search's steps that do not keep the fluid plan. Where fleets
 * must share routes and spots, the LP's split (which sees MOG over the
 * whole operation, ready times and whole sorties per route) often leads
 * the construction better than the fluid plan does. With spot urgency, as
 * the search's steps: over planning seeds 1-5 and 6-10 on the ten S and M
 * scenarios of the sweep the sums of mean gaps went from 194.6 to 193.0
 * and from 199.5 to 198.9 (M-5 32.8 -> 32.0%, 34.1 -> 32.0%).
 */
static sortie_status follow_lp_split(dispatch *d, const double *split, sched **best)
{
    if (!dispatch_set_guide(d, split))
        return SORTIE_ENOMEM;
    dispatch_knobs knobs = dispatch_knobs_default(DISPATCH_MAX_WAITS);
    knobs.spot_urgency = true;
    return construct_better(d, knobs, best);
}

/* The least time limit (seconds) at which the part that closes the plan
 * is planned first (part.h) after the search. */
#define PLANNER_PART_LIMIT_S 10.0

/* The first part of the search, in steps: enough for the easy scenarios
 * (those whose plan meets the bound) to stop before the time-indexed LP. */
#define PLANNER_FIRST_STEPS 100

/* Above this gap after the first part, the time-indexed LP runs then and
 * guides the rest of the search; at or below it the search goes on with
 * the fluid plan's guide and the LP runs after it, for the bound only,
 * when the plan has not met the bound by then. Most of the plans that
 * start the second part this close to their bound meet it: the built-in
 * example (8.1% after the first part with every seed) does with or
 * without the LP's guide, and where it does, the LP's 1.3 s were spent
 * for nothing. */
#define PLANNER_TI_GUIDE_GAP 0.10

/* How many independent searches an effort of `effort` makes: its whole
 * part (at least one, at most SORTIE_EFFORT_MAX_SEARCHES), each with the default
 * budget times effort / runs. */
static int search_runs(double effort)
{
    if (!(effort >= 2))
        return 1;
    return effort < SORTIE_EFFORT_MAX_SEARCHES ? (int)effort : SORTIE_EFFORT_MAX_SEARCHES;
}

/* What the searches share: the model, the dispatchers (the second made by
 * the first search that needs it), the options the constructions left
 * (their cost), the budget's scale, and the time they have spent. */
typedef struct {
    const sortie_model *m;
    dispatch *lanes[2];
    run_ctx *rc;
    improve_opts first;
    double scale;
    double spent_s;
    bool cut_short;
    /* With several searches, the first lane's guide before and after the
     * time-indexed LP (copies, NULL: the fluid plan), so that each later
     * search's first part is led as that seed's search alone would be. */
    bool keep_guides;
    double *early_guide, *late_guide;
    /* The first search left the time-indexed LP for after the searches
     * (PLANNER_TI_GUIDE_GAP). */
    bool ti_deferred;
} search_job;

/* Runs the improvement search of j from *best: `steps` steps on lanes[0]
 * alone (*next_step then says where it stopped), or (0) what is left of
 * the work budget (improve.h, times j->scale) after the first part's
 * `before` on both lanes (psearch.h), seeded with `seed` (the first lane
 * draws from `random`), within what is left of the time limit; the time
 * it takes is added to j->spent_s. */
static sortie_status search(search_job *j, sched **best, minute_t bound, long steps, const improve_opts *before,
                            rng *random, uint64_t seed, long *next_step)
{
    run_ctx *rc = j->rc;
    double t0 = elapsed(rc);
    improve_opts io = {.seed = seed,
                       .random = random,
                       .iterations = steps,
                       .steps_before = before ? before->steps_before : 0,
                       .work_before = before ? before->work_before : 0,
                       .construct_work = before ? before->construct_work : 0,
                       .budget_scale = j->scale,
                       .deadline_s = t0 + (rc->params->time_limit_s - j->spent_s),
                       .clock = elapsed,
                       .clock_user = rc,
                       .bound = bound,
                       .improved = on_improved,
                       .improved_user = rc};
    sortie_status st = steps > 0 ? improve_run(j->m, j->lanes[0], best, &io, &j->cut_short, next_step)
                                 : psearch_run(j->m, j->lanes, best, &io, &j->cut_short);
    j->spent_s += elapsed(rc) - t0;
    return st;
}

/* A copy of d's guide in *out (NULL when the fluid plan guides); false when
 * memory runs out. */
static bool copy_guide(const sortie_model *m, const dispatch *d, double **out)
{
    const double *g = dispatch_guide(d);
    size_t cells = (size_t)m->n_fleets * (size_t)m->n_reqs;
    *out = NULL;
    if (!g)
        return true;
    if (!(*out = malloc(sizeof **out * (cells > 0 ? cells : 1))))
        return false;
    memcpy(*out, g, sizeof **out * cells);
    return true;
}

/* At one point of a search (before its first part, before its second):
 * the first search records the first lane's guide in *saved, the later
 * ones put it back. False when memory runs out. */
static bool guide_at(search_job *j, bool first_search, double **saved)
{
    if (!j->keep_guides)
        return true;
    if (first_search)
        return copy_guide(j->m, j->lanes[0], saved);
    if (!*saved || !dispatch_set_guide(j->lanes[0], *saved))
        dispatch_clear_guide(j->lanes[0]);
    return true;
}

/*
 * One search from *cur, seeded with `seed`, in two parts: a short one
 * first, which often reaches the bound on easy scenarios; then, if it did
 * not, the time-indexed LP (small scenarios only; with_ti, the first
 * search) may raise *bound, and its solution, a fleet-by-requirement split
 * that sees ready times and spots over time, guides the rest of the search
 * instead of the fluid plan; when the first part ends within
 * PLANNER_TI_GUIDE_GAP of the bound, the LP is left for after the searches
 * (j->ti_deferred). The time limit is the searches' own: the
 * LP's time does not count.
 */
static sortie_status search_once(search_job *j, sched **cur, uint64_t seed, bool with_ti, minute_t *bound,
                                 char *binding, size_t binding_len)
{
    const sortie_params *params = j->rc->params;
    rng random;
    rng_seed(&random, seed);
    improve_opts first = j->first;
    long first_end = PLANNER_FIRST_STEPS; /* where the first part stopped */
    minute_t closure = sched_closure(*cur);
    sortie_status st = SORTIE_OK;
    if (!guide_at(j, with_ti, &j->early_guide))
        return SORTIE_ENOMEM;
    /* Where one construction costs more than a step may (L), the first
     * part's steps would spend the whole budget on one lane, so there is
     * none, and the two lanes search from the first step. */
    if (closure > *bound && params->time_limit_s > j->spent_s && improve_restarts_pay(j->lanes[0], &first)) {
        long work = dispatch_work(j->lanes[0]);
        st = search(j, cur, *bound, PLANNER_FIRST_STEPS, &first, &random, seed, &first_end);
        first = (improve_opts){.steps_before = PLANNER_FIRST_STEPS,
                               .work_before = dispatch_work(j->lanes[0]) - work,
                               .construct_work = first.construct_work};
        if (st != SORTIE_OK)
            return st;
        closure = sched_closure(*cur);
    }
    if (with_ti && params->lp_bound && closure > *bound) {
        if (sched_gap(j->m->start, *bound, closure) <= PLANNER_TI_GUIDE_GAP) {
            j->ti_deferred = true;
        } else {
            st = time_indexed_bound(j->m, j->lanes[0], closure, bound, binding, binding_len);
            if (st != SORTIE_OK)
                return st;
            j->rc->bound = *bound;
        }
    }
    if (!guide_at(j, with_ti, &j->late_guide))
        return SORTIE_ENOMEM;
    /* The second lane, a copy of the first's dispatcher with its guides,
     * only when the second part will run with budget left after the first. */
    if (closure <= *bound || params->time_limit_s <= j->spent_s || j->cut_short || first_end != PLANNER_FIRST_STEPS)
        return SORTIE_OK;
    if (!j->lanes[1] && !(j->lanes[1] = dispatch_new_like(j->lanes[0])))
        return SORTIE_ENOMEM;
    return search(j, cur, *bound, 0, &first, &random, seed, NULL);
}

sortie_status sortie_plan_make(const sortie_model *model, const sortie_params *params_in, sortie_plan **out,
                               sortie_diag **diag_out)
{
    *out = NULL;
    sortie_params defaults;
    sortie_params_init(&defaults);
    const sortie_params *params = params_in ? params_in : &defaults;
    sortie_diag *diag = diag_new();
    if (!diag) {
        diag_give(diag, diag_out);
        return SORTIE_ENOMEM;
    }
    const sortie_model *m = model;
    run_ctx rc = {.params = params, .t0 = now_s(), .start = m->start, .bound = m->start};
    bound_info bi = {0};
    dispatch *d = NULL, *second = NULL;
    sched *best = NULL;
    sortie_status st = bound_compute(m, &bi);
    if (st != SORTIE_OK)
        goto done;
    rc.bound = bi.value;
    if (bi.value > m->end) {
        for (int i = 0; i < bi.n_late; i++)
            diag_add(diag, "%s", bi.late[i]);
        if (bi.n_late == 0)
            diag_add(diag, "the scenario cannot close within its horizon: %s", bi.why);
        st = SORTIE_EINFEASIBLE;
        goto done;
    }

    d = dispatch_new(m);
    if (!d) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    st = dispatch_run(d, NULL, NULL, NULL, &best);
    if (st == SORTIE_EINFEASIBLE)
        explain_left(m, d, &bi, diag);
    if (st != SORTIE_OK)
        goto done;
    minute_t closure = sched_closure(best);
    minute_t bound = bi.value;
    /* The LP searches up to the first construction's closure, a valid
     * plan's whatever the patient one finds, so the two may run at once:
     * the second thread starts on the portfolio's constructions, and the
     * first, once its LP is solved and where there is more than the
     * patient one (L), joins it on a dispatcher of its own. */
    portfolio_share share;
    if (!portfolio_share_init(&share, d, dispatch_work(d))) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    portfolio_job job = {.share = &share, .d = d, .helper = true};
    portfolio_job own = {.share = &share};
    if (closure > bound && share.costly && !(own.d = dispatch_new_like(d))) {
        portfolio_share_free(&share);
        st = SORTIE_ENOMEM;
        goto done;
    }
    pthread_t helper;
    bool threaded = closure > bound && pthread_create(&helper, NULL, portfolio_run, &job) == 0;
    if (!threaded && closure > bound)
        portfolio_run(&job);
    char binding[256];
    snprintf(binding, sizeof binding, "%s", bi.why);
    /* The LP's split of the work, handed to the dispatcher as its guide
     * once the portfolio, which reads the dispatcher, is done. */
    double *lp_guide = NULL;
    bool lp_guided = false;
    if (params->lp_bound && closure > bound) {
        minute_t lp = bound;
        char why[256] = "";
        lp_guide = malloc(sizeof *lp_guide * ((size_t)m->n_fleets * (size_t)m->n_reqs + 1));
        /* The LP only ever raises the bound; when it fails (solver trouble),
         * the combinatorial bound stands. */
        sortie_status lst = lp_guide ? lpbound_closure_guide(m, bound, closure, &lp, why, sizeof why, lp_guide,
                                                             &lp_guided)
                                     : SORTIE_ENOMEM;
        if (lst == SORTIE_ENOMEM) {
            if (threaded)
                pthread_join(helper, NULL);
            portfolio_share_free(&share);
            dispatch_free(own.d);
            free(lp_guide);
            st = lst;
            goto done;
        }
        if (lst == SORTIE_OK && lp > bound) {
            bound = lp;
            /* The LP may stop at its work budget without a reading of what binds. */
            snprintf(binding, sizeof binding, "%s",
                     why[0] ? why : "the LP capacity bound (fleet time, MOG and loads together; no single reading)");
        }
    }
    if (own.d)
        portfolio_run(&own);
    dispatch_free(own.d);
    if (threaded)
        pthread_join(helper, NULL);
    st = portfolio_take(&share, &best);
    portfolio_share_free(&share);
    /* The search's budget counts constructions as the first two cost: the
     * variants, and below the detour, fill, spot-urgent and LP-guided ones, are extra (portfolio.h). */
    improve_opts first = {.construct_work = (dispatch_work(d) - job.extra_work) / 2};
    /* Where constructions are cheap (S, M), two more go round short
     * airfields for their fuel stops (dispatch.h, DISPATCH_STOP_DETOUR),
     * two keep slow types off short spots but where they would stand
     * empty (the search's strict steps that fill idle spots), and two
     * press the loads of airfields whose spots would take longest (as
     * every search step does, knobs.spot_urgency). */
    bool restarts = improve_restarts_pay(d, &first);
    if (st == SORTIE_OK && restarts) {
        dispatch_knobs detour = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        detour.stop_avoid = DISPATCH_STOP_DETOUR;
        st = construct_better(d, detour, &best);
        dispatch_knobs fill = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        fill.strict = IMPROVE_STRICT;
        fill.strict_idle = true;
        if (st == SORTIE_OK)
            st = construct_better(d, fill, &best);
        dispatch_knobs spots = dispatch_knobs_default(DISPATCH_MAX_WAITS);
        spots.spot_urgency = true;
        if (st == SORTIE_OK)
            st = construct_better(d, spots, &best);
        if (st == SORTIE_OK && lp_guided)
            st = follow_lp_split(d, lp_guide, &best);
    }
    free(lp_guide);
    if (st != SORTIE_OK)
        goto done;
    closure = sched_closure(best);
    rc.bound = bound;
    report(&rc, closure);

    /* The search: `runs` independent searches (search_once), one per seed
     * from params->seed on, each from the constructions' plan with the
     * default budget times effort / runs; the best plan is kept (the
     * earlier on a tie). A search stuck in one basin gains little from more
     * steps; another seed starts it elsewhere. The time limit counts all of
     * them. */
    double effort = sortie_params_effort(params);
    int runs = search_runs(effort);
    search_job searches = {.m = m,
                           .lanes = {d, NULL},
                           .rc = &rc,
                           .first = first,
                           .scale = effort / runs,
                           .keep_guides = runs > 1};
    sched *start = runs > 1 && closure > bound ? sched_clone(best) : NULL;
    if (runs > 1 && closure > bound && !start) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    rc.shown = closure;
    for (int run = 0; run < runs && st == SORTIE_OK; run++) {
        bool over = searches.cut_short || searches.spent_s >= params->time_limit_s;
        if (run > 0 && (sched_closure(best) <= bound || over))
            break;
        sched *cur = run == 0 ? best : sched_clone(start);
        if (!cur) {
            st = SORTIE_ENOMEM;
            break;
        }
        st = search_once(&searches, &cur, params->seed + (uint64_t)run, run == 0, &bound, binding, sizeof binding);
        if (run == 0)
            best = cur;
        else
            improve_keep_better(&best, cur);
    }
    sched_free(start);
    if (st == SORTIE_OK && searches.ti_deferred && sched_closure(best) > bound) {
        st = time_indexed_bound(m, d, sched_closure(best), &bound, binding, sizeof binding);
        rc.bound = bound;
    }
    /* Where constructions are cheap (S, M) and the caller gives the time:
     * the part of the scenario that closes the plan, planned first
     * (part.h). Not within the default limit, which the search alone may
     * use up on M: there the plan would then depend on the machine, and
     * on S, where the search ends by its budget, it does not. */
    if (st == SORTIE_OK && restarts && params->time_limit_s >= PLANNER_PART_LIMIT_S &&
        sched_closure(best) > bound && !searches.cut_short && searches.spent_s < params->time_limit_s) {
        double t0 = elapsed(&rc);
        part_opts po = {.seed = params->seed,
                        .bound = bound,
                        .clock = elapsed,
                        .clock_user = &rc,
                        .deadline_s = t0 + (params->time_limit_s - searches.spent_s)};
        if (!searches.lanes[1])
            searches.lanes[1] = dispatch_new_like(d);
        st = searches.lanes[1] ? part_first(m, searches.lanes, &po, &best, &searches.cut_short) : SORTIE_ENOMEM;
        searches.spent_s += elapsed(&rc) - t0;
    }
    free(searches.early_guide);
    free(searches.late_guide);
    second = searches.lanes[1];
    if (st != SORTIE_OK)
        goto done;
    bool cut_short = searches.cut_short;
    closure = sched_closure(best);
    if (closure < bound) {
        /* A valid plan closes before what the LP claimed: the LP's
         * relaxation was wrong on this scenario, so it proves nothing here
         * and the combinatorial bound (a relaxation checked on its own)
         * stands. A bound must never pass a valid plan. */
        bound = bi.value;
        snprintf(binding, sizeof binding, "%s", bi.why);
    }
    if (params->deep_bound && closure > bound) {
        st = airfield_bounds(m, d, best, &bound, binding, sizeof binding);
        if (st != SORTIE_OK)
            goto done;
    }
    best->bound = bound;
    snprintf(best->binding, sizeof best->binding, "%s", binding);
    best->outcome = closure <= bound ? "optimal" : cut_short ? "time_limit" : "feasible";
    if (params->exact && closure > bound) {
        /* The MIP starts from the best plan and its bound; it answers with a
         * plan no worse and the bound it proved. */
        sched *ex = NULL;
        char why[256] = "";
        sortie_status est = exact_solve_why(m, params, best, &ex, why, sizeof why);
        if (est == SORTIE_ENOMEM) {
            st = est;
            goto done;
        }
        if (est != SORTIE_OK) {
            diag_add(diag, "exact mode not used: %s", why[0] ? why : sortie_strerror(est));
        } else {
            minute_t ex_closure = sched_closure(ex);
            minute_t ex_bound = ex->bound > bound && ex->bound <= ex_closure ? ex->bound : bound;
            if (ex_closure <= closure) {
                const char *outcome = ex->outcome;
                sched_free(best);
                best = ex;
                closure = ex_closure;
                best->outcome = ex_bound >= closure ? "optimal" : outcome ? outcome : "time_limit";
            } else {
                sched_free(ex);
            }
            if (ex_bound > bound) {
                bound = ex_bound;
                snprintf(binding, sizeof binding, "the exact model's proof (time-indexed MIP)");
            }
            best->bound = bound;
            snprintf(best->binding, sizeof best->binding, "%s", binding);
            if (closure <= bound)
                best->outcome = "optimal";
        }
    }
    /* Wall-clock time stays out of the plan, which must be the same byte for
     * byte on every run; the command line reports it. */
    best->seconds = 0;
    st = sched_to_plan(best, out);
done:
    if (st == SORTIE_ENOMEM)
        diag_add(diag, "out of memory while planning");
    sched_free(best);
    dispatch_free(d);
    dispatch_free(second);
    bound_info_free(&bi);
    diag_give(diag, diag_out);
    return st;
}

/* ---------------------------------------------------------------- summary */

/* The delivery that closes the plan: the first leg (in the plan's order)
 * that lands a load at its destination at closure, and how many others
 * land one then. */
typedef struct {
    const plan_aircraft *aircraft; /* NULL: nothing delivered */
    const plan_leg *leg;
    const char *req;               /* the load's first requirement */
    int others;
} closing;

static closing find_closing(const sortie_plan *p)
{
    closing c = {0};
    for (size_t a = 0; a < p->n_aircraft; a++)
        for (size_t i = 0; i < p->aircraft[a].n_legs; i++) {
            const plan_leg *g = &p->aircraft[a].legs[i];
            const plan_load *pl = g->load && g->arr == p->closure ? plan_find_load(p, g->load) : NULL;
            if (!pl || strcmp(pl->to, g->to) != 0)
                continue;
            if (c.aircraft) {
                c.others++;
                continue;
            }
            c.aircraft = &p->aircraft[a];
            c.leg = g;
            c.req = pl->n_items > 0 ? pl->items[0].req : pl->n_pax > 0 ? pl->pax[0].req : NULL;
        }
    return c;
}

typedef struct {
    int sorties;
    long pax;
    double kg;
} op_total;

static sortie_status operator_totals(const sortie_model *m, const sortie_plan *p, op_total *tot)
{
    for (int o = 0; o < m->n_operators; o++)
        tot[o] = (op_total){0};
    for (size_t a = 0; a < p->n_aircraft; a++) {
        const plan_aircraft *pa = &p->aircraft[a];
        int f = model_fleet_index(m, pa->fleet);
        if (f < 0)
            continue;
        op_total *t = &tot[m->fleets[f].operator_index];
        for (size_t i = 0; i < pa->n_legs; i++) {
            const plan_leg *g = &pa->legs[i];
            if (!g->load)
                continue;
            /* A load counts once, on the leg that lands at its destination. */
            const plan_load *pl = plan_find_load(p, g->load);
            if (!pl || strcmp(pl->to, g->to) != 0)
                continue;
            t->sorties++;
            t->kg += pl->weight_kg;
            for (size_t x = 0; x < pl->n_pax; x++)
                t->pax += pl->pax[x].n;
        }
    }
    return SORTIE_OK;
}

static char *text_append(char *buf, size_t *len, size_t *cap, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static char *text_append(char *buf, size_t *len, size_t *cap, const char *fmt, ...)
{
    if (!buf)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        free(buf);
        return NULL;
    }
    if (*len + (size_t)n + 1 > *cap) {
        size_t c = (*cap + (size_t)n + 1) * 2;
        char *b = realloc(buf, c);
        if (!b) {
            free(buf);
            return NULL;
        }
        buf = b;
        *cap = c;
    }
    va_start(ap, fmt);
    vsnprintf(buf + *len, *cap - *len, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
    return buf;
}

static char *summary_plain(const sortie_model *m, const sortie_plan *p, const occ_busiest *bz, const occ_spots *sp,
                           const op_total *tot)
{
    size_t len = 0, cap = 1024;
    char *b = malloc(cap);
    if (!b)
        return NULL;
    b[0] = '\0';
    char closure[18], bound[18];
    time_format(p->closure, closure);
    time_format(p->lower_bound, bound);
    double days = (double)(p->closure - m->start) / MINUTES_PER_DAY;
    double gap = sched_gap(m->start, p->lower_bound, p->closure);
    b = text_append(b, &len, &cap, "scenario      %s\n", p->scenario ? p->scenario : "");
    b = text_append(b, &len, &cap, "closure       %s (%.2f days after start)\n", closure, days);
    b = text_append(b, &len, &cap, "lower bound   %s (gap %.1f%%%s)\n", bound, gap * 100,
                    p->outcome && strcmp(p->outcome, "optimal") == 0 ? ", proved optimal" : "");
    b = text_append(b, &len, &cap, "loaded legs   %d\n", p->loaded_legs);
    b = text_append(b, &len, &cap, "flight hours  %.1f\n", p->flight_h);
    b = text_append(b, &len, &cap, "late          %d of %zu requirements\n", p->late, p->n_requirements);
    if (p->binding && p->binding[0])
        b = text_append(b, &len, &cap, "binds         %s\n", p->binding);
    if (bz->airfield >= 0) {
        if (bz->mog >= 0)
            b = text_append(b, &len, &cap, "busiest       %s: %d on the ground at peak, MOG %d\n",
                            m->airfields[bz->airfield].src->id, bz->peak, bz->mog);
        else
            b = text_append(b, &len, &cap, "busiest       %s: %d on the ground at peak, no MOG\n",
                            m->airfields[bz->airfield].src->id, bz->peak);
    }
    if (sp->airfield >= 0) {
        b = text_append(b, &len, &cap,
                        "spots         %s (MOG %d): %d stays, %.0f%% of its spots from first landing to last take-off",
                        m->airfields[sp->airfield].src->id, sp->mog, sp->stays, sp->used * 100);
        if (sp->least_takeoffs > 0)
            b = text_append(b, &len, &cap, "; %d loaded take-offs (its loads fit in %d at the least)",
                            sp->loaded_takeoffs, sp->least_takeoffs);
        b = text_append(b, &len, &cap, "\n");
    }
    closing c = find_closing(p);
    if (c.aircraft) {
        char arr[18];
        time_format(c.leg->arr, arr);
        b = text_append(b, &len, &cap, "closes        %s %s-%s on %s, landing %s", c.req ? c.req : "(empty load)",
                        c.leg->from, c.leg->to, c.aircraft->id, arr);
        if (c.others > 0)
            b = text_append(b, &len, &cap, " (and %d more landing then)", c.others);
        b = text_append(b, &len, &cap, "\n");
    }
    for (int o = 0; o < m->n_operators; o++)
        b = text_append(b, &len, &cap, "%-13s %s: %d sorties, %ld pax, %.1f t\n", o == 0 ? "by operator" : "",
                        m->operators[o], tot[o].sorties, tot[o].pax, tot[o].kg / 1000.0);
    return b;
}

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed;
} dump_buf;

/* jansson writes through this into our own malloc'd buffer, so the text is
 * the caller's to sortie_free whatever allocator jansson was given. */
static int dump_feed(const char *chunk, size_t size, void *user)
{
    dump_buf *d = user;
    if (d->len + size + 2 > d->cap) {
        size_t cap = (d->cap + size + 2) * 2;
        char *b = realloc(d->buf, cap);
        if (!b) {
            d->failed = true;
            return -1;
        }
        d->buf = b;
        d->cap = cap;
    }
    memcpy(d->buf + d->len, chunk, size);
    d->len += size;
    return 0;
}

static char *summary_json(const sortie_model *m, const sortie_plan *p, const occ_busiest *bz, const occ_spots *sp,
                          const op_total *tot)
{
    char closure[18], bound[18];
    time_format(p->closure, closure);
    time_format(p->lower_bound, bound);
    json_t *o = json_object();
    json_t *ops = json_array();
    char *text = NULL;
    if (!o || !ops)
        goto fail;
    int bad = 0;
    bad |= json_object_set_new(o, "scenario", json_string(p->scenario ? p->scenario : ""));
    bad |= json_object_set_new(o, "closure", json_string(closure));
    bad |= json_object_set_new(o, "closure_days",
                               json_real(round((double)(p->closure - m->start) / MINUTES_PER_DAY * 1000) / 1000));
    bad |= json_object_set_new(o, "lower_bound", json_string(bound));
    bad |= json_object_set_new(o, "gap", json_real(round(sched_gap(m->start, p->lower_bound, p->closure) * 1e6) / 1e6));
    bad |= json_object_set_new(o, "loaded_legs", json_integer(p->loaded_legs));
    bad |= json_object_set_new(o, "flight_h", json_real(round(p->flight_h * 100) / 100));
    bad |= json_object_set_new(o, "late", json_integer(p->late));
    bad |= json_object_set_new(o, "binding", json_string(p->binding ? p->binding : ""));
    bad |= json_object_set_new(o, "outcome", json_string(p->outcome ? p->outcome : ""));
    if (bz->airfield >= 0) {
        json_t *bo = json_object();
        if (!bo)
            goto fail;
        bad |= json_object_set_new(o, "busiest", bo);
        bad |= json_object_set_new(bo, "airfield", json_string(m->airfields[bz->airfield].src->id));
        bad |= json_object_set_new(bo, "peak", json_integer(bz->peak));
        bad |= json_object_set_new(bo, "mog", bz->mog >= 0 ? json_integer(bz->mog) : json_null());
    } else {
        bad |= json_object_set_new(o, "busiest", json_null());
    }
    if (sp->airfield >= 0) {
        json_t *so = json_object();
        if (!so)
            goto fail;
        bad |= json_object_set_new(o, "spots", so);
        bad |= json_object_set_new(so, "airfield", json_string(m->airfields[sp->airfield].src->id));
        bad |= json_object_set_new(so, "mog", json_integer(sp->mog));
        bad |= json_object_set_new(so, "stays", json_integer(sp->stays));
        bad |= json_object_set_new(so, "used", json_real(round(sp->used * 1000) / 1000));
        bad |= json_object_set_new(so, "loaded_takeoffs", json_integer(sp->loaded_takeoffs));
        bad |= json_object_set_new(so, "least_takeoffs",
                                   sp->least_takeoffs > 0 ? json_integer(sp->least_takeoffs) : json_null());
    } else {
        bad |= json_object_set_new(o, "spots", json_null());
    }
    closing c = find_closing(p);
    if (c.aircraft) {
        char arr[18];
        time_format(c.leg->arr, arr);
        json_t *co = json_object();
        if (!co)
            goto fail;
        bad |= json_object_set_new(o, "closes", co);
        bad |= json_object_set_new(co, "requirement", c.req ? json_string(c.req) : json_null());
        bad |= json_object_set_new(co, "from", json_string(c.leg->from));
        bad |= json_object_set_new(co, "to", json_string(c.leg->to));
        bad |= json_object_set_new(co, "aircraft", json_string(c.aircraft->id));
        bad |= json_object_set_new(co, "arrival", json_string(arr));
        bad |= json_object_set_new(co, "others", json_integer(c.others));
    } else {
        bad |= json_object_set_new(o, "closes", json_null());
    }
    bad |= json_object_set(o, "operators", ops);
    for (int k = 0; k < m->n_operators; k++) {
        json_t *e = json_object();
        if (!e)
            goto fail;
        bad |= json_array_append_new(ops, e);
        bad |= json_object_set_new(e, "operator", json_string(m->operators[k]));
        bad |= json_object_set_new(e, "sorties", json_integer(tot[k].sorties));
        bad |= json_object_set_new(e, "pax", json_integer(tot[k].pax));
        bad |= json_object_set_new(e, "tonnes", json_real(round(tot[k].kg / 100.0) / 10.0));
    }
    if (!bad) {
        dump_buf db = {0};
        if (json_dump_callback(o, dump_feed, &db, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) ==
                0 &&
            !db.failed && db.buf) {
            db.buf[db.len++] = '\n';
            db.buf[db.len] = '\0';
            text = db.buf;
        } else {
            free(db.buf);
        }
    }
fail:
    json_decref(ops);
    json_decref(o);
    return text;
}

sortie_status sortie_plan_summary_text(const sortie_model *model, const sortie_plan *plan, int as_json, char **out)
{
    *out = NULL;
    if (!model || !plan)
        return SORTIE_EINPUT;
    occ_busiest bz;
    occ_spots sp;
    op_total *tot = calloc(model->n_operators > 0 ? (size_t)model->n_operators : 1, sizeof *tot);
    if (!tot || occupancy_busiest(model, plan, &bz) != SORTIE_OK || occupancy_spots(model, plan, &sp) != SORTIE_OK ||
        operator_totals(model, plan, tot) != SORTIE_OK) {
        free(tot);
        return SORTIE_ENOMEM;
    }
    char *text = as_json ? summary_json(model, plan, &bz, &sp, tot) : summary_plain(model, plan, &bz, &sp, tot);
    free(tot);
    if (!text)
        return SORTIE_ENOMEM;
    *out = text;
    return SORTIE_OK;
}
