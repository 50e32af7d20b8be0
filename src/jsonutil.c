/* jsonutil: see jsonutil.h. */
#include "jsonutil.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strings quoted in messages are cut here: enough to recognise, short enough to read. */
#define QUOTE_MAX_CHARS 40
/* Longest word ju_edit_distance compares; longer ones are never "near". */
#define EDIT_MAX_LEN 128

/* ---------------------------------------------------------------- messages */

static void add_message(ju_ctx *c, const char *prefix, const char *path, const char *fmt, va_list ap)
{
    char text[1024];
    vsnprintf(text, sizeof text, fmt, ap);
    c->errors++;
    if (path && *path)
        diag_add(c->diag, "%s: %s: %s", prefix, path, text);
    else
        diag_add(c->diag, "%s: %s", prefix, text);
}

void ju_error(ju_ctx *c, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_message(c, c->source, path, fmt, ap);
    va_end(ap);
}

void ju_error_doc(ju_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_message(c, c->source, NULL, fmt, ap);
    va_end(ap);
}

/* "SOURCE:LINE:COL: message", for problems found while parsing. */
static void error_at(ju_ctx *c, int line, int column, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void error_at(ju_ctx *c, int line, int column, const char *fmt, ...)
{
    char place[64];
    snprintf(place, sizeof place, ":%d:%d", line, column);
    char prefix[1024];
    snprintf(prefix, sizeof prefix, "%s%s", c->source, place);
    va_list ap;
    va_start(ap, fmt);
    add_message(c, prefix, NULL, fmt, ap);
    va_end(ap);
}

void ju_path_key(char *buf, size_t size, const char *path, const char *key)
{
    char clean[JU_PATH_MAX];
    ju_quote(key, clean, sizeof clean);
    /* Paths are cut at JU_PATH_MAX on purpose; checking the length keeps the
     * optimiser's truncation warning (an error here) for real mistakes. */
    int n = path && *path ? snprintf(buf, size, "%s.%s", path, clean) : snprintf(buf, size, "%s", clean);
    if (n < 0 || (size_t)n >= size)
        buf[size - 1] = '\0';
}

void ju_path_index(char *buf, size_t size, const char *path, size_t index)
{
    snprintf(buf, size, "%s[%zu]", path ? path : "", index);
}

/* Escapes text into buf, at most max_chars source characters, cutting only
 * between UTF-8 sequences and marking a cut with "...". Bytes that are not
 * valid UTF-8 are shown as \xNN and control characters as \uNNNN so that a
 * message stays one printable line; '"' and '\' are escaped only for text
 * shown inside double quotes. */
static void escape_text(const char *text, size_t text_len, size_t max_chars, bool in_double_quotes, char *buf,
                        size_t size)
{
    size_t out = 0, chars = 0, i = 0;
    if (size == 0)
        return;
    while (i < text_len) {
        unsigned char ch = (unsigned char)text[i];
        if (chars == max_chars) {
            if (out + 4 <= size) {
                memcpy(buf + out, "...", 3);
                out += 3;
            }
            break;
        }
        size_t seq = ch < 0x80 ? 1 : ch >= 0xC2 && ch <= 0xDF ? 2 : ch >= 0xE0 && ch <= 0xEF ? 3
                                                              : ch >= 0xF0 && ch <= 0xF4 ? 4
                                                                                         : 0;
        for (size_t k = 1; k < seq; k++)
            if (i + k >= text_len || ((unsigned char)text[i + k] & 0xC0) != 0x80)
                seq = 0;
        char piece[8];
        const char *from = piece;
        size_t n;
        if (seq == 0)
            n = (size_t)snprintf(piece, sizeof piece, "\\x%02x", ch), seq = 1;
        else if (in_double_quotes && (ch == '"' || ch == '\\'))
            n = (size_t)snprintf(piece, sizeof piece, "\\%c", ch);
        else if (ch < 0x20 || ch == 0x7F)
            n = (size_t)snprintf(piece, sizeof piece, "\\u%04x", ch);
        else
            from = text + i, n = seq;
        if (out + n + 1 > size)
            break;
        memcpy(buf + out, from, n);
        out += n;
        i += seq;
        chars++;
    }
    buf[out] = '\0';
}

void ju_quote(const char *text, char *buf, size_t size)
{
    escape_text(text, strlen(text), QUOTE_MAX_CHARS, false, buf, size);
}

/* A number as a person writes it: 1000000, not 1e+06; 3.45, not 3.4500000000000002. */
static void format_number(double x, char *buf, size_t size)
{
    if (x == floor(x) && fabs(x) < 1e15)
        snprintf(buf, size, "%.0f", x);
    else
        snprintf(buf, size, "%.15g", x);
}

void ju_describe(const json_t *value, char *buf, size_t size)
{
    char text[160];
    switch (value ? json_typeof(value) : JSON_NULL) {
    case JSON_OBJECT:
        snprintf(buf, size, "an object");
        break;
    case JSON_ARRAY:
        snprintf(buf, size, json_array_size(value) ? "an array" : "an empty array");
        break;
    case JSON_STRING:
        escape_text(json_string_value(value), json_string_length(value), QUOTE_MAX_CHARS, true, text, sizeof text);
        if (snprintf(buf, size, "\"%s\"", text) >= (int)size) /* cut like every description */
            buf[size - 1] = '\0';
        break;
    case JSON_INTEGER:
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
        break;
    case JSON_REAL:
        format_number(json_real_value(value), buf, size);
        break;
    case JSON_TRUE:
        snprintf(buf, size, "true");
        break;
    case JSON_FALSE:
        snprintf(buf, size, "false");
        break;
    case JSON_NULL:
        snprintf(buf, size, value ? "null" : "nothing");
        break;
    }
}

size_t ju_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > EDIT_MAX_LEN || lb > EDIT_MAX_LEN)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    size_t row[EDIT_MAX_LEN + 1], prev[EDIT_MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t del = prev[j] + 1, ins = row[j - 1] + 1;
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            row[j] = del < ins ? del : ins;
            if (sub < row[j])
                row[j] = sub;
        }
        memcpy(prev, row, sizeof(size_t) * (lb + 1));
    }
    return prev[lb] > cap ? cap + 1 : prev[lb];
}

