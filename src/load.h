/*
 * load: what is still to be moved, and packing one aircraft's load from it.
 *
 * A load is filled from the requirements of one route (same from and to)
 * in the order the caller gives (priority, then due date): for each
 * requirement its cargo lines by decreasing size (floor area, then weight),
 * then its passengers into what is left. Limits are FORMAT rule 8's: seats,
 * payload (passengers at pax_kg each plus items), every item fitting the
 * hold (turned on the floor if need be), and the items' floor areas adding
 * up to no more than the hold's floor (a simple area packing); and rule 9's
 * carrier rule: only requirements whose carriers include the aircraft's
 * operator. Requirements not yet ready at the take-off are left out.
 * Items leave room for the passengers that the route's other loads could
 * not seat, counted per requirement or for the whole route.
 */
#ifndef SORTIE_LOAD_H
#define SORTIE_LOAD_H

#include "model.h"

/* Tolerance of capacity comparisons, as model.c's hold fit: decimal figures
 * such as 7.65 m x 2.9 m must not lose an exact fit to rounding. */
#define LOAD_EPS 1e-9

typedef struct {
    const sortie_model *m;
    int *pax;          /* passengers still to move, per requirement */
    int *line0;        /* requirement r's cargo lines are items[line0[r] .. line0[r+1]) */
    int *items;        /* items still to move, per cargo line (flattened) */
    int *order;        /* per requirement, its line indices by decreasing size (flattened like items) */
    int n_lines;
    /* [type * n_lines + line]: the line's item fits the type's hold
     * (model_item_fits), looked up by every packing and search step. */
    unsigned char *fits;
} load_demand;

/* The full demand of every requirement. False when out of memory. */
bool load_demand_init(load_demand *d, const sortie_model *m);
void load_demand_free(load_demand *d);
/* Sets everything back to the full demand. */
void load_demand_reset(load_demand *d);
/* True when requirement r has passengers or items left. */
bool load_demand_left(const load_demand *d, int r);
/* True when fleet f may carry the items of flattened cargo line c of
 * requirement r (carrier rule and hold fit; not range), as
 * load_can_carry_line. */
static inline bool load_demand_carries_line(const load_demand *d, int r, int c, int f)
{
    const sortie_model *m = d->m;
    return m->reqs[r].carrier_ok[m->fleets[f].operator_index] &&
           d->fits[(size_t)m->fleets[f].type * (size_t)d->n_lines + (size_t)c];
}

typedef struct {
    int req;
    int line;          /* cargo line index within the requirement, -1 for passengers */
    int n;
} load_piece;

typedef struct {
    load_piece *pieces;
    int n_pieces, cap;
    int pax;
    double kg;         /* passengers at pax_kg plus items */
    double floor_m2;
    double fill;       /* the fullest of seats, payload and floor, 0..1 */
    int priority;      /* most urgent priority in the load */
    minute_t due;      /* earliest due date in the load */
} load_pack;

/* A packing buffer large enough for any load of model m. False when out of memory. */
bool load_pack_init(load_pack *p, const sortie_model *m);
void load_pack_free(load_pack *p);

/* True when an aircraft of fleet f may carry passengers of requirement r /
 * items of its cargo line `line` (carrier rule and hold fit; not range). */
bool load_can_carry_pax(const sortie_model *m, int r, int f);
bool load_can_carry_line(const sortie_model *m, int r, int line, int f);
/* True when fleet f may carry some part of requirement r and fly it there:
 * carrier rule, hold fit and range (one of the model's fleets of r). */
bool load_can_carry(const sortie_model *m, int r, int f);

/*
 * Packs a load for an aircraft of fleet f taking off at `dep` from the
 * requirements reqs[0..n) (all of one route, most urgent first), reading
 * the demand without changing it. The room kept for passengers counts each
 * requirement alone, or with `whole_route` this load and the route's ready
 * rest together. The result may be empty (n_pieces 0).
 */
void load_fill(const load_demand *d, int f, const int *reqs, int n, minute_t dep, bool whole_route, load_pack *out);
/* Takes a packed load out of the demand. */
void load_take(load_demand *d, const load_pack *p);
/* Puts n passengers (line -1) or items of requirement r back into the demand. */
void load_give_back(load_demand *d, int r, int line, int n);

#endif
