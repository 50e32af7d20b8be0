# End-to-end tests of `sortie check` on the hand-made plans of tests/data/plans/.
# Each runs the command through sh and appends "exit=N", so that one
# PASS_REGULAR_EXPRESSION checks both what is printed and the exit status
# (ctest ignores the exit status once a pass expression is set).
set(SORTIE_PLANS tests/data/plans)

# sortie_check_test(NAME REGEX ARGS...): runs `sortie check ARGS` (stdout and stderr together).
function(sortie_check_test name regex)
  add_test(NAME ${name}
           COMMAND sh -c "\"$0\" check \"$@\" 2>&1; echo \"exit=$?\"" $<TARGET_FILE:sortie> ${ARGN})
  set_tests_properties(${name} PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} PASS_REGULAR_EXPRESSION "${regex}")
endfunction()

# A valid plan: "valid" and nothing else, exit 0.
sortie_check_test(cli_check_valid "^valid\nexit=0\n$" ${SORTIE_PLANS}/scenario.json ${SORTIE_PLANS}/valid.json)
# A broken plan: the violation on its own line, the count, exit 1.
sortie_check_test(cli_check_broken
  "aircraft RU-76#2 leg 3 \\(UAAA-UACC\\): rule 5: takes off at 2022-01-13T20:30Z, outside UAAA's hours 02:00-20:00\n1 violation\nexit=1\n$"
  ${SORTIE_PLANS}/scenario.json ${SORTIE_PLANS}/r5-takeoff.json)
sortie_check_test(cli_check_broken_json
  "\"valid\": false,\n  \"violations\": \\[\n    \"airfield UAAA: rule 6: 3 aircraft on the ground at 2022-01-13T10:11Z[^\n]*\"\n  \\],\n  \"more\": 0\n}\nexit=1\n$"
  --json ${SORTIE_PLANS}/scenario.json ${SORTIE_PLANS}/r6-mog.json)
# Input errors exit 2 with the place named on stderr.
sortie_check_test(cli_check_syntax "^sortie: ${SORTIE_PLANS}/bad-syntax.json:4:[0-9]+: invalid JSON[^\n]*\nexit=2\n$"
  ${SORTIE_PLANS}/scenario.json ${SORTIE_PLANS}/bad-syntax.json)
sortie_check_test(cli_check_bad_time "sortie: ${SORTIE_PLANS}/bad-time.json: aircraft\\[0\\].legs\\[1\\].dep: expected a UTC time[^\n]*\nexit=2\n$"
  ${SORTIE_PLANS}/scenario.json ${SORTIE_PLANS}/bad-time.json)
sortie_check_test(cli_check_no_plan "sortie: ${SORTIE_PLANS}/missing.json: cannot read: [^\n]*\nexit=2\n$"
  ${SORTIE_PLANS}/scenario.json ${SORTIE_PLANS}/missing.json)
sortie_check_test(cli_check_plan_as_scenario "^sortie: ${SORTIE_PLANS}/valid.json: [^\n]*\n.*exit=2\n$"
  ${SORTIE_PLANS}/valid.json ${SORTIE_PLANS}/valid.json)
sortie_check_test(cli_check_usage "^sortie: check: needs a scenario and a plan\nusage: sortie check.*exit=2\n$"
  ${SORTIE_PLANS}/scenario.json)
sortie_check_test(cli_check_help "^usage: sortie check \\[--json\\] SCENARIO PLAN\n.*exit=0\n$" --help)
