/*
 * gen: realistic random scenarios ("sortie/scenario@1" JSON text) for
 * benchmarks and tests: sortie_generate (scales S, M, L) and gen_small (XS,
 * gen.h). Owns the theatre templates (which real airfields are forward
 * origins, which operators fly home to which bases with which catalog
 * types and which equipment) and the generator's own random state.
 *
 * A scenario is one or more theatres. In each, units (requirements) leave
 * MOG-tight forward airfields, some with opening hours, for their nation's
 * home airfields, where its fleets are based. Every requirement is built
 * around a "lead" fleet among its carriers that can fly its route directly
 * within range and take every item, so every scenario can be carried; the
 * horizon is set well beyond a rough closure estimate, so it can be planned.
 * The same scale and seed give the same text byte for byte.
 */
#include "gen.h"

#include "airports.h"
#include "catalog.h"
#include "geo.h"
#include "grow.h"
#include "rng.h"
#include "timeutil.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ random state */

/* The project's xoshiro256** (rng.h): the same sequence on every platform,
 * which is what makes generation reproducible. */
typedef rng gen_rng;

/* Uniform integer in [lo, hi]. */
static int rng_int(gen_rng *r, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* ---------------------------------------------------------------- templates */

typedef struct {
    const char *name;
    double kg, l, w, h;
    bool light;            /* goes with a passenger-heavy unit (pallets, light vehicles) */
} equip;

/* Published sizes and combat weights, rounded up (docs/benchmarks.md). */
static const equip ru_army[] = {
    {"BMD-2", 8200, 5.40, 2.63, 2.00, false},
    {"BTR-D", 8000, 5.88, 2.63, 2.00, false},
    {"BTR-82A", 15400, 7.65, 2.90, 2.80, false},
    {"BMP-2", 14300, 6.72, 3.15, 2.45, false},
    {"GAZ-233014 Tigr", 7200, 5.70, 2.40, 2.40, false},
    {"KamAZ-43501", 11500, 7.60, 2.55, 3.30, false},
    {"Ural-4320", 13000, 7.37, 2.50, 2.87, false},
    {"GAZ-66", 5800, 5.66, 2.34, 2.52, false},
    {"2S9 Nona-S", 8700, 6.02, 2.63, 2.30, false},
    {"T-72B3", 46000, 9.53, 3.59, 2.23, false},
    {"UAZ-469", 2300, 4.03, 1.79, 2.02, true},
    {"Field kitchen KP-130", 1900, 3.80, 2.00, 2.20, true},
    {"Cargo pallet", 3000, 2.74, 2.24, 1.60, true},
};

static const equip nato_army[] = {
    {"JLTV", 6400, 6.20, 2.50, 2.60, false},
    {"Stryker ICV", 17200, 6.95, 2.72, 2.64, false},
    {"Boxer", 33000, 7.93, 2.99, 2.37, false},
    {"M1A2 Abrams", 62000, 9.77, 3.66, 2.44, false},
    {"Fennek", 10400, 5.71, 2.49, 1.79, false},
    {"MAN HX60", 9000, 7.10, 2.55, 3.10, false},
    {"Foxhound", 7500, 5.32, 2.10, 2.35, false},
    {"VBCI", 26000, 7.60, 2.98, 3.00, false},
    {"ISO 20ft container", 12000, 6.06, 2.44, 2.59, false},
    {"HMMWV M1151", 2700, 4.93, 2.30, 1.90, true},
    {"Land Rover Wolf", 3500, 4.55, 1.79, 2.04, true},
    {"463L pallet", 4500, 2.74, 2.24, 2.00, true},
    {"Generator set", 3000, 3.00, 1.50, 1.80, true},
    {"Baggage pallet", 2500, 3.18, 2.44, 1.60, true},
    {"Medical crate", 400, 1.20, 0.80, 1.00, true},
};

static const equip un_army[] = {
    {"RG-31 Nyala", 8400, 6.40, 2.47, 2.63, false},
    {"Casspir", 12600, 6.87, 2.50, 2.85, false},
    {"Truck 6x6", 11000, 7.50, 2.50, 3.00, false},
    {"ISO 20ft container", 12000, 6.06, 2.44, 2.59, false},
    {"Water purification unit", 5000, 4.50, 2.40, 2.50, false},
    {"Toyota Land Cruiser", 3300, 4.95, 1.97, 1.95, true},
    {"463L pallet", 4500, 2.74, 2.24, 2.00, true},
    {"Baggage pallet", 2500, 3.18, 2.44, 1.60, true},
    {"Medical crate", 400, 1.20, 0.80, 1.00, true},
};

#define ARMY(a) a, sizeof a / sizeof a[0]
#define MAX_HOMES 8
#define MAX_TYPES 5
#define MAX_OPS 6
#define MAX_ORIGINS 10

typedef struct {
    const char *id;                  /* operator */
    const char *homes[MAX_HOMES];    /* its home airfields: destinations and bases */
    const char *types[MAX_TYPES];    /* catalog ids of its air arm, none: carried by others */
    int type_w[MAX_TYPES];
    double demand;                   /* share of the theatre's people and equipment */
    double fleet;                    /* share of the theatre's aircraft */
    const char *ally;                /* a second carrier for some of its units */
    const equip *army;
    size_t n_army;
} op_def;

typedef struct {
    const char *name;
    const char *origins[MAX_ORIGINS];
    op_def ops[MAX_OPS];
} theatre_def;

static const theatre_def theatres[] = {
    {"CSTO withdrawal from Kazakhstan",
     {"UAAA", "UACC", "UAII", "UAKK", "UASK", "UAOO"},
     {{"RU", {"XUDI", "UUMU", "ULOO", "UUEM", "UWLW", "UWOO", "URRP"},
       {"IL-76MD", "IL-76MD-90A", "AN-124-100", "AN-12BK"}, {6, 2, 2, 1}, 0.6, 0.85, "BY", ARMY(ru_army)},
      {"BY", {"UMLI", "UMMS"}, {"IL-76MD"}, {1}, 0.2, 0.15, "RU", ARMY(ru_army)},
      {"AM", {"UDYZ"}, {0}, {0}, 0.1, 0, "RU", ARMY(ru_army)},
      {"TJ", {"UTDD"}, {0}, {0}, 0.1, 0, "RU", ARMY(ru_army)}}},
    {"NATO redeployment from the eastern flank",
     {"EPRZ", "LROP", "LRCK", "EYVI", "EVRA", "EETN", "LZKZ", "LHKE", "EPPO"},
     {{"US", {"ETAR", "LIPA"}, {"C-17A", "C-130J-30"}, {3, 3}, 0.35, 0.35, "UK", ARMY(nato_army)},
      {"UK", {"EGVN", "EGXW"}, {"C-17A", "A400M", "C-130J-30", "A330-200"}, {1, 2, 1, 1}, 0.2, 0.2, "US",
       ARMY(nato_army)},
      {"DE", {"ETNW", "EDDK"}, {"A400M"}, {1}, 0.15, 0.15, "NL", ARMY(nato_army)},
      {"FR", {"LFOJ", "LFMI"}, {"A400M", "C-130J-30"}, {2, 1}, 0.15, 0.15, "DE", ARMY(nato_army)},
      {"IT", {"LIRP"}, {"C-130J-30", "B737-800"}, {2, 1}, 0.08, 0.08, "US", ARMY(nato_army)},
      {"NL", {"EHEH", "EBMB"}, {"KC-390"}, {1}, 0.07, 0.07, "DE", ARMY(nato_army)}}},
    {"Evacuation from Afghanistan",
     {"OAKB", "OAIX", "OAMS", "OAKN"},
     {{"US", {"OTBH", "OKBK", "OEPS"}, {"C-17A", "C-130J-30"}, {3, 1}, 0.45, 0.5, "UK", ARMY(nato_army)},
      {"UK", {"OMDM"}, {"C-17A", "A400M", "A330-200"}, {1, 1, 1}, 0.2, 0.2, "US", ARMY(nato_army)},
      {"FR", {"OMAM"}, {"A400M"}, {1}, 0.1, 0.1, "UK", ARMY(nato_army)},
      {"DE", {"UTTT"}, {"A400M"}, {1}, 0.1, 0.1, "US", ARMY(nato_army)},
      {"TR", {"LTAC"}, {"A400M"}, {1}, 0.1, 0.1, "US", ARMY(nato_army)}}},
    {"UN mission withdrawal from the Sahel",
     {"GABS", "GAGO", "DRRN", "FTTJ", "DFFD"},
     {{"UN", {"GOBD", "DIAP", "DGAA", "DNAA", "HAAB", "HECA"}, {"IL-76MD", "AN-124-100", "A330-200", "B737-800"},
       {3, 1, 1, 1}, 0.6, 0.6, NULL, ARMY(un_army)},
      {"FR", {"LFMI", "GOBD"}, {"A400M", "C-130J-30"}, {2, 1}, 0.25, 0.3, "UN", ARMY(nato_army)},
      {"CN", {"HAAB"}, {"Y-20"}, {1}, 0.15, 0.1, "UN", ARMY(un_army)}}},
    {"Multinational mission withdrawal from the Caribbean",
     {"MTPP", "MDSD", "MKJP", "TJSJ"},
     {{"US", {"KPOB", "KCHS", "KDOV"}, {"C-17A", "C-130J-30"}, {2, 2}, 0.4, 0.45, "CA", ARMY(nato_army)},
      {"CA", {"CYTR"}, {"C-17A", "C-130J-30"}, {1, 2}, 0.2, 0.2, "US", ARMY(nato_army)},
      {"BR", {"SBBR", "SBGL"}, {"A330-200", "KC-390"}, {2, 1}, 0.2, 0.15, "US", ARMY(un_army)},
      {"MX", {"MMMX"}, {"B737-800", "C-130J-30"}, {1, 1}, 0.1, 0.1, "US", ARMY(un_army)},
      {"CO", {"SKBO"}, {"C-130J-30"}, {1}, 0.1, 0.1, "US", ARMY(un_army)}}},
};

enum { N_THEATRES = sizeof theatres / sizeof theatres[0] };

typedef struct {
    int airfields, aircraft, pax, items, n_theatres;
    double stagger_h;        /* ready dates spread over this many hours */
} gen_size;

static const gen_size sizes[] = {
    [SORTIE_SCALE_S] = {8, 25, 2500, 250, 1, 24},
    [SORTIE_SCALE_M] = {15, 120, 20000, 3000, 2, 72},
    [SORTIE_SCALE_L] = {40, 400, 150000, 20000, 5, 120},
};

/* ------------------------------------------------------------- build state */

#define MAX_AF 64

typedef struct {
    const airport *ap;
    bool origin;
    int mog;                 /* -1 unlimited */
    int open_min, close_min; /* has_hours only */
    bool has_hours;
} gen_af;

typedef struct {
    char id[48];
    const char *op;
    const sortie_aircraft_type *type;
    int base;                /* index into af */
    int count;
    int avail_h;             /* hours after start */
} gen_fleet;

typedef struct {
    const equip *e;
    int count;
} gen_line;

typedef struct {
    char id[32];
    const char *op;
    int from, to;
    int pax;
    gen_line lines[6];
    int n_lines;
    int ready_min, due_min;  /* after start */
    int priority;
    const char *carriers[2];
    int n_carriers;          /* 0: any operator */
} gen_req;

typedef struct {
    int theatre;
    const op_def *op;
    int homes[MAX_HOMES];    /* indices into af */
    int n_homes;
} gen_op;

typedef struct {
    gen_rng rng;
    gen_af af[MAX_AF];
    int n_af;
    gen_op ops[N_THEATRES * MAX_OPS];
    int n_ops;
    int origins[N_THEATRES][MAX_ORIGINS];
    int n_origins[N_THEATRES];
    gen_fleet *fleets;
    int n_fleets, cap_fleets;
    gen_req *reqs;
    int n_reqs, cap_reqs;
    bool small;              /* XS: homes unlimited, a single tight origin */
    int n_theatres;
} gen_state;

static int af_index(gen_state *g, const airport *ap)
{
    for (int i = 0; i < g->n_af; i++)
        if (g->af[i].ap == ap)
            return i;
    return -1;
}

/* Adds the airfield (once); returns its index or -1 when the table is full or unknown. */
static int af_add(gen_state *g, const char *icao, bool origin)
{
    const airport *ap = airports_find(icao);
    if (!ap)
        return -1;
    int i = af_index(g, ap);
    if (i >= 0)
        return i;
    if (g->n_af == MAX_AF)
        return -1;
    gen_af *a = &g->af[g->n_af];
    *a = (gen_af){.ap = ap, .origin = origin, .mog = -1};
    return g->n_af++;
}

static double af_dist(const gen_state *g, int a, int b)
{
    if (a == b)
        return 0;
    return geo_distance_km(g->af[a].ap->lat, g->af[a].ap->lon, g->af[b].ap->lat, g->af[b].ap->lon);
}

static bool fits(const sortie_aircraft_type *t, const equip *e)
{
    if (e->h > t->hold_height_m || e->kg > t->payload_kg)
        return false;
    return (e->l <= t->hold_length_m && e->w <= t->hold_width_m) ||
           (e->w <= t->hold_length_m && e->l <= t->hold_width_m);
}

static bool is_airliner(const sortie_aircraft_type *t) { return t->hold_height_m < 2.0; }

/* True when fleet f may carry a unit between from and to with direct legs:
 * loaded within range, positioning from and back to base within ferry range. */
static bool fleet_serves(const gen_state *g, const gen_fleet *f, int from, int to)
{
    return af_dist(g, from, to) <= f->type->range_km && af_dist(g, f->base, from) <= f->type->ferry_range_km &&
           af_dist(g, to, f->base) <= f->type->ferry_range_km;
}

static bool op_has_fleet(const gen_state *g, const char *op)
{
    for (int i = 0; i < g->n_fleets; i++)
        if (strcmp(g->fleets[i].op, op) == 0)
            return true;
    return false;
}

static bool carrier_ok(const gen_req *r, const char *op)
{
    if (r->n_carriers == 0)
        return true;
    for (int i = 0; i < r->n_carriers; i++)
        if (strcmp(r->carriers[i], op) == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------ construction */

static void choose_airfields(gen_state *g, const int *th, int n_th, int n_af_total)
{
    for (int k = 0; k < n_th; k++) {
        const theatre_def *t = &theatres[th[k]];
        int share = n_af_total / n_th + (k < n_af_total % n_th);
        int n_orig_avail = 0;
        while (n_orig_avail < MAX_ORIGINS && t->origins[n_orig_avail])
            n_orig_avail++;
        int n_orig = (int)lround(share * 0.35);
        if (n_orig < 1)
            n_orig = 1;
        if (n_orig > n_orig_avail)
            n_orig = n_orig_avail;
        if (g->small)
            n_orig = rng_int(&g->rng, 1, 2);
        /* The first origin is the theatre's main airfield; the rest at random. */
        int order[MAX_ORIGINS];
        for (int i = 0; i < n_orig_avail; i++)
            order[i] = i;
        for (int i = n_orig_avail - 1; i > 1; i--) {
            int j = rng_int(&g->rng, 1, i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        g->n_origins[k] = 0;
        for (int i = 0; i < n_orig; i++) {
            int a = af_add(g, t->origins[order[i]], true);
            if (a >= 0)
                g->origins[k][g->n_origins[k]++] = a;
        }
        int n_homes = share - n_orig;
        if (n_homes < 1)
            n_homes = 1;
        /* Operators in template order (the lead nation first) each get a home,
         * then the remaining homes go round the operators again. */
        int first_op = g->n_ops;
        for (int o = 0; o < MAX_OPS && t->ops[o].id; o++) {
            if (g->small && o > 1)
                break;
            g->ops[g->n_ops++] = (gen_op){.theatre = k, .op = &t->ops[o]};
        }
        int placed = 0;
        for (int round = 0; round < MAX_HOMES && placed < n_homes; round++) {
            bool any = false;
            for (int o = first_op; o < g->n_ops && placed < n_homes; o++) {
                gen_op *op = &g->ops[o];
                if (round >= MAX_HOMES || !op->op->homes[round])
                    continue;
                int before = g->n_af;
                int a = af_add(g, op->op->homes[round], false);
                if (a < 0 || g->af[a].origin)
                    continue;
                op->homes[op->n_homes++] = a;
                any = true;
                if (g->n_af > before)
                    placed++;
            }
            if (!any)
                break;
        }
    }
}

static void set_airfield_limits(gen_state *g)
{
    static const int opens[][2] = {{4 * 60, 20 * 60}, {5 * 60, 21 * 60}, {6 * 60, 22 * 60}, {3 * 60, 19 * 60}};
    for (int i = 0; i < g->n_af; i++) {
        gen_af *a = &g->af[i];
        if (a->origin) {
            a->mog = g->small ? rng_int(&g->rng, 1, 2) : rng_int(&g->rng, 2, 6);
            if (rng_unit(&g->rng) < 0.3) {
                int h = rng_int(&g->rng, 0, 3);
                a->has_hours = true;
                a->open_min = opens[h][0];
                a->close_min = opens[h][1];
            }
        } else if (!g->small && rng_unit(&g->rng) < 0.5) {
            a->mog = rng_int(&g->rng, 6, 12);
        }
    }
}

static const sortie_aircraft_type *pick_type(gen_state *g, const op_def *op)
{
    int total = 0;
    for (int i = 0; i < MAX_TYPES && op->types[i]; i++)
        total += op->type_w[i];
    int x = rng_int(&g->rng, 1, total > 0 ? total : 1);
    for (int i = 0; i < MAX_TYPES && op->types[i]; i++) {
        x -= op->type_w[i];
        if (x <= 0)
            return catalog_find(op->types[i]);
    }
    return NULL;
}

static bool add_fleet(gen_state *g, const gen_op *op, const sortie_aircraft_type *type, int count)
{
    if (!grow_array((void **)&g->fleets, &g->cap_fleets, g->n_fleets, sizeof *g->fleets, 16))
        return false;
    gen_fleet *f = &g->fleets[g->n_fleets];
    *f = (gen_fleet){.op = op->op->id, .type = type, .count = count};
    f->base = op->homes[rng_int(&g->rng, 0, op->n_homes - 1)];
    static const int avail[] = {0, 0, 0, 0, 6, 12};
    f->avail_h = g->small ? 0 : avail[rng_int(&g->rng, 0, 5)];
    /* "US-C-17A-ETAR", made unique with a counter when needed. */
    snprintf(f->id, sizeof f->id, "%s-%s-%s", op->op->id, type->id, g->af[f->base].ap->icao);
    for (int k = 2, clash = 1; clash; k++) {
        clash = 0;
        for (int i = 0; i < g->n_fleets && !clash; i++)
            clash = strcmp(g->fleets[i].id, f->id) == 0;
        if (clash)
            snprintf(f->id, sizeof f->id, "%s-%s-%s-%d", op->op->id, type->id, g->af[f->base].ap->icao, k);
    }
    g->n_fleets++;
    return true;
}

static bool make_fleets(gen_state *g, int n_th, int aircraft)
{
    for (int k = 0; k < n_th; k++) {
        int ac = aircraft / n_th + (k < aircraft % n_th);
        double share_total = 0;
        for (int o = 0; o < g->n_ops; o++)
            if (g->ops[o].theatre == k && g->ops[o].n_homes > 0)
                share_total += g->ops[o].op->fleet;
        int left = ac;
        for (int o = 0; o < g->n_ops && left > 0; o++) {
            gen_op *op = &g->ops[o];
            if (op->theatre != k || op->n_homes == 0 || op->op->fleet <= 0)
                continue;
            int n = (int)lround(ac * op->op->fleet / share_total);
            if (n < 1)
                n = 1;
            if (n > left)
                n = left;
            left -= n;
            /* Fleets of 1 to 6 aircraft (XS: 1 or 2), as squadrons detach them. */
            while (n > 0) {
                int c = g->small ? rng_int(&g->rng, 1, 2) : rng_int(&g->rng, 2, 6);
                if (c > n)
                    c = n;
                if (!add_fleet(g, op, pick_type(g, op->op), c))
                    return false;
                n -= c;
            }
        }
        /* Rounding leftovers go to the theatre's lead nation. */
        for (int o = 0; o < g->n_ops && left > 0; o++) {
            gen_op *op = &g->ops[o];
            if (op->theatre == k && op->n_homes > 0 && op->op->fleet > 0) {
                if (!add_fleet(g, op, pick_type(g, op->op), left))
                    return false;
                left = 0;
            }
        }
    }
    return true;
}

static gen_req *new_req(gen_state *g)
{
    if (!grow_array((void **)&g->reqs, &g->cap_reqs, g->n_reqs, sizeof *g->reqs, 32))
        return NULL;
    gen_req *r = &g->reqs[g->n_reqs];
    memset(r, 0, sizeof *r);
    return r;
}

/* Cargo payload tonnes (airliners left out) flown by operator `id`. */
static double cargo_tonnes(const gen_state *g, const char *id)
{
    double t = 0;
    for (int i = 0; i < g->n_fleets; i++)
        if ((!id || strcmp(g->fleets[i].op, id) == 0) && !is_airliner(g->fleets[i].type))
            t += g->fleets[i].count * g->fleets[i].type->payload_kg / 1000.0;
    return t;
}

/* Carrier rules: most units fly with their own nation, some with an ally
 * too, a few with anyone. A nation whose own cargo fleet is a small part of
 * the whole never carries its units alone, as coalitions plan it. */
static void choose_carriers(gen_state *g, gen_req *r, const op_def *op)
{
    double x = rng_unit(&g->rng);
    r->n_carriers = 0;
    bool own = op_has_fleet(g, op->id);
    bool ally = op->ally && op_has_fleet(g, op->ally);
    bool alone = own && cargo_tonnes(g, op->id) >= 0.15 * cargo_tonnes(g, NULL) / g->n_theatres;
    if (x < 0.6 && alone) {
        r->carriers[r->n_carriers++] = op->id;
    } else if (x < 0.85) {
        if (own)
            r->carriers[r->n_carriers++] = op->id;
        if (ally)
            r->carriers[r->n_carriers++] = op->ally;
        if (!ally && !alone)
            r->n_carriers = 0;
    }
}

/* The fleet a unit is built around: serves the route directly, and for a
 * vehicle-heavy unit has a cargo hold (not an airliner). NULL when none. */
static const gen_fleet *pick_lead(gen_state *g, const gen_req *r, bool vehicles)
{
    int cand[256], n = 0;
    for (int i = 0; i < g->n_fleets && n < 256; i++) {
        const gen_fleet *f = &g->fleets[i];
        if (carrier_ok(r, f->op) && fleet_serves(g, f, r->from, r->to) && !(vehicles && is_airliner(f->type)))
            cand[n++] = i;
    }
    return n ? &g->fleets[cand[rng_int(&g->rng, 0, n - 1)]] : NULL;
}

static int pick_origin(gen_state *g, int th);

/* Picks the unit's origin, destination and carriers; returns its lead fleet,
 * retrying other routes and finally any carrier. NULL when nothing serves it. */
static const gen_fleet *route_unit(gen_state *g, gen_req *r, const gen_op *op, bool vehicles)
{
    int th = op->theatre;
    for (int attempt = 0; attempt < 24; attempt++) {
        r->from = pick_origin(g, th);
        r->to = op->homes[rng_int(&g->rng, 0, op->n_homes - 1)];
        if (attempt == 0)
            choose_carriers(g, r, op->op);
        if (attempt >= 16)
            r->n_carriers = 0;
        const gen_fleet *lead = pick_lead(g, r, vehicles);
        if (lead)
            return lead;
    }
    return NULL;
}

static void add_lines(gen_state *g, gen_req *r, const op_def *op, const sortie_aircraft_type *lead, bool light,
                      int items)
{
    const equip *ok[32];
    int n_ok = 0;
    for (size_t i = 0; i < op->n_army && n_ok < 32; i++)
        if (op->army[i].light == light && fits(lead, &op->army[i]))
            ok[n_ok++] = &op->army[i];
    if (n_ok == 0)
        for (size_t i = 0; i < op->n_army && n_ok < 32; i++)
            if (fits(lead, &op->army[i]))
                ok[n_ok++] = &op->army[i];
    if (n_ok == 0 || items <= 0)
        return;
    int n_lines = light ? rng_int(&g->rng, 1, 2) : rng_int(&g->rng, 2, 5);
    if (n_lines > n_ok)
        n_lines = n_ok;
    if (n_lines > items)
        n_lines = items;
    /* Distinct equipment per line, shuffled from what fits. */
    for (int i = n_ok - 1; i > 0; i--) {
        int j = rng_int(&g->rng, 0, i);
        const equip *t = ok[i];
        ok[i] = ok[j];
        ok[j] = t;
    }
    int left = items;
    for (int i = 0; i < n_lines; i++) {
        int c = i == n_lines - 1 ? left : rng_int(&g->rng, 1, left - (n_lines - 1 - i));
        /* Main battle tanks come by the handful, not by the company. */
        if (ok[i]->kg > 40000 && c > 4)
            c = rng_int(&g->rng, 1, 4);
        r->lines[r->n_lines++] = (gen_line){ok[i], c};
        left -= c;
    }
}

/* Payload tonnes of the fleets an operator flies in theatre th. */
static double op_capacity(const gen_state *g, const gen_op *op)
{
    double t = 0;
    for (int i = 0; i < g->n_fleets; i++)
        if (strcmp(g->fleets[i].op, op->op->id) == 0 && g->fleets[i].base >= 0)
            for (int h = 0; h < op->n_homes; h++)
                if (g->fleets[i].base == op->homes[h])
                    t += g->fleets[i].count * g->fleets[i].type->payload_kg / 1000.0;
    return t;
}

/* An operator for the next unit: nations with an air arm in proportion to
 * their fleets' payload (so that what each must fly itself matches what it
 * has), the others in proportion to their template share. */
static int pick_op(gen_state *g, int th)
{
    double w[N_THEATRES * MAX_OPS] = {0};
    double cap_total = 0, dem_fleet = 0, total = 0;
    for (int o = 0; o < g->n_ops; o++) {
        const gen_op *op = &g->ops[o];
        if (op->theatre != th || op->n_homes == 0)
            continue;
        w[o] = op_capacity(g, op);
        if (w[o] > 0) {
            cap_total += w[o];
            dem_fleet += op->op->demand;
        }
    }
    for (int o = 0; o < g->n_ops; o++) {
        const gen_op *op = &g->ops[o];
        if (op->theatre != th || op->n_homes == 0)
            continue;
        w[o] = w[o] > 0 ? w[o] / cap_total * dem_fleet : op->op->demand;
        total += w[o];
    }
    double x = rng_unit(&g->rng) * total;
    int last = -1;
    for (int o = 0; o < g->n_ops; o++) {
        if (g->ops[o].theatre != th || g->ops[o].n_homes == 0)
            continue;
        last = o;
        x -= w[o];
        if (x < 0)
            return o;
    }
    return last;
}

/* An origin of theatre th, in proportion to its throughput (MOG x hours). */
static int pick_origin(gen_state *g, int th)
{
    double w[MAX_ORIGINS], total = 0;
    for (int i = 0; i < g->n_origins[th]; i++) {
        const gen_af *a = &g->af[g->origins[th][i]];
        double hours = a->has_hours ? (a->close_min - a->open_min) / 60.0 : 24.0;
        w[i] = (a->mog > 0 ? a->mog : 6) * hours;
        total += w[i];
    }
    double x = rng_unit(&g->rng) * total;
    for (int i = 0; i < g->n_origins[th]; i++) {
        x -= w[i];
        if (x < 0)
            return g->origins[th][i];
    }
    return g->origins[th][g->n_origins[th] - 1];
}

/* Generates units in theatre th until its people and items are placed. */
static bool make_units(gen_state *g, int th, int pax_target, int items_target)
{
    int pax_left = pax_target, items_left = items_target;
    int failures = 0;
    /* XS: one to three units, a few sorties in all. */
    int small_units = g->small ? rng_int(&g->rng, 1, 3) : 0;
    while ((g->small ? g->n_reqs < small_units : (pax_left > 0 || items_left > 0)) && failures < 200) {
        int o = pick_op(g, th);
        if (o < 0)
            return true;
        const gen_op *op = &g->ops[o];
        /* Vehicle-heavy when the equipment is behind the people in share. */
        bool vehicles = g->small ? rng_unit(&g->rng) < 0.4
                                 : (double)items_left / (items_target > 0 ? items_target : 1) >
                                       (double)pax_left / (pax_target > 0 ? pax_target : 1);
        gen_req *r = new_req(g);
        if (!r)
            return false;
        r->op = op->op->id;
        const gen_fleet *lead = route_unit(g, r, op, vehicles);
        if (!lead && vehicles) {
            vehicles = false;
            lead = route_unit(g, r, op, vehicles);
        }
        if (!lead) {
            failures++;
            continue;
        }
        int pax, items;
        if (g->small) {
            pax = rng_int(&g->rng, 20, 300 / small_units);
            items = rng_unit(&g->rng) < 0.6 ? rng_int(&g->rng, 1, 6 / small_units) : 0;
        } else if (vehicles) {
            pax = rng_int(&g->rng, 20, 140);
            items = rng_int(&g->rng, 10, 50);
        } else {
            pax = rng_int(&g->rng, 120, 600);
            items = rng_int(&g->rng, 0, 8);
        }
        if (!g->small) {
            if (pax > pax_left && pax_left > 0)
                pax = pax_left < 20 ? 20 : pax_left;
            if (items > items_left)
                items = items_left > 0 ? items_left : 0;
        }
        r->pax = pax;
        add_lines(g, r, op->op, lead->type, !vehicles, items);
        int placed = 0;
        for (int i = 0; i < r->n_lines; i++)
            placed += r->lines[i].count;
        if (r->pax == 0 && placed == 0)
            r->pax = 20;
        pax_left -= r->pax;
        items_left -= placed;
        int p = rng_int(&g->rng, 1, 10);
        r->priority = p <= 6 ? 1 : p <= 9 ? 2 : 3;
        snprintf(r->id, sizeof r->id, "%s-%03d", r->op, g->n_reqs + 1);
        g->n_reqs++;
    }
    return true;
}

/* A rough closure in hours: sorties over the slower of fleet and origin
 * throughput. Only used to set due dates and a horizon well beyond it. */
static double estimate_hours(const gen_state *g)
{
    double kg = 0, payload = 0, ac = 0;
    for (int i = 0; i < g->n_reqs; i++) {
        kg += g->reqs[i].pax * 100.0;
        for (int l = 0; l < g->reqs[i].n_lines; l++)
            kg += g->reqs[i].lines[l].count * g->reqs[i].lines[l].e->kg;
    }
    for (int i = 0; i < g->n_fleets; i++) {
        payload += g->fleets[i].count * g->fleets[i].type->payload_kg;
        ac += g->fleets[i].count;
    }
    double sorties = kg / (0.6 * (ac > 0 ? payload / ac : 20000));
    double per_day_origins = 0;
    for (int i = 0; i < g->n_af; i++)
        if (g->af[i].origin)
            per_day_origins += (g->af[i].mog > 0 ? g->af[i].mog : 6) * (g->af[i].has_hours ? 16.0 : 24.0) / 2.5;
    double per_day = fmin(per_day_origins, 1.5 * (ac > 0 ? ac : 1));
    return 24.0 * (sorties / per_day + 1.0);
}

static void set_dates(gen_state *g, double stagger_h)
{
    double est = estimate_hours(g);
    for (int i = 0; i < g->n_reqs; i++) {
        gen_req *r = &g->reqs[i];
        int ready = g->small ? rng_int(&g->rng, 0, 4) * 60 : rng_int(&g->rng, 0, (int)(stagger_h * 2)) * 30;
        r->ready_min = ready;
        /* XS scenarios are for closure comparisons: due dates that never bind. */
        double due_h = g->small ? 4 * est + 48 : est * (1.3 + 1.2 * rng_unit(&g->rng));
        r->due_min = ready + (int)ceil(due_h) * 60;
    }
}

/* ----------------------------------------------------------------- output */

static json_t *jstr(const char *s) { return json_string(s); }

/* Round to a fixed number of decimals so the text stays short and exact. */
static json_t *jreal(double x, int decimals)
{
    double f = pow(10, decimals);
    return json_real(round(x * f) / f);
}

static json_t *jtime(minute_t t)
{
    char buf[18];
    time_format(t, buf);
    return json_string(buf);
}

static json_t *jhhmm(int min)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%02d:%02d", min / 60 % 100, min % 60);
    return json_string(buf);
}

/* json_object_set_new and friends take ownership even on failure; a NULL
 * member makes them fail, which we remember once in *ok. */
static void put(json_t *obj, const char *key, json_t *val, bool *ok)
{
    if (!val || json_object_set_new(obj, key, val) != 0)
        *ok = false;
}

static void push(json_t *arr, json_t *val, bool *ok)
{
    if (!val || json_array_append_new(arr, val) != 0)
        *ok = false;
}

static char *emit(const gen_state *g, const char *name, minute_t start, int horizon_h, const char *scale,
                  uint64_t seed)
{
    bool ok = true;
    json_t *root = json_object();
    if (!root)
        return NULL;
    put(root, "format", jstr("sortie/scenario@1"), &ok);
    put(root, "name", jstr(name), &ok);
    put(root, "start", jtime(start), &ok);
    put(root, "horizon_h", json_integer(horizon_h), &ok);
    put(root, "pax_kg", json_integer(100), &ok);

    json_t *afs = json_array();
    put(root, "airfields", afs, &ok);
    for (int i = 0; afs && i < g->n_af; i++) {
        const gen_af *a = &g->af[i];
        json_t *o = json_object();
        push(afs, o, &ok);
        if (!o)
            break;
        put(o, "id", jstr(a->ap->icao), &ok);
        put(o, "name", jstr(a->ap->name), &ok);
        put(o, "lat", jreal(a->ap->lat, 4), &ok);
        put(o, "lon", jreal(a->ap->lon, 4), &ok);
        if (a->mog >= 0)
            put(o, "mog", json_integer(a->mog), &ok);
        if (a->has_hours) {
            json_t *h = json_object();
            put(o, "hours", h, &ok);
            if (h) {
                put(h, "open", jhhmm(a->open_min), &ok);
                put(h, "close", jhhmm(a->close_min), &ok);
            }
        }
    }

    json_t *fls = json_array();
    put(root, "fleets", fls, &ok);
    for (int i = 0; fls && i < g->n_fleets; i++) {
        const gen_fleet *f = &g->fleets[i];
        json_t *o = json_object();
        push(fls, o, &ok);
        if (!o)
            break;
        put(o, "id", jstr(f->id), &ok);
        put(o, "operator", jstr(f->op), &ok);
        put(o, "type", jstr(f->type->id), &ok);
        put(o, "count", json_integer(f->count), &ok);
        put(o, "base", jstr(g->af[f->base].ap->icao), &ok);
        put(o, "available_from", jtime(start + (minute_t)f->avail_h * 60), &ok);
    }

    json_t *rqs = json_array();
    put(root, "requirements", rqs, &ok);
    for (int i = 0; rqs && i < g->n_reqs; i++) {
        const gen_req *r = &g->reqs[i];
        json_t *o = json_object();
        push(rqs, o, &ok);
        if (!o)
            break;
        put(o, "id", jstr(r->id), &ok);
        put(o, "operator", jstr(r->op), &ok);
        put(o, "from", jstr(g->af[r->from].ap->icao), &ok);
        put(o, "to", jstr(g->af[r->to].ap->icao), &ok);
        put(o, "pax", json_integer(r->pax), &ok);
        json_t *cargo = json_array();
        put(o, "cargo", cargo, &ok);
        for (int l = 0; cargo && l < r->n_lines; l++) {
            const equip *e = r->lines[l].e;
            json_t *c = json_object();
            push(cargo, c, &ok);
            if (!c)
                break;
            put(c, "name", jstr(e->name), &ok);
            put(c, "count", json_integer(r->lines[l].count), &ok);
            put(c, "weight_kg", json_integer((json_int_t)e->kg), &ok);
            put(c, "length_m", jreal(e->l, 2), &ok);
            put(c, "width_m", jreal(e->w, 2), &ok);
            put(c, "height_m", jreal(e->h, 2), &ok);
        }
        put(o, "ready", jtime(start + r->ready_min), &ok);
        put(o, "due", jtime(start + r->due_min), &ok);
        put(o, "priority", json_integer(r->priority), &ok);
        if (r->n_carriers > 0) {
            json_t *cs = json_array();
            put(o, "carriers", cs, &ok);
            for (int c = 0; cs && c < r->n_carriers; c++)
                push(cs, jstr(r->carriers[c]), &ok);
        }
    }

    json_t *notes = json_object();
    put(root, "notes", notes, &ok);
    if (notes) {
        put(notes, "generator", jstr("sortie gen"), &ok);
        put(notes, "scale", jstr(scale), &ok);
        char seedbuf[24];
        snprintf(seedbuf, sizeof seedbuf, "%llu", (unsigned long long)seed);
        put(notes, "seed", jstr(seedbuf), &ok);
    }
    char *text = ok ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(root);
    return text;
}

/* ------------------------------------------------------------------- entry */

static sortie_status generate(const gen_size *size, bool small, const char *scale, uint64_t seed, char **out)
{
    *out = NULL;
    gen_state *g = calloc(1, sizeof *g);
    if (!g)
        return SORTIE_ENOMEM;
    g->small = small;
    /* Distinct streams per scale: XS seed 1 is not S seed 1. */
    rng_seed(&g->rng, seed ^ ((uint64_t)(unsigned char)scale[0] << 56) ^ ((uint64_t)strlen(scale) << 48));

    /* Theatres: a random one first, then the others in table order. */
    int th[N_THEATRES];
    int first = rng_int(&g->rng, 0, N_THEATRES - 1);
    for (int k = 0; k < N_THEATRES; k++)
        th[k] = (first + k) % N_THEATRES;
    int n_th = size->n_theatres;
    g->n_theatres = n_th;
    choose_airfields(g, th, n_th, size->airfields);
    set_airfield_limits(g);

    sortie_status st = SORTIE_OK;
    if (!make_fleets(g, n_th, size->aircraft)) {
        st = SORTIE_ENOMEM;
        goto done;
    }
    for (int k = 0; k < n_th; k++) {
        int pax = size->pax / n_th + (k < size->pax % n_th);
        int items = size->items / n_th + (k < size->items % n_th);
        if (!make_units(g, k, pax, items)) {
            st = SORTIE_ENOMEM;
            goto done;
        }
    }
    if (g->n_reqs == 0) {
        st = SORTIE_EINTERNAL;
        goto done;
    }
    set_dates(g, size->stagger_h);

    /* Start: a morning in 2024, the day picked by the seed. */
    minute_t start;
    if (!time_parse("2024-01-01T06:00Z", TIME_ROUND_UP, &start)) {
        st = SORTIE_EINTERNAL;
        goto done;
    }
    start += (minute_t)rng_int(&g->rng, 0, 364) * MINUTES_PER_DAY;
    double est = estimate_hours(g);
    int horizon_h = (int)ceil((size->stagger_h + 4.0 * est) / 24.0) * 24;
    if (horizon_h < 720)
        horizon_h = 720;
    int last_due_h = 0;
    for (int i = 0; i < g->n_reqs; i++)
        if (g->reqs[i].due_min / 60 + 1 > last_due_h)
            last_due_h = g->reqs[i].due_min / 60 + 1;
    if (horizon_h < last_due_h)
        horizon_h = (last_due_h + 23) / 24 * 24;

    char name[256];
    int used = snprintf(name, sizeof name, "Generated %s: ", scale);
    for (int k = 0; k < n_th && used < (int)sizeof name; k++)
        used += snprintf(name + used, sizeof name - (size_t)used, "%s%s", k ? "; " : "", theatres[th[k]].name);
    *out = emit(g, name, start, horizon_h, scale, seed);
    if (!*out)
        st = SORTIE_ENOMEM;
done:
    free(g->fleets);
    free(g->reqs);
    free(g);
    return st;
}

sortie_status sortie_generate(sortie_scale scale, uint64_t seed, char **out)
{
    if (!out)
        return SORTIE_EINPUT;
    *out = NULL;
    if ((int)scale < SORTIE_SCALE_S || (int)scale > SORTIE_SCALE_L)
        return SORTIE_EINPUT;
    static const char *names[] = {"S", "M", "L"};
    return generate(&sizes[scale], false, names[scale], seed, out);
}

sortie_status gen_small(uint64_t seed, char **out)
{
    if (!out)
        return SORTIE_EINPUT;
    gen_rng pick;
    rng_seed(&pick, seed);
    /* Three or four airfields, two to four aircraft, a few hundred people. */
    gen_size xs = {rng_int(&pick, 3, 4), rng_int(&pick, 2, 4), 0, 0, 1, 4};
    return generate(&xs, true, "XS", seed, out);
}
