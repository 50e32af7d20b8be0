/*
 * grow: the one way an array that is appended to grows here: doubling, from
 * a first capacity the caller picks. The array and its capacity stay the
 * caller's; on failure both are left as they were.
 */
#ifndef SORTIE_GROW_H
#define SORTIE_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Makes *items (elements of `size` bytes, *cap of them) hold index `need`:
 * reallocated to `first` elements, or twice as many until it fits. False
 * when out of memory. */
bool grow_array(void **items, int *cap, int need, size_t size, int first);

#endif
