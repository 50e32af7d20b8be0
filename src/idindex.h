/*
 * idindex: sorted (id, index) pairs for looking up list entries by their id
 * in O(log n). The plan checker and the movement-table writer both find
 * loads, tails and requirements this way; duplicates keep their order, and
 * a lookup returns the lowest index with the id.
 */
#ifndef SORTIE_IDINDEX_H
#define SORTIE_IDINDEX_H

#include <stddef.h>

typedef struct {
    const char *id;          /* borrowed */
    size_t index;
} id_key;

/* Sorts n keys by id, then index. */
void idindex_sort(id_key *keys, size_t n);

/* The index of the first key with this id in sorted keys, or -1 (also for a NULL id). */
long idindex_find(const id_key *keys, size_t n, const char *id);

#endif
