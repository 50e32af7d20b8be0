/* failalloc: see failalloc.h. */
#include "failalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__real_reallocarray(void *ptr, size_t n, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void __real_free(void *ptr);

void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *ptr, size_t size);
void *__wrap_reallocarray(void *ptr, size_t n, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
void __wrap_free(void *ptr);

/* Live blocks: an open-addressing set of pointers with their sizes. */
#define SLOTS ((size_t)1 << 20)
#define TOMB ((void *)1)
typedef struct {
    void *ptr;
    size_t size;
} slot;

static slot *table; /* allocated with __real_calloc on first use */
static long n_live, n_used;
static size_t live_bytes;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool armed, failed, failed_in_jansson;
static _Thread_local bool in_jansson;
static long count, fail_at;

static size_t hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x & (SLOTS - 1);
}

static void rehash_if_tombstoned(void)
{
    if (n_used < (long)(SLOTS / 2))
        return;
    slot *old = table;
    table = __real_calloc(SLOTS, sizeof *table);
    if (!table)
        abort();
    n_used = 0;
    for (size_t i = 0; i < SLOTS; i++)
        if (old[i].ptr && old[i].ptr != TOMB) {
            size_t h = hash(old[i].ptr);
            while (table[h].ptr)
                h = (h + 1) & (SLOTS - 1);
            table[h] = old[i];
            n_used++;
        }
    __real_free(old);
}

/* Called with the lock held. */
static void track(void *p, size_t size)
{
    if (!table && !(table = __real_calloc(SLOTS, sizeof *table)))
        abort();
    rehash_if_tombstoned();
    if (n_live >= (long)(SLOTS / 2))
        abort(); /* the test allocates far more than it should */
    size_t h = hash(p);
    while (table[h].ptr && table[h].ptr != TOMB)
        h = (h + 1) & (SLOTS - 1);
    if (!table[h].ptr)
        n_used++;
    table[h] = (slot){p, size};
    n_live++;
    live_bytes += size;
}

/* Called with the lock held; true when p was tracked (and is no longer). */
static bool untrack(void *p)
{
    if (!table || !p)
        return false;
    size_t h = hash(p);
    while (table[h].ptr) {
        if (table[h].ptr == p) {
            live_bytes -= table[h].size;
            table[h].ptr = TOMB;
            n_live--;
            return true;
        }
        h = (h + 1) & (SLOTS - 1);
    }
    return false;
}

/* Called with the lock held: true when this allocation must fail. */
static bool should_fail(void)
{
    if (!armed)
        return false;
    count++;
    if (count == fail_at) {
        failed = true;
        failed_in_jansson = in_jansson;
        return true;
    }
    return false;
}

void *__wrap_malloc(size_t size)
{
    pthread_mutex_lock(&lock);
    void *p = NULL;
    if (!should_fail()) {
        p = __real_malloc(size);
        if (p && armed)
            track(p, size);
    }
    pthread_mutex_unlock(&lock);
    if (!p)
        errno = ENOMEM;
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    pthread_mutex_lock(&lock);
    void *p = NULL;
    if (!should_fail()) {
        p = __real_calloc(n, size);
        if (p && armed)
            track(p, n * size);
    }
    pthread_mutex_unlock(&lock);
    if (!p)
        errno = ENOMEM;
    return p;
}

void *__wrap_realloc(void *ptr, size_t size)
{
    pthread_mutex_lock(&lock);
    void *p = NULL;
    if (!should_fail()) {
        p = __real_realloc(ptr, size);
        /* realloc(p, 0) may free p and return NULL. */
        if (p || size == 0) {
            bool was_tracked = untrack(ptr);
            if (p && (armed || was_tracked))
                track(p, size);
        }
    }
    pthread_mutex_unlock(&lock);
    if (!p && size)
        errno = ENOMEM;
    return p;
}

void *__wrap_reallocarray(void *ptr, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return __wrap_realloc(ptr, n * size);
}

char *__wrap_strdup(const char *s)
{
    size_t len = strlen(s);
    char *p = __wrap_malloc(len + 1);
    if (p)
        memcpy(p, s, len + 1);
    return p;
}

char *__wrap_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = __wrap_malloc(len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void __wrap_free(void *ptr)
{
    if (!ptr)
        return;
    pthread_mutex_lock(&lock);
    untrack(ptr);
    pthread_mutex_unlock(&lock);
    __real_free(ptr);
}

static void *json_malloc(size_t size)
{
    in_jansson = true;
    void *p = __wrap_malloc(size);
    in_jansson = false;
    return p;
}
static void json_free(void *ptr) { __wrap_free(ptr); }

void fa_install_jansson(void) { json_set_alloc_funcs(json_malloc, json_free); }

void fa_arm(long at)
{
    pthread_mutex_lock(&lock);
    armed = true;
    failed = false;
    failed_in_jansson = false;
    count = 0;
    fail_at = at;
    pthread_mutex_unlock(&lock);
}

void fa_disarm(void)
{
    pthread_mutex_lock(&lock);
    armed = false;
    pthread_mutex_unlock(&lock);
}

long fa_count(void)
{
    pthread_mutex_lock(&lock);
    long n = count;
    pthread_mutex_unlock(&lock);
    return n;
}

bool fa_failed(void)
{
    pthread_mutex_lock(&lock);
    bool f = failed;
    pthread_mutex_unlock(&lock);
    return f;
}

bool fa_failed_in_jansson(void)
{
    pthread_mutex_lock(&lock);
    bool f = failed_in_jansson;
    pthread_mutex_unlock(&lock);
    return f;
}

long fa_live(void)
{
    pthread_mutex_lock(&lock);
    long n = n_live;
    pthread_mutex_unlock(&lock);
    return n;
}

size_t fa_live_bytes(void)
{
    pthread_mutex_lock(&lock);
    size_t n = live_bytes;
    pthread_mutex_unlock(&lock);
    return n;
}

void fa_dump_live(int max)
{
    pthread_mutex_lock(&lock);
    for (size_t i = 0; table && i < SLOTS && max > 0; i++) {
        if (!table[i].ptr || table[i].ptr == TOMB)
            continue;
        const unsigned char *b = table[i].ptr;
        char text[33];
        size_t n = table[i].size < 32 ? table[i].size : 32;
        for (size_t k = 0; k < n; k++)
            text[k] = isprint(b[k]) ? (char)b[k] : '.';
        text[n] = '\0';
        fprintf(stderr, "live: %p %zu bytes: %s\n", table[i].ptr, table[i].size, text);
        max--;
    }
    pthread_mutex_unlock(&lock);
}
