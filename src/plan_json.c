/* plan_json: PLACEHOLDER, replaced by the plan reader/writer. */
#include "plan.h"
#include <stdlib.h>

sortie_plan *plan_new(void) { return calloc(1, sizeof(sortie_plan)); }
sortie_status sortie_plan_read_file(const char *path, sortie_plan **out, sortie_diag **diag)
{
    (void)path;
    *out = NULL;
    if (diag)
        *diag = NULL;
    return SORTIE_EINTERNAL;
}
sortie_status sortie_plan_read_buffer(const char *text, size_t len, const char *name, sortie_plan **out,
                                      sortie_diag **diag)
{
    (void)text, (void)len, (void)name;
    *out = NULL;
    if (diag)
        *diag = NULL;
    return SORTIE_EINTERNAL;
}
void sortie_plan_free(sortie_plan *plan) { free(plan); }
sortie_status sortie_plan_to_json(const sortie_plan *plan, char **out)
{
    (void)plan;
    *out = NULL;
    return SORTIE_EINTERNAL;
}
sortie_status sortie_plan_to_csv(const sortie_plan *plan, char **out)
{
    (void)plan;
    *out = NULL;
    return SORTIE_EINTERNAL;
}
void sortie_plan_summary(const sortie_plan *plan, sortie_summary *out)
{
    (void)plan;
    *out = (sortie_summary){0};
}
