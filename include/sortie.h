/*
 * sortie.h: the public API of sortie, a planner for the phased movement of
 * people and equipment by air.
 *
 * This header is the whole contract. Handles are opaque; every function says
 * who owns what it returns; freeing NULL is a harmless no-op. The library
 * never prints: errors come back as a status plus a list of messages
 * (sortie_diag), progress through a callback in sortie_params.
 *
 * Data formats (scenario in, plan out) are described in docs/format.md.
 */
#ifndef SORTIE_H
#define SORTIE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SORTIE_API __attribute__((visibility("default")))

/* ------------------------------------------------------------------ status */

/* One table gives the status enum and its messages. */
#define SORTIE_ERRORS(X)                                                        \
    X(OK, "success")                                                            \
    X(EINPUT, "invalid input")                                                  \
    X(ENOMEM, "out of memory")                                                  \
    X(EIO, "cannot read or write a file")                                       \
    X(EINFEASIBLE, "the scenario cannot be planned")                            \
    X(ESOLVER, "the LP/MIP solver failed")                                      \
    X(EINTERNAL, "internal error")

typedef enum {
#define SORTIE_ENUM_(name, text) SORTIE_##name,
    SORTIE_ERRORS(SORTIE_ENUM_)
#undef SORTIE_ENUM_
} sortie_status;

/* A static string; never NULL. */
SORTIE_API const char *sortie_strerror(sortie_status status);

/* Frees memory the library handed to the caller (strings, buffers). */
SORTIE_API void sortie_free(void *ptr);

/* ------------------------------------------------------------- diagnostics */

/*
 * A list of messages, each one line without a trailing newline, already
 * naming the place: "FILE:LINE:COL: message" for syntax errors,
 * "FILE: requirements[3].cargo[0].width_m: message" for field errors, or
 * "aircraft RU-76#1 leg 3: rule 5: ..." for plan violations.
 * Functions that take `sortie_diag **diag` store a new list there (owned by
 * the caller, free with sortie_diag_free) or NULL when diag is NULL.
 */
typedef struct sortie_diag sortie_diag;

SORTIE_API size_t sortie_diag_count(const sortie_diag *diag);
/* Borrowed string, valid until sortie_diag_free; NULL when i is out of range. */
SORTIE_API const char *sortie_diag_message(const sortie_diag *diag, size_t i);
/* Messages not stored because the list was full (it keeps the first 20). */
SORTIE_API size_t sortie_diag_dropped(const sortie_diag *diag);
SORTIE_API void sortie_diag_free(sortie_diag *diag);

/* ---------------------------------------------------------------- scenario */

typedef struct sortie_scenario sortie_scenario;

/*
 * Reads a "sortie/scenario@1" document. On success *out owns a new scenario
 * (free with sortie_scenario_free). On failure *out is NULL and *diag lists
 * every error found (up to 20). `name` is used in messages (a file name).
 */
SORTIE_API sortie_status sortie_scenario_read_file(const char *path, sortie_scenario **out,
                                                   sortie_diag **diag);
SORTIE_API sortie_status sortie_scenario_read_buffer(const char *text, size_t len,
                                                     const char *name, sortie_scenario **out,
                                                     sortie_diag **diag);
SORTIE_API void sortie_scenario_free(sortie_scenario *scenario);

/* The built-in example (the 2022 CSTO withdrawal from Almaty), as JSON text.
 * Static storage; do not free. */
SORTIE_API const char *sortie_example_json(size_t *len);
/* The name messages use for the built-in example. */
#define SORTIE_EXAMPLE_NAME "csto-kazakhstan-2022.json"

/* ------------------------------------------------------- aircraft catalog */

typedef struct {
    const char *id;
    const char *name;       /* e.g. "Ilyushin Il-76MD" */
    double payload_kg;
    int seats;
    double hold_length_m, hold_width_m, hold_height_m;
    double cruise_kmh, range_km, ferry_range_km;
    int taxi_min, ground_min;
} sortie_aircraft_type;

