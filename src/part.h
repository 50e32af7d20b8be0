/*
 * part: the part of a scenario that decides its closure, planned on its
 * own first, and the rest built around it. The requirement delivered last
 * names it: the operators that may carry that requirement, closed under
 * the requirements restricted to operators among which one of them is
 * (their carriers rule); its requirements are those restricted to such
 * operators, its tails those such operators fly. A construction and a
 * search plan the part alone (dispatch_knobs.only_reqs, only_tails); each
 * of its tails then keeps its sorties from its first on, and a
 * construction and a search build everything else around them
 * (dispatch_run_around): the part's tails fill the time before their kept
 * sorties and go on after them, the other tails do the rest. Where one
 * group of operators' fleets closes the plan, the greedy shares their time
 * between their own loads and the others' badly; planned first, their own
 * loads get their cycles.
 */
#ifndef SORTIE_PART_H
#define SORTIE_PART_H

#include "dispatch.h"
#include "improve.h"

/* Steps of each lane in each of the two searches (psearch.h). */
#define PART_STEPS 500

typedef struct {
    uint64_t seed;
    minute_t bound;             /* a proved bound: the searches stop there */
    double (*clock)(void *user);/* the caller's clock in seconds; NULL: no cap */
    void *clock_user;
    double deadline_s;          /* with clock: the searches stop there (*cut_short) */
} part_opts;

/*
 * Plans the part *best's last delivery names first and the rest around it,
 * constructions on lanes[0], searches on both lanes (lanes[1] may be NULL:
 * one lane); *best (owned by the caller) becomes the plan built when
 * it delivers better (fewer requirements late, or an earlier closure). A
 * scenario whose last requirement any operator may carry, or whose part
 * is all of it, is left as it is. *cut_short is set when the clock stopped
 * a search. SORTIE_ENOMEM when out of memory (*best unchanged).
 */
sortie_status part_first(const sortie_model *m, dispatch *const lanes[2], const part_opts *o, sched **best,
                         bool *cut_short);

#endif
