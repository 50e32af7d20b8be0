/* idindex: see idindex.h. */
#include "idindex.h"

#include <stdlib.h>
#include <string.h>

static int id_key_cmp(const void *a, const void *b)
{
    const id_key *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

void idindex_sort(id_key *keys, size_t n)
{
    if (n > 1)
        qsort(keys, n, sizeof *keys, id_key_cmp);
}

long idindex_find(const id_key *keys, size_t n, const char *id)
{
    if (!id)
        return -1;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(keys[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && strcmp(keys[lo].id, id) == 0 ? (long)keys[lo].index : -1;
}
