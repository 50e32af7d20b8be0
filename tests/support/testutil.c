/* testutil: see testutil.h. */
#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

sortie_plan *tu_plan(const sortie_model *model, const sortie_params *params)
{
    sortie_plan *plan = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_plan_make(model, params, &plan, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("planning failed: %s\n%s", sortie_strerror(st), tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    tu_assert_valid(model, plan);
    return plan;
}

minute_t tu_unsearched_closure(const sortie_model *model)
{
    sortie_params params;
    sortie_params_init(&params);
    params.time_limit_s = 0;
    sortie_plan *plan = tu_plan(model, &params);
    minute_t closure = plan->closure;
    sortie_plan_free(plan);
    return closure;
}

const char *tu_diag_text(const sortie_diag *diag, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sortie_diag_count(diag) && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s\n", sortie_diag_message(diag, i));
    return buf;
}

sortie_scenario *tu_scenario(const char *json)
{
    sortie_scenario *s = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_scenario_read_buffer(json, strlen(json), "test.json", &s, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("scenario refused: %s\n%s", sortie_strerror(st), tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    return s;
}

tu_fixture *tu_fixture_new(sortie_scenario *scenario)
{
    tu_fixture *f = malloc(sizeof *f);
    assert_non_null(f);
    f->scenario = scenario;
    f->model = tu_model(scenario);
    return f;
}

int tu_fixture_teardown(void **state)
{
    tu_fixture *f = *state;
    sortie_model_free(f->model);
    sortie_scenario_free(f->scenario);
    free(f);
    return 0;
}

sortie_scenario *tu_generated(sortie_scale scale, uint64_t seed)
{
    char *text = NULL;
    assert_int_equal(sortie_generate(scale, seed, &text), SORTIE_OK);
    sortie_scenario *s = tu_scenario(text);
    sortie_free(text);
    return s;
}

sortie_scenario *tu_example(void)
{
    size_t len = 0;
    const char *text = sortie_example_json(&len);
    sortie_scenario *s = NULL;
    assert_int_equal(sortie_scenario_read_buffer(text, len, SORTIE_EXAMPLE_NAME, &s, NULL), SORTIE_OK);
    return s;
}

sortie_model *tu_model(const sortie_scenario *scenario)
{
    sortie_model *m = NULL;
    sortie_diag *d = NULL;
    sortie_status st = sortie_model_build(scenario, &m, &d);
    if (st != SORTIE_OK) {
        char buf[4096];
        print_error("model refused: %s\n%s", sortie_strerror(st), tu_diag_text(d, buf, sizeof buf));
    }
    sortie_diag_free(d);
    assert_int_equal(st, SORTIE_OK);
    return m;
}

void tu_assert_valid(const sortie_model *model, const sortie_plan *plan)
{
    sortie_diag *v = NULL;
    assert_int_equal(sortie_check(model, plan, &v), SORTIE_OK);
    if (sortie_diag_count(v) > 0) {
        char buf[8192];
        print_error("plan invalid:\n%s", tu_diag_text(v, buf, sizeof buf));
    }
    size_t n = sortie_diag_count(v);
    sortie_diag_free(v);
    assert_int_equal(n, 0);
}

sortie_plan *tu_sched_plan(const sortie_model *model, const sched *s)
{
    sortie_plan *p = NULL;
    assert_int_equal(sched_to_plan(s, &p), SORTIE_OK);
    tu_assert_valid(model, p);
    return p;
}

void tu_assert_sched_valid(const sortie_model *model, const sched *s)
{
    sortie_plan_free(tu_sched_plan(model, s));
}

tu_dispatch_fixture tu_dispatch_open(const char *json)
{
    tu_dispatch_fixture fx = {.sc = tu_scenario(json)};
    fx.m = tu_model(fx.sc);
    fx.d = dispatch_new(fx.m);
    assert_non_null(fx.d);
    return fx;
}

void tu_dispatch_close(tu_dispatch_fixture *fx)
{
    dispatch_free(fx->d);
    sortie_model_free(fx->m);
    sortie_scenario_free(fx->sc);
}
