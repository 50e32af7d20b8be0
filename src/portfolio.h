/*
 * portfolio: the constructions after the first, taken in turn by two
 * threads while the planner solves the LP bound on the first (both only
 * read the model; GLPK is only called from the first thread). The patient
 * construction (DISPATCH_PATIENT_WAITS) always; then, where one
 * construction costs more than a search step may (improve_restarts_pay is
 * false, as on L, where the search makes few steps), a few that weigh
 * short spots differently: twice the spot weight, the strict rule in a
 * hasty and a patient construction, admission to short spots by the fluid
 * plan (dispatch_knobs.admit), patient, and the strict rule at a ratio of
 * 1.5, hasty (these two let slow types take spots that would otherwise
 * stand idle), and rivals (dispatch_knobs.rivals), hasty: a short spot goes
 * to the aircraft that brings most in it among those free within six
 * hours, not to the one free first. Which weighing suits a scenario's bottleneck airfield
 * differs from one scenario to the next, and there a construction costs
 * less than the LP.
 *
 * The second thread (the helper) starts with the patient construction;
 * the first joins once its LP is solved, on a dispatcher of its own, and
 * both take the next construction left, the patient ones first. Each
 * construction's result is kept apart and the best is chosen in the
 * list's order, so which thread runs which, and when, changes nothing in
 * the plan.
 */
#ifndef SORTIE_PORTFOLIO_H
#define SORTIE_PORTFOLIO_H

#include <pthread.h>

#include "dispatch.h"
#include "sched.h"

/* Constructions in the portfolio, the patient one first. Those from
 * PORTFOLIO_HELPER on run where the first construction alone costs more
 * than a search step may; those before it (after the patient one) where
 * the first and the patient one together do (portfolio_run). */
#define PORTFOLIO_HELPER 4
#define PORTFOLIO_SIZE 7

/* The strict rule's ratio in the variants (dispatch_knobs.strict): a type
 * bringing under a third of the best type's kg per ground minute leaves
 * short spots alone. */
#define PORTFOLIO_STRICT 3.0
/* The ratio of the last strict construction: only types bringing under
 * two thirds of the best leave the spots alone, but they may take a spot
 * that would otherwise stand idle. */
#define PORTFOLIO_STRICT_IDLE 1.5

/* The window of the last construction's rivals (dispatch_knobs.rivals), minutes. */
#define PORTFOLIO_RIVALS 360

/* The constructions of one planning run, shared by the threads that take
 * them (under `lock`). */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t decided;     /* signalled when `gate` is decided */
    long first_work;            /* the first construction's work (dispatch_work) */
    bool costly;                /* constructions PORTFOLIO_HELPER .. run: the first alone costs more
                                 * than a search step may */
    int gate;                   /* constructions 1 .. PORTFOLIO_HELPER - 1: -1 not decided yet (the
                                 * patient one has not run), 0 they do not run, 1 they do */
    int next;                   /* how many the threads have taken, in their order (portfolio.c) */
    sched *out[PORTFOLIO_SIZE]; /* each construction's schedule (owned), NULL when not run or it failed */
    sortie_status status;       /* SORTIE_ENOMEM once a construction ran out of memory, else SORTIE_OK */
} portfolio_share;

/* One thread's part. */
typedef struct {
    portfolio_share *share;
    dispatch *d;     /* in: this thread's dispatcher, its alone until portfolio_run returns */
    bool helper;     /* in: the thread that runs the patient construction (it takes it first);
                      * the other takes none until the helper has, and waits for the helper's
                      * decision on those that depend on its work */
    int runs;        /* out: constructions it ran */
    long extra_work; /* out: its dispatcher's work on constructions after the patient one */
} portfolio_job;

/* The knobs of construction i (0 <= i < PORTFOLIO_SIZE). */
dispatch_knobs portfolio_knobs(int i);

/* Sets up s for a run whose first construction did first_work on d. False
 * when the lock cannot be made (s is then left as it was). */
bool portfolio_share_init(portfolio_share *s, const dispatch *d, long first_work);
/* Frees the schedules s still holds, its lock and its condition. */
void portfolio_share_free(portfolio_share *s);

/* Runs constructions of job->share on job->d until none is left for this
 * thread (a pthread start routine; returns NULL). */
void *portfolio_run(void *job);

/* Keeps in *best the best of *best and the share's schedules, in the list's
 * order (improve_compare; the earlier on a tie), and frees the others; the
 * share holds none after. SORTIE_ENOMEM when a construction ran out of
 * memory (*best is then left as it was). */
sortie_status portfolio_take(portfolio_share *s, sched **best);

#endif
