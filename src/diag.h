/*
 * diag: the growing list of one-line messages that every reader, the model
 * and the checker return to the caller. Keeps the first DIAG_MAX messages and
 * counts the rest. Internal; the public view is sortie_diag_* in sortie.h.
 */
#ifndef SORTIE_DIAG_H
#define SORTIE_DIAG_H

#include "sortie.h"
#include <stdbool.h>

#define DIAG_MAX 20

struct sortie_diag {
    char *messages[DIAG_MAX];
    size_t count;
    size_t dropped;
    bool out_of_memory; /* a message could not be stored */
};

/* A new empty list, or NULL when out of memory. */
sortie_diag *diag_new(void);
/* Appends a printf-style message. Never fails visibly: on allocation
 * failure the list remembers it lost one (see out_of_memory). */
void diag_add(sortie_diag *diag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the list to *out when out is not NULL, else frees it. */
void diag_give(sortie_diag *diag, sortie_diag **out);

#endif