/* How many edits still make a likely typo of a word this long. */
static size_t near_limit(size_t len) { return len <= 3 ? 1 : len <= 6 ? 2 : 3; }

static bool same_ignoring_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

bool ju_is_near(const char *word, const char *candidate)
{
    if (same_ignoring_case(word, candidate))
        return true;
    size_t limit = near_limit(strlen(candidate));
    return ju_edit_distance(word, candidate, limit) <= limit;
}

void ju_suggest_init(ju_suggest *s, const char *word) { *s = (ju_suggest){.word = word, .best_distance = (size_t)-1}; }

void ju_suggest_add(ju_suggest *s, const char *candidate)
{
    if (!candidate || !ju_is_near(s->word, candidate))
        return;
    size_t d = same_ignoring_case(s->word, candidate) ? 0 : ju_edit_distance(s->word, candidate, 8);
    if (d < s->best_distance)
        s->best = candidate, s->best_distance = d;
}

const char *ju_closest(const char *word, const char *const *candidates)
{
    ju_suggest s;
    ju_suggest_init(&s, word);
    for (size_t i = 0; candidates[i]; i++)
        ju_suggest_add(&s, candidates[i]);
    return s.best;
}

bool ju_room(const ju_ctx *c) { return c->diag && c->diag->count < DIAG_MAX; }

/* ----------------------------------------------------------------- reading */

