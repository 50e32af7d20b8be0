/* cmd_gen: `sortie gen --scale S|M|L --seed N [-o FILE]`: a realistic random
 * scenario as sortie/scenario@1 JSON, to stdout unless -o names a file. */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char gen_usage[] =
    "usage: sortie gen --scale S|M|L [--seed N] [-o FILE]\n"
    "Writes a realistic random scenario (sortie/scenario@1) to stdout or FILE.\n"
    "  --scale S   about the 2022 withdrawal: 2,500 people, 250 items, 25 aircraft, 8 airfields\n"
    "  --scale M   about 20,000 people, 3,000 items, 120 aircraft, 15 airfields\n"
    "  --scale L   about 150,000 people, 20,000 items, 400 aircraft, 40 airfields\n"
    "  --seed N    random seed, a whole number (default 1); the same seed gives the same file\n"
    "  -o FILE     write to FILE instead of stdout\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("sortie: gen: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(gen_usage, stderr);
    return 2;
}

int cmd_gen(int argc, char **argv)
{
    const char *scale_arg = NULL, *out_path = "-";
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(gen_usage, stdout);
            return 0;
        }
        if (strcmp(a, "--scale") == 0 || strcmp(a, "--seed") == 0 || strcmp(a, "-o") == 0) {
            if (i + 1 >= argc)
                return usage_error("'%s' needs a value", a);
            const char *v = argv[++i];
            if (strcmp(a, "--scale") == 0) {
                scale_arg = v;
            } else if (strcmp(a, "-o") == 0) {
                out_path = v;
            } else {
                char *end = NULL;
                errno = 0;
                uintmax_t n = strtoumax(v, &end, 10);
                if (errno != 0 || end == v || *end != '\0' || v[0] == '-' || n > UINT64_MAX)
                    return usage_error("--seed: expected a whole number, got '%s'", v);
                seed = (uint64_t)n;
            }
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (!scale_arg)
        return usage_error("%s", "--scale is required");
    sortie_scale scale;
    if (strcmp(scale_arg, "S") == 0 || strcmp(scale_arg, "s") == 0)
        scale = SORTIE_SCALE_S;
    else if (strcmp(scale_arg, "M") == 0 || strcmp(scale_arg, "m") == 0)
        scale = SORTIE_SCALE_M;
    else if (strcmp(scale_arg, "L") == 0 || strcmp(scale_arg, "l") == 0)
        scale = SORTIE_SCALE_L;
    else
        return usage_error("--scale: expected S, M or L, got '%s'", scale_arg);

    char *text = NULL;
    sortie_status st = sortie_generate(scale, seed, &text);
    if (st != SORTIE_OK) {
        fprintf(stderr, "sortie: gen: %s\n", sortie_strerror(st));
        return 2;
    }
    size_t len = strlen(text);
    /* The file ends with a newline, as text files do. */
    char *line = realloc(text, len + 2);
    if (!line) {
        sortie_free(text);
        fprintf(stderr, "sortie: gen: %s\n", sortie_strerror(SORTIE_ENOMEM));
        return 2;
    }
    line[len] = '\n';
    line[len + 1] = '\0';
    int ok = cli_write_file(out_path, line);
    free(line);
    return ok ? 0 : 2;
}
