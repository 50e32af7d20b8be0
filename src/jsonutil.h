/*
 * jsonutil: reading sortie's JSON documents with messages a person can act
 * on. Owns the parse step (FILE:LINE:COL syntax errors, duplicate keys named
 * by their path), typed field access that checks type and range and says
 * what was expected and what was found, unknown-key detection with a
 * "did you mean" suggestion, and the message format
 * "FILE: path.to.field: message". Knows no schema: the scenario and plan
 * readers say which keys exist and what they hold.
 *
 * Every function that finds a problem adds one message to ctx->diag and
 * counts it in ctx->errors; an allocation failure sets ctx->out_of_memory.
 * Readers keep going after an error so that one pass reports them all.
 */
#ifndef SORTIE_JSONUTIL_H
#define SORTIE_JSONUTIL_H

#include "diag.h"
#include "timeutil.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Longest path built by ju_path_key / ju_path_index, with its NUL. */
#define JU_PATH_MAX 256
/* Ids are 1..JU_ID_MAX characters of letters, digits, '-', '_', '.'. */
#define JU_ID_MAX 64

typedef struct {
    const char *source;   /* the document's name in messages (a file name) */
    sortie_diag *diag;    /* where messages go; may be NULL to only count */
    size_t errors;        /* problems found so far, stored or not */
    bool out_of_memory;   /* some allocation failed: the caller returns SORTIE_ENOMEM */
} ju_ctx;

typedef enum { JU_OPTIONAL, JU_REQUIRED } ju_need;

/* What a typed get found. On JU_INVALID the message is already added. */
typedef enum { JU_ABSENT, JU_FOUND, JU_INVALID } ju_result;

/* An accepted interval of numbers; infinite bounds mean no bound. */
typedef struct {
    double min, max;
    bool min_open, max_open; /* strict: > min, < max */
    bool whole;              /* integral values only (3 and 3.0, not 3.5) */
} ju_range;

/* ------------------------------------------------------------- messages */

