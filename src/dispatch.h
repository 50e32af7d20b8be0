/*
 * dispatch: the constructive planner (DESIGN.md, "Dispatch"). Event-driven
 * list scheduling over the airfield timelines of slot.c: the aircraft free
 * earliest is served next; for each route it
 * may carry, the whole sortie is timed (positioning from where it stands,
 * with a fuel stop if out of ferry range; the origin's ground slot, landing
 * as late as possible so that it waits at the previous airfield or its base
 * rather than on a MOG spot; the loaded flight, with a fuel stop if out of
 * range; the destination's ground slot; the way home), the load is packed by
 * load.c, and the choice that delivers the most urgent demand earliest per
 * unit of capacity is committed.
 *
 * Every aircraft always holds a reserved way home (ground time, hours and
 * the slots of any fuel stop), so whatever happens later it can end at its
 * base by min(available_to, horizon end): every schedule built is valid.
 *
 * Where requirements lie in several theatres, each aircraft keeps to the
 * one the fluid plan gives it (regions_build) until it has nothing left to
 * carry there.
 *
 * The same machinery resumes from part of a schedule (the improvement
 * search keeps a prefix of each aircraft's sorties and rebuilds the rest),
 * and from kept later sorties too (dispatch_run_around: a tail's reserved
 * way then leads to the first of them, and the time before is filled).
 */
#ifndef SORTIE_DISPATCH_H
#define SORTIE_DISPATCH_H

#include "rng.h"
#include "sched.h"

typedef struct dispatch dispatch;

/* How choices are made. NULL knobs: the deterministic greedy with default weights. */
typedef struct {
    rng *random;          /* NULL: no randomness */
    double noise;         /* each candidate's cost times 1 + noise * U(-1, 1) */
    const double *route_weight; /* per route (dispatch_route_count), cost multipliers; NULL: all 1 */
    int greedy_key;       /* 0: aircraft free earliest first; 1: next loaded take-off first */
    double urgency;       /* weight of the slowest requirements in a choice (DISPATCH_URGENCY) */
    double guide;         /* weight of the fluid plan in a choice (DISPATCH_GUIDE) */
    double slot;          /* weight of spot efficiency at congested airfields (DISPATCH_SLOT) */
    double explore;       /* with `random`: probability that a choice is any feasible one, drawn uniformly */
    bool shuffle;         /* with `random`: aircraft free at the same minute go in a random order */
    double decline;       /* waste above which an aircraft waits rather than fly (DISPATCH_DECLINE; 0: never) */
    bool own_spots;       /* spot efficiency against the best carrier of the load's own requirements
                           * (not of anything using the airfield): slow carriers cost nothing where
                           * only they may carry */
    int max_waits;        /* times an aircraft may decline before it takes its best choice anyway
                           * (DISPATCH_MAX_WAITS, or DISPATCH_PATIENT_WAITS) */
    double strict;        /* > 0: at an airfield short of spots, a type bringing less than 1/strict
                           * of what the best type that may carry each of the load's requirements
                           * brings per ground minute never flies the load (0: no such rule) */
    bool regions;         /* each aircraft keeps to the region the fluid plan gives it until
                           * nothing is left there for it */
    bool wait_ready;      /* also weigh taking off when the route's next load is ready, if that
                           * is within a ground time of the earliest take-off */
    bool fluid_guide;     /* guided by the fluid plan even when dispatch_set_guide gave another */
    bool strict_idle;     /* with strict: a slow type may still take a short spot that no faster
                           * aircraft could stand on during its stay */
    double stop_avoid;    /* a fuel stop on the spot of an airfield short of spots counts as landing
                           * this many of the type's ground times later, times its congestion
                           * (0, DISPATCH_STOP_AVOID: the stop that lands earliest) */
    bool spot_urgency;    /* a requirement is at least as pressed as its airfields' spots: the
                           * minutes they must stay full for the loads left there, each by the
                           * type that brings most per ground minute (false: its carriers only) */
    bool scarce_first;    /* a load is filled first from the requirements the fewest aircraft may
                           * carry, then by urgency (false: by urgency, priority then due) */
    bool whole_route_seats; /* a load keeps room for the passengers that the route's other loads
                           * could not seat (false: each requirement's, alone) */
    double admit;         /* > 0: at an airfield with a MOG whose loads are not all gone, only fleets
                           * whose pool (type and operator) the guide gives at least this many
                           * sortie-equivalents from or to it fly loads there, but for loads
                           * holding a requirement no such pool may carry; with strict_idle, a
                           * load may still go where no admitted aircraft could stand on the
                           * spot during the stay at any end short of spots (0: no such rule) */
    double pace;          /* > 0: at an airfield short of spots, a fleet ahead of its guide's share
                           * there (its sorties to or from it so far against the guide's, in
                           * proportion to the time elapsed of the fluid closure) pays this many
                           * times more, so that fleets with time to spare leave early spots to
                           * the fleet whose cycles decide closure (0: no such rule) */
    int rivals;           /* > 0: a sortie that takes a spot at a short origin waits for an aircraft
                           * free within this many minutes, of a type bringing more payload per
                           * ground minute, whose best sortie lands there no later and costs less
                           * (0: first free, first served) */
    const bool *only_reqs; /* per requirement, NULL: all; else this run moves only those marked
                           * (what the kept part does not move of the others is left unmoved) */
    const bool *only_tails; /* per tail, NULL: all; else only those marked fly (the others keep
                           * what they keep and nothing more) */
    double (*clock)(void *user); /* the caller's clock in seconds; NULL: the run is never stopped */
    void *clock_user;
    double deadline_s;    /* with clock: a run still going at this time stops (dispatch_run) */
} dispatch_knobs;

