/*
 * portfolio: the constructions after the first, run on a second thread
 * while the planner solves the LP bound on the first (both only read the
 * model; GLPK is only called from the first thread). The patient
 * construction (DISPATCH_PATIENT_WAITS) always; then, where one
 * construction costs more than a search step may (improve_restarts_pay is
 * false, as on L, where the search makes few steps), a few that weigh
 * short spots differently: twice the spot weight, and the strict rule in
 * a hasty and a patient construction. Which weighing suits a scenario's
 * bottleneck airfield differs from one scenario to the next, and there a
 * construction costs less than the LP. There two more run on the first
 * thread once the LP is solved, with a dispatcher of its own: admission to
 * short spots by the fluid plan (dispatch_knobs.admit), patient, and the
 * strict rule at a ratio of 1.5, hasty; both let slow types take spots
 * that would otherwise stand idle. The lists and their
 * order are fixed, so the plan does not depend on timing.
 */
#ifndef SORTIE_PORTFOLIO_H
#define SORTIE_PORTFOLIO_H

#include "dispatch.h"
#include "sched.h"

/* Constructions in the portfolio, the patient one first: those of the
 * second thread, then those of the first (PORTFOLIO_SIZE in all). */
#define PORTFOLIO_HELPER 4
#define PORTFOLIO_SIZE 6

/* The strict rule's ratio in the variants (dispatch_knobs.strict): a type
 * bringing under a third of the best type's kg per ground minute leaves
 * short spots alone. */
#define PORTFOLIO_STRICT 3.0
/* The ratio of the first thread's strict constructions: only types
 * bringing under two thirds of the best leave the spots alone, but they
 * may take a spot that would otherwise stand idle. */
#define PORTFOLIO_STRICT_IDLE 1.5

typedef struct {
    dispatch *d;         /* in: the dispatcher, the portfolio's alone until it returns */
    long first_work;     /* in: the work of the first construction (on the planner's dispatcher) */
    int from, to;        /* in: constructions from .. to - 1 (0 .. PORTFOLIO_HELPER on the second
                          * thread, PORTFOLIO_HELPER .. PORTFOLIO_SIZE on the first) */
    sched *out;          /* out: the best schedule that delivered everything (owned), or NULL */
    int runs;            /* out: constructions run */
    long extra_work;     /* out: the dispatcher's work on those after the patient one */
    sortie_status status; /* out: SORTIE_ENOMEM, or SORTIE_OK */
} portfolio_job;

/* The knobs of construction i (0 <= i < PORTFOLIO_SIZE). */
dispatch_knobs portfolio_knobs(int i);

/* Runs the constructions of the portfolio_job at `job` (a pthread start
 * routine; returns NULL). Those after the patient one only where
 * constructions cost more than a search step may: measured by the first
 * and the patient construction's work on the second thread, by the
 * first's alone on the first. */
void *portfolio_run(void *job);

/* Keeps in *best the better of *best and job->out (improve_compare; *best
 * on a tie) and frees the other; job->out is NULL after. SORTIE_ENOMEM
 * when the portfolio ran out of memory. */
sortie_status portfolio_take(portfolio_job *job, sched **best);

#endif
