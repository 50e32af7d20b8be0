/* portfolio: see portfolio.h. */
#include "portfolio.h"

#include "improve.h"

dispatch_knobs portfolio_knobs(int i)
{
    bool patient = i == 0 || i == 3 || i == 4;
    dispatch_knobs k = dispatch_knobs_default(patient ? DISPATCH_PATIENT_WAITS : DISPATCH_MAX_WAITS);
    if (i == 1)
        k.slot = 2 * DISPATCH_SLOT;
    if (i == 2 || i == 3)
        k.strict = PORTFOLIO_STRICT;
    if (i == 4)
        k.admit = DISPATCH_ADMIT;
    if (i == 5)
        k.strict = PORTFOLIO_STRICT_IDLE;
    k.strict_idle = i >= 4;
    return k;
}

void *portfolio_run(void *arg)
{
    portfolio_job *job = arg;
    job->status = SORTIE_OK;
    job->runs = 0;
    job->extra_work = 0;
    long patient_work = 0;
    for (int i = job->from; i < job->to; i++) {
        /* After the patient one, the planner's own test of whether the
         * search restarts constructions, on the first two (on the first
         * thread, which runs no patient one first, on the first alone). */
        improve_opts o = {.construct_work = i == 1 ? (job->first_work + patient_work) / 2 : job->first_work};
        if ((i == 1 || (i == job->from && i > 0)) && improve_restarts_pay(job->d, &o))
            break;
        long before = dispatch_work(job->d);
        dispatch_knobs k = portfolio_knobs(i);
        sched *cand = NULL;
        sortie_status st = dispatch_run(job->d, NULL, NULL, &k, &cand);
        job->runs++;
        if (i == 0)
            patient_work = dispatch_work(job->d) - before;
        else
            job->extra_work += dispatch_work(job->d) - before;
        if (st == SORTIE_OK) {
            improve_keep_better(&job->out, cand);
            continue;
        }
        sched_free(cand);
        if (st == SORTIE_ENOMEM) {
            job->status = st;
            break;
        }
    }
    return NULL;
}

sortie_status portfolio_take(portfolio_job *job, sched **best)
{
    if (job->status == SORTIE_ENOMEM) {
        sched_free(job->out);
        job->out = NULL;
        return SORTIE_ENOMEM;
    }
    if (job->out)
        improve_keep_better(best, job->out);
    job->out = NULL;
    return SORTIE_OK;
}