sortie_status ju_read_file(ju_ctx *c, const char *path, size_t max_bytes, char **text, size_t *len)
{
    *text = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        ju_error_doc(c, "cannot read: %s", strerror(errno));
        return SORTIE_EIO;
    }
    /* Grow as the file is read (it may be a pipe), never beyond max_bytes + 1:
     * one byte more than allowed is enough to know the file is too large. */
    size_t cap = 0, n = 0;
    char *buf = NULL;
    sortie_status st = SORTIE_OK;
    for (;;) {
        if (n == cap) {
            if (cap > max_bytes) {
                ju_error_doc(c, "too large: over %zu MiB, far more than any scenario or plan; is this the right file?",
                             max_bytes >> 20);
                st = SORTIE_EINPUT;
                break;
            }
            size_t want = cap ? cap * 2 : 64 * 1024;
            if (want > max_bytes + 1)
                want = max_bytes + 1;
            char *bigger = realloc(buf, want + 1); /* + 1 for the NUL */
            if (!bigger) {
                c->out_of_memory = true;
                st = SORTIE_ENOMEM;
                break;
            }
            buf = bigger;
            cap = want;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                ju_error_doc(c, "cannot read: %s", strerror(errno));
                st = SORTIE_EIO;
            }
            break;
        }
    }
    fclose(f);
    if (st != SORTIE_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return SORTIE_OK;
}

typedef struct {
    bool is_object;
    size_t index;          /* array: the element being read */
    const char *key;       /* object: the key being read (raw text, escapes kept) */
    size_t key_len;
} scan_frame;

/*
 * Rebuilds the path of the key that ends at byte `upto` of text, which the
 * parser has already accepted as well-formed up to there. Used only to name
 * a duplicate key. Returns false (buf empty) when out of memory.
 */
static bool path_at(const char *text, size_t len, size_t upto, char *buf, size_t size)
{
    size_t cap = 16, depth = 0;
    scan_frame *stack = malloc(sizeof *stack * cap);
    buf[0] = '\0';
    if (!stack)
        return false;
    bool expecting_key = false;
    for (size_t i = 0; i < upto && i < len; i++) {
        char ch = text[i];
        if (ch == '"') {
            size_t j = i + 1;
            while (j < len && text[j] != '"')
                j += text[j] == '\\' ? 2 : 1;
            if (depth > 0 && stack[depth - 1].is_object && expecting_key) {
                stack[depth - 1].key = text + i + 1;
                stack[depth - 1].key_len = (j < len ? j : len) - i - 1;
                expecting_key = false;
            }
            i = j;
        } else if (ch == '{' || ch == '[') {
            if (depth == cap) {
                scan_frame *bigger = realloc(stack, sizeof *stack * cap * 2);
                if (!bigger) {
                    free(stack);
                    return false;
                }
                stack = bigger;
                cap *= 2;
            }
            stack[depth++] = (scan_frame){.is_object = ch == '{'};
            expecting_key = ch == '{';
        } else if ((ch == '}' || ch == ']') && depth > 0) {
            depth--;
        } else if (ch == ',' && depth > 0) {
            if (stack[depth - 1].is_object)
                expecting_key = true;
            else
                stack[depth - 1].index++;
        }
    }
    size_t used = 0;
    for (size_t k = 0; k < depth && used + 1 < size; k++) {
        int n;
        if (stack[k].is_object) {
            char key[JU_PATH_MAX];
            escape_text(stack[k].key ? stack[k].key : "", stack[k].key ? stack[k].key_len : 0, 64, false, key,
                        sizeof key);
            n = snprintf(buf + used, size - used, "%s%s", used ? "." : "", key);
        } else {
            n = snprintf(buf + used, size - used, "[%zu]", stack[k].index);
        }
        used += n > 0 ? (size_t)n : 0;
    }
    free(stack);
    return true;
}

/*
 * The parser reports the column of a token's last character; people and
 * editors expect its first. The token is quoted at the end of the message,
 * "... near '<token>'", so step back over its characters (UTF-8 aware, as
 * the parser counts characters, not bytes).
 */
static int token_start_column(const json_error_t *err)
{
    const char *near = strstr(err->text, "near '");
    size_t len = strlen(err->text);
    if (!near || len < 2 || err->text[len - 1] != '\'')
        return err->column;
    const char *token = near + 6, *end = err->text + len - 1;
    int chars = 0;
    for (const char *p = token; p < end; p++) {
        if (*p == '\n')
            return err->column; /* a token over several lines: keep the end */
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    }
    return chars > 0 && err->column - chars + 1 >= 1 ? err->column - chars + 1 : err->column;
}

