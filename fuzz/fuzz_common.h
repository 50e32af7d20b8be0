/*
 * fuzz_common: invariants every harness checks on what the library returns.
 * A broken invariant aborts, which libFuzzer reports as a finding with the
 * input that caused it. Memory errors, leaks and undefined behaviour are
 * caught by AddressSanitizer, LeakSanitizer and UBSan, which every harness
 * is built with.
 */
#ifndef SORTIE_FUZZ_COMMON_H
#define SORTIE_FUZZ_COMMON_H

#include "sortie.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_REQUIRE(cond)                                                                     \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "fuzz invariant failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* Every message is one non-empty line; at most 20 are kept. */
static inline void fuzz_check_diag(const sortie_diag *diag)
{
    size_t n = sortie_diag_count(diag);
    FUZZ_REQUIRE(n <= 20);
    for (size_t i = 0; i < n; i++) {
        const char *m = sortie_diag_message(diag, i);
        FUZZ_REQUIRE(m != NULL);
        FUZZ_REQUIRE(m[0] != '\0');
        FUZZ_REQUIRE(strchr(m, '\n') == NULL);
    }
    FUZZ_REQUIRE(sortie_diag_message(diag, n) == NULL);
}

/* A failing call says why: at least one message (or a count of dropped ones),
 * unless it ran out of memory. */
static inline void fuzz_check_failure(sortie_status st, const sortie_diag *diag)
{
    fuzz_check_diag(diag);
    if (st != SORTIE_OK && st != SORTIE_ENOMEM)
        FUZZ_REQUIRE(sortie_diag_count(diag) + sortie_diag_dropped(diag) > 0);
}

/* Writes the plan as JSON, reads it back, writes it again: the two texts must
 * be equal (the writer is deterministic and the reader keeps every field).
 * Also exercises the CSV writer and the summary. */
static inline void fuzz_check_round_trip(const sortie_model *model, const sortie_plan *plan)
{
    char *json = NULL;
    sortie_status st = sortie_plan_to_json(plan, &json);
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_ENOMEM);
    if (st == SORTIE_OK) {
        FUZZ_REQUIRE(json != NULL);
        sortie_plan *again = NULL;
        sortie_diag *diag = NULL;
        st = sortie_plan_read_buffer(json, strlen(json), "round-trip.json", &again, &diag);
        if (st != SORTIE_OK) {
            for (size_t i = 0; i < sortie_diag_count(diag); i++)
                fprintf(stderr, "round trip: %s\n", sortie_diag_message(diag, i));
            fprintf(stderr, "written plan:\n%s\n", json);
        }
        FUZZ_REQUIRE(st == SORTIE_OK);
        sortie_diag_free(diag);
        char *json2 = NULL;
        FUZZ_REQUIRE(sortie_plan_to_json(again, &json2) == SORTIE_OK);
        if (strcmp(json, json2) != 0)
            fprintf(stderr, "first write:\n%s\nsecond write:\n%s\n", json, json2);
        FUZZ_REQUIRE(strcmp(json, json2) == 0);
        sortie_free(json2);
        sortie_plan_free(again);
    }
    sortie_free(json);

    char *csv = NULL;
    st = sortie_plan_to_csv(model, plan, &csv);
    FUZZ_REQUIRE(st == SORTIE_OK || st == SORTIE_ENOMEM);
    sortie_free(csv);

    sortie_summary sum;
    sortie_plan_summary(plan, &sum);
    /* Borrowed strings must be readable (ASan catches a dangling one). */
    if (sum.binding)
        FUZZ_REQUIRE(strlen(sum.binding) < ((size_t)1 << 30));
    if (sum.outcome)
        FUZZ_REQUIRE(strlen(sum.outcome) < ((size_t)1 << 30));
}

#endif
