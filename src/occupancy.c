/* occupancy: see occupancy.h. */
#include "occupancy.h"

#include "routecut.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    minute_t t;
    int delta;
} gevent;

static int cmp_gevent(const void *a, const void *b)
{
    const gevent *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return x->delta - y->delta; /* take-offs (-1) before landings at the same minute */
}

/* The stays at airfield af of aircraft not based there, into ev as pairs
 * (landing +1, take-off -1); returns how many events. */
static size_t stays_at(const sortie_model *m, const sortie_plan *p, int af, gevent *ev)
{
    size_t k = 0;
    const char *id = m->airfields[af].src->id;
    for (size_t a = 0; a < p->n_aircraft; a++) {
        const plan_aircraft *pa = &p->aircraft[a];
        if (pa->base && strcmp(pa->base, id) == 0)
            continue;
        for (size_t i = 0; i + 1 < pa->n_legs; i++)
            if (strcmp(pa->legs[i].to, id) == 0 && pa->legs[i + 1].dep > pa->legs[i].arr) {
                ev[k++] = (gevent){pa->legs[i].arr, 1};
                ev[k++] = (gevent){pa->legs[i + 1].dep, -1};
            }
    }
    return k;
}

static gevent *events_new(const sortie_plan *p)
{
    size_t n = 0;
    for (size_t a = 0; a < p->n_aircraft; a++)
        n += p->aircraft[a].n_legs;
    return malloc(sizeof(gevent) * (n > 0 ? 2 * n : 1));
}

sortie_status occupancy_busiest(const sortie_model *m, const sortie_plan *p, occ_busiest *out)
{
    *out = (occ_busiest){.airfield = -1};
    gevent *ev = events_new(p);
    if (!ev)
        return SORTIE_ENOMEM;
    double best_ratio = -1;
    for (int af = 0; af < m->n_airfields; af++) {
        size_t k = stays_at(m, p, af, ev);
        qsort(ev, k, sizeof *ev, cmp_gevent);
        int cur = 0, peak = 0;
        for (size_t i = 0; i < k; i++) {
            cur += ev[i].delta;
            if (cur > peak)
                peak = cur;
        }
        int mog = m->airfields[af].mog;
        double ratio = mog > 0 ? (double)peak / mog : mog == 0 ? (peak > 0 ? 1e9 : 0) : peak * 1e-6;
        if (peak > 0 && ratio > best_ratio) {
            best_ratio = ratio;
            *out = (occ_busiest){af, peak, mog};
        }
    }
    free(ev);
    return SORTIE_OK;
}

/* Loaded take-offs from af whose load starts there (not a fuel stop's). */
static int loaded_takeoffs(const sortie_plan *p, const char *id)
{
    int n = 0;
    for (size_t a = 0; a < p->n_aircraft; a++)
        for (size_t i = 0; i < p->aircraft[a].n_legs; i++) {
            const plan_leg *g = &p->aircraft[a].legs[i];
            const plan_load *pl = g->load && strcmp(g->from, id) == 0 ? plan_find_load(p, g->load) : NULL;
            n += pl && strcmp(pl->from, id) == 0;
        }
    return n;
}

sortie_status occupancy_spots(const sortie_model *m, const sortie_plan *p, occ_spots *out)
{
    *out = (occ_spots){.airfield = -1};
    gevent *ev = events_new(p);
    if (!ev)
        return SORTIE_ENOMEM;
    minute_t longest = 0;
    for (int af = 0; af < m->n_airfields; af++) {
        int mog = m->airfields[af].mog;
        size_t k = stays_at(m, p, af, ev);
        if (mog < 1 || k == 0)
            continue;
        minute_t first = ev[0].t, last = ev[1].t, used = 0;
        for (size_t i = 0; i < k; i += 2) {
            used += ev[i + 1].t - ev[i].t;
            first = ev[i].t < first ? ev[i].t : first;
            last = ev[i + 1].t > last ? ev[i + 1].t : last;
        }
        /* How long its stays would take, packed on its spots. */
        minute_t packed = (used + mog - 1) / mog;
        if (out->airfield >= 0 && packed <= longest)
            continue;
        longest = packed;
        *out = (occ_spots){.airfield = af,
                           .mog = mog,
                           .stays = (int)(k / 2),
                           .used = last > first ? (double)used / ((double)mog * (double)(last - first)) : 1.0};
    }
    free(ev);
    if (out->airfield < 0)
        return SORTIE_OK;
    out->loaded_takeoffs = loaded_takeoffs(p, m->airfields[out->airfield].src->id);
    for (int d = 0; d < m->n_airfields; d++) {
        routecut need;
        sortie_status st = routecut_need(m, out->airfield, d, &need);
        if (st == SORTIE_ENOMEM)
            return st;
        if (st != SORTIE_OK) {
            out->least_takeoffs = 0;
            break;
        }
        out->least_takeoffs += (int)need.sorties;
    }
    return SORTIE_OK;
}