/* jansson says "'}' expected" where a ',' between members was forgotten. */
static bool looks_like_missing_comma(const json_error_t *err)
{
    return (strncmp(err->text, "'}' expected near '", 19) == 0 || strncmp(err->text, "']' expected near '", 19) == 0) &&
           !strstr(err->text, "near end of file");
}

static bool is_json_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

sortie_status ju_parse(ju_ctx *c, const char *text, size_t len, const char *what, json_t **root)
{
    *root = NULL;
    /* Editors on some systems write a byte order mark; it is not JSON but harmless. */
    size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t i = skip;
    while (i < len && is_json_space(text[i]))
        i++;
    if (i == len) {
        ju_error_doc(c, "the file is empty; expected %s", what);
        return SORTIE_EINPUT;
    }
    /*
     * jansson does not always notice its own failed allocations: its lexer
     * drops the characters it could not store, so a long string comes back
     * shortened (or a well-formed file looks malformed) instead of an error.
     * Parsing twice and comparing catches that: a failed allocation spoils
     * one parse, not both the same way. The cost is one more parse of a file
     * of a few MiB at most, small beside building the model.
     */
    const size_t flags = JSON_REJECT_DUPLICATES | JSON_DECODE_ANY;
    json_error_t err, again;
    json_t *doc = json_loadb(text + skip, len - skip, flags, &err);
    json_t *check = json_loadb(text + skip, len - skip, flags, &again);
    bool agree = doc && check ? json_equal(doc, check)
                              : !doc && !check && again.line == err.line && again.column == err.column &&
                                    strcmp(again.text, err.text) == 0;
    json_decref(check);
    if (!agree) {
        json_decref(doc);
        c->out_of_memory = true;
        return SORTIE_ENOMEM;
    }
    if (!doc) {
        enum json_error_code code = json_error_code(&err);
        /* jansson names every syntax error; a failure without text is one of
         * its allocations failing (it does not always set the code). */
        if (code == json_error_out_of_memory || err.text[0] == '\0') {
            c->out_of_memory = true;
            return SORTIE_ENOMEM;
        }
        char detail[256];
        escape_text(err.text, strlen(err.text), 120, false, detail, sizeof detail);
        /* The byte order mark was one character of the first line. */
        /* A byte that is not UTF-8 is reported after the last good character: name the byte itself. */
        int column = (code == json_error_invalid_utf8 ? err.column + 1 : token_start_column(&err)) +
                     (skip && err.line == 1 ? 1 : 0);
        if (code == json_error_duplicate_key) {
            char path[JU_PATH_MAX];
            if (!path_at(text + skip, len - skip, (size_t)err.position, path, sizeof path)) {
                c->out_of_memory = true;
                return SORTIE_ENOMEM;
            }
            error_at(c, err.line, column, "%s: duplicate key; each key may appear only once in an object", path);
        } else if (code == json_error_stack_overflow) {
            error_at(c, err.line, column,
                     "invalid JSON: arrays and objects nested too deeply (%s); is this the right file?", detail);
        } else if (code == json_error_numeric_overflow) {
            error_at(c, err.line, column, "invalid JSON: %s; numbers must fit a double (about 1e308)", detail);
        } else if (code == json_error_null_character) {
            error_at(c, err.line, column, "invalid JSON: a string holds \\u0000 (a NUL character), which sortie does "
                                          "not accept");
        } else if (code == json_error_premature_end_of_input) {
            error_at(c, err.line, column, "invalid JSON: %s; is the file cut short?", detail);
        } else if (looks_like_missing_comma(&err)) {
            error_at(c, err.line, column, "invalid JSON: %s; is a ',' missing before it?", detail);
        } else {
            error_at(c, err.line, column, "invalid JSON: %s", detail);
        }
        return SORTIE_EINPUT;
    }
    if (!json_is_object(doc)) {
        char got[160];
        ju_describe(doc, got, sizeof got);
        ju_error_doc(c, "expected %s, got %s", what, got);
        json_decref(doc);
        return SORTIE_EINPUT;
    }
    *root = doc;
    return SORTIE_OK;
}

