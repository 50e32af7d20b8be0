/* slot: see slot.h. */
#include "slot.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ hours */

minute_t slot_next_open(const sortie_model *m, int a, minute_t t)
{
    const mdl_airfield *af = &m->airfields[a];
    if (af->always_open)
        return t;
    int tod = time_of_day(t), o = af->open_min, c = af->close_min;
    if (o <= c) {
        if (tod < o)
            return t + (o - tod);
        if (tod > c)
            return t + (MINUTES_PER_DAY - tod) + o;
        return t;
    }
    if (tod >= o || tod <= c)
        return t;
    return t + (o - tod);
}

minute_t slot_prev_open(const sortie_model *m, int a, minute_t t)
{
    const mdl_airfield *af = &m->airfields[a];
    if (af->always_open)
        return t;
    int tod = time_of_day(t), o = af->open_min, c = af->close_min;
    if (o <= c) {
        /* "24:00" closes with the day's last minute: minute 0 of the next
         * day is open only when the window starts at 00:00. */
        int last = c < MINUTES_PER_DAY ? c : MINUTES_PER_DAY - 1;
        if (tod > c)
            return t - (tod - c);
        if (tod < o)
            return t - tod - MINUTES_PER_DAY + last;
        return t;
    }
    if (tod >= o || tod <= c)
        return t;
    return t - (tod - c);
}

minute_t slot_next_pair(const sortie_model *m, int x, minute_t d0, int leg, int y)
{
    /* Both windows repeat daily, so a match exists within a day of d0 or never. */
    minute_t d = d0;
    while (d <= d0 + MINUTES_PER_DAY) {
        d = slot_next_open(m, x, d);
        minute_t land = slot_next_open(m, y, d + leg);
        if (land == d + leg)
            return d;
        d = land - leg;
    }
    return SLOT_NEVER;
}

minute_t slot_prev_pair(const sortie_model *m, int x, minute_t d0, int leg, int y)
{
    minute_t d = d0;
    while (d >= d0 - MINUTES_PER_DAY) {
        d = slot_prev_open(m, x, d);
        minute_t land = slot_prev_open(m, y, d + leg);
        if (land == d + leg)
            return d;
        d = land - leg;
    }
    return -SLOT_NEVER;
}

/* -------------------------------------------------------------- occupancy */

void slot_line_free(slot_line *l)
{
    if (!l)
        return;
    free(l->t);
    free(l->c);
    *l = (slot_line){0};
}

void slot_line_clear(slot_line *l) { l->n = 0; }

