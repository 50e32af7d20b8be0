/*
 * lpbound: the LP capacity bound on closure (DESIGN.md, "Lower bound"):
 * for a trial closure T, an LP over round trips per fleet and route must
 * cover every route's passengers, weight and floor area within each fleet's
 * available time and each airfield's MOG x open minutes before T; a binary
 * search finds the smallest T it admits. Solved with GLPK.
 */
#ifndef SORTIE_LPBOUND_H
#define SORTIE_LPBOUND_H

#include "model.h"

/*
 * Finds the smallest closure T in [lo, hi] (absolute minutes) that the LP
 * admits, to the minute. `lo` is a bound already proved (returned when the
 * LP proves nothing better); `hi` a valid plan's closure. On SORTIE_OK *out
 * holds T and `why` (if not NULL) a sentence naming what binds at T - 1
 * (a fleet's cycles, an airfield's MOG or hours). On very large scenarios
 * the simplex work is capped (deterministically, by iterations): T is then
 * one minute after the last closure the LP refuted, still a proved bound.
 * SORTIE_EINTERNAL: the LP refuted hi itself, which a valid relaxation
 * never does; *out is lo. SORTIE_ESOLVER: GLPK failed; *out is lo.
 * Plain data in, no state kept: the result is the same on every run.
 */
sortie_status lpbound_closure(const sortie_model *m, minute_t lo, minute_t hi, minute_t *out, char *why,
                              size_t why_len);

/*
 * lpbound_closure, and `guide` (n_fleets x n_reqs, owned by the caller; may
 * be NULL): when the LP proved more than lo, its solution per fleet f and
 * requirement r at [f * n_reqs + r], in sorties, at the closure it proves
 * without its step rows (docs/bound.md), which then may raise *out. The LP counts
 * sorties per class of fleets (one type, base and operator) and route: a
 * class's are shared among its fleets by their aircraft, and a route's
 * among the requirements on it that the fleet may carry, by their weight.
 * Otherwise (nothing proved, or the LP's work budget spent) `guide` is
 * left as it was and *guided is false.
 */
sortie_status lpbound_closure_guide(const sortie_model *m, minute_t lo, minute_t hi, minute_t *out, char *why,
                                    size_t why_len, double *guide, bool *guided);

#endif
