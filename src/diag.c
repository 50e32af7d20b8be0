/* diag: see diag.h. Also owns sortie_strerror and sortie_free. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

const char *sortie_strerror(sortie_status status)
{
    switch (status) {
#define SORTIE_TEXT_(name, text) \
    case SORTIE_##name:          \
        return text;
        SORTIE_ERRORS(SORTIE_TEXT_)
#undef SORTIE_TEXT_
    }
    return "unknown status";
}

void sortie_free(void *ptr) { free(ptr); }

sortie_diag *diag_new(void) { return calloc(1, sizeof(sortie_diag)); }

void diag_add(sortie_diag *diag, const char *fmt, ...)
{
    if (!diag)
        return;
    if (diag->count >= DIAG_MAX) {
        diag->dropped++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text) {
        diag->out_of_memory = true;
        diag->dropped++;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    diag->messages[diag->count++] = text;
}

void diag_give(sortie_diag *diag, sortie_diag **out)
{
    if (out)
        *out = diag;
    else
        sortie_diag_free(diag);
}

size_t sortie_diag_count(const sortie_diag *diag) { return diag ? diag->count : 0; }

const char *sortie_diag_message(const sortie_diag *diag, size_t i)
{
    return diag && i < diag->count ? diag->messages[i] : NULL;
}

size_t sortie_diag_dropped(const sortie_diag *diag) { return diag ? diag->dropped : 0; }

void sortie_diag_free(sortie_diag *diag)
{
    if (!diag)
        return;
    for (size_t i = 0; i < diag->count; i++)
        free(diag->messages[i]);
    free(diag);
}
