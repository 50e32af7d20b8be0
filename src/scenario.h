/*
 * scenario: the "sortie/scenario@1" document as read, every field checked
 * against docs/format.md, defaults applied, references not yet resolved to
 * indices (that is the model's job). Owns all its strings and arrays.
 * Reading lives in scenario_read.c.
 */
#ifndef SORTIE_SCENARIO_H
#define SORTIE_SCENARIO_H

#include "sortie.h"
#include "timeutil.h"
#include <stdbool.h>

/* Sizes beyond these are refused before anything is allocated. */
#define SCN_MAX_LIST 1000000        /* entries in any one list */
/* Leg times are tabulated per type and airfield pair and the bound runs
 * shortest paths over all airfields (cubic): these keep both in seconds and
 * megabytes, far above any real operation's few dozen airfields and types. */
#define SCN_MAX_AIRFIELDS 500
#define SCN_MAX_TYPES 100
#define SCN_MAX_COUNT 1000000       /* aircraft in a fleet, items in a cargo line */
#define SCN_MAX_PAX 100000000       /* passengers in one requirement */
#define SCN_MAX_TOTAL_AIRCRAFT 1000000
#define SCN_MAX_HORIZON_H 87600.0   /* ten years */

typedef struct {
    char *id;
    char *name;             /* "" when absent */
    double lat, lon;
    int mog;                /* -1: unlimited */
    int open_min, close_min;/* minutes of the UTC day; always open: 0 and 1440 */
    bool has_hours;
} scn_airfield;

typedef struct {
    char *id;
    char *name;             /* "" when absent (extension field) */
    double payload_kg;
    int seats;
    double hold_length_m, hold_width_m, hold_height_m;
    double cruise_kmh, range_km, ferry_range_km;
    int taxi_min, ground_min;
} scn_type;

typedef struct {
    char *id;
    char *operator_id;
    char *type;
    char *base;
    int count;
    minute_t available_from;   /* start when absent */
    minute_t available_to;     /* start + horizon when absent */
} scn_fleet;

typedef struct {
    char *name;
    int count;
    double weight_kg, length_m, width_m, height_m;
} scn_cargo;

typedef struct {
    char *id;
    char *operator_id;      /* "" when absent */
    char *from, *to;
    int pax;
    scn_cargo *cargo;
    size_t n_cargo;
    minute_t ready;         /* start when absent */
    minute_t due;           /* start + horizon when absent */
    int priority;           /* 1 most urgent */
    char **carriers;        /* empty: any operator */
    size_t n_carriers;
} scn_requirement;

struct sortie_scenario {
    char *source;           /* the name used in messages (file name) */
    char *name;
    minute_t start;
    double horizon_h;
    minute_t end;           /* start + horizon_h, rounded down to a minute */
    double pax_kg;
    scn_airfield *airfields;
    size_t n_airfields;
    scn_type *types;        /* only those the file defines; the catalog fills in the rest */
    size_t n_types;
    scn_fleet *fleets;
    size_t n_fleets;
    scn_requirement *requirements;
    size_t n_requirements;
};

#endif
