/* example: the built-in 2022 withdrawal scenario, embedded at build time from
 * examples/csto-kazakhstan-2022.json (see cmake/embed.cmake). */
#include "sortie.h"

extern const char sortie_example_text[];
extern const size_t sortie_example_text_len;

const char *sortie_example_json(size_t *len)
{
    if (len)
        *len = sortie_example_text_len;
    return sortie_example_text;
}
