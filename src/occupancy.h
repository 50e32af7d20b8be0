/*
 * occupancy: how a plan uses the airfields' parking spots, for its summary.
 * The busiest airfield is the one whose peak on the ground stands highest
 * against its MOG. The airfield whose spots the plan spends most is the one
 * whose stays would take the longest packed one after another on its
 * spots (stay minutes / MOG); for it, how much of its spots the stays take
 * between its first landing and last take-off, and the loaded take-offs
 * the plan makes there against the fewest whole sorties its loads could go
 * in (routecut.h: the best-suited types, as if there were enough of them).
 * Stays count as rule 6 does: from landing to the next take-off, aircraft
 * based there left out.
 */
#ifndef SORTIE_OCCUPANCY_H
#define SORTIE_OCCUPANCY_H

#include "model.h"
#include "plan.h"

typedef struct {
    int airfield;            /* -1: no aircraft stands anywhere */
    int peak;                /* most on the ground at once */
    int mog;                 /* -1: no MOG */
} occ_busiest;

typedef struct {
    int airfield;            /* -1: no airfield with a MOG has a stay */
    int mog;
    int stays;
    double used;             /* stay minutes over MOG x (last take-off - first landing) */
    int loaded_takeoffs;     /* legs leaving it with a load that starts there */
    int least_takeoffs;      /* the fewest whole sorties its loads need (routecut) */
} occ_spots;

/* Into *out. SORTIE_ENOMEM when out of memory. */
sortie_status occupancy_busiest(const sortie_model *m, const sortie_plan *p, occ_busiest *out);

/* Into *out. SORTIE_ENOMEM when out of memory; when GLPK fails on the
 * route cuts, least_takeoffs is 0 (unknown). */
sortie_status occupancy_spots(const sortie_model *m, const sortie_plan *p, occ_spots *out);

#endif