/* Pace (knobs->pace): a fleet counts as ahead of its share at an airfield
 * short of spots once it has flown this much more than the guide's
 * sorties there in proportion to the time elapsed of the fluid closure. */
#define DISPATCH_PACE_SLACK 0.1

/* The default weight of urgency: a load of the requirement that would take
 * its carriers longest costs 1 / (1 + DISPATCH_URGENCY) of an ordinary one. */
#define DISPATCH_URGENCY 2.0
/* The default weight of the fluid plan: a load wholly off it costs
 * 1 + DISPATCH_GUIDE times one wholly on it. */
#define DISPATCH_GUIDE 1.0
/* A load filled to a fraction x of the aircraft costs 1 / x^DISPATCH_FILL_EXP. */
#ifndef DISPATCH_FILL_EXP
#define DISPATCH_FILL_EXP 0.5
#endif
/* Each step of priority (1 most urgent) makes a load cost this much more. */
#ifndef DISPATCH_PRIORITY
#define DISPATCH_PRIORITY 0.5
#endif
/* An aircraft whose best choice wastes more than this (spot factor times
 * guide factor) waits DISPATCH_WAIT_MIN, twice that, ... at most
 * DISPATCH_MAX_WAITS times before it takes it anyway. */
#ifndef DISPATCH_DECLINE
#define DISPATCH_DECLINE 3.0
#endif
#define DISPATCH_WAIT_MIN 60
#define DISPATCH_MAX_WAITS 8
/* Patient: waits grow by DISPATCH_WAIT_MIN each time, so 100 of them come
 * to 5,050 hours, longer than any horizon: a wasteful aircraft then only
 * flies once nothing better is left for it. Where one short airfield
 * decides closure (MOG 2 origins), this keeps its spots for the types that
 * bring most per spot-minute; elsewhere it can idle aircraft a plan needs,
 * so the construction tries both and the search draws either. */
#define DISPATCH_PATIENT_WAITS 100
/* Admission (knobs->admit): a pool with at least half a sortie from or to
 * a short airfield in the guide may stand on its spots. */
#define DISPATCH_ADMIT 0.5
/* The default weight of spot efficiency where spots are short. */
#define DISPATCH_SLOT 1.0
/* A loaded flight with a fuel stop on an airfield short of spots costs
 * 1 + slot weight x congestion (at most 1.5) x DISPATCH_STOP_SPOT times more:
 * the stop holds a spot and brings the airfield nothing. On the generated
 * L-1, 25 A400M and C-130J stops at Gao (MOG 2, the plan's bottleneck) on
 * the way from Bamako to Istres took 60 of its spot-hours. An airfield is
 * short of spots only while loads from or to it are left to move. */
#define DISPATCH_STOP_SPOT 3.0
/* Where a leg needs a fuel stop, each stop in range is weighed by when the
 * flight lands plus knobs->stop_avoid x congestion (at most 1.5) x the
 * type's ground time, in minutes, for a stop on the spot of an airfield
 * short of spots. By default (DISPATCH_STOP_AVOID) the stop that lands
 * earliest; the planner's second pair of constructions on S and M goes
 * round short airfields (DISPATCH_STOP_DETOUR). On the generated M-1,
 * Brazilian KC-390s flying empty between Pope Field and Brasilia stopped
 * ten times on San Juan's four spots, the Caribbean's busiest; by Bogota
 * (MOG 8, some 40 minutes longer) the construction closed 115.4 h against
 * 119.8 h. As the default everywhere it made five of the six generated L
 * scenarios 0.1-3.9 points worse (at 1; at 0.25 their constructions
 * closed 2.3% later in all). */
