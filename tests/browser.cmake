# Browser tests of the HTML report (tests/browser/report.test.mjs): Debian's
# Chromium, headless, driven by playwright-core from web/node_modules, which
# the build installs. Each report is first written by the sortie command
# (a fixture test), then opened in the browser. Browser runs are labelled
# no-sanitize (the page is the same under ASan); writing the reports is not,
# so the report code still runs under the sanitizers.
set(SORTIE_BROWSER_TEST ${CMAKE_CURRENT_SOURCE_DIR}/browser/report.test.mjs)
set(SORTIE_REPORT_DIR ${CMAKE_CURRENT_BINARY_DIR}/report)
file(MAKE_DIRECTORY ${SORTIE_REPORT_DIR})

# sortie_browser_test(NAME REPORT_HTML FIXTURE [ENV...]): opens REPORT_HTML once FIXTURE has made it.
function(sortie_browser_test name html fixture)
  add_test(NAME ${name} COMMAND ${NODE_EXECUTABLE} ${SORTIE_BROWSER_TEST} ${html})
  set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED ${fixture} LABELS "browser;no-sanitize" TIMEOUT 120
                       ENVIRONMENT "${ARGN}")
endfunction()

# A hand-made plan of a small scenario whose names hold "</script>" and "<!--",
# with opening hours that wrap midnight, an unused aircraft and a late requirement.
add_test(NAME report_fixture_html
         COMMAND sortie report tests/browser/fixture-scenario.json tests/browser/fixture-plan.json
                 -o ${SORTIE_REPORT_DIR}/fixture.html)
set_tests_properties(report_fixture_html PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                     FIXTURES_SETUP report_fixture)
sortie_browser_test(report_fixture_browser ${SORTIE_REPORT_DIR}/fixture.html report_fixture)
add_test(NAME report_fixture_check COMMAND sortie check tests/browser/fixture-scenario.json tests/browser/fixture-plan.json)
set_tests_properties(report_fixture_check PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

# A plan naming an airfield, a type, requirements, a load and a cargo line
# that the scenario lacks: still a report (with a warning), drawn as far as it can be.
add_test(NAME report_unknown_html
         COMMAND sortie report tests/browser/fixture-scenario.json tests/browser/fixture-plan-unknown.json
                 -o ${SORTIE_REPORT_DIR}/unknown.html)
set_tests_properties(report_unknown_html PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                     FIXTURES_SETUP report_unknown)
sortie_browser_test(report_unknown_browser ${SORTIE_REPORT_DIR}/unknown.html report_unknown)

# The built-in 2022 example, planned by sortie: the plan passes the checker,
# and both its reports (plan --html, and report from the written plan) pass.
add_test(NAME report_example_plan
         COMMAND sortie plan examples/csto-kazakhstan-2022.json -q -o ${SORTIE_REPORT_DIR}/example-plan.json
                 --html ${SORTIE_REPORT_DIR}/example-plan.html)
set_tests_properties(report_example_plan PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                     FIXTURES_SETUP report_example_plan)
add_test(NAME report_example_check
         COMMAND sortie check examples/csto-kazakhstan-2022.json ${SORTIE_REPORT_DIR}/example-plan.json)
set_tests_properties(report_example_check PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                     FIXTURES_REQUIRED report_example_plan)
add_test(NAME report_example_html
         COMMAND sortie report examples/csto-kazakhstan-2022.json ${SORTIE_REPORT_DIR}/example-plan.json
                 -o ${SORTIE_REPORT_DIR}/example.html)
set_tests_properties(report_example_html PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                     FIXTURES_REQUIRED report_example_plan FIXTURES_SETUP report_example)
sortie_browser_test(report_example_browser ${SORTIE_REPORT_DIR}/example.html report_example)
sortie_browser_test(report_example_plan_browser ${SORTIE_REPORT_DIR}/example-plan.html report_example_plan)

# An M-scale plan (sortie gen --scale M): the report stays under 3 MB and draws
# every part (its drawing time is measured by bench/report.sh, not asserted here).
add_test(NAME report_m_plan
         COMMAND sh -c "\"$0\" gen --scale M --seed 1 -o \"$1/m.json\" && \"$0\" plan \"$1/m.json\" -q --time-limit 1 -o \"$1/m-plan.json\" --html \"$1/m.html\" && \"$0\" check \"$1/m.json\" \"$1/m-plan.json\""
                 $<TARGET_FILE:sortie> ${SORTIE_REPORT_DIR})
set_tests_properties(report_m_plan PROPERTIES FIXTURES_SETUP report_m)
sortie_browser_test(report_m_browser ${SORTIE_REPORT_DIR}/m.html report_m)

# The command line: a usage error exits 2 with a message; help goes to stdout.
add_test(NAME report_cli_usage
         COMMAND sh -c "\"$0\" report tests/browser/fixture-scenario.json 2>\"$1\"; s=$?; test $s -eq 2 && grep -q '^sortie: report: needs a plan' \"$1\""
                 $<TARGET_FILE:sortie> ${SORTIE_REPORT_DIR}/usage.err)
set_tests_properties(report_cli_usage PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME report_cli_help COMMAND sortie report --help)
set_tests_properties(report_cli_help PROPERTIES PASS_REGULAR_EXPRESSION "usage: sortie report SCENARIO PLAN")
