/*
 * tibound: the time-indexed LP bound on closure (docs/bound.md, "The
 * time-indexed bound"). Time is cut into buckets; each fleet's aircraft
 * flow through (airfield, bucket) nodes along loaded and empty legs whose
 * lengths are rounded down to whole buckets, and every take-off from an
 * airfield with a MOG holds a spot for the buckets its ground time surely
 * covers. Where the capacity LP (lpbound) sees each fleet's time and each
 * airfield's spots as totals over the whole operation, this one sees when:
 * which loads are ready, when a spot is taken, when an airfield is shut.
 * Solved with GLPK; only bounds move with the trial closure.
 */
#ifndef SORTIE_TIBOUND_H
#define SORTIE_TIBOUND_H

#include "model.h"

/*
 * Finds the smallest closure T in [lo, hi] (absolute minutes) that the
 * time-indexed LP admits. `lo` is a bound already proved (returned when the
 * LP proves nothing better, or when the scenario is too large for the LP's
 * column budget even at the coarsest bucket); `hi` a valid plan's closure.
 * The simplex work is capped by iterations, so the result is the same on
 * every run and machine; when the cap is reached *out is one minute after
 * the last closure refuted. On SORTIE_OK `why` (if not NULL) says what the
 * LP counted, or is empty when it proved nothing beyond lo.
 * SORTIE_EINTERNAL: the LP refuted hi itself, which a valid relaxation
 * never does; *out is lo. SORTIE_ESOLVER: GLPK failed; *out is lo.
 * `guide` (may be NULL; n_fleets x n_reqs, owned by the caller): when the
 * LP proved more than lo, the LP's solution at *out, per fleet f and
 * requirement r at [f * n_reqs + r], in sortie-equivalents (kg carried /
 * the fleet's payload); otherwise left as it was.
 * Plain data in, no state kept.
 */
sortie_status tibound_closure(const sortie_model *m, minute_t lo, minute_t hi, minute_t *out, char *why,
                              size_t why_len, double *guide);

/*
 * The same LP over the requirements that leave or reach one airfield alone,
 * with a larger column budget (TIBOUND_AIRFIELD_COLS at any bucket size)
 * and simplex budget (TIBOUND_AIRFIELD_WORK), solved with the dual simplex.
 * Dropping the other loads only removes work, so what it proves holds for
 * the whole scenario; where the whole LP is too large (M and L), the part
 * of one short airfield may fit and sees what the capacity LP cannot: the
 * ready times of its last loads and the cycles of the aircraft that may
 * carry them. Seconds to a minute on M, so only on request (sortie_params
 * `deep_bound`). Results and errors as tibound_closure's, without a guide;
 * `why` names the airfield. Plain data in, no state kept.
 */
#define TIBOUND_AIRFIELD_COLS 100000L
#define TIBOUND_AIRFIELD_WORK 20000000.0
sortie_status tibound_airfield(const sortie_model *m, int airfield, minute_t lo, minute_t hi, minute_t *out,
                               char *why, size_t why_len);

#endif
