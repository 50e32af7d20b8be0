/*
 * improve: large neighbourhood search over dispatch schedules (DESIGN.md,
 * "Improve"). Each step keeps a prefix of the best schedule (everything
 * before a cut near the end of the plan, or everything but the late part of
 * the aircraft that close it or that use the busiest airfield), rebuilds the
 * rest with dispatch.c under randomised choices, and keeps the result when
 * the objective (late requirements, then closure, then loaded legs, then
 * flight minutes) is no worse.
 *
 * Determinism: the result depends only on the model, the seed and the
 * budget. The budget counts work, not time: candidate sorties timed by the
 * dispatcher (dispatch_work), the same on every run and machine; the wall
 * clock only cuts the search short (reported as such), it never decides
 * what is chosen.
 */
#ifndef SORTIE_IMPROVE_H
#define SORTIE_IMPROVE_H

#include "dispatch.h"
#include "rng.h"

typedef struct {
    uint64_t seed;
    long iterations;            /* > 0: at most that many steps; the work budget holds either way */
    double deadline_s;          /* wall-clock cap, seconds on the caller's clock; <= 0: none */
    double (*clock)(void *user);/* the caller's clock in seconds; NULL: no cap */
    void *clock_user;
    minute_t bound;             /* stop at once when closure reaches it */
    void (*improved)(const sched *best, void *user); /* may be NULL */
    void *improved_user;
    /* A search in parts: what the earlier parts spent of the default budget
     * (steps and dispatch_work units; 0 for the first), and the generator
     * they drew from, which this part goes on drawing from (NULL: its own,
     * seeded with `seed`). Parts that follow each other with nothing changed
     * in between make the same search as one. */
    long steps_before, work_before;
    rng *random;
    /* What one fresh construction costs, in dispatch_work units (0: half
     * the dispatcher's work before the search, the planner's ordinary and
     * patient constructions): a dispatcher other than the one that built
     * the first schedule cannot tell. */
    long construct_work;
    /* The budget (work and steps) times this, up to IMPROVE_MAX_SCALE;
     * <= 1 (or not a number): the default budget. The planner passes
     * sortie_params.effort. */
    double budget_scale;
    /* Per requirement and per tail, NULL: all; else the search moves only
     * the requirements marked with only the tails marked (dispatch_knobs'
     * only_reqs and only_tails, in every step): a part of the scenario
     * planned on its own. */
    const bool *only_reqs, *only_tails;
    /* Per tail, NULL: none; else every step keeps, as dispatch_run_around
     * does, `part`'s sorties of each tail from its first at or after
     * anchor[t] on (SLOT_NEVER: none), and rebuilds what the tail does
     * before and after them: a search around a part planned first. */
    const minute_t *anchor;
    const sched *part;
} improve_opts;

/* The default budget: IMPROVE_WORK candidate sorties timed, at most
 * IMPROVE_MAX_STEPS steps. Timing a candidate costs 0.2-0.5 us on the
 * generated S and M scenarios and about 1 us on L here (2 cores), so this
 * is 0.5-1.3 s of search on S and M, within the default two-second limit
 * with room for a slower machine, and a few seconds on L, where the limit
 * cuts it. */
#define IMPROVE_WORK 2500000L
/* Where steps average less work than this, the search goes on past
 * IMPROVE_WORK up to IMPROVE_MAX_STEPS steps (5 million at most, about a
 * second on the S scenarios and the built-in example, whose proofs of
 * optimality need up to 5,000 steps with some seeds). */
#define IMPROVE_CHEAP_STEP 1000L
#define IMPROVE_MAX_STEPS 5000
/* The strict steps' ratio (dispatch_knobs.strict): a type bringing less
 * than half of what the best may bring per spot-minute keeps off short spots. */
#define IMPROVE_STRICT 2.0
/* The pace steps' weight (dispatch_knobs.pace): a fleet ahead of its
 * guide's share of a short airfield's sorties pays three times more there. */
#define IMPROVE_PACE 3.0
/* A fresh construction is only a step when it costs at most this share of
 * IMPROVE_WORK (on L one costs more than the whole budget). */
#define IMPROVE_RESTART_SHARE 0.125
/* The largest budget_scale honoured: a budget beyond any time limit. */
#define IMPROVE_MAX_SCALE 1e6

/* The objective, most important first; smaller is better. */
typedef struct {
    int late;
    minute_t closure;
    int loaded_legs;
    long flight_min;
} improve_obj;

void improve_objective(const sched *s, improve_obj *out);
/* <0 when a is better than b, 0 equal, >0 worse. */
int improve_compare(const improve_obj *a, const improve_obj *b);
/* Keeps the better of *best (may be NULL) and cand by improve_compare,
 * *best on a tie, and frees the other. */
void improve_keep_better(sched **best, sched *cand);
/* a delivers better than b: fewer requirements late, or as many and an
 * earlier closure (improve_compare's first two keys: a construction that
 * only ties them does not replace the plan in hand). */
bool improve_delivers_better(const sched *a, const sched *b);

/*
 * Improves *best in place (replacing it by a better schedule, the old one
 * freed). *cut_short tells whether the clock stopped the search before its
 * budget; *next_step (may be NULL) is the number the next step would have
 * had: short of steps_before + iterations when the budget, the bound or the
 * clock stopped it. SORTIE_ENOMEM leaves *best a valid schedule.
 */
sortie_status improve_run(const sortie_model *m, dispatch *d, sched **best, const improve_opts *o, bool *cut_short,
                          long *next_step);

/* The largest number of steps a search with options o may take in all. */
long improve_max_steps(const improve_opts *o);

/* What one fresh construction costs by dispatcher d for a search with
 * options o: o->construct_work, or else half the work d did before the
 * search (the planner's ordinary and patient constructions). */
long improve_construct_work(const dispatch *d, const improve_opts *o);
/* Whether a fresh construction is cheap enough to be one of the search's
 * steps (at most IMPROVE_RESTART_SHARE of the budget); false on L. */
bool improve_restarts_pay(const dispatch *d, const improve_opts *o);

#endif
