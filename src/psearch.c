/*
 * psearch: the improvement search on two threads, in rounds (psearch.h).
 * During a round each lane owns its dispatcher and its copy of the best
 * schedule; the model is only read. GLPK is not called here.
 */
#include "psearch.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct {
    const sortie_model *m;
    dispatch *d;
    sched *best;      /* the lane's own copy during a round */
    improve_opts o;
    long next_step;
    bool cut_short;
    sortie_status status;
} lane;

static void *lane_round(void *arg)
{
    lane *l = arg;
    l->status = improve_run(l->m, l->d, &l->best, &l->o, &l->cut_short, &l->next_step);
    return NULL;
}

/* Runs the active lanes' round, the second on its own thread when it can be started. */
static void run_round(lane *lanes, const bool *active)
{
    pthread_t helper;
    bool threaded = active[0] && active[1] && pthread_create(&helper, NULL, lane_round, &lanes[1]) == 0;
    if (active[0])
        lane_round(&lanes[0]);
    if (threaded)
        pthread_join(helper, NULL);
    else if (active[1])
        lane_round(&lanes[1]);
}

sortie_status psearch_run(const sortie_model *m, dispatch *const lanes[2], sched **best, const improve_opts *o,
                          bool *cut_short)
{
    *cut_short = false;
    rng own, second;
    rng_seed(&own, o->seed);
    rng_seed(&second, o->seed ^ PSEARCH_SECOND_SEED);
    rng *random[2] = {o->random ? o->random : &own, &second};
    /* Both lanes count the earlier parts' work as spent, and cost a fresh
     * construction as the first lane's dispatcher says. */
    long base[2] = {dispatch_work(lanes[0]) - o->work_before, dispatch_work(lanes[1]) - o->work_before};
    long construct = improve_construct_work(lanes[0], o);
    long step = o->steps_before, end = improve_max_steps(o);
    if (o->iterations > 0 && step + o->iterations < end)
        end = step + o->iterations;
    improve_obj cur;
    improve_objective(*best, &cur);
    bool active[2] = {true, true};
    sortie_status st = SORTIE_OK;
    while (step < end && cur.closure > o->bound && (active[0] || active[1]) && !*cut_short && st == SORTIE_OK) {
        long n = end - step < PSEARCH_ROUND ? end - step : PSEARCH_ROUND;
        lane round[2] = {{0}};
        for (int l = 0; l < 2; l++) {
            if (!active[l])
                continue;
            round[l] = (lane){.m = m, .d = lanes[l], .o = *o, .status = SORTIE_OK};
            round[l].o.random = random[l];
            round[l].o.iterations = n;
            round[l].o.steps_before = step;
            round[l].o.work_before = dispatch_work(lanes[l]) - base[l];
            round[l].o.construct_work = construct;
            round[l].o.improved = NULL;
            round[l].best = sched_clone(*best);
            if (!round[l].best)
                st = SORTIE_ENOMEM;
        }
        if (st == SORTIE_OK)
            run_round(round, active);
        /* The better lane's schedule goes on; the first's when equal (its
         * moves sideways are what a one-lane search would keep). */
        int winner = -1;
        improve_obj won = cur;
        for (int l = 0; l < 2; l++) {
            if (!active[l] || !round[l].best)
                continue;
            if (round[l].status == SORTIE_ENOMEM)
                st = SORTIE_ENOMEM;
            if (round[l].cut_short)
                *cut_short = true;
            if (round[l].next_step < step + n)
                active[l] = false; /* its budget, the bound or the clock stopped it */
            improve_obj obj;
            improve_objective(round[l].best, &obj);
            if (winner < 0 || improve_compare(&obj, &won) < 0) {
                winner = l;
                won = obj;
            }
        }
        if (winner >= 0) {
            bool better = improve_compare(&won, &cur) < 0;
            sched_free(*best);
            *best = round[winner].best;
            round[winner].best = NULL;
            cur = won;
            if (better && o->improved)
                o->improved(*best, o->improved_user);
        }
        for (int l = 0; l < 2; l++)
            sched_free(round[l].best);
        step += n;
    }
    return st;
}
