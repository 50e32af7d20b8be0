/* cmd_types: `sortie types [--json]`: the built-in aircraft catalog as a table or as JSON. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char types_usage[] = "usage: sortie types [--json]\n"
                                  "Lists the built-in aircraft catalog; --json prints FORMAT.md's aircraft_types array.\n";

int cmd_types(int argc, char **argv)
{
    int as_json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            as_json = 1;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(types_usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "sortie: types: unknown option '%s'\n%s", argv[i], types_usage);
            return 2;
        }
    }
    if (as_json) {
        char *text = NULL;
        sortie_status st = sortie_catalog_json(&text);
        if (st != SORTIE_OK) {
            fprintf(stderr, "sortie: types: %s\n", sortie_strerror(st));
            return 2;
        }
        fputs(text, stdout);
        fputc('\n', stdout);
        sortie_free(text);
        return 0;
    }
    printf("%-12s %-28s %10s %5s %6s %5s %5s %6s %7s %7s %5s %6s\n", "id", "name", "payload_kg", "seats", "hold_l",
           "_w", "_h", "kmh", "range", "ferry", "taxi", "ground");
    for (size_t i = 0; i < sortie_catalog_count(); i++) {
        const sortie_aircraft_type *t = sortie_catalog_type(i);
        printf("%-12s %-28s %10.0f %5d %6.2f %5.2f %5.2f %6.0f %7.0f %7.0f %5d %6d\n", t->id, t->name, t->payload_kg,
               t->seats, t->hold_length_m, t->hold_width_m, t->hold_height_m, t->cruise_kmh, t->range_km,
               t->ferry_range_km, t->taxi_min, t->ground_min);
    }
    return 0;
}
