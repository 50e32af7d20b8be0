/*
 * geo: WGS84 geodesic distance (Karney's algorithm, through PROJ's
 * geodesic.h) and FORMAT rule 3's leg minutes. Nothing else here does geometry.
 */
#ifndef SORTIE_GEO_H
#define SORTIE_GEO_H

/* Geodesic distance in km between two points given in degrees. */
double geo_distance_km(double lat1, double lon1, double lat2, double lon2);

/* ceil(distance_km / cruise_kmh * 60) + taxi_min: the least minutes a leg lasts. */
int geo_leg_minutes(double distance_km, double cruise_kmh, int taxi_min);

#endif