/* Index of the last change point <= t, or -1. */
static int find(const slot_line *l, minute_t t)
{
    int lo = 0, hi = l->n; /* answer in [lo - 1, hi - 1] */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (l->t[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* Makes t a change point (the count does not change); its index, or -1 when
 * out of memory. */
static int split(slot_line *l, minute_t t)
{
    int i = find(l, t);
    if (i >= 0 && l->t[i] == t)
        return i;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        minute_t *nt = realloc(l->t, sizeof *nt * (size_t)cap);
        if (!nt)
            return -1;
        l->t = nt;
        int *nc = realloc(l->c, sizeof *nc * (size_t)cap);
        if (!nc)
            return -1;
        l->c = nc;
        l->cap = cap;
    }
    int at = i + 1;
    memmove(l->t + at + 1, l->t + at, sizeof *l->t * (size_t)(l->n - at));
    memmove(l->c + at + 1, l->c + at, sizeof *l->c * (size_t)(l->n - at));
    l->t[at] = t;
    l->c[at] = i >= 0 ? l->c[i] : 0;
    l->n++;
    return at;
}

bool slot_line_add(slot_line *l, minute_t a, minute_t b, int delta)
{
    if (a >= b)
        return true;
    if (split(l, a) < 0 || split(l, b) < 0)
        return false; /* a lone extra change point changes no count */
    int ia = find(l, a), ib = find(l, b);
    for (int i = ia; i < ib; i++)
        l->c[i] += delta;
    return true;
}

int slot_line_at(const slot_line *l, minute_t t)
{
    int i = find(l, t);
    return i >= 0 ? l->c[i] : 0;
}

int slot_line_peak(const slot_line *l, minute_t a, minute_t b)
{
    int i = find(l, a);
    int peak = i >= 0 ? l->c[i] : 0;
    for (int k = i + 1; k < l->n && l->t[k] < b; k++)
        if (l->c[k] > peak)
            peak = l->c[k];
    return peak;
}

minute_t slot_line_first_full(const slot_line *l, minute_t a, minute_t b, int limit)
{
    if (a >= b)
        return SLOT_NEVER;
    int i = find(l, a);
    if ((i >= 0 ? l->c[i] : 0) >= limit)
        return a;
    for (int k = i + 1; k < l->n && l->t[k] < b; k++)
        if (l->c[k] >= limit)
            return l->t[k];
    return SLOT_NEVER;
}

minute_t slot_line_next_free(const slot_line *l, minute_t s, int limit)
{
    if (limit <= 0)
        return SLOT_NEVER;
    int i = find(l, s);
    if ((i >= 0 ? l->c[i] : 0) < limit)
        return s;
    for (int k = i + 1; k < l->n; k++)
        if (l->c[k] < limit)
            return l->t[k];
    return SLOT_NEVER; /* unreachable while every interval is closed */
}

minute_t slot_line_find_gap(const slot_line *l, minute_t from, minute_t len, int limit)
{
    if (limit <= 0)
        return SLOT_NEVER;
    int i = find(l, from);
    minute_t run = (i >= 0 ? l->c[i] : 0) < limit ? from : SLOT_NEVER; /* start of the free run */
    for (int k = i + 1; k < l->n; k++) {
        if (run < SLOT_NEVER && l->t[k] - run >= len)
            return run;
        if (l->c[k] >= limit)
            run = SLOT_NEVER;
        else if (run >= SLOT_NEVER)
            run = l->t[k];
    }
    return run; /* free from the last change point on (SLOT_NEVER only if the line never empties) */
}

/* --------------------------------------------------------------- airfields */

bool slot_table_init(slot_table *st, const sortie_model *m)
{
    st->m = m;
    st->lines = calloc(m->n_airfields > 0 ? (size_t)m->n_airfields : 1, sizeof *st->lines);
    return st->lines != NULL;
}

void slot_table_free(slot_table *st)
{
    if (!st || !st->lines)
        return;
    for (int a = 0; a < st->m->n_airfields; a++)
        slot_line_free(&st->lines[a]);
    free(st->lines);
    st->lines = NULL;
}

void slot_table_clear(slot_table *st)
{
    for (int a = 0; a < st->m->n_airfields; a++)
        slot_line_clear(&st->lines[a]);
}

bool slot_table_add(slot_table *st, int a, int f, minute_t from, minute_t to, int delta)
{
    if (!slot_counts(st->m, a, f) || from >= to)
        return true;
    return slot_line_add(&st->lines[a], from, to, delta);
}

minute_t slot_table_first_full(const slot_table *st, int a, int f, minute_t from, minute_t to)
{
    if (!slot_counts(st->m, a, f))
        return SLOT_NEVER;
    return slot_line_first_full(&st->lines[a], from, to, st->m->airfields[a].mog);
}

minute_t slot_table_next_free(const slot_table *st, int a, int f, minute_t s)
{
    if (!slot_counts(st->m, a, f))
        return s;
    return slot_line_next_free(&st->lines[a], s, st->m->airfields[a].mog);
}

minute_t slot_table_find_gap(const slot_table *st, int a, int f, minute_t from, minute_t len)
{
    if (!slot_counts(st->m, a, f))
        return from;
    return slot_line_find_gap(&st->lines[a], from, len, st->m->airfields[a].mog);
}
