/*
 * exact: the time-indexed MIP for small scenarios (sortie plan --exact),
 * solved with GLPK's branch and cut. Proves the optimum on small cases and
 * serves as the peer the heuristic is measured against.
 */
#ifndef SORTIE_EXACT_H
#define SORTIE_EXACT_H

#include "sched.h"

/*
 * Solves the scenario exactly within params->time_limit_s. `incumbent`
 * (may be NULL) is a valid schedule used as the starting solution.
 * On SORTIE_OK *out is a new valid schedule (owned by the caller) with its
 * `bound` set to the solver's proved bound and `outcome` to "optimal" or
 * "time_limit"; a schedule no better than the incumbent may be returned as
 * a copy of it.
 */
sortie_status exact_solve(const sortie_model *m, const sortie_params *params, const sched *incumbent,
                          sched **out);

#endif
