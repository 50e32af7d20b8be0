/* timeutil: see timeutil.h. Civil-date arithmetic after H. Hinnant's
 * days_from_civil, which is exact for the proleptic Gregorian calendar. */
#include "timeutil.h"

#include <stdio.h>
#include <string.h>

static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool time_parse(const char *text, time_rounding rounding, minute_t *out)
{
    size_t len = strlen(text);
    int y, mo, d, h, mi, s = 0;
    if (len != 17 && len != 20)
        return false;
    if (!digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &mo) || text[7] != '-' ||
        !digits(text + 8, 2, &d) || text[10] != 'T' || !digits(text + 11, 2, &h) ||
        text[13] != ':' || !digits(text + 14, 2, &mi))
        return false;
    if (len == 20) {
        if (text[16] != ':' || !digits(text + 17, 2, &s) || text[19] != 'Z')
            return false;
    } else if (text[16] != 'Z') {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59)
        return false;
    minute_t t = days_from_civil(y, mo, d) * MINUTES_PER_DAY + h * 60 + mi;
    if (s > 0 && rounding == TIME_ROUND_UP)
        t++;
    if (t < TIME_MIN_VALID || t >= TIME_MAX_VALID)
        return false;
    *out = t;
    return true;
}

void time_format(minute_t t, char buf[static 18])
{
    int64_t days = t >= 0 ? t / MINUTES_PER_DAY : -((-t + MINUTES_PER_DAY - 1) / MINUTES_PER_DAY);
    int minute = (int)(t - days * MINUTES_PER_DAY);
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    /* Times are confined to TIME_MIN_VALID..TIME_MAX_VALID, so the text is always 17 characters;
     * the wide scratch buffer only keeps the compiler's truncation analysis quiet. */
    char wide[64];
    snprintf(wide, sizeof wide, "%04d-%02d-%02dT%02d:%02dZ", y % 10000, m, d, minute / 60, minute % 60);
    memcpy(buf, wide, 17);
    buf[17] = '\0';
}

bool time_parse_hhmm(const char *text, int *out)
{
    int h, m;
    if (strlen(text) != 5 || !digits(text, 2, &h) || text[2] != ':' || !digits(text + 3, 2, &m))
        return false;
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return false;
    *out = h * 60 + m;
    return true;
}

int time_of_day(minute_t t)
{
    int r = (int)(t % MINUTES_PER_DAY);
    return r < 0 ? r + MINUTES_PER_DAY : r;
}
