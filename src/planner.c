/* planner: PLACEHOLDER, replaced by the planner. */
#include "sortie.h"
#include <stdlib.h>

void sortie_params_init(sortie_params *params)
{
    *params = (sortie_params){.seed = 1, .time_limit_s = 2.0, .bucket_min = 15, .lp_bound = 1};
}
sortie_status sortie_plan_make(const sortie_model *model, const sortie_params *params, sortie_plan **out,
                               sortie_diag **diag)
{
    (void)model, (void)params;
    *out = NULL;
    if (diag)
        *diag = NULL;
    return SORTIE_EINTERNAL;
}
sortie_status sortie_plan_summary_text(const sortie_model *model, const sortie_plan *plan, int as_json, char **out)
{
    (void)model, (void)plan, (void)as_json;
    *out = NULL;
    return SORTIE_EINTERNAL;
}
