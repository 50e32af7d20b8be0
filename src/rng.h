/*
 * rng: a small seeded pseudo-random generator (xoshiro256** seeded through
 * splitmix64). All state lives in the struct the caller owns, so the same
 * seed gives the same sequence on every platform and no global is touched.
 */
#ifndef SORTIE_RNG_H
#define SORTIE_RNG_H

#include <stdint.h>

typedef struct {
    uint64_t s[4];
} rng;

/* Seeds the generator; every seed, 0 included, gives a usable state. */
void rng_seed(rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t rng_next(rng *r);
/* A uniform integer in [0, n); 0 when n <= 0. */
int rng_below(rng *r, int n);
/* A uniform double in [0, 1). */
double rng_unit(rng *r);

#endif