SORTIE_API size_t sortie_catalog_count(void);
/* Static storage; NULL when i is out of range. */
SORTIE_API const sortie_aircraft_type *sortie_catalog_type(size_t i);
/* The catalog as FORMAT.md's `aircraft_types` array, pretty-printed JSON.
 * On success *out is a new string owned by the caller (sortie_free). */
SORTIE_API sortie_status sortie_catalog_json(char **out);

/* ------------------------------------------------------------------- model */

/*
 * The scenario resolved and frozen: catalog types merged, fleets expanded to
 * tails, distances and leg times computed, carriers per requirement.
 * The model borrows `scenario`, which must outlive it.
 * A requirement that no fleet can carry is refused (SORTIE_EINFEASIBLE),
 * with one message per such requirement naming the reason.
 */
typedef struct sortie_model sortie_model;

SORTIE_API sortie_status sortie_model_build(const sortie_scenario *scenario, sortie_model **out,
                                            sortie_diag **diag);
SORTIE_API void sortie_model_free(sortie_model *model);

/* -------------------------------------------------------------------- plan */

typedef struct sortie_plan sortie_plan;

/* Reads a "sortie/plan@1" document (syntax and shape only: whether it fits
 * a scenario is sortie_check's job). Ownership as for scenarios. */
SORTIE_API sortie_status sortie_plan_read_file(const char *path, sortie_plan **out,
                                               sortie_diag **diag);
SORTIE_API sortie_status sortie_plan_read_buffer(const char *text, size_t len, const char *name,
                                                 sortie_plan **out, sortie_diag **diag);
SORTIE_API void sortie_plan_free(sortie_plan *plan);

/* The plan as FORMAT.md's JSON, byte-for-byte deterministic. *out is a new
 * NUL-terminated string owned by the caller (sortie_free). */
SORTIE_API sortie_status sortie_plan_to_json(const sortie_plan *plan, char **out);
/* The movement table, one row per leg, RFC 4180 CSV: aircraft, type,
 * operator, from, to, dep, arr, pax, cargo_kg (the items' weight, from the
 * model's cargo lines), items, requirements. `model` is the plan's scenario's;
 * it must not be NULL. Ownership as above. */
SORTIE_API sortie_status sortie_plan_to_csv(const sortie_model *model, const sortie_plan *plan, char **out);

/* ------------------------------------------------------------------- check */

/*
 * Validates `plan` against FORMAT.md's rules 1-11 for the model's scenario.
 * Returns SORTIE_OK when the check could be run; *violations (owned by the
 * caller) then lists every broken rule, and is empty when the plan is valid.
 * Shares no scheduling code with the planner.
 */
SORTIE_API sortie_status sortie_check(const sortie_model *model, const sortie_plan *plan,
                                      sortie_diag **violations);

/* ---------------------------------------------------------------- planning */

typedef struct {
    double elapsed_s;      /* since planning started */
    int64_t closure_min;   /* best plan's closure, minutes after scenario start */
    int64_t bound_min;     /* best proved lower bound, minutes after start */
} sortie_progress;

typedef void (*sortie_progress_fn)(const sortie_progress *progress, void *user);

typedef struct {
    uint64_t seed;              /* random seed for the improvement search; default 1 */
    double time_limit_s;        /* wall-clock budget for improvement, seconds; default 2 */
    int exact;                  /* nonzero: solve the time-indexed MIP (small scenarios); default 0 */
    int bucket_min;             /* exact mode's time bucket, minutes; default 15 */
    int lp_bound;               /* nonzero: compute the LP capacity bound; default 1 */
    sortie_progress_fn progress; /* called when the best plan improves; may be NULL */
    void *progress_user;
    double effort;              /* more search: 0 (the default, and anything not above 0) follows
                                 * the time limit (sortie_params_effort). Else 1 to 1e6 (less
                                 * counts as 1, more as 1e6): its whole part K (at most
                                 * SORTIE_EFFORT_MAX_SEARCHES) is the number of searches, seeded
                                 * seed, seed + 1, ..., each from the constructions' plan with the
                                 * default work budget times effort / K; the best plan is kept (the
                                 * first search's is effort 1's, so more is never worse). Counted in
                                 * work, not time: the plan stays the same on every machine unless
                                 * the time limit, which counts every search, cuts it short */
    int deep_bound;             /* nonzero: after the search, also the time-indexed LP of the loads
                                 * of each airfield with a MOG alone (docs/bound.md); outside the
                                 * time limit, minutes on M; the plan is the same; default 0 */
} sortie_params;

