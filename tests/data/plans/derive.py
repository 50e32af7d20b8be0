#!/usr/bin/env python3
"""Writes the broken plans of tests/data/plans/ from valid.json.

Each variant changes valid.json in one place so that it breaks exactly one
rule of FORMAT.md, then recomputes every figure the change moves (summary,
requirement entries, load weights) so that nothing else breaks, unless the
figure itself is what the variant breaks. The JSON files are the test data;
this script only records how each was made. Run it from this directory:

    python3 derive.py        # rewrites the variants and EXPECTED.tsv

EXPECTED.tsv: file, expected exit status of `sortie check`, a substring of
the expected violation (or error) message.
"""
import copy
import json
from datetime import datetime, timedelta, timezone

HERE_SCENARIO = "scenario.json"
PAX_KG = 100


def t(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%MZ").replace(tzinfo=timezone.utc)


def s(moment):
    return moment.strftime("%Y-%m-%dT%H:%MZ")


def minutes(a, b):
    return int((t(b) - t(a)).total_seconds() // 60)


with open(HERE_SCENARIO) as f:
    SCENARIO = json.load(f)
CARGO = {(r["id"], c["name"]): c for r in SCENARIO["requirements"] for c in r.get("cargo", [])}
DUE = {r["id"]: r.get("due", "2022-01-16T06:00Z") for r in SCENARIO["requirements"]}


def aircraft(plan, tail):
    return next(a for a in plan["aircraft"] if a["id"] == tail)


def load(plan, lid):
    return next(l for l in plan["loads"] if l["id"] == lid)


def shift(leg, dep=None, arr=None, by=None):
    """Moves a leg: to a new dep keeping its duration, or by `by` minutes, or sets arr."""
    if by is not None:
        leg["dep"] = s(t(leg["dep"]) + timedelta(minutes=by))
        leg["arr"] = s(t(leg["arr"]) + timedelta(minutes=by))
    if dep is not None:
        d = minutes(leg["dep"], leg["arr"])
        leg["dep"] = dep
        leg["arr"] = s(t(dep) + timedelta(minutes=d))
    if arr is not None:
        leg["arr"] = arr


def recompute(plan):
    """Sets every derived figure from the legs and manifests, as sortie check computes them."""
    legs = [(a, leg) for a in plan["aircraft"] for leg in a["legs"]]
    plan["summary"]["loaded_legs"] = sum(1 for _, leg in legs if leg["load"])
    plan["summary"]["flight_h"] = round(sum(minutes(leg["dep"], leg["arr"]) for _, leg in legs) / 60, 2)
    last_arr = {}
    for _, leg in legs:
        if leg["load"]:
            last_arr[leg["load"]] = max(last_arr.get(leg["load"], leg["arr"]), leg["arr"])
    delivered = {}
    for ld in plan["loads"]:
        kg = sum(p["n"] for p in ld["pax"]) * PAX_KG
        kg += sum(i["n"] * CARGO[(i["req"], i["name"])]["weight_kg"] for i in ld["items"]
                  if (i["req"], i["name"]) in CARGO)
        ld["weight_kg"] = kg
        if ld["id"] not in last_arr:
            continue
        for piece in ld["pax"] + ld["items"]:
            if piece["n"] > 0:
                r = piece["req"]
                delivered[r] = max(delivered.get(r, last_arr[ld["id"]]), last_arr[ld["id"]])
    late = 0
    for entry in plan["requirements"]:
        r = entry["id"]
        if r in delivered:
            entry["delivered"] = delivered[r]
            entry["late_min"] = max(0, minutes(DUE[r], delivered[r]))
            late += entry["late_min"] > 0
    plan["summary"]["late"] = late
    plan["summary"]["closure"] = max(delivered.values())


def dump(plan):
    """The layout of sortie's own writer, so that the files read like its output."""
    q = json.dumps
    out = ["{", f'  "format": {q(plan["format"])},', f'  "scenario": {q(plan["scenario"])},']
    sm = plan["summary"]
    out.append(f'  "summary": {{"closure": {q(sm["closure"])}, "lower_bound": {q(sm["lower_bound"])},')
    out.append(f'              "loaded_legs": {sm["loaded_legs"]}, "flight_h": {sm["flight_h"]}, '
               f'"late": {sm["late"]}}},')
    if "notes" in plan:
        out.append(f'  "notes": {q(plan["notes"])},')
    out.append('  "aircraft": [')
    for k, a in enumerate(plan["aircraft"]):
        out.append(f'    {{"id": {q(a["id"])}, "fleet": {q(a["fleet"])}, "type": {q(a["type"])}, '
                   f'"base": {q(a["base"])},')
        if not a["legs"]:
            out.append('     "legs": []}' + ("," if k + 1 < len(plan["aircraft"]) else ""))
            continue
        out.append('     "legs": [')
        for i, leg in enumerate(a["legs"]):
            out.append(f'       {{"from": {q(leg["from"])}, "to": {q(leg["to"])}, "dep": {q(leg["dep"])}, '
                       f'"arr": {q(leg["arr"])}, "load": {q(leg["load"])}}}'
                       + ("," if i + 1 < len(a["legs"]) else ""))
        out.append("     ]}" + ("," if k + 1 < len(plan["aircraft"]) else ""))
    out.append("  ],")
    out.append('  "loads": [')
    for k, ld in enumerate(plan["loads"]):
        out.append(f'    {{"id": {q(ld["id"])}, "from": {q(ld["from"])}, "to": {q(ld["to"])}, '
                   f'"weight_kg": {q(ld["weight_kg"])},')
        out.append(f'     "pax": {q(ld["pax"])},')
        out.append(f'     "items": {q(ld["items"])}}}' + ("," if k + 1 < len(plan["loads"]) else ""))
    out.append("  ],")
    out.append('  "requirements": [')
    for k, e in enumerate(plan["requirements"]):
        out.append(f'    {q(e)}' + ("," if k + 1 < len(plan["requirements"]) else ""))
    out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"


with open("valid.json") as f:
    VALID = json.load(f)

VARIANTS = []


def variant(name, expect, breaks, recompute_after=True):
    """Registers a variant made by the decorated function from a copy of valid.json."""
    def wrap(change):
        VARIANTS.append((name, expect, breaks, change, recompute_after))
        return change
    return wrap


# ---------------------------------------------------------------- rule 1

@variant("r1-unknown-tail", "aircraft RU-76#3: rule 1: not an aircraft of the scenario",
         "RU-76 has two aircraft; the second is called RU-76#3")
def _(p):
    aircraft(p, "RU-76#2")["id"] = "RU-76#3"


@variant("r1-wrong-base", "aircraft KZ-295#1: rule 1: base is UAAA, fleet KZ-295 is based at UACC",
         "KZ-295#1 states the wrong base")
def _(p):
    aircraft(p, "KZ-295#1")["base"] = "UAAA"


@variant("r1-not-home", "aircraft RU-76#1: rule 1: ends at UACC, not at its base UUBI",
         "RU-76#1 flies on to Astana the next morning and stays there")
def _(p):
    aircraft(p, "RU-76#1")["legs"].append(
        {"from": "UUBI", "to": "UACC", "dep": "2022-01-14T06:00Z", "arr": "2022-01-14T09:03Z", "load": None})


@variant("r1-early", "aircraft KZ-295#1: rule 1: takes off at 2022-01-13T06:50Z (leg 1), before fleet KZ-295 is available",
         "KZ-295#1 takes off 10 min before its fleet's available_from")
def _(p):
    shift(aircraft(p, "KZ-295#1")["legs"][0], by=-10)


@variant("r1-after-horizon", "aircraft RU-76#1: rule 1: lands at 2022-01-16T10:06Z (leg 5), after the horizon ends",
         "RU-76#1 makes an empty round trip that lands after the 72 h horizon")
def _(p):
    aircraft(p, "RU-76#1")["legs"] += [
        {"from": "UUBI", "to": "UACC", "dep": "2022-01-16T02:00Z", "arr": "2022-01-16T05:03Z", "load": None},
        {"from": "UACC", "to": "UUBI", "dep": "2022-01-16T07:03Z", "arr": "2022-01-16T10:06Z", "load": None}]


@variant("r1-duplicate", "aircraft KZ-295#2: rule 1: listed more than once",
         "KZ-295#2 is listed a second time, with no legs")
def _(p):
    p["aircraft"].append({"id": "KZ-295#2", "fleet": "KZ-295", "type": "C-295", "base": "UACC", "legs": []})


# ---------------------------------------------------------------- rule 2

@variant("r2-disjoint", "aircraft RU-76#1 leg 2 (UAAA-UACC): rule 2: leaves from UAAA, but leg 1 landed at UUBI",
         "RU-76#1's first leg goes nowhere (UUBI-UUBI), yet the second leaves from Almaty")
def _(p):
    aircraft(p, "RU-76#1")["legs"][0]["to"] = "UUBI"


@variant("r2-overlap", "aircraft RU-76#2 leg 2 (UACC-UAAA): rule 2: takes off at 2022-01-13T11:03Z, before leg 1 lands",
         "RU-76#2's positioning leg leaves at 09:10Z and lands after the next leg has left")
def _(p):
    shift(aircraft(p, "RU-76#2")["legs"][0], dep="2022-01-13T09:10Z")


@variant("r2-unknown-airfield", "aircraft KZ-295#2 leg 3 (UACC-UAFM): rule 2: no airfield UAFM in the scenario",
         "KZ-295#2 makes an empty round trip to UAFM (Bishkek), which the scenario lacks")
def _(p):
    aircraft(p, "KZ-295#2")["legs"] += [
        {"from": "UACC", "to": "UAFM", "dep": "2022-01-13T14:20Z", "arr": "2022-01-13T16:00Z", "load": None},
        {"from": "UAFM", "to": "UACC", "dep": "2022-01-13T17:00Z", "arr": "2022-01-13T18:40Z", "load": None}]


# ---------------------------------------------------------------- rule 3

@variant("r3-too-short", "aircraft RU-76#1 leg 1 (UUBI-UAAA): rule 3: lasts 250 min; IL-76MD needs at least 251",
         "RU-76#1's first leg lands one minute early")
def _(p):
    shift(aircraft(p, "RU-76#1")["legs"][0], arr="2022-01-13T10:10Z")


@variant("r3-range", "aircraft RU-76#1 leg 2 (UAAA-UUBI): rule 3: a loaded leg of 2940 km, beyond IL-76MD's range of 2500 km",
         "RU-76#1 flies L1 to Ivanovo without the fuel stop at Astana")
def _(p):
    legs = aircraft(p, "RU-76#1")["legs"]
    legs[1]["to"] = "UUBI"
    legs[1]["arr"] = "2022-01-13T16:22Z"
    del legs[2]


@variant("r3-ferry", "aircraft KZ-295#2 leg 3 (UACC-UUBI): rule 3: an empty leg of 2088 km, beyond C-295's ferry range of 1500 km",
         "KZ-295#2 makes an empty round trip to Ivanovo, beyond its ferry range")
def _(p):
    aircraft(p, "KZ-295#2")["legs"] += [
        {"from": "UACC", "to": "UUBI", "dep": "2022-01-13T14:20Z", "arr": "2022-01-13T18:51Z", "load": None},
        {"from": "UUBI", "to": "UACC", "dep": "2022-01-14T01:00Z", "arr": "2022-01-14T05:31Z", "load": None}]


# ---------------------------------------------------------------- rule 4

@variant("r4-ground", "aircraft RU-76#1 leg 2 (UAAA-UACC): rule 4: 90 min on the ground at UAAA before it; IL-76MD needs 120",
         "RU-76#1 arrives at Almaty 30 min later and still leaves on time")
def _(p):
    shift(aircraft(p, "RU-76#1")["legs"][0], by=30)


@variant("r4-fuel-stop", "aircraft RU-76#2 leg 4 (UACC-UUBI): rule 4: 90 min on the ground at UACC before it",
         "RU-76#2 leaves its fuel stop at Astana 30 min early")
def _(p):
    shift(aircraft(p, "RU-76#2")["legs"][3], by=-30)


# ---------------------------------------------------------------- rule 5

@variant("r5-takeoff", "aircraft RU-76#2 leg 3 (UAAA-UACC): rule 5: takes off at 2022-01-13T20:30Z, outside UAAA's hours 02:00-20:00",
         "RU-76#2 leaves Almaty after it closes (and so reaches Ivanovo the next morning)")
def _(p):
    legs = aircraft(p, "RU-76#2")["legs"]
    shift(legs[2], dep="2022-01-13T20:30Z")
    shift(legs[3], dep="2022-01-14T01:00Z")


@variant("r5-landing", "aircraft RU-76#1 leg 4 (UUBI-UACC): rule 5: lands at 2022-01-13T23:49Z, outside UACC's hours 01:00-23:00",
         "RU-76#1 makes an empty round trip to Astana that lands after it closes")
def _(p):
    aircraft(p, "RU-76#1")["legs"] += [
        {"from": "UUBI", "to": "UACC", "dep": "2022-01-13T20:46Z", "arr": "2022-01-13T23:49Z", "load": None},
        {"from": "UACC", "to": "UUBI", "dep": "2022-01-14T01:49Z", "arr": "2022-01-14T04:52Z", "load": None}]


# ---------------------------------------------------------------- rule 6

@variant("r6-mog", "airfield UAAA: rule 6: 3 aircraft on the ground at 2022-01-13T10:11Z",
         "KZ-295#1 stays at Almaty until 10:30Z, so three aircraft stand there from 10:11Z (MOG 2)")
def _(p):
    shift(aircraft(p, "KZ-295#1")["legs"][1], dep="2022-01-13T10:30Z")


@variant("r6-mog-fuel-stop", "airfield UACC: rule 6: 2 aircraft on the ground at 2022-01-13T16:07Z (RU-76#1, RU-76#2), MOG 1",
         "RU-76#1 stays at Astana until 16:30Z, when RU-76#2 has landed (MOG 1)")
def _(p):
    shift(aircraft(p, "RU-76#1")["legs"][2], dep="2022-01-13T16:30Z")


@variant("r6-mog-twice", "airfield UAAA: rule 6: above MOG 2 again 1 more time, with up to 3 aircraft (at 2022-01-13T16:29Z",
         "two separate excesses at Almaty (MOG 2): KZ-295#1 stays until 10:30Z; later RU-76#2 waits there until "
         "17:00Z while both C-295s come back for an empty round trip")
def _(p):
    kz1 = aircraft(p, "KZ-295#1")["legs"]
    shift(kz1[1], dep="2022-01-13T10:30Z")
    kz1 += [
        {"from": "UACC", "to": "UAAA", "dep": "2022-01-13T13:39Z", "arr": "2022-01-13T15:48Z", "load": None},
        {"from": "UAAA", "to": "UACC", "dep": "2022-01-13T16:48Z", "arr": "2022-01-13T18:57Z", "load": None}]
    aircraft(p, "KZ-295#2")["legs"] += [
        {"from": "UACC", "to": "UAAA", "dep": "2022-01-13T14:20Z", "arr": "2022-01-13T16:29Z", "load": None},
        {"from": "UAAA", "to": "UACC", "dep": "2022-01-13T17:29Z", "arr": "2022-01-13T19:38Z", "load": None}]
    ru2 = aircraft(p, "RU-76#2")["legs"]
    shift(ru2[2], dep="2022-01-13T17:00Z")
    shift(ru2[3], dep="2022-01-13T20:32Z")


# ---------------------------------------------------------------- rule 7

@variant("r7-fuel-stop-broken", "load L1: rule 7: its run ends at UACC, not at its to UUBI",
         "L1 is taken off RU-76#1 at the Astana fuel stop: the leg on to Ivanovo flies empty")
def _(p):
    aircraft(p, "RU-76#1")["legs"][2]["load"] = None


@variant("r7-two-aircraft", "load L3: rule 7: carried by more than one aircraft (KZ-295#1 and KZ-295#2)",
         "KZ-295#2 carries L3 as well, and L4 is left behind")
def _(p):
    aircraft(p, "KZ-295#2")["legs"][1]["load"] = "L3"


@variant("r7-never-flown", "load L6: rule 7: never flown",
         "RU-LO's passengers are moved from L5 into a load L6 that no leg carries")
def _(p):
    l5 = load(p, "L5")
    p["loads"].append({"id": "L6", "from": "UACC", "to": "UAAA", "weight_kg": 0, "pax": l5["pax"], "items": []})
    l5["pax"] = []


@variant("r7-unknown-load", "aircraft KZ-295#1 leg 1 (UACC-UAAA): rule 7: carries load L9, which the plan's loads lack",
         "KZ-295#1's positioning leg claims a load L9 that the loads do not list")
def _(p):
    aircraft(p, "KZ-295#1")["legs"][0]["load"] = "L9"


@variant("r7-two-runs", "load L1: rule 7: rides RU-76#1's legs 3 and 5, which are not one unbroken run",
         "RU-76#1 carries L1 again on a later trip from Astana")
def _(p):
    aircraft(p, "RU-76#1")["legs"] += [
        {"from": "UUBI", "to": "UACC", "dep": "2022-01-14T06:00Z", "arr": "2022-01-14T09:03Z", "load": None},
        {"from": "UACC", "to": "UUBI", "dep": "2022-01-14T11:03Z", "arr": "2022-01-14T14:06Z", "load": "L1"}]


@variant("r7-ready", "load L3: rule 7: leaves at 2022-01-13T10:09Z, before requirement KZ-1 is ready at 2022-01-13T10:10Z",
         "KZ-295#1 leaves Almaty with L3 at 10:09Z, a minute before KZ-1 is ready")
def _(p):
    shift(aircraft(p, "KZ-295#1")["legs"][1], dep="2022-01-13T10:09Z")


# ---------------------------------------------------------------- rule 8

@variant("r8-seats", "load L1: rule 8: 127 passengers exceed IL-76MD's 126 seats",
         "one RU-PKF passenger moves from L2 to L1")
def _(p):
    load(p, "L1")["pax"][0]["n"] += 1
    load(p, "L2")["pax"][0]["n"] -= 1


@variant("r8-payload", "load L1: rule 8: weighs 43400 kg, over IL-76MD's payload of 40000 kg",
         "both BTR-82A ride in L1 with 126 passengers")
def _(p):
    load(p, "L1")["items"][0]["n"] = 2
    load(p, "L2")["items"] = []


@variant("r8-hold", "load L6: rule 8: item 'UAZ-452' (4.5 x 2 x 2.1 m, 2800 kg) does not fit C-295's hold",
         "the 2.1 m high UAZ-452 goes on KZ-295#1's positioning leg (C-295 hold 1.9 m high)")
def _(p):
    l5 = load(p, "L5")
    p["loads"].append({"id": "L6", "from": "UACC", "to": "UAAA", "weight_kg": 0, "pax": [], "items": l5["items"]})
    l5["items"] = []
    aircraft(p, "KZ-295#1")["legs"][0]["load"] = "L6"


@variant("r8-floor", "load L3: rule 8: its items cover 36.83 m2 of floor, over C-295's 34.26 m2",
         "all six 463L pallets ride in L3 (6 x 6.14 m2 on a 34.26 m2 floor; the weight would fit)")
def _(p):
    load(p, "L3")["items"][0]["n"] = 6
    load(p, "L4")["items"] = []


# ---------------------------------------------------------------- rule 9

@variant("r9-carrier", "load L6: rule 9: requirement RU-LO may not fly with KZ-295#1 (operator KZ); its carriers are RU",
         "RU-LO's passengers go on KZ-295#1's positioning leg; only RU may carry them")
def _(p):
    l5 = load(p, "L5")
    p["loads"].append({"id": "L6", "from": "UACC", "to": "UAAA", "weight_kg": 0, "pax": l5["pax"], "items": []})
    l5["pax"] = []
    aircraft(p, "KZ-295#1")["legs"][0]["load"] = "L6"


@variant("r9-route", "load L5: rule 9: requirement KZ-1 goes UAAA-UACC, the load UACC-UAAA",
         "ten KZ-1 passengers are put in L5, which flies the other way")
def _(p):
    load(p, "L3")["pax"][0]["n"] -= 10
    load(p, "L5")["pax"].append({"req": "KZ-1", "n": 10})


# ---------------------------------------------------------------- rule 10

@variant("r10-short", "requirement RU-PKF: rule 10: 1 of 2 'BTR-82A' not moved",
         "L2 leaves its BTR-82A behind")
def _(p):
    load(p, "L2")["items"] = []


@variant("r10-extra-pax", "requirement RU-PKF: rule 10: 160 passengers moved, it has 150",
         "L2 carries ten passengers more than RU-PKF has")
def _(p):
    load(p, "L2")["pax"][0]["n"] += 10


@variant("r10-unknown-item", "load L5: rule 10: requirement KZ-2 has no cargo line 'UAZ-469'",
         "L5 also lists a UAZ-469, which KZ-2 does not have")
def _(p):
    load(p, "L5")["items"].append({"req": "KZ-2", "name": "UAZ-469", "n": 1})


@variant("r10-unknown-req", "load L5: rule 10: names requirement RU-XX, which the scenario lacks",
         "L5 lists a passenger of a requirement RU-XX that the scenario lacks")
def _(p):
    load(p, "L5")["pax"].append({"req": "RU-XX", "n": 1})


# ---------------------------------------------------------------- rule 11

@variant("r11-loaded-legs", "summary: rule 11: loaded_legs is 6, the plan has 7", "loaded_legs is one short",
         recompute_after=False)
def _(p):
    p["summary"]["loaded_legs"] = 6


@variant("r11-flight-h", "summary: rule 11: flight_h is 25.5, the legs add up to 26.53", "flight_h is an hour short",
         recompute_after=False)
def _(p):
    p["summary"]["flight_h"] = 25.5


@variant("r11-late", "summary: rule 11: late is 0, requirements delivered after due: 1",
         "late says no requirement is late; KZ-1 is", recompute_after=False)
def _(p):
    p["summary"]["late"] = 0


@variant("r11-closure", "summary: rule 11: closure is 2022-01-13T21:00Z, the last delivery is at 2022-01-13T21:10Z",
         "closure is ten minutes early", recompute_after=False)
def _(p):
    p["summary"]["closure"] = "2022-01-13T21:00Z"


@variant("r11-bound", "summary: rule 11: lower_bound 2022-01-13T22:00Z is after closure 2022-01-13T21:10Z",
         "the lower bound is later than closure", recompute_after=False)
def _(p):
    p["summary"]["lower_bound"] = "2022-01-13T22:00Z"


@variant("r11-delivered", "requirement RU-PKF: rule 11: delivered is 2022-01-13T18:46Z, its last load lands at 2022-01-13T21:10Z",
         "RU-PKF's delivery names L1's arrival, not L2's", recompute_after=False)
def _(p):
    p["requirements"][0]["delivered"] = "2022-01-13T18:46Z"


@variant("r11-late-min", "requirement KZ-1: rule 11: late_min is 0, it is delivered 20 min after due",
         "KZ-1's late_min says on time", recompute_after=False)
def _(p):
    p["requirements"][1]["late_min"] = 0


@variant("r11-due", "requirement KZ-1: rule 11: due is 2022-01-13T20:00Z, the scenario says 2022-01-13T13:00Z",
         "KZ-1's entry states another due time (late_min kept as the scenario's due gives)", recompute_after=False)
def _(p):
    p["requirements"][1]["due"] = "2022-01-13T20:00Z"


@variant("r11-missing-entry", "requirement RU-LO: rule 11: missing from the plan's requirements",
         "the requirements list leaves out RU-LO", recompute_after=False)
def _(p):
    del p["requirements"][3]


@variant("r11-weight", "load L3: rule 11: weight_kg is 4000, its contents weigh 4200 kg",
         "L3 states 4000 kg; 30 passengers and 3 pallets weigh 4200", recompute_after=False)
def _(p):
    load(p, "L3")["weight_kg"] = 4000


def main():
    rows = [("valid.json", 0, "valid")]
    for name, expect, breaks, change, again in VARIANTS:
        p = copy.deepcopy(VALID)
        p["notes"] = {"breaks": breaks}
        change(p)
        if again:
            recompute(p)
        with open(name + ".json", "w") as f:
            f.write(dump(p))
        rows.append((name + ".json", 1, expect))
    rows += INPUT_ERRORS
    with open("EXPECTED.tsv", "w") as f:
        f.write("# file\texit\tsubstring of the message (sortie check's stdout for 0 and 1, stderr for 2)\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")


# Plans that are not valid input at all (sortie check exits 2); hand-written files.
INPUT_ERRORS = [
    ("bad-syntax.json", 2, "bad-syntax.json:4:"),
    ("bad-time.json", 2, "aircraft[0].legs[1].dep: expected a UTC time"),
    ("bad-seconds.json", 2, "aircraft[0].legs[0].arr: plans are written in whole minutes"),
    ("bad-unknown-key.json", 2, "loads[0].weight: unknown key (did you mean 'weight_kg'?)"),
    ("bad-format.json", 2, "format: expected \"sortie/plan@1\", got \"sortie/scenario@1\""),
    ("bad-types.json", 2, "loads[0].pax[0].n: expected a whole number"),
]

if __name__ == "__main__":
    main()
