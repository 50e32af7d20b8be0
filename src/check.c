/* check: PLACEHOLDER, replaced by the plan checker. */
#include "sortie.h"
#include <stdlib.h>

sortie_status sortie_check(const sortie_model *model, const sortie_plan *plan, sortie_diag **violations)
{
    (void)model, (void)plan;
    if (violations)
        *violations = NULL;
    return SORTIE_EINTERNAL;
}
