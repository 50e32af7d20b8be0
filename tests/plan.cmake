# End-to-end tests of `sortie plan`. Each runs the command through sh and
# appends "exit=N", so that one PASS_REGULAR_EXPRESSION checks both what is
# printed and the exit status. Outputs go to the build tree.
set(SORTIE_PLAN_OUT ${CMAKE_CURRENT_BINARY_DIR}/plan-cli)
file(MAKE_DIRECTORY ${SORTIE_PLAN_OUT})

# A scenario no plan can meet: 44 full-payload crates through one spot at
# 60 min each need 44 hours; the horizon is 24.
file(WRITE ${SORTIE_PLAN_OUT}/impossible.json [=[
{"format": "sortie/scenario@1", "name": "impossible", "start": "2022-01-13T00:00Z", "horizon_h": 24,
 "airfields": [{"id": "C", "lat": 0, "lon": 0}, {"id": "A", "lat": 0, "lon": 9, "mog": 1},
               {"id": "B", "lat": 0, "lon": 18}],
 "aircraft_types": [{"id": "T", "payload_kg": 10000, "seats": 50,
   "hold": {"length_m": 10, "width_m": 3, "height_m": 3}, "cruise_kmh": 600, "range_km": 5000,
   "ferry_range_km": 8000, "taxi_min": 0, "ground_min": 60}],
 "fleets": [{"id": "F", "operator": "X", "type": "T", "count": 44, "base": "C"}],
 "requirements": [{"id": "R1", "from": "A", "to": "B", "cargo": [{"name": "crate", "count": 44,
   "weight_kg": 10000, "length_m": 2, "width_m": 2, "height_m": 2}]}]}
]=])

# sortie_plan_test(NAME REGEX ARGS...): runs `sortie plan ARGS` (stdout and stderr together).
function(sortie_plan_test name regex)
  add_test(NAME ${name}
           COMMAND sh -c "\"$0\" plan \"$@\" 2>&1; echo \"exit=$?\"" $<TARGET_FILE:sortie> ${ARGN})
  set_tests_properties(${name} PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} PASS_REGULAR_EXPRESSION "${regex}")
endfunction()

# The built-in example: the summary, exit 0.
sortie_plan_test(cli_plan_example
  "^scenario +CSTO[^\n]*\nclosure +2022-01-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]Z \\([0-9.]+ days after start\\)\nlower bound +2022-01-[0-9T:]+Z \\(gap [0-9.]+%[^\n]*\\)\nloaded legs +[0-9]+\nflight hours +[0-9.]+\nlate +0 of 5 requirements\nbinds +[^\n]+\nbusiest +[A-Z]+: [0-9]+ on the ground at peak, MOG [0-9]+\nspots +UAAA \\(MOG 6\\): [0-9]+ stays, [0-9]+% of its spots from first landing to last take-off; [0-9]+ loaded take-offs \\(its loads fit in [0-9]+ at the least\\)\ncloses +RU-[A-Z0-9-]+ UAAA-[A-Z]+ on RU-[A-Za-z0-9-]+#[0-9]+, landing 2022-01-14T[0-9:]+Z[^\n]*\nby operator +RU: [0-9]+ sorties, 2350 pax, [0-9.]+ t\ntime +[0-9.]+ s\nexit=0\n$")
sortie_plan_test(cli_plan_example_file "closure +2022-01-1[0-9]T.*exit=0\n$" examples/csto-kazakhstan-2022.json --time-limit 0.5)
# --json: the same as JSON.
sortie_plan_test(cli_plan_json
  "^{\n  \"scenario\": \"CSTO[^\n]*\",\n  \"closure\": \"2022-01-[0-9T:]+Z\",\n  \"closure_days\": [0-9.]+,\n  \"lower_bound\": \"[^\"]+\",\n  \"gap\": [0-9.e-]+,\n.*\"operators\": \\[\n.*\"operator\": \"RU\",.*\n}\nexit=0\n$"
  --json)
# The 2022 withdrawal closes inside its ten days with no late requirement,
# within 1% of the proved bound (issue 4's target for the built-in example).
# A generous time limit: the search's own step budget decides, not the speed
# of the machine (a sanitizer build on a busy machine is several times slower).
sortie_plan_test(cli_plan_example_gap
  "\"closure\": \"2022-01-(1[3-9]|2[0-2])T[0-9:]+Z\",.*\"gap\": (0|0\\.0|0\\.00[0-9]*|0\\.010*|[0-9.]+e-0*([3-9]|[1-9][0-9])),\n.*\"late\": 0,.*exit=0\n$"
  --json --time-limit 120)
# --quiet: nothing at all.
sortie_plan_test(cli_plan_quiet "^exit=0\n$" -q)
# --deep-bound is taken: the example planned, its bound at most its closure.
sortie_plan_test(cli_plan_deep_bound "lower bound +2022-01-1[0-9]T[^\n]*gap [0-9.]+%.*exit=0\n$" --deep-bound --time-limit 0.5)
# Usage errors exit 2.
sortie_plan_test(cli_plan_unknown_option "^sortie: plan: unknown option '--bogus'\nusage: sortie plan .*exit=2\n$" --bogus)
sortie_plan_test(cli_plan_bad_seed "^sortie: plan: --seed needs a non-negative integer, got '-3'\n.*exit=2\n$" --seed=-3)
sortie_plan_test(cli_plan_bad_time "^sortie: plan: --time-limit needs seconds[^\n]*got 'soon'\n.*exit=2\n$" --time-limit soon)
sortie_plan_test(cli_plan_no_file_name "^sortie: plan: -o needs a file name\n.*exit=2\n$" -o)
sortie_plan_test(cli_plan_two_scenarios "^sortie: plan: unexpected argument 'b.json' \\(one scenario at most\\)\n.*exit=2\n$"
  a.json b.json)
