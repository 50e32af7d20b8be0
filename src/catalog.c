/*
 * catalog: the built-in aircraft types. This module owns one static, constant
 * table of transport and charter aircraft and the three views of it: lookup by
 * id (catalog_find), iteration (sortie_catalog_count/_type) and the table as
 * FORMAT.md's `aircraft_types` JSON array (sortie_catalog_json).
 *
 * Every figure comes from a public source; docs/aircraft.md names the source
 * of each and marks which figures are planning assumptions rather than
 * published values (all ground times, and the conservative cuts made to some
 * ranges and cruise speeds). There is no mutable state here.
 *
 * Units follow FORMAT.md: kg, m, km, km/h, minutes. `seats` counts troop
 * seats in the usual military fit (the paratrooper figure where a source
 * gives both) and, for the two airliners, a typical charter cabin.
 */
#include "catalog.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The least time between landing and the next take-off used for planning:
 * not published anywhere, chosen per class (see docs/aircraft.md). */
enum {
    GROUND_MIN_HEAVY_JET = 150,   /* Il-76, C-17, Y-20, A400M: vehicles on and off */
    GROUND_MIN_OUTSIZE = 180,     /* An-124: nose and tail loading, largest loads */
    GROUND_MIN_TACTICAL = 120,    /* An-12, An-26, C-130J, KC-390 */
    GROUND_MIN_AIRLINER = 90,     /* passenger charter turn-round with baggage */
    TAXI_MIN_DEFAULT = 15,        /* FORMAT.md's default */
};

static const sortie_aircraft_type catalog_types[] = {
    {.id = "IL-76MD",
     .name = "Ilyushin Il-76MD",
     .payload_kg = 40000.0,
     .seats = 126,
     .hold_length_m = 20.0,
     .hold_width_m = 3.45,
     .hold_height_m = 3.4,
     .cruise_kmh = 750.0,
     .range_km = 4000.0,
     .ferry_range_km = 7300.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_HEAVY_JET},
    {.id = "IL-76MD-90A",
     .name = "Ilyushin Il-76MD-90A",
     .payload_kg = 48000.0,
     .seats = 126,
     .hold_length_m = 20.0,
     .hold_width_m = 3.45,
     .hold_height_m = 3.4,
     .cruise_kmh = 780.0,
     .range_km = 5500.0,
     .ferry_range_km = 6500.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_HEAVY_JET},
    {.id = "AN-124-100",
     .name = "Antonov An-124-100 Ruslan",
     .payload_kg = 120000.0,
     .seats = 88,
     .hold_length_m = 36.0,
     .hold_width_m = 6.4,
     .hold_height_m = 4.4,
     .cruise_kmh = 800.0,
     .range_km = 4500.0,
     .ferry_range_km = 15000.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_OUTSIZE},
    {.id = "AN-12BK",
     .name = "Antonov An-12BK",
     .payload_kg = 20000.0,
     .seats = 60,
     .hold_length_m = 13.5,
     .hold_width_m = 3.0,
     .hold_height_m = 2.4,
     .cruise_kmh = 550.0,
     .range_km = 3600.0,
     .ferry_range_km = 5700.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_TACTICAL},
    {.id = "AN-26",
     .name = "Antonov An-26",
     .payload_kg = 5500.0,
     .seats = 30,
     .hold_length_m = 11.1,
     .hold_width_m = 2.3,
     .hold_height_m = 1.9,
     .cruise_kmh = 440.0,
     .range_km = 1100.0,
     .ferry_range_km = 2550.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_TACTICAL},
    {.id = "C-17A",
     .name = "Boeing C-17A Globemaster III",
     .payload_kg = 77519.0,
     .seats = 102,
     .hold_length_m = 26.82,
     .hold_width_m = 5.49,
     .hold_height_m = 3.76,
     .cruise_kmh = 830.0,
     .range_km = 4482.0,
     .ferry_range_km = 11540.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_HEAVY_JET},
    {.id = "C-130J-30",
     .name = "Lockheed C-130J-30 Hercules",
     .payload_kg = 19958.0,
     .seats = 92,
     .hold_length_m = 17.1,
     .hold_width_m = 3.1,
     .hold_height_m = 2.7,
     .cruise_kmh = 644.0,
     .range_km = 3300.0,
     .ferry_range_km = 5250.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_TACTICAL},
    {.id = "A400M",
     .name = "Airbus A400M Atlas",
     .payload_kg = 37000.0,
     .seats = 116,
     .hold_length_m = 17.71,
     .hold_width_m = 4.0,
     .hold_height_m = 3.85,
     .cruise_kmh = 780.0,
     .range_km = 3300.0,
     .ferry_range_km = 8700.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_HEAVY_JET},
    {.id = "Y-20",
     .name = "Xi'an Y-20 Kunpeng",
     .payload_kg = 66000.0,
     .seats = 126,
     .hold_length_m = 20.0,
     .hold_width_m = 4.0,
     .hold_height_m = 4.0,
     .cruise_kmh = 750.0,
     .range_km = 4400.0,
     .ferry_range_km = 7800.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_HEAVY_JET},
    {.id = "KC-390",
     .name = "Embraer KC-390 Millennium",
     .payload_kg = 26000.0,
     .seats = 64,
     .hold_length_m = 18.54,
     .hold_width_m = 3.45,
     .hold_height_m = 2.95,
     .cruise_kmh = 850.0,
     .range_km = 2500.0,
     .ferry_range_km = 6000.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_TACTICAL},
    {.id = "A330-200",
     .name = "Airbus A330-200 (charter)",
     .payload_kg = 36000.0,
     .seats = 300,
     .hold_length_m = 20.0,
     .hold_width_m = 3.1,
     .hold_height_m = 1.63,
     .cruise_kmh = 870.0,
     .range_km = 10000.0,
     .ferry_range_km = 13450.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_AIRLINER},
    {.id = "B737-800",
     .name = "Boeing 737-800 (charter)",
     .payload_kg = 20000.0,
     .seats = 189,
     .hold_length_m = 18.0,
     .hold_width_m = 2.0,
     .hold_height_m = 1.2,
     .cruise_kmh = 840.0,
     .range_km = 5000.0,
     .ferry_range_km = 5400.0,
     .taxi_min = TAXI_MIN_DEFAULT,
     .ground_min = GROUND_MIN_AIRLINER},
};

