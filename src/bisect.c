/* bisect: see bisect.h. */
#include "bisect.h"

sortie_status bisect_closure(minute_t lo, minute_t hi, probe_fn ask, void *user, minute_t *out, bool *refuted,
                             minute_t *last_refuted)
{
    *out = lo;
    *refuted = false;
    *last_refuted = lo;
    probe p = ask(user, lo);
    if (p == PROBE_ERROR)
        return SORTIE_ESOLVER;
    if (p != PROBE_REFUTED)
        return SORTIE_OK;
    minute_t bad = lo, good = hi; /* bad refuted; good a valid plan's closure */
    bool verified = false, gallop = true;
    minute_t step = (good - bad) / 64 > 0 ? (good - bad) / 64 : 1;
    while (good - bad > 1) {
        minute_t mid;
        if (gallop && bad + step < good)
            mid = bad + step;
        else if (!verified) {
            mid = good; /* a plan closes at hi: the relaxation must admit it */
            gallop = false;
        } else
            mid = bad + (good - bad) / 2;
        p = ask(user, mid);
        if (p == PROBE_ERROR)
            return SORTIE_ESOLVER;
        if (p == PROBE_BUDGET)
            break; /* bad stays refuted: bad + 1 is proved */
        if (p == PROBE_REFUTED && mid == hi)
            return SORTIE_EINTERNAL;
        if (p == PROBE_REFUTED) {
            bad = mid;
            step *= 2;
        } else {
            good = mid;
            verified = true;
            gallop = false;
        }
    }
    *out = verified && good - bad <= 1 ? good : bad + 1;
    *refuted = true;
    *last_refuted = bad;
    return SORTIE_OK;
}
