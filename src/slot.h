/*
 * slot: airfield timelines. Owns the two facts about an airfield that decide
 * when an aircraft may use it: its opening hours (FORMAT rule 5: take-offs and
 * landings inside the daily UTC window, both ends included, a window with
 * close < open wrapping midnight) and its ground occupancy against its MOG
 * (rule 6: aircraft not based there, each counted on the half-open interval
 * [landing, take-off)).
 *
 * Occupancy is a step function kept as a sorted array of change points, so
 * that "how many stand here at t" is a binary search and "is there room from
 * a to b" scans only the change points inside [a, b). Break points are never
 * merged away: removing an interval that was added never allocates, so undo
 * cannot fail.
 */
#ifndef SORTIE_SLOT_H
#define SORTIE_SLOT_H

#include "model.h"

/* A time later than any plan: "never". Far from overflow when added to. */
#define SLOT_NEVER ((minute_t)1 << 50)

/* ------------------------------------------------------------------ hours */

/* Earliest t' >= t at which airfield a is open (t itself when open). */
minute_t slot_next_open(const sortie_model *m, int a, minute_t t);
/* Latest t' <= t at which airfield a is open. */
minute_t slot_prev_open(const sortie_model *m, int a, minute_t t);
/* Earliest d >= d0 with x open at d and y open at d + leg (a take-off from x
 * and a landing at y leg minutes later), or SLOT_NEVER when the two windows
 * never match. */
minute_t slot_next_pair(const sortie_model *m, int x, minute_t d0, int leg, int y);
/* Latest d <= d0 with the same property, or -SLOT_NEVER when none. */
minute_t slot_prev_pair(const sortie_model *m, int x, minute_t d0, int leg, int y);

/* -------------------------------------------------------------- occupancy */

typedef struct {
    minute_t *t;   /* change points, strictly increasing */
    int *c;        /* aircraft on the ground in [t[i], t[i+1]); 0 before t[0] */
    int n, cap;
} slot_line;

/* Frees the arrays; the line is empty afterwards. NULL is a no-op. */
void slot_line_free(slot_line *l);
/* Empties the line, keeping its memory. */
void slot_line_clear(slot_line *l);
/* Adds delta aircraft over [a, b) (a < b). False when out of memory, the
 * counts then unchanged. Removing (delta < 0) an interval added before never
 * allocates and never fails. */
bool slot_line_add(slot_line *l, minute_t a, minute_t b, int delta);
/* Aircraft on the ground at minute t. */
int slot_line_at(const slot_line *l, minute_t t);
/* Most aircraft at once within [a, b); 0 when the line is empty there. */
int slot_line_peak(const slot_line *l, minute_t a, minute_t b);
/* The first minute s in [a, b) at which `limit` or more aircraft stand;
 * SLOT_NEVER when there is room throughout. */
minute_t slot_line_first_full(const slot_line *l, minute_t a, minute_t b, int limit);
/* The first minute >= s at which fewer than `limit` stand; SLOT_NEVER when
 * limit <= 0 (there is never room). */
minute_t slot_line_next_free(const slot_line *l, minute_t s, int limit);

/* The earliest t >= from such that fewer than `limit` stand throughout
 * [t, t + len); SLOT_NEVER when limit <= 0. */
minute_t slot_line_find_gap(const slot_line *l, minute_t from, minute_t len, int limit);

/* --------------------------------------------------------------- airfields */

/* One timeline per airfield with a MOG. */
typedef struct {
    const sortie_model *m;
    slot_line *lines;       /* m->n_airfields entries */
} slot_table;

/* False when out of memory. */
bool slot_table_init(slot_table *st, const sortie_model *m);
void slot_table_free(slot_table *st);
void slot_table_clear(slot_table *st);

/* True when an aircraft of fleet f on the ground at airfield a counts
 * against a's MOG (the airfield has one and is not f's base). */
static inline bool slot_counts(const sortie_model *m, int a, int f)
{
    return m->airfields[a].mog >= 0 && m->fleets[f].base != a;
}

/* Records (delta 1) or removes (delta -1) one aircraft of fleet f standing
 * at a over [from, to); nothing when it does not count or from >= to.
 * False only when out of memory on adding. */
bool slot_table_add(slot_table *st, int a, int f, minute_t from, minute_t to, int delta);
/* The first minute in [from, to) at which a is full for an aircraft of fleet
 * f, or SLOT_NEVER when one more fits throughout (always, when it does not count). */
minute_t slot_table_first_full(const slot_table *st, int a, int f, minute_t from, minute_t to);
/* The first minute >= s at which one more aircraft of fleet f fits at a. */
minute_t slot_table_next_free(const slot_table *st, int a, int f, minute_t s);
/* The earliest t >= from at which one more aircraft of fleet f fits at a
 * throughout [t, t + len). */
minute_t slot_table_find_gap(const slot_table *st, int a, int f, minute_t from, minute_t len);

#endif
