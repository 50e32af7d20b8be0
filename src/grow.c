/* grow: see grow.h. */
#include "grow.h"

#include <stdlib.h>

bool grow_array(void **items, int *cap, int need, size_t size, int first)
{
    if (need < *cap)
        return true;
    int n = *cap ? *cap : first;
    while (n <= need)
        n *= 2;
    void *bigger = realloc(*items, (size_t)n * size);
    if (!bigger)
        return false;
    *items = bigger;
    *cap = n;
    return true;
}
