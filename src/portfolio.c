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
    k.strict_idle = i == 4 || i == 5;
    if (i == 6)
        k.rivals = PORTFOLIO_RIVALS;
    return k;
}

/* The order in which the threads take the constructions: the patient
 * ones first, which take longest (on the generated L-1 about 4 s each
 * against 0.4 s for a hasty one), so that the last to finish is a short one. */
static const int TAKE_ORDER[PORTFOLIO_SIZE] = {0, 6, 4, 3, 1, 2, 5};

bool portfolio_share_init(portfolio_share *s, const dispatch *d, long first_work)
{
    if (pthread_mutex_init(&s->lock, NULL) != 0)
        return false;
    if (pthread_cond_init(&s->decided, NULL) != 0) {
        pthread_mutex_destroy(&s->lock);
        return false;
    }
    s->first_work = first_work;
    /* The last constructions only where the first alone costs more than a
     * search step may: there the search makes no fresh ones itself. */
    improve_opts o = {.construct_work = first_work};
    s->costly = !improve_restarts_pay(d, &o);
    s->gate = -1;
    s->next = 0;
    for (int i = 0; i < PORTFOLIO_SIZE; i++)
        s->out[i] = NULL;
    s->status = SORTIE_OK;
    return true;
}

void portfolio_share_free(portfolio_share *s)
{
    for (int i = 0; i < PORTFOLIO_SIZE; i++) {
        sched_free(s->out[i]);
        s->out[i] = NULL;
    }
    pthread_cond_destroy(&s->decided);
    pthread_mutex_destroy(&s->lock);
}

/* The next construction for the thread (the helper, or the other), or -1
 * when none is left for it; under the lock. The patient one is the
 * helper's, which takes it first; the other waits for what it decides. */
static int take(portfolio_share *s, bool helper)
{
    while (s->next < PORTFOLIO_SIZE && s->status == SORTIE_OK) {
        int i = TAKE_ORDER[s->next];
        if (i == 0 && !helper)
            return -1;
        if (i > 0 && i < PORTFOLIO_HELPER && s->gate < 0) {
            pthread_cond_wait(&s->decided, &s->lock);
            continue;
        }
        s->next++;
        if ((i >= PORTFOLIO_HELPER && !s->costly) || (i > 0 && i < PORTFOLIO_HELPER && s->gate == 0))
            continue;
        return i;
    }
    return -1;
}

void *portfolio_run(void *arg)
{
    portfolio_job *job = arg;
    portfolio_share *s = job->share;
    job->runs = 0;
    job->extra_work = 0;
    for (;;) {
        pthread_mutex_lock(&s->lock);
        int i = take(s, job->helper);
        pthread_mutex_unlock(&s->lock);
        if (i < 0)
            break;
        long before = dispatch_work(job->d);
        dispatch_knobs k = portfolio_knobs(i);
        sched *cand = NULL;
        sortie_status st = dispatch_run(job->d, NULL, NULL, &k, &cand);
        long work = dispatch_work(job->d) - before;
        job->runs++;
        if (i > 0)
            job->extra_work += work;
        if (st != SORTIE_OK) {
            sched_free(cand);
            cand = NULL;
        }
        pthread_mutex_lock(&s->lock);
        s->out[i] = cand;
        if (st == SORTIE_ENOMEM)
            s->status = st;
        /* After the patient one, the planner's own test of whether the
         * search restarts constructions, on the first two. */
        if (i == 0) {
            improve_opts o = {.construct_work = (s->first_work + work) / 2};
            s->gate = improve_restarts_pay(job->d, &o) ? 0 : 1;
            pthread_cond_broadcast(&s->decided);
        }
        pthread_mutex_unlock(&s->lock);
    }
    return NULL;
}

sortie_status portfolio_take(portfolio_share *s, sched **best)
{
    sortie_status st = s->status;
    for (int i = 0; i < PORTFOLIO_SIZE; i++) {
        if (s->out[i] && st == SORTIE_OK)
            improve_keep_better(best, s->out[i]);
        else
            sched_free(s->out[i]);
        s->out[i] = NULL;
    }
    return st;
}
