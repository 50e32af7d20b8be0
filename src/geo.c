/* geo: see geo.h. */
#include "geo.h"

#include <geodesic.h>
#include <math.h>

/* Longer than any horizon the reader accepts (ten years), and far from INT_MAX. */
#define GEO_MAX_LEG_MIN 10000000

double geo_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    struct geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double s12 = 0.0;
    geod_inverse(&g, lat1, lon1, lat2, lon2, &s12, 0, 0);
    return s12 / 1000.0;
}

int geo_leg_minutes(double distance_km, double cruise_kmh, int taxi_min)
{
    /* Rounding of the quotient to 1e-9 keeps exact cases (600 km at 600 km/h)
     * from becoming 61 minutes through floating-point noise. */
    double air = distance_km / cruise_kmh * 60.0;
    double rounded = round(air * 1e9) / 1e9;
    /* The reader keeps speeds and distances sane; saturating here keeps a
     * model built some other way from converting an infinite duration. */
    if (!(rounded < GEO_MAX_LEG_MIN))
        return GEO_MAX_LEG_MIN + taxi_min;
    return (int)ceil(rounded) + taxi_min;
}