/* Adds "SOURCE: PATH: message" ("SOURCE: message" when path is empty). */
void ju_error(ju_ctx *c, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Adds "SOURCE: message"; for errors that concern the whole document. */
void ju_error_doc(ju_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Writes "path.key" ("key" when path is empty) into buf; truncates safely. */
void ju_path_key(char *buf, size_t size, const char *path, const char *key);
/* Writes "path[index]" into buf. */
void ju_path_index(char *buf, size_t size, const char *path, size_t index);

/* Describes a value for "got ..." in messages: -1, 3.5, "120", an array,
 * an object, true, null. Strings are quoted, escaped and cut at 40 characters. */
void ju_describe(const json_t *value, char *buf, size_t size);
/* Copies text into buf with control characters and quotes escaped, cut to fit. */
void ju_quote(const char *text, char *buf, size_t size);

/* Levenshtein distance, capped: returns at most `cap` + 1. */
size_t ju_edit_distance(const char *a, const char *b, size_t cap);
/* The candidate closest to `word` when it is close enough to be a likely
 * typo, else NULL. `candidates` is NULL-terminated. */
const char *ju_closest(const char *word, const char *const *candidates);
/* True when `word` is close enough to `candidate` to suggest it. */
bool ju_is_near(const char *word, const char *candidate);

/* The same search fed one candidate at a time (for lists that are not
 * NULL-terminated arrays): init, add each, then read .best (NULL: none near). */
typedef struct {
    const char *word;
    const char *best;
    size_t best_distance;
} ju_suggest;
void ju_suggest_init(ju_suggest *s, const char *word);
void ju_suggest_add(ju_suggest *s, const char *candidate);

/* True while another message would still be stored (diag not full): lets a
 * reader skip costly work, such as a suggestion, for a message that would
 * only be counted. */
bool ju_room(const ju_ctx *c);

/* ------------------------------------------------------------- parsing */

/*
 * Reads a whole file (up to max_bytes) into a new NUL-terminated buffer
 * (*text, free()); *len excludes the NUL. Errors: SORTIE_EIO with
 * "SOURCE: cannot read: <reason>", SORTIE_EINPUT when the file holds more
 * than max_bytes (it is read no further), SORTIE_ENOMEM.
 */
sortie_status ju_read_file(ju_ctx *c, const char *path, size_t max_bytes, char **text, size_t *len);

/*
 * Parses text as one JSON object (a UTF-8 byte order mark is skipped).
 * Refuses duplicate keys ("FILE:L:C: a.b[2].key: duplicate key ..."),
 * syntax errors ("FILE:L:C: invalid JSON: ..."), empty input and a top
 * level that is not an object; `what` says what the document should be,
 * e.g. "a JSON object with \"format\": \"sortie/scenario@1\"".
 * On SORTIE_OK *root is a new reference (json_decref).
 */
sortie_status ju_parse(ju_ctx *c, const char *text, size_t len, const char *what, json_t **root);

/* ------------------------------------------------------------- objects */

/*
 * Reports every key of obj not in `known` (NULL-terminated) as
 * "path.key: unknown key (did you mean 'k'?)". Keys named "notes" and "x"
 * are allowed everywhere and may hold anything: they are free-form.
 */
void ju_check_keys(ju_ctx *c, const json_t *obj, const char *path, const char *const *known);

/* True when value is an object; otherwise reports "path: expected <what>, got ...". */
bool ju_expect_object(ju_ctx *c, const json_t *value, const char *path, const char *what);

/*
 * Keyed access: looks up obj[key]. Absent and required gives
 * "path: missing required key 'key'"; a null value counts as present and
 * wrong. Each returns JU_FOUND and sets *out only when the value is valid.
 */
ju_result ju_get(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                 const json_t **out);
ju_result ju_string(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                    const char **out);
/* A string in the id charset, 1..JU_ID_MAX characters. */
ju_result ju_id(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                const char **out);
ju_result ju_number(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                    const ju_range *range, double *out);
/* A whole number within [min, max] (3.0 counts as 3; 3.5 does not). */
ju_result ju_int(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                 long long min, long long max, long long *out);
/* An array of at most max_len elements (and at least one when non_empty). */
ju_result ju_array(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                   size_t max_len, bool non_empty, const json_t **out);
ju_result ju_object(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                    const json_t **out);
/* A UTC time "YYYY-MM-DDTHH:MM[:SS]Z"; seconds rounded as asked (timeutil.h). */
ju_result ju_time(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                  time_rounding rounding, minute_t *out);
/* A time of day "HH:MM" within [min_minute, max_minute] of 0..1440. */
ju_result ju_hhmm(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                  int min_minute, int max_minute, int *out);

/* The same checks on a value already in hand (an array element); `path`
 * names the value itself. A NULL value is reported as missing. */
bool ju_as_string(ju_ctx *c, const json_t *value, const char *path, const char **out);
bool ju_as_id(ju_ctx *c, const json_t *value, const char *path, const char **out);
bool ju_as_number(ju_ctx *c, const json_t *value, const char *path, const ju_range *range, double *out);
bool ju_as_int(ju_ctx *c, const json_t *value, const char *path, long long min, long long max,
               long long *out);
bool ju_as_time(ju_ctx *c, const json_t *value, const char *path, time_rounding rounding, minute_t *out);

/* True when text is 1..JU_ID_MAX characters of the id charset. */
bool ju_is_id(const char *text);
/* True when text holds no control character (line breaks, tabs, DEL): names
 * are echoed into one-line messages and must round-trip through plans. */
bool ju_is_single_line(const char *text);
/* An optional or required free-text field without control characters;
 * like ju_string, with the message naming the field on refusal. */
ju_result ju_text(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                  const char **out);

/* strdup that records a failure in c; NULL-safe on input (returns NULL). */
char *ju_strdup(ju_ctx *c, const char *text);

#endif