/* Seconds of time limit per search when sortie_params.effort is 0: one
 * search takes 1.5 to 5 s on the generated S and M scenarios (about 9 s on
 * L-1), so the searches fit the limit with room to spare on a slower
 * machine. */
#define SORTIE_EFFORT_S 10.0
#define SORTIE_EFFORT_MAX_SEARCHES 1000

/* Sets every field to its documented default. */
SORTIE_API void sortie_params_init(sortie_params *params);

/* The effort a plan with these params is searched with: params->effort when
 * above 0; else one search per SORTIE_EFFORT_S seconds of the time limit
 * (whole ones, at most SORTIE_EFFORT_MAX_SEARCHES), and one below twice
 * that or in exact mode, whose MIP takes the time. The default limit gives
 * one. A search that would start after the limit has passed does not. */
SORTIE_API double sortie_params_effort(const sortie_params *params);

/*
 * Plans the model's scenario. On SORTIE_OK *out owns a complete, valid plan.
 * On SORTIE_EINFEASIBLE *out is NULL and *diag names each requirement that
 * cannot be delivered within the horizon and what binds it. Uses a second
 * thread for part of the work (joined before it returns); the model is only
 * read.
 */
SORTIE_API sortie_status sortie_plan_make(const sortie_model *model, const sortie_params *params,
                                          sortie_plan **out, sortie_diag **diag);

/* What a plan's summary says; strings are borrowed from the plan. */
typedef struct {
    int64_t closure;         /* minutes since 1970-01-01T00:00Z */
    int64_t lower_bound;     /* same clock; equal to closure when proved optimal */
    int64_t start;           /* the scenario's start, same clock */
    double gap;              /* closure / bound - 1 on durations from start; 0 when equal */
    int loaded_legs;
    double flight_h;
    int late;
    const char *binding;     /* what binds closure, one sentence; "" when unknown */
    const char *outcome;     /* "optimal", "feasible", "time_limit" */
} sortie_summary;

SORTIE_API void sortie_plan_summary(const sortie_plan *plan, sortie_summary *out);

/* The terminal summary (closure, bound, gap, legs, flight hours, late
 * requirements, busiest airfield against its MOG, the airfield whose
 * spots the plan spends most with its loaded take-offs against the fewest
 * whole sorties its loads could go in, the delivery that closes the plan,
 * totals per operator),
 * as text or as JSON. *out owned by the caller (sortie_free). */
SORTIE_API sortie_status sortie_plan_summary_text(const sortie_model *model,
                                                  const sortie_plan *plan, int as_json,
                                                  char **out);

/* ---------------------------------------------------------------- generator */

typedef enum { SORTIE_SCALE_S, SORTIE_SCALE_M, SORTIE_SCALE_L } sortie_scale;

/* A realistic random scenario as JSON text; *out owned by the caller. */
SORTIE_API sortie_status sortie_generate(sortie_scale scale, uint64_t seed, char **out);

/* ------------------------------------------------------------------ report */

/* One self-contained offline HTML report of a plan; *out owned by the caller. */
SORTIE_API sortie_status sortie_report_html(const sortie_model *model, const sortie_plan *plan,
                                            char **out);

#ifdef __cplusplus
}
#endif
#endif /* SORTIE_H */
