/*
 * airports: the generator's table of real airfields (see airports.h).
 * Coordinates are aerodrome reference points from public airport lists
 * (OurAirports, AIP summaries, Wikipedia), rounded to four decimals.
 * Grouped by the region the generator's theatres draw on.
 */
#include "airports.h"

#include <string.h>

static const airport table[] = {
    /* Central Asia and the Caucasus */
    {"UAAA", "Almaty International", 43.3521, 77.0405},
    {"UACC", "Astana Nursultan Nazarbayev", 51.0222, 71.4669},
    {"UAII", "Shymkent", 42.3642, 69.4789},
    {"UAKK", "Karaganda Sary-Arka", 49.6708, 73.3344},
    {"UASK", "Oskemen", 50.0366, 82.4942},
    {"UAOO", "Kyzylorda", 44.7067, 65.5925},
    {"UATE", "Aktau", 43.8601, 51.0920},
    {"UCFM", "Bishkek Manas", 43.0613, 74.4776},
    {"UTDD", "Dushanbe International", 38.5433, 68.8250},
    {"UTTT", "Tashkent Islam Karimov", 41.2579, 69.2812},
    {"UDYZ", "Yerevan Zvartnots", 40.1473, 44.3959},
    /* Russia and Belarus */
    {"UUMU", "Chkalovsky", 55.8783, 38.0617},
    {"XUDI", "Ivanovo-Severny", 57.0583, 40.9817},
    {"ULOO", "Pskov (Kresty)", 57.7850, 28.3983},
    {"UUEM", "Tver (Migalovo)", 56.8312, 35.7521},
    {"UWLW", "Ulyanovsk-Vostochny", 54.3994, 48.8011},
    {"UWWW", "Samara Kurumoch", 53.5049, 50.1643},
    {"UWOO", "Orenburg Tsentralny", 51.7958, 55.4567},
    {"URRP", "Rostov-on-Don Platov", 47.4939, 39.9247},
    {"USSS", "Yekaterinburg Koltsovo", 56.7431, 60.8027},
    {"UNNT", "Novosibirsk Tolmachevo", 55.0126, 82.6507},
    {"UMLI", "Machulishchy", 53.7736, 27.5772},
    {"UMMS", "Minsk National", 53.8825, 28.0307},
    /* Western and Northern Europe */
    {"ETAR", "Ramstein Air Base", 49.4369, 7.6003},
    {"ETNW", "Wunstorf Air Base", 52.4573, 9.4277},
    {"EDDK", "Cologne Bonn", 50.8659, 7.1427},
    {"EGVN", "RAF Brize Norton", 51.7500, -1.5836},
    {"EGXW", "RAF Waddington", 53.1662, -0.5238},
    {"LFOJ", "Orleans-Bricy Air Base", 47.9878, 1.7606},
    {"LFMI", "Istres-Le Tube Air Base", 43.5227, 4.9238},
    {"LIRP", "Pisa San Giusto", 43.6839, 10.3927},
    {"LIPA", "Aviano Air Base", 46.0319, 12.5965},
    {"LEZA", "Zaragoza Air Base", 41.6662, -1.0416},
    {"EHEH", "Eindhoven", 51.4501, 5.3745},
    {"EBMB", "Brussels Melsbroek Air Base", 50.9014, 4.4844},
    {"ENGM", "Oslo Gardermoen", 60.1939, 11.1004},
    {"LKPR", "Prague Vaclav Havel", 50.1008, 14.2600},
    /* Eastern flank and South-East Europe */
    {"EPRZ", "Rzeszow-Jasionka", 50.1100, 22.0190},
    {"EPPO", "Poznan-Lawica", 52.4210, 16.8263},
    {"EPWA", "Warsaw Chopin", 52.1657, 20.9671},
    {"LROP", "Bucharest Henri Coanda", 44.5711, 26.0850},
    {"LRCK", "Constanta Mihail Kogalniceanu", 44.3622, 28.4883},
    {"EYVI", "Vilnius International", 54.6341, 25.2858},
    {"EVRA", "Riga International", 56.9236, 23.9711},
    {"EETN", "Tallinn Lennart Meri", 59.4133, 24.8328},
    {"LZKZ", "Kosice International", 48.6631, 21.2411},
    {"LHKE", "Kecskemet Air Base", 46.9175, 19.7492},
    {"LBSF", "Sofia", 42.6967, 23.4114},
    {"LGAV", "Athens Eleftherios Venizelos", 37.9364, 23.9445},
    {"LTAG", "Incirlik Air Base", 37.0021, 35.4259},
    {"LTAC", "Ankara Esenboga", 40.1281, 32.9951},
    /* Middle East and Afghanistan */
    {"OAKB", "Kabul Hamid Karzai", 34.5659, 69.2123},
    {"OAIX", "Bagram Airfield", 34.9461, 69.2650},
    {"OAMS", "Mazar-i-Sharif", 36.7069, 67.2097},
    {"OAKN", "Kandahar", 31.5058, 65.8478},
    {"OTBH", "Al Udeid Air Base", 25.1174, 51.3150},
    {"OKBK", "Kuwait International", 29.2266, 47.9689},
    {"OMAM", "Al Dhafra Air Base", 24.2483, 54.5477},
    {"OMDM", "Al Minhad Air Base", 25.0268, 55.3662},
    {"OEPS", "Prince Sultan Air Base", 24.0627, 47.5805},
    {"OJAI", "Amman Queen Alia", 31.7226, 35.9932},
    {"OBBI", "Bahrain International", 26.2708, 50.6336},
    {"OOMS", "Muscat International", 23.5933, 58.2844},
    {"OPIS", "Islamabad International", 33.5491, 72.8256},
    /* Africa */
    {"GABS", "Bamako-Senou", 12.5335, -7.9499},
    {"GAGO", "Gao", 16.2484, -0.0054},
    {"DRRN", "Niamey Diori Hamani", 13.4815, 2.1836},
    {"FTTJ", "N'Djamena", 12.1337, 15.0340},
    {"DFFD", "Ouagadougou", 12.3532, -1.5124},
    {"GOBD", "Dakar Blaise Diagne", 14.6700, -17.0733},
    {"DIAP", "Abidjan Felix Houphouet-Boigny", 5.2614, -3.9263},
    {"DGAA", "Accra Kotoka", 5.6052, -0.1668},
    {"DNAA", "Abuja Nnamdi Azikiwe", 9.0068, 7.2632},
    {"HKJK", "Nairobi Jomo Kenyatta", -1.3192, 36.9278},
    {"HUEN", "Entebbe International", 0.0424, 32.4435},
    {"HAAB", "Addis Ababa Bole", 8.9779, 38.7993},
    {"HDAM", "Djibouti-Ambouli", 11.5473, 43.1595},
    {"HECA", "Cairo International", 30.1219, 31.4056},
    {"HSSK", "Khartoum", 15.5895, 32.5532},
    {"GMMN", "Casablanca Mohammed V", 33.3675, -7.5900},
    {"DAAG", "Algiers Houari Boumediene", 36.6910, 3.2154},
    {"FZAA", "Kinshasa N'djili", -4.3858, 15.4446},
    {"HRYR", "Kigali International", -1.9686, 30.1395},
    /* The Americas */
    {"KDOV", "Dover Air Force Base", 39.1295, -75.4660},
    {"KCHS", "Charleston Air Force Base", 32.8986, -80.0405},
    {"KPOB", "Pope Army Airfield", 35.1709, -79.0145},
    {"KWRI", "McGuire Air Force Base", 40.0156, -74.5917},
    {"KSKF", "Kelly Field (Lackland)", 29.3842, -98.5811},
    {"CYTR", "CFB Trenton", 44.1189, -77.5281},
    {"MTPP", "Port-au-Prince Toussaint Louverture", 18.5800, -72.2925},
    {"MDSD", "Santo Domingo Las Americas", 18.4297, -69.6689},
    {"MKJP", "Kingston Norman Manley", 17.9357, -76.7875},
    {"TJSJ", "San Juan Luis Munoz Marin", 18.4394, -66.0018},
    {"MPTO", "Panama Tocumen", 9.0714, -79.3835},
    {"MMMX", "Mexico City Benito Juarez", 19.4363, -99.0721},
    {"SKBO", "Bogota El Dorado", 4.7016, -74.1469},
    {"SBGL", "Rio de Janeiro Galeao", -22.8100, -43.2506},
    {"SBBR", "Brasilia", -15.8697, -47.9208},
};

enum { N_AIRPORTS = sizeof table / sizeof table[0] };

size_t airports_count(void) { return N_AIRPORTS; }

const airport *airports_get(size_t i) { return i < N_AIRPORTS ? &table[i] : NULL; }

const airport *airports_find(const char *icao)
{
    for (size_t i = 0; icao && i < N_AIRPORTS; i++)
        if (strcmp(table[i].icao, icao) == 0)
            return &table[i];
    return NULL;
}
