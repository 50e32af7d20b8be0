/*
 * airports: a static table of real airfields (ICAO location indicator, name,
 * WGS84 coordinates rounded to about 100 m from public airport lists) that
 * the scenario generator (gen.c) draws theatres from. Read-only data, no state.
 */
#ifndef SORTIE_AIRPORTS_H
#define SORTIE_AIRPORTS_H

#include <stddef.h>

typedef struct {
    const char *icao;
    const char *name;
    double lat, lon;
} airport;

/* The airfield with this ICAO id, or NULL. Static storage. */
const airport *airports_find(const char *icao);

/* Number of entries, and entry i (NULL when out of range). */
size_t airports_count(void);
const airport *airports_get(size_t i);

#endif