#define DISPATCH_STOP_AVOID 0.0
#define DISPATCH_STOP_DETOUR 1.0
/* With a clock, it is read every this many aircraft served. */
#define DISPATCH_CLOCK_POPS 16

/* The knobs that NULL stands for (deterministic, default weights), with max_waits as given. */
dispatch_knobs dispatch_knobs_default(int max_waits);

/* A dispatcher for model m (buffers sized once), or NULL when out of memory. */
dispatch *dispatch_new(const sortie_model *m);
/* A dispatcher for from's model with from's guides (the fluid plan and any
 * dispatch_set_guide), copied rather than solved again: the same runs as
 * `from`, with no GLPK call (on L the fluid LP takes seconds). NULL when
 * out of memory. The caller frees it (dispatch_free). */
dispatch *dispatch_new_like(const dispatch *from);
void dispatch_free(dispatch *d);

/* Routes: distinct (from, to) pairs of requirements, in order of first appearance. */
int dispatch_route_count(const dispatch *d);
/* The route of requirement r. */
int dispatch_route_of(const dispatch *d, int r);
/* Candidate sorties timed since dispatch_new, every run together: a measure
 * of work that, unlike the clock, is the same on every run and machine. */
long dispatch_work(const dispatch *d);
/* How short of spots airfield a is: the least ground minutes its loads need
 * (each requirement by its carrier bringing most kg per minute on the
 * ground) over its MOG x the fluid plan's closure; 0 without a MOG. */
double dispatch_congestion(const dispatch *d, int a);

/*
 * Builds a schedule. With `keep` (may be NULL), each tail t first keeps the
 * sorties of `keep` whose loaded take-off is before cut[t] (all of them when
 * cut is NULL), dropping later ones, then the rest is dispatched afresh.
 * On SORTIE_OK *out is a new schedule (owned by the caller) that moves every
 * requirement in full; SORTIE_EINFEASIBLE when some demand found no aircraft
 * (*out then holds the partial schedule, and dispatch_left() says what is
 * left); SORTIE_ENOMEM when out of memory (*out NULL). With knobs->clock,
 * a run still going at knobs->deadline_s stops: SORTIE_OK with *out NULL
 * (the search's time limit then cuts a step short rather than wait for
 * it; on the generated L scenarios one step can take seconds).
 */
sortie_status dispatch_run(dispatch *d, const sched *keep, const minute_t *cut, const dispatch_knobs *knobs,
                           sched **out);

/*
 * dispatch_run with anchors (may be NULL): tail t with anchor[t] <
 * SLOT_NEVER also keeps, from `keep`, its sorties from the first whose
 * loaded take-off is at or after anchor[t] (after its kept prefix) to the
 * end, timed as they are; the dispatcher fills the time before them, the
 * tail's reserved way then leading to where the first of them takes off,
 * landing at least a ground time before (its stay there on a spot), and
 * after them the tail goes on from its base. A tail whose kept sorties do
 * not end at its base, or that cannot reach them even from its base, keeps
 * none. Ownership and status as dispatch_run.
 */
sortie_status dispatch_run_around(dispatch *d, const sched *keep, const minute_t *cut, const minute_t *anchor,
                                  const dispatch_knobs *knobs, sched **out);

/* After dispatch_run: true when requirement r still has demand left. */
bool dispatch_left(const dispatch *d, int r);

/* Guides the runs that follow with `target` instead of the fluid plan
 * (unless knobs->fluid_guide): per fleet f and requirement r at
 * [f * n_reqs + r], sortie-equivalents (kg / payload); copied, the caller
 * keeps it. False, and nothing changes, when the dispatcher has no guide
 * (its fluid LP failed) or memory runs out. */
bool dispatch_set_guide(dispatch *d, const double *target);

/* The guide dispatch_set_guide handed in last, or NULL (the fluid plan
 * guides); owned by d, valid until the guide next changes. */
const double *dispatch_guide(const dispatch *d);

/* Forgets the guide handed in: the fluid plan guides the runs that follow. */
void dispatch_clear_guide(dispatch *d);

#endif
