/*
 * plan: the "sortie/plan@1" document in memory, exactly as FORMAT.md shows
 * it. Ids are kept as owned strings, not indices, so that a plan read from a
 * file can name things the scenario lacks and the checker can say so.
 * Reading and writing live in plan_json.c; building one in the planner's
 * emit step. plan_* helpers here own the arrays.
 */
#ifndef SORTIE_PLAN_H
#define SORTIE_PLAN_H

#include "sortie.h"
#include "timeutil.h"
#include <stdbool.h>

typedef struct {
    char *from, *to;
    minute_t dep, arr;
    char *load;              /* load id, NULL for an empty leg */
} plan_leg;

typedef struct {
    char *id, *fleet, *type, *base;
    char *operator_id;       /* the fleet's operator (extension key "operator"); NULL when unknown */
    plan_leg *legs;
    size_t n_legs;
} plan_aircraft;

typedef struct {
    char *req;
    int n;
} plan_pax;

typedef struct {
    char *req;
    char *name;              /* cargo line name */
    int n;
} plan_item;

typedef struct {
    char *id, *from, *to;
    double weight_kg;
    plan_pax *pax;
    size_t n_pax;
    plan_item *items;
    size_t n_items;
} plan_load;

typedef struct {
    char *id;
    minute_t delivered, due;
    int64_t late_min;
} plan_requirement;

struct sortie_plan {
    char *scenario;          /* the scenario's name */
    /* summary */
    minute_t closure, lower_bound;
    int loaded_legs;
    double flight_h;
    int late;
    /* summary extensions (docs/format.md): optional on reading */
    bool has_extensions;
    minute_t start;          /* scenario start, to express gap */
    double gap;
    char *binding;           /* what binds closure; "" when unknown */
    char *outcome;           /* "optimal", "feasible", "time_limit" */
    double seconds;          /* planning time */
    /* body */
    plan_aircraft *aircraft;
    size_t n_aircraft;
    plan_load *loads;
    size_t n_loads;
    plan_requirement *requirements;
    size_t n_requirements;
};

/* A new empty plan (all zero, strings NULL), or NULL when out of memory.
 * sortie_plan_free releases every string and array of the plan with free(),
 * so whoever fills one allocates with malloc/calloc/strdup. */
sortie_plan *plan_new(void);

/* The plan's load with this id, or NULL; borrowed from p. */
const plan_load *plan_find_load(const sortie_plan *p, const char *id);

#endif
