/*
 * catalog: the built-in aircraft types (static data, every figure from a
 * public source listed in docs/aircraft.md). Public view: sortie_catalog_*.
 */
#ifndef SORTIE_CATALOG_H
#define SORTIE_CATALOG_H

#include "sortie.h"

/* The catalog entry with this id (exact, case-sensitive), or NULL. Static storage. */
const sortie_aircraft_type *catalog_find(const char *id);

#endif