/* ----------------------------------------------------------------- objects */

static bool is_free_form(const char *key) { return strcmp(key, "notes") == 0 || strcmp(key, "x") == 0; }

void ju_check_keys(ju_ctx *c, const json_t *obj, const char *path, const char *const *known)
{
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)obj, key, value) {
        (void)value;
        bool ok = is_free_form(key);
        for (size_t i = 0; !ok && known[i]; i++)
            ok = strcmp(key, known[i]) == 0;
        if (ok)
            continue;
        char where[JU_PATH_MAX];
        ju_path_key(where, sizeof where, path, key);
        const char *guess = ju_closest(key, known);
        if (guess) {
            ju_error(c, where, "unknown key (did you mean '%s'?)", guess);
            continue;
        }
        char list[512];
        size_t used = 0;
        list[0] = '\0';
        for (size_t i = 0; known[i] && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", known[i]);
        ju_error(c, where, "unknown key; the keys here are %s (free-form data may go under 'notes' or 'x')",
                 list);
    }
}

bool ju_expect_object(ju_ctx *c, const json_t *value, const char *path, const char *what)
{
    if (json_is_object(value))
        return true;
    char got[160];
    ju_describe(value, got, sizeof got);
    ju_error(c, path, "expected %s, got %s", what, got);
    return false;
}

ju_result ju_get(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                 const json_t **out)
{
    const json_t *value = json_object_get(obj, key);
    *out = value;
    if (value)
        return JU_FOUND;
    if (need == JU_OPTIONAL)
        return JU_ABSENT;
    ju_error(c, path, "missing required key '%s'", key);
    return JU_INVALID;
}

static void wrong(ju_ctx *c, const json_t *value, const char *path, const char *expected)
{
    char got[160];
    ju_describe(value, got, sizeof got);
    if (!value)
        ju_error(c, path, "missing; expected %s", expected);
    else
        ju_error(c, path, "expected %s, got %s", expected, got);
}

bool ju_as_string(ju_ctx *c, const json_t *value, const char *path, const char **out)
{
    if (!json_is_string(value)) {
        wrong(c, value, path, "a string");
        return false;
    }
    *out = json_string_value(value);
    return true;
}

bool ju_is_id(const char *text)
{
    size_t n = 0;
    for (; text[n]; n++) {
        char ch = text[n];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                  ch == '_' || ch == '.';
        if (!ok || n >= JU_ID_MAX)
            return false;
    }
    return n > 0;
}