sortie_plan_test(cli_plan_missing "^sortie: tests/no-such-scenario.json: cannot read[^\n]*\nexit=2\n$" tests/no-such-scenario.json)
sortie_plan_test(cli_plan_help "^usage: sortie plan \\[SCENARIO\\] \\[options\\]\n.*exit=0\n$" --help)
# A scenario that cannot be planned: exit 1, the requirement and what binds
# it named, and no file written.
add_test(NAME cli_plan_impossible
         COMMAND sh -c "rm -f \"$1/never.json\"; \"$0\" plan \"$1/impossible.json\" -o \"$1/never.json\" 2>&1; echo \"exit=$?\"; test -e \"$1/never.json\" && echo written"
                 $<TARGET_FILE:sortie> ${SORTIE_PLAN_OUT})
set_tests_properties(cli_plan_impossible PROPERTIES PASS_REGULAR_EXPRESSION
  "^sortie: R1: earliest delivery 2022-01-14T[0-9:]+Z is after the horizon end 2022-01-14T00:00Z: A's MOG 1: 44 sorties must take off there, 60 min on the ground each\nsortie: [^\n]*impossible.json: the scenario cannot be planned\nexit=1\n$")
# Every output, then the checker on the plan written; the same seed twice
# gives the same file byte for byte (the budget decides, not the clock).
add_test(NAME cli_plan_outputs
         COMMAND sh -c "set -e; \"$0\" plan -q --seed 3 --time-limit 600 -o \"$1/a.json\" --csv \"$1/a.csv\"; \"$0\" plan -q --seed 3 --time-limit 600 -o \"$1/b.json\"; cmp \"$1/a.json\" \"$1/b.json\"; \"$0\" check examples/csto-kazakhstan-2022.json \"$1/a.json\"; head -c 200 \"$1/a.csv\"; echo; echo done"
                 $<TARGET_FILE:sortie> ${SORTIE_PLAN_OUT})
set_tests_properties(cli_plan_outputs PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} PASS_REGULAR_EXPRESSION "^valid\n.+\ndone\n$")
# The two-lane search (psearch.c) on a scenario it improves, with effort 2.5
# (two searches, seeds 1 and 2, each with 1.25 times the default work): the
# same file twice, and a valid plan.
add_test(NAME cli_plan_two_lanes_same_plan
         COMMAND sh -c "set -e; \"$0\" gen --scale S --seed 2 -o \"$1/s2.json\"; for x in a b; do \"$0\" plan -q \"$1/s2.json\" --effort 2.5 --time-limit 600 -o \"$1/s2-$x.json\"; done; cmp \"$1/s2-a.json\" \"$1/s2-b.json\"; \"$0\" check \"$1/s2.json\" \"$1/s2-a.json\"; echo done"
                 $<TARGET_FILE:sortie> ${SORTIE_PLAN_OUT})
set_tests_properties(cli_plan_two_lanes_same_plan PROPERTIES PASS_REGULAR_EXPRESSION "^valid\ndone\n$" TIMEOUT 600)
# By default the effort follows the time limit: at 25 s, two searches, the
# plan --effort 2 makes byte for byte, and better than one search's (seed 6
# on the generated S-4: 18:58 against 21:04). Not under the sanitizers: there
# the two searches take 14 s of the 25 (measured), too little room on a busy
# machine for the clock never to cut them.
add_test(NAME cli_plan_effort_follows_the_limit
         COMMAND sh -c "set -e; \"$0\" gen --scale S --seed 4 -o \"$1/s4.json\"; for e in auto 2 1; do \"$0\" plan -q \"$1/s4.json\" --seed 6 --time-limit 25 --effort $e -o \"$1/s4-$e.json\"; done; cmp \"$1/s4-auto.json\" \"$1/s4-2.json\"; ! cmp -s \"$1/s4-auto.json\" \"$1/s4-1.json\"; \"$0\" check \"$1/s4.json\" \"$1/s4-auto.json\"; \"$0\" check \"$1/s4.json\" \"$1/s4-1.json\"; grep -o '\"closure\": \"[^\"]*\"' \"$1/s4-auto.json\" \"$1/s4-1.json\" | head -2; echo done"
                 $<TARGET_FILE:sortie> ${SORTIE_PLAN_OUT})
set_tests_properties(cli_plan_effort_follows_the_limit PROPERTIES LABELS no-sanitize TIMEOUT 300
  PASS_REGULAR_EXPRESSION "^valid\nvalid\n[^\n]*s4-auto.json:\"closure\": \"2024-04-25T18:58Z\"\n[^\n]*s4-1.json:\"closure\": \"2024-04-25T21:04Z\"\ndone\n$")
# The summary names the effort when it is above 1.
sortie_plan_test(cli_plan_effort_shown "\ntime +[0-9.]+ s \\(effort 2\\)\nexit=0\n$" --time-limit 25)
# -o - puts the plan on standard output and the summary on standard error.
add_test(NAME cli_plan_stdout
         COMMAND sh -c "\"$0\" plan -o - 2>/dev/null | head -c 40; echo" $<TARGET_FILE:sortie>)
set_tests_properties(cli_plan_stdout PROPERTIES PASS_REGULAR_EXPRESSION "^{\n  \"format\": \"sortie/plan@1\",")
