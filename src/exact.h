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

/*
 * The same, and on failure a sentence for the user in `why` (if not NULL):
 * SORTIE_EINPUT names what puts the scenario outside exact mode (an airfield
 * both origin and destination, a leg that needs a fuel stop, too many
 * sortie slots or binaries for the solver to prove anything in seconds).
 */
sortie_status exact_solve_why(const sortie_model *m, const sortie_params *params, const sched *incumbent,
                              sched **out, char *why, size_t why_len);

#endif
