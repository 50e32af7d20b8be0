/* gen: PLACEHOLDER, replaced by the scenario generator. */
#include "sortie.h"
#include <stdlib.h>

sortie_status sortie_generate(sortie_scale scale, uint64_t seed, char **out)
{
    (void)scale, (void)seed;
    *out = NULL;
    return SORTIE_EINTERNAL;
}
