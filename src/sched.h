/*
 * sched: the planner's own working solution, in model indices: each tail's
 * legs and each load's pieces. The construction, the improvement search and
 * the exact solver all produce a sched; sched_to_plan turns it into the
 * FORMAT.md plan (ids, delivery times, summary). Implemented in sched.c.
 */
#ifndef SORTIE_SCHED_H
#define SORTIE_SCHED_H

#include "model.h"
#include "plan.h"

typedef struct {
    int from, to;            /* airfield indices */
    minute_t dep, arr;
    int load;                /* index into sched.loads, -1 when empty */
} sched_leg;

typedef struct {
    sched_leg *legs;
    int n_legs, cap_legs;
} sched_tail;

typedef struct {
    int req;                 /* requirement index */
    int line;                /* cargo line index, -1 for passengers */
    int n;                   /* passengers or items */
} sched_piece;

typedef struct {
    int from, to;            /* airfield indices: the load's end points */
    int tail;                /* the tail that carries it */
    sched_piece *pieces;
    int n_pieces, cap_pieces;
    double weight_kg;
} sched_load;

typedef struct {
    const sortie_model *m;
    sched_tail *tails;       /* m->n_tails entries */
    sched_load *loads;
    int n_loads, cap_loads;
    minute_t bound;          /* proved lower bound on closure (absolute minutes) */
    char binding[256];       /* what binds closure, one sentence */
    const char *outcome;     /* "optimal", "feasible", "time_limit" (static string) */
    double seconds;          /* planning time */
} sched;

/* A new empty schedule for model m (no legs, no loads), or NULL. */
sched *sched_new(const sortie_model *m);
void sched_free(sched *s);
/* A deep copy, or NULL when out of memory. */
sched *sched_clone(const sched *s);

/* Appends a leg to tail t; returns false when out of memory. */
bool sched_add_leg(sched *s, int tail, sched_leg leg);
/* Appends an empty load and returns its index, or -1 when out of memory. */
int sched_add_load(sched *s, int from, int to, int tail);
/* Adds n passengers (line -1) or n items of a cargo line of requirement req
 * to load l and its weight; false when out of memory. */
bool sched_add_piece(sched *s, int load, int req, int line, int n);

/* Appends to dst a copy of src's load l (same model), carried by `tail`;
 * its index, or -1 when out of memory. */
int sched_copy_load(sched *dst, const sched *src, int l, int tail);

/* The first leg, after leg `after` (-1: from the first), of a loaded
 * sortie of tail t taking off at or after `from`, or -1. */
int sched_first_sortie(const sched_tail *t, int after, minute_t from);

/* A copy of s in which each tail t with anchor[t] < SLOT_NEVER ends with
 * `part`'s legs from the first of its loaded take-offs at or after
 * anchor[t] (with copies of their loads), where s flies those same legs
 * from its own first such take-off on: what s has the tail do after them
 * is dropped. Other tails (and those that no longer fly part's legs) are
 * copied as they are. NULL when out of memory; the caller frees it. */
sched *sched_with_suffixes(const sched *s, const sched *part, const minute_t *anchor);

/* Closure: the latest arrival of the last leg of any load (absolute minutes);
 * start when there are no loads. */
minute_t sched_closure(const sched *s);

/* The gap closure / bound - 1 on durations from start; 0 when closure <= bound,
 * 1 (100%) when the bound proves nothing (bound <= start < closure). */
double sched_gap(minute_t start, minute_t bound, minute_t closure);

/* Builds the FORMAT.md plan: aircraft (only tails with legs), loads, each
 * requirement's delivery (the arrival of its last piece), the summary.
 * *out is owned by the caller (sortie_plan_free). */
sortie_status sched_to_plan(const sched *s, sortie_plan **out);

#endif