enum { CATALOG_COUNT = sizeof catalog_types / sizeof catalog_types[0] };

const sortie_aircraft_type *catalog_find(const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < CATALOG_COUNT; i++)
        if (strcmp(catalog_types[i].id, id) == 0)
            return &catalog_types[i];
    return NULL;
}

size_t sortie_catalog_count(void) { return CATALOG_COUNT; }

const sortie_aircraft_type *sortie_catalog_type(size_t i)
{
    return i < CATALOG_COUNT ? &catalog_types[i] : NULL;
}

/* A JSON number for `value`: an integer when the value is whole (so that
 * 40000 prints as 40000, as FORMAT.md writes it), otherwise a real. */
static json_t *number_json(double value)
{
    if (value == floor(value) && fabs(value) < 9007199254740992.0)
        return json_integer((json_int_t)value);
    return json_real(value);
}

/* Sets obj[key] = value, taking ownership of value. False when value is NULL
 * (an earlier allocation failed) or the insertion itself fails. */
static bool set_owned(json_t *obj, const char *key, json_t *value)
{
    return value && json_object_set_new(obj, key, value) == 0;
}

/* One catalog entry in FORMAT.md's key order, plus the extension key `name`.
 * NULL when memory runs out. */
static json_t *type_json(const sortie_aircraft_type *t)
{
    json_t *obj = json_object();
    json_t *hold = json_object();
    if (!obj || !hold) {
        json_decref(obj);
        json_decref(hold);
        return NULL;
    }
    bool ok = set_owned(hold, "length_m", number_json(t->hold_length_m)) &&
              set_owned(hold, "width_m", number_json(t->hold_width_m)) &&
              set_owned(hold, "height_m", number_json(t->hold_height_m));
    if (!ok) {
        json_decref(hold);
        json_decref(obj);
        return NULL;
    }
    /* Keys go in FORMAT.md's order; `hold` is handed to obj only after the
     * keys before it, so it is released here if one of those fails. */
    ok = set_owned(obj, "id", json_string(t->id)) && set_owned(obj, "name", json_string(t->name)) &&
         set_owned(obj, "payload_kg", number_json(t->payload_kg)) &&
         set_owned(obj, "seats", json_integer(t->seats));
    if (!ok) {
        json_decref(hold);
        json_decref(obj);
        return NULL;
    }
    ok = set_owned(obj, "hold", hold) && /* obj owns hold from here, even on failure */
         set_owned(obj, "cruise_kmh", number_json(t->cruise_kmh)) &&
         set_owned(obj, "range_km", number_json(t->range_km)) &&
         set_owned(obj, "ferry_range_km", number_json(t->ferry_range_km)) &&
         set_owned(obj, "taxi_min", json_integer(t->taxi_min)) &&
         set_owned(obj, "ground_min", json_integer(t->ground_min));
    if (!ok) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

sortie_status sortie_catalog_json(char **out)
{
    if (!out)
        return SORTIE_EINPUT;
    *out = NULL;
    json_t *array = json_array();
    if (!array)
        return SORTIE_ENOMEM;
    for (size_t i = 0; i < CATALOG_COUNT; i++) {
        json_t *entry = type_json(&catalog_types[i]);
        if (!entry || json_array_append_new(array, entry) != 0) {
            json_decref(array);
            return SORTIE_ENOMEM;
        }
    }
    /* jansson allocates the text with malloc unless json_set_alloc_funcs was
     * called, which sortie never does, so sortie_free (free) releases it. */
    char *text = json_dumps(array, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(array);
    if (!text)
        return SORTIE_ENOMEM;
    *out = text;
    return SORTIE_OK;
}
