/*
 * bisect: the smallest trial closure a relaxation admits, found by probing
 * it at trial closures (lpbound and tibound share it). From a proved bound
 * lo it gallops up (steps doubling from 1/64 of the range), checks hi (a
 * valid plan's closure, which a valid relaxation must admit) and bisects.
 * Galloping first pays because the answer usually lies near lo and a
 * re-solve is cheap when the trial moves little. Also the probe both LPs
 * make: GLPK's simplex within a deterministic work budget.
 */
#ifndef SORTIE_BISECT_H
#define SORTIE_BISECT_H

#include "timeutil.h"

#include "sortie.h"

#include <glpk.h>

typedef enum { PROBE_FEASIBLE, PROBE_REFUTED, PROBE_ERROR, PROBE_BUDGET } probe;

/* Runs GLPK's simplex on lp with parm within *work_left (iterations x rows
 * / 1000: an iteration costs about in proportion to the rows), which it
 * decreases by what it spends; counting iterations, not seconds, keeps
 * the answer the same on every run and machine. GLP_EITLIM when nothing is
 * left, else glp_simplex's code. */
int bisect_simplex(glp_prob *lp, glp_smcp *parm, double *work_left);

/* Solves lp (its trial closure set) as a probe, with the simplex `method`
 * (GLP_PRIMAL or GLP_DUALP), within *work_left; once more from a standard
 * basis when the basis went bad after many changes. */
probe bisect_probe(glp_prob *lp, int method, double *work_left);

/* Asks the relaxation whether some plan could close by T. */
typedef probe (*probe_fn)(void *user, minute_t T);

/*
 * Probes lo first: unless refuted, *out = lo and *refuted = false (nothing
 * proved). Otherwise *refuted = true, *last_refuted is the latest closure
 * refuted, and *out the smallest closure not refuted (to the minute), or
 * *last_refuted + 1 when a probe ran out of its budget.
 * SORTIE_ESOLVER: a probe failed. SORTIE_EINTERNAL: hi was refuted, which
 * a valid relaxation never does. *out is lo in both.
 */
sortie_status bisect_closure(minute_t lo, minute_t hi, probe_fn ask, void *user, minute_t *out, bool *refuted,
                             minute_t *last_refuted);

#endif
