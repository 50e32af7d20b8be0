/*
 * gen: the scenario generator behind sortie_generate (gen.c). This header
 * adds the one internal entry the tests use: a very small scenario for
 * exact-mode comparisons.
 */
#ifndef SORTIE_GEN_H
#define SORTIE_GEN_H

#include "sortie.h"

/*
 * A tiny "XS" scenario (one theatre; one or two origins with a tight MOG and
 * sometimes opening hours; destinations that are the fleets' own bases;
 * two to four aircraft; a handful of sorties), small enough for exact mode
 * to prove its optimum in seconds. Every leg it needs is a direct one within
 * range. *out is JSON text owned by the caller (free()).
 */
sortie_status gen_small(uint64_t seed, char **out);

#endif
