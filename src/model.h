/*
 * model: the scenario resolved and frozen for planning and checking.
 * Every reference is an index; catalog types are merged in (the scenario's
 * own definition wins); fleets are expanded to tails; distances (WGS84
 * geodesics) and leg minutes (FORMAT rule 3) are tabulated for every
 * airfield pair and type; each requirement knows which fleets may carry it.
 * Built by model.c; read-only afterwards, so planner threads may share it.
 */
#ifndef SORTIE_MODEL_H
#define SORTIE_MODEL_H

#include "scenario.h"

typedef struct {
    const scn_airfield *src;
    int mog;                 /* -1 unlimited */
    int open_min, close_min; /* 0 and 1440 when always open */
    bool always_open;
} mdl_airfield;

typedef struct {
    scn_type t;              /* a copy; strings borrowed from scenario or catalog */
    double floor_m2;         /* hold length x width */
} mdl_type;

typedef struct {
    const scn_fleet *src;
    int type;                /* index into types */
    int base;                /* index into airfields */
    int operator_index;      /* index into operators */
    int count;
    int first_tail;          /* tails first_tail .. first_tail+count-1 */
    minute_t available_from, available_to; /* clipped to [start, end] */
} mdl_fleet;

typedef struct {
    char id[80];             /* "<fleet>#k" */
    int fleet;
} mdl_tail;

typedef struct {
    const scn_requirement *src;
    int from, to;            /* airfield indices */
    int pax;
    minute_t ready, due;
    int priority;
    bool *carrier_ok;        /* per operator index */
    int *fleets;             /* fleets that may carry it (operator, holds, range) */
    int n_fleets;
    double total_kg;         /* pax * pax_kg + all items */
    double total_floor_m2;   /* all items' floor area */
} mdl_requirement;

struct sortie_model {
    const sortie_scenario *scn;
    minute_t start, end;
    double pax_kg;
    mdl_airfield *airfields;
    int n_airfields;
    mdl_type *types;
    int n_types;
    mdl_fleet *fleets;
    int n_fleets;
    mdl_tail *tails;
    int n_tails;
    mdl_requirement *reqs;
    int n_reqs;
    char **operators;        /* distinct fleet operators, borrowed strings */
    int n_operators;
    double *dist_km;         /* [a * n_airfields + b] */
    int *leg_min;            /* [(type * n_airfields + a) * n_airfields + b]: rule 3 minimum */
};

static inline double model_dist(const sortie_model *m, int a, int b)
{
    return m->dist_km[(size_t)a * (size_t)m->n_airfields + (size_t)b];
}

static inline int model_leg_min(const sortie_model *m, int type, int a, int b)
{
    return m->leg_min[((size_t)type * (size_t)m->n_airfields + (size_t)a) * (size_t)m->n_airfields +
                      (size_t)b];
}

/* Index of the airfield / type / fleet / requirement / operator with this id, or -1. */
int model_airfield_index(const sortie_model *m, const char *id);
int model_type_index(const sortie_model *m, const char *id);
int model_fleet_index(const sortie_model *m, const char *id);
int model_req_index(const sortie_model *m, const char *id);
int model_operator_index(const sortie_model *m, const char *id);

/* True when the item fits the hold, turned by 90 degrees on the floor if need be. */
bool model_item_fits(const mdl_type *t, const scn_cargo *c);

/* True when fleet f can fly requirement r's route loaded (directly or with one
 * fuel stop at a scenario airfield) and, empty, from its base to the origin and
 * from the destination home: the model's test of which fleets may carry r. */
bool model_fleet_reaches(const sortie_model *m, int r, int f);

/* True when fleet f may carry requirement q's passengers (line < 0) or the
 * items of its cargo line `line`: a carrier operator, a route it can fly,
 * and a seat or a hold the item fits. Rules 8 and 9 are per load, so one
 * requirement's pieces may go on different types. */
bool model_fleet_carries(const sortie_model *m, int f, int q, int line);

/* True when fleet f may carry some piece of requirement q (model_fleet_carries). */
bool model_fleet_carries_some(const sortie_model *m, int f, int q);

/* The piece's part of that test: a type's seat (line < 0) or hold takes it. */
bool model_type_takes(const sortie_model *m, int type, int q, int line);

/* True when a take-off or landing may happen at minute t at airfield a (rule 5). */
bool model_airfield_open_at(const sortie_model *m, int a, minute_t t);

#endif
