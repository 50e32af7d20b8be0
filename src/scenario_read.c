/* scenario_read: PLACEHOLDER, replaced by the scenario reader. */
#include "scenario.h"
#include <stdlib.h>

sortie_status sortie_scenario_read_file(const char *path, sortie_scenario **out, sortie_diag **diag)
{
    (void)path;
    *out = NULL;
    if (diag)
        *diag = NULL;
    return SORTIE_EINTERNAL;
}

sortie_status sortie_scenario_read_buffer(const char *text, size_t len, const char *name, sortie_scenario **out,
                                          sortie_diag **diag)
{
    (void)text, (void)len, (void)name;
    *out = NULL;
    if (diag)
        *diag = NULL;
    return SORTIE_EINTERNAL;
}

void sortie_scenario_free(sortie_scenario *scenario) { free(scenario); }
