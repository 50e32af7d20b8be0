/*
 * bound: combinatorial lower bounds on closure (DESIGN.md, "Lower bound"),
 * each a relaxation of FORMAT.md's rules, so that no valid plan closes
 * before the largest of them:
 *
 *  - paths and cycles: for a group of requirements (one alone, one route,
 *    the requirements only certain fleets may carry, all of them), every
 *    aircraft that may carry them delivers at best on a fixed sequence of
 *    times (first from its base, then round trip after round trip, hours,
 *    ground times and fuel stops included, MOG ignored, and only while it
 *    can still get home by the end of its availability); the group closes
 *    no earlier than the first time those deliveries can cover its
 *    passengers, weight, floor area and each cargo line;
 *  - airfields: where a MOG counts every carrier (none is based there), the
 *    sorties that must leave an origin (or land at a destination) fill at
 *    most MOG parallel "tracks" of back-to-back ground times, with take-offs
 *    pushed into opening hours.
 *
 * The LP bound (lpbound.h) is added by the planner on top.
 */
#ifndef SORTIE_BOUND_H
#define SORTIE_BOUND_H

#include "model.h"

typedef struct {
    minute_t value;          /* no valid plan closes before it (absolute minutes) */
    char why[256];           /* what binds it, one sentence */
    minute_t *req;           /* per requirement: no valid plan delivers it before (n_reqs entries) */
    char **late;             /* messages for groups that cannot close within the horizon */
    int n_late;
} bound_info;

/* Computes every bound. On SORTIE_OK *b owns its arrays (bound_info_free). */
sortie_status bound_compute(const sortie_model *m, bound_info *b);
void bound_info_free(bound_info *b);

#endif
