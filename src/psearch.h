/*
 * psearch: the improvement search (improve.h) on two threads. Each lane has
 * its own dispatcher and generator; both search from the same best
 * schedule in rounds of PSEARCH_ROUND steps, and after every round both go
 * on from the better of their two results (the first lane's when they are
 * equal). Rounds end at step counts, never on the clock, so the plan
 * depends only on the model, the seed and the budget, as with one lane;
 * each lane spends the whole work budget, so on two cores the search does
 * twice the work in the same time.
 */
#ifndef SORTIE_PSEARCH_H
#define SORTIE_PSEARCH_H

#include "improve.h"

/* Steps each lane takes between two comparisons. */
#define PSEARCH_ROUND 50

/* The second lane's generator: the first's seed mixed with this. */
#define PSEARCH_SECOND_SEED 0x5eed0f5ec0d1a4e5ULL

/*
 * Improves *best in place, as improve_run does with lanes[0] and
 * o->random, beside a second lane on lanes[1] (a dispatcher for the same
 * model, guided alike) with its own generator. o->improved is called from
 * the calling thread after the rounds that improve. Where a thread cannot
 * be started, the lanes take turns on the calling thread: the same plan,
 * in twice the time. *cut_short and the status as for improve_run.
 */
sortie_status psearch_run(const sortie_model *m, dispatch *const lanes[2], sched **best, const improve_opts *o,
                          bool *cut_short);

#endif
