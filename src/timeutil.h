/*
 * timeutil: the one clock of sortie. Times are whole minutes since
 * 1970-01-01T00:00Z (int64), parsed from and written as ISO 8601 UTC with Z.
 */
#ifndef SORTIE_TIMEUTIL_H
#define SORTIE_TIMEUTIL_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t minute_t;

#define MINUTES_PER_DAY 1440
/* Times outside [1900-01-01, 2200-01-01) are refused: nothing real is planned there,
 * and it keeps every sum of times far from overflow. */
#define TIME_MIN_VALID ((minute_t)-36816480)   /* 1900-01-01T00:00Z */
#define TIME_MAX_VALID ((minute_t)120968640)   /* 2200-01-01T00:00Z */

typedef enum { TIME_ROUND_UP, TIME_ROUND_DOWN } time_rounding;

/*
 * Parses "YYYY-MM-DDTHH:MMZ" or "YYYY-MM-DDTHH:MM:SSZ". Seconds, if any, are
 * rounded to a whole minute in the direction given (earliest times round up,
 * latest times down, so a plan never breaks the stated time).
 * Returns false for anything else, including dates that do not exist.
 */
bool time_parse(const char *text, time_rounding rounding, minute_t *out);

/* Writes "YYYY-MM-DDTHH:MMZ" into buf (at least 18 bytes). */
void time_format(minute_t t, char buf[static 18]);

/* Parses "HH:MM" within 00:00..24:00 into minutes of the day (0..1440). */
bool time_parse_hhmm(const char *text, int *out);

/* Minute of the UTC day of t, 0..1439. */
int time_of_day(minute_t t);

#endif