bool ju_is_single_line(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

bool ju_as_id(ju_ctx *c, const json_t *value, const char *path, const char **out)
{
    char expected[128];
    snprintf(expected, sizeof expected, "an id (1 to %d letters, digits, '-', '_' or '.')", JU_ID_MAX);
    if (!json_is_string(value) || !ju_is_id(json_string_value(value))) {
        wrong(c, value, path, expected);
        return false;
    }
    *out = json_string_value(value);
    return true;
}

/* "a whole number from 1 to 1000000", "a number > 0", "a number > 0 and <= 87600". */
static void describe_range(const ju_range *r, char *buf, size_t size)
{
    const char *noun = r->whole ? "a whole number" : "a number";
    char lo[64], hi[64];
    format_number(r->min, lo, sizeof lo);
    format_number(r->max, hi, sizeof hi);
    bool has_lo = isfinite(r->min), has_hi = isfinite(r->max);
    if (has_lo && has_hi && !r->min_open && !r->max_open)
        snprintf(buf, size, "%s from %s to %s", noun, lo, hi);
    else if (has_lo && has_hi)
        snprintf(buf, size, "%s %s %s and %s %s", noun, r->min_open ? ">" : ">=", lo, r->max_open ? "<" : "<=",
                 hi);
    else if (has_lo)
        snprintf(buf, size, "%s %s %s", noun, r->min_open ? ">" : ">=", lo);
    else if (has_hi)
        snprintf(buf, size, "%s %s %s", noun, r->max_open ? "<" : "<=", hi);
    else
        snprintf(buf, size, "%s", noun);
}

static bool in_range(const ju_range *r, double x)
{
    if (!isfinite(x) || (r->whole && x != floor(x)))
        return false;
    if (r->min_open ? !(x > r->min) : !(x >= r->min))
        return false;
    return r->max_open ? x < r->max : x <= r->max;
}

bool ju_as_number(ju_ctx *c, const json_t *value, const char *path, const ju_range *range, double *out)
{
    double x = json_is_number(value) ? json_number_value(value) : NAN;
    if (!json_is_number(value) || !in_range(range, x)) {
        char expected[160];
        describe_range(range, expected, sizeof expected);
        wrong(c, value, path, expected);
        return false;
    }
    *out = x;
    return true;
}

bool ju_as_int(ju_ctx *c, const json_t *value, const char *path, long long min, long long max, long long *out)
{
    ju_range r = {(double)min, (double)max, false, false, true};
    bool ok;
    if (json_is_integer(value)) {
        json_int_t v = json_integer_value(value);
        ok = v >= min && v <= max;
    } else {
        ok = json_is_real(value) && in_range(&r, json_real_value(value));
    }
    if (!ok) {
        char expected[160];
        describe_range(&r, expected, sizeof expected);
        wrong(c, value, path, expected);
        return false;
    }
    *out = json_is_integer(value) ? (long long)json_integer_value(value) : (long long)json_real_value(value);
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Says what is wrong with a string that time_parse refused. */
static void explain_time(ju_ctx *c, const char *path, const char *text, const char *shown)
{
    size_t n = strlen(text);
    const char *example = "such as \"2022-01-13T06:00Z\"";
    bool shape = (n == 17 || n == 20) && all_digits(text, 4) && text[4] == '-' && all_digits(text + 5, 2) &&
                 text[7] == '-' && all_digits(text + 8, 2) && text[10] == 'T' && all_digits(text + 11, 2) &&
                 text[13] == ':' && all_digits(text + 14, 2) && text[n - 1] == 'Z' &&
                 (n == 17 || (text[16] == ':' && all_digits(text + 17, 2)));
    if (!shape) {
        if (n > 0 && text[n - 1] != 'Z' && n >= 16 && text[10] == 'T')
            ju_error(c, path, "expected a UTC time ending in 'Z' %s, got %s (convert local times to UTC)", example,
                     shown);
        else
            ju_error(c, path, "expected a UTC time \"YYYY-MM-DDTHH:MMZ\" %s, got %s", example, shown);
        return;
    }
    int y = atoi(text), mo = atoi(text + 5), d = atoi(text + 8), h = atoi(text + 11), mi = atoi(text + 14);
    int s = n == 20 ? atoi(text + 17) : 0;
    static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int days = mo >= 1 && mo <= 12 ? month_days[mo - 1] + (mo == 2 && leap) : 0;
    if (mo < 1 || mo > 12)
        ju_error(c, path, "%s is not a date: there is no month %02d", shown, mo);
    else if (d < 1 || d > days)
        ju_error(c, path, "%s is not a date: %04d-%02d has %d days", shown, y, mo, days);
    else if (h > 23 || mi > 59 || s > 59)
        ju_error(c, path, "%s is not a time of day: hours go 00-23, minutes and seconds 00-59", shown);
    else
        ju_error(c, path, "%s is outside the years 1900-2199 that sortie plans in", shown);
}

bool ju_as_time(ju_ctx *c, const json_t *value, const char *path, time_rounding rounding, minute_t *out)
{
    if (!json_is_string(value)) {
        wrong(c, value, path, "a UTC time such as \"2022-01-13T06:00Z\"");
        return false;
    }
    const char *text = json_string_value(value);
    if (strlen(text) == json_string_length(value) && time_parse(text, rounding, out))
        return true;
    char shown[160];
    ju_describe(value, shown, sizeof shown);
    explain_time(c, path, text, shown);
    return false;
}

/* Keyed wrappers: look the key up, then check the value in hand. */
#define KEYED(call)                                                                                              \
    const json_t *value;                                                                                         \
    ju_result found = ju_get(c, obj, path, key, need, &value);                                                   \
    if (found != JU_FOUND)                                                                                       \
        return found;                                                                                            \
    char where[JU_PATH_MAX];                                                                                     \
    ju_path_key(where, sizeof where, path, key);                                                                 \
    return (call) ? JU_FOUND : JU_INVALID

ju_result ju_string(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                    const char **out)
{
    KEYED(ju_as_string(c, value, where, out));
}

ju_result ju_id(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need, const char **out)
{
    KEYED(ju_as_id(c, value, where, out));
}

ju_result ju_text(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need, const char **out)
{
    const char *text = NULL;
    ju_result r = ju_string(c, obj, path, key, need, &text);
    if (r != JU_FOUND)
        return r;
    if (!ju_is_single_line(text)) {
        char where[JU_PATH_MAX], shown[64];
        ju_path_key(where, sizeof where, path, key);
        ju_quote(text, shown, sizeof shown);
        ju_error(c, where, "expected text without control characters (line breaks, tabs), got \"%s\"", shown);
        return JU_INVALID;
    }
    *out = text;
    return JU_FOUND;
}

ju_result ju_number(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                    const ju_range *range, double *out)
{
    KEYED(ju_as_number(c, value, where, range, out));
}

ju_result ju_int(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need, long long min,
                 long long max, long long *out)
{
    KEYED(ju_as_int(c, value, where, min, max, out));
}

ju_result ju_time(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                  time_rounding rounding, minute_t *out)
{
    KEYED(ju_as_time(c, value, where, rounding, out));
}

static bool as_array(ju_ctx *c, const json_t *value, const char *path, size_t max_len, bool non_empty,
                     const json_t **out)
{
    if (!json_is_array(value)) {
        wrong(c, value, path, non_empty ? "a non-empty array" : "an array");
        return false;
    }
    size_t n = json_array_size(value);
    if (n > max_len) {
        ju_error(c, path, "%zu entries; sortie reads at most %zu", n, max_len);
        return false;
    }
    if (n == 0 && non_empty) {
        ju_error(c, path, "empty; at least one entry is needed");
        return false;
    }
    *out = value;
    return true;
}

ju_result ju_array(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need, size_t max_len,
                   bool non_empty, const json_t **out)
{
    KEYED(as_array(c, value, where, max_len, non_empty, out));
}

ju_result ju_object(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need,
                    const json_t **out)
{
    KEYED((*out = value, ju_expect_object(c, value, where, "an object")));
}

static bool as_hhmm(ju_ctx *c, const json_t *value, const char *path, int min_minute, int max_minute, int *out)
{
    int minute = -1;
    if (!json_is_string(value) || !time_parse_hhmm(json_string_value(value), &minute) || minute < min_minute ||
        minute > max_minute) {
        char expected[96];
        snprintf(expected, sizeof expected, "a UTC time of day \"HH:MM\" from %02d:%02d to %02d:%02d",
                 min_minute / 60, min_minute % 60, max_minute / 60, max_minute % 60);
        wrong(c, value, path, expected);
        return false;
    }
    *out = minute;
    return true;
}

ju_result ju_hhmm(ju_ctx *c, const json_t *obj, const char *path, const char *key, ju_need need, int min_minute,
                  int max_minute, int *out)
{
    KEYED(as_hhmm(c, value, where, min_minute, max_minute, out));
}

char *ju_strdup(ju_ctx *c, const char *text)
{
    if (!text)
        return NULL;
    char *copy = strdup(text);
    if (!copy)
        c->out_of_memory = true;
    return copy;
}
