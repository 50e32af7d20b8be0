/*
 * routecut: the least a route's loads need in whole sorties, for the LP
 * bounds (docs/bound.md, "Route cuts"). The LPs carry loads in fractions
 * of sorties: 239 passengers fill 2.06 A400Ms there and three in any plan.
 * For one route and the requirements on it, a small integer program over how many loaded legs each kind of fleet flies
 * there, the loads shared as in the LPs' load rows, gives the fewest legs
 * and the least ground minutes they need. Every valid plan's loaded legs
 * on the route are a solution of it, so either LP may demand as much of
 * its own columns for those legs.
 */
#ifndef SORTIE_ROUTECUT_H
#define SORTIE_ROUTECUT_H

#include "model.h"

typedef struct {
    double sorties;    /* fewest loaded legs */
    double ground_min; /* least sum, over those legs, of their type's ground minutes */
} routecut;

/*
 * The least the loaded legs from airfield o to d, carrying the requirements
 * of that route, need, into *out (zeros when there are none). Each figure is proved: the optimum of
 * the integer program, or, when GLPK's branch and bound passes its node
 * budget (counted, so the figure is the same on every run), the best bound
 * it had proved, rounded up. Plain data in, no state kept.
 * SORTIE_ENOMEM, or SORTIE_ESOLVER when GLPK fails (*out is then zeros,
 * which is always valid).
 */
sortie_status routecut_need(const sortie_model *m, int o, int d, routecut *out);

#endif
