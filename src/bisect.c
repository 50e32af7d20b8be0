/* bisect: see bisect.h. */
#include "bisect.h"

#include <limits.h>

int bisect_simplex(glp_prob *lp, glp_smcp *parm, double *work_left)
{
    double rows = glp_get_num_rows(lp) > 0 ? glp_get_num_rows(lp) : 1;
    double its = *work_left * 1000.0 / rows;
    if (its < 1)
        return GLP_EITLIM;
    parm->it_lim = its < INT_MAX ? (int)its : INT_MAX;
    int before = glp_get_it_cnt(lp);
    int rc = glp_simplex(lp, parm);
    *work_left -= (double)(glp_get_it_cnt(lp) - before) * rows / 1000.0;
    return rc;
}

probe bisect_probe(glp_prob *lp, int method, double *work_left)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = method;
    int rc = bisect_simplex(lp, &parm, work_left);
    if (rc == GLP_EFAIL || rc == GLP_ESING || rc == GLP_ECOND || rc == GLP_EBADB) {
        glp_std_basis(lp);
        rc = bisect_simplex(lp, &parm, work_left);
    }
    if (rc == GLP_EITLIM)
        return PROBE_BUDGET;
    if (rc != 0)
        return PROBE_ERROR;
    int st = glp_get_status(lp);
    if (st == GLP_OPT || st == GLP_FEAS)
        return PROBE_FEASIBLE;
    if (st == GLP_NOFEAS || glp_get_prim_stat(lp) == GLP_NOFEAS)
        return PROBE_REFUTED;
    return PROBE_ERROR;
}

sortie_status bisect_closure(minute_t lo, minute_t hi, probe_fn ask, void *user, minute_t *out, bool *refuted,
                             minute_t *last_refuted)
{
    *out = lo;
    *refuted = false;
    *last_refuted = lo;
    probe p = ask(user, lo);
    if (p == PROBE_ERROR)
        return SORTIE_ESOLVER;
    if (p != PROBE_REFUTED)
        return SORTIE_OK;
    minute_t bad = lo, good = hi; /* bad refuted; good a valid plan's closure */
    bool verified = false, gallop = true;
    minute_t step = (good - bad) / 64 > 0 ? (good - bad) / 64 : 1;
    while (good - bad > 1) {
        minute_t mid;
        if (gallop && bad + step < good)
            mid = bad + step;
        else if (!verified) {
            mid = good; /* a plan closes at hi: the relaxation must admit it */
            gallop = false;
        } else
            mid = bad + (good - bad) / 2;
        p = ask(user, mid);
        if (p == PROBE_ERROR)
            return SORTIE_ESOLVER;
        if (p == PROBE_BUDGET)
            break; /* bad stays refuted: bad + 1 is proved */
        if (p == PROBE_REFUTED && mid == hi)
            return SORTIE_EINTERNAL;
        if (p == PROBE_REFUTED) {
            bad = mid;
            step *= 2;
        } else {
            good = mid;
            verified = true;
            gallop = false;
        }
    }
    *out = verified && good - bad <= 1 ? good : bad + 1;
    *refuted = true;
    *last_refuted = bad;
    return SORTIE_OK;
}
