/*
 * failalloc: a counting allocator for the allocation-failure test. Linked
 * into a test binary with
 *   -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=reallocarray,
 *   --wrap=strdup,--wrap=strndup,--wrap=free
 * it sees every allocation made by the library's own objects (sortie_core is
 * a static library, so the wraps reach it) and, through
 * json_set_alloc_funcs, every allocation jansson makes. While armed it counts
 * allocations, makes the n-th fail, and tracks live blocks so that a test can
 * assert that nothing leaked. Allocations inside other shared libraries
 * (libc's own, GLPK, PROJ) are not seen.
 *
 * The state is global to the test binary and guarded by a mutex, so threads
 * inside the library are fine.
 */
#ifndef SORTIE_FAILALLOC_H
#define SORTIE_FAILALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* Routes jansson's allocations through the wrappers; call before any JSON work. */
void fa_install_jansson(void);

/* Starts counting from zero; the fail_at-th allocation from now fails
 * (1-based), and every one after it succeeds; 0 never fails. */
void fa_arm(long fail_at);
/* Stops counting and failing (live blocks stay tracked until freed). */
void fa_disarm(void);

/* Allocations attempted since fa_arm. */
long fa_count(void);
/* Whether the planned failure happened. */
bool fa_failed(void);
/* Whether the planned failure was an allocation by jansson (its parser
 * reports some allocation failures as syntax errors). */
bool fa_failed_in_jansson(void);
/* Blocks allocated while armed and not yet freed. */
long fa_live(void);
/* Bytes in those blocks. */
size_t fa_live_bytes(void);
/* Prints the live blocks (address, size, first bytes) to stderr, at most `max`. */
void fa_dump_live(int max);

#endif
