# robust.cmake: robustness tests (issue 6), included by tests/CMakeLists.txt.
#   - test_alloc_fail: every allocation in turn fails (label robust);
#   - regress_*: each reproducer in tests/data/regress/ through the CLI;
#   - hostile_*: hostile sizes through the CLI (the rest are in test_robust_hostile.c);
#   - valgrind_*: memcheck on the end-to-end runs (label valgrind, normal build only).
# The short fuzz runs are registered by fuzz/CMakeLists.txt in the clang build
# (scripts/test.sh runs them); docs/testing.md says how to run each kind.
set(SORTIE_EXPECT bash ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_exit.sh)
set(SORTIE_EXPECT_SH "bash '${CMAKE_CURRENT_SOURCE_DIR}/support/expect_exit.sh'") # inside bash -c
set(SORTIE_CLI $<TARGET_FILE:sortie>)
# The fixed scenario of the plan fuzzer (the checker's fixture).
set(SORTIE_PLAN_SCENARIO ${CMAKE_CURRENT_SOURCE_DIR}/data/plans/scenario.json)
if(NOT EXISTS ${SORTIE_PLAN_SCENARIO})
  set(SORTIE_PLAN_SCENARIO ${CMAKE_SOURCE_DIR}/fuzz/plan_scenario.json)
endif()

# ---------------------------------------------------------- allocation failure
if(TARGET test_alloc_fail)
  find_package(Threads REQUIRED)
  target_sources(test_alloc_fail PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support/failalloc.c)
  target_link_libraries(test_alloc_fail PRIVATE Threads::Threads)
  target_link_options(test_alloc_fail PRIVATE
    "LINKER:--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=reallocarray,--wrap=strdup,--wrap=strndup,--wrap=free")
  set_tests_properties(test_alloc_fail PROPERTIES LABELS robust TIMEOUT 900)
  if(SORTIE_SANITIZE OR SORTIE_COVERAGE)
    # Each run is several times slower there: every allocation up to the
    # 2000th, then a sample of 6000 runs in all (8000 in the normal build).
    set_tests_properties(test_alloc_fail PROPERTIES ENVIRONMENT "SORTIE_ALLOC_FAIL_MAX_RUNS=6000")
  endif()
endif()
if(TARGET test_robust_hostile)
  set_tests_properties(test_robust_hostile PROPERTIES LABELS robust TIMEOUT 600)
endif()

# ------------------------------------------------ regression reproducers (CLI)
# tests/data/regress/README.md: scenario/ files through `sortie plan` (exit 2),
# plan/ files through `sortie check` of the fixed scenario (0, 1 or 2),
# planner/ files through `sortie plan` (0, 1 or 2; a plan it writes must pass
# `sortie check`). open/<kind>/ holds findings not fixed yet: registered,
# but DISABLED, so ctest lists them without running them.
function(sortie_regress_tests dir prefix disabled)
  set(regress ${CMAKE_CURRENT_SOURCE_DIR}/data/regress)
  file(GLOB files CONFIGURE_DEPENDS ${regress}/${dir}scenario/* ${regress}/${dir}plan/* ${regress}/${dir}planner/*)
  foreach(f ${files})
    get_filename_component(n ${f} NAME)
    get_filename_component(kind ${f} DIRECTORY)
    get_filename_component(kind ${kind} NAME)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/regress-${kind}-${n}.plan.json)
    if(kind STREQUAL "scenario")
      set(cmd ${SORTIE_EXPECT} 2 --stderr "^sortie: " -- ${SORTIE_CLI} plan ${f} --time-limit 0.2 --quiet -o ${out})
    elseif(kind STREQUAL "plan")
      set(cmd ${SORTIE_EXPECT} 0,1,2 --check-output -- ${SORTIE_CLI} check ${SORTIE_PLAN_SCENARIO} ${f})
    else()
      set(cmd bash -c "rm -f '${out}'; ${SORTIE_EXPECT_SH} 0,1,2 -- '${SORTIE_CLI}' plan '${f}' --time-limit 0.2 --quiet -o '${out}' && { [ ! -s '${out}' ] || ${SORTIE_EXPECT_SH} 0 -- '${SORTIE_CLI}' check '${f}' '${out}'; }")
    endif()
    add_test(NAME ${prefix}_${kind}_${n} COMMAND ${cmd})
    set_tests_properties(${prefix}_${kind}_${n} PROPERTIES LABELS "regress;robust" TIMEOUT 120 DISABLED ${disabled})
  endforeach()
endfunction()
sortie_regress_tests("" regress OFF)
sortie_regress_tests("open/" regress_open ON)

# ------------------------------------------------------- hostile sizes (CLI)
# Generated at test time: nothing large is committed.
string(REPEAT "a" 5000 SORTIE_LONG_NAME)
add_test(NAME hostile_long_file_name
         COMMAND ${SORTIE_EXPECT} 2 --stderr "^sortie: " -- ${SORTIE_CLI} plan ${SORTIE_LONG_NAME}.json --quiet)
add_test(NAME hostile_long_file_name_check
         COMMAND ${SORTIE_EXPECT} 2 --stderr "^sortie: " -- ${SORTIE_CLI} check ${SORTIE_PLAN_SCENARIO} /nonexistent/${SORTIE_LONG_NAME})
add_test(NAME hostile_directory_as_file
         COMMAND ${SORTIE_EXPECT} 2 --stderr "^sortie: " -- ${SORTIE_CLI} plan ${CMAKE_CURRENT_SOURCE_DIR} --quiet)
add_test(NAME hostile_dev_null
         COMMAND ${SORTIE_EXPECT} 2 --stderr "^sortie: " -- ${SORTIE_CLI} plan /dev/null --quiet)
add_test(NAME hostile_deep_nesting_file
         COMMAND bash -c "f='${CMAKE_CURRENT_BINARY_DIR}/hostile-deep.json'; head -c 100000 /dev/zero | tr '\\0' '[' >\"$f\" && ${SORTIE_EXPECT_SH} 2 --stderr '^sortie: ' -- '${SORTIE_CLI}' plan \"$f\" --quiet")
# Once a finding: 5,000 airfields made `sortie plan --time-limit 0.1` run for
# 12 minutes at 0250436 (the bound's shortest paths are cubic in airfields,
# the model's leg table quadratic). The reader now takes at most 500
# (SCN_MAX_AIRFIELDS): 5,001 are refused at once, naming the list, and 500
# plan within the test's timeout.
function(sortie_airfields_scenario n file)
  set(${file} "f='${CMAKE_CURRENT_BINARY_DIR}/hostile-airfields-${n}.json'; { printf '{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"airfields\": ['; for i in $(seq 0 $((${n} - 2))); do printf '{\"id\": \"A%d\", \"lat\": %d, \"lon\": %d},' $i $(( i % 170 - 85 )) $(( (i * 7) % 350 - 175 )); done; printf '{\"id\": \"Z\", \"lat\": 0, \"lon\": 0}], \"fleets\": [{\"id\": \"F\", \"operator\": \"X\", \"type\": \"C-17A\", \"count\": 1, \"base\": \"A0\"}], \"requirements\": [{\"id\": \"R\", \"from\": \"A0\", \"to\": \"A1\", \"pax\": 10}]}'; } >\"$f\"" PARENT_SCOPE)
endfunction()
sortie_airfields_scenario(5001 make_5001)
add_test(NAME hostile_too_many_airfields
         COMMAND bash -c "${make_5001} && ${SORTIE_EXPECT_SH} 2 --stderr 'airfields: 5001 entries; sortie reads at most 500' -- '${SORTIE_CLI}' plan \"$f\" --time-limit 0.1 --quiet -o /dev/null")
sortie_airfields_scenario(500 make_500)
add_test(NAME hostile_most_airfields
         COMMAND bash -c "${make_500} && ${SORTIE_EXPECT_SH} 0 -- '${SORTIE_CLI}' plan \"$f\" --time-limit 0.1 --quiet -o /dev/null")
set_tests_properties(hostile_too_many_airfields hostile_most_airfields PROPERTIES LABELS "hostile;robust" TIMEOUT 60)
set_tests_properties(hostile_long_file_name hostile_long_file_name_check hostile_directory_as_file hostile_dev_null
                     hostile_deep_nesting_file PROPERTIES LABELS "hostile;robust" TIMEOUT 60)

# ------------------------------------------------ the command line, misused
# Usage errors exit 2 with a `sortie: ` message; help and version exit 0;
# outputs that cannot be written are refused, naming the file.
set(SORTIE_SCN_SMALL ${CMAKE_CURRENT_SOURCE_DIR}/data/plans/scenario.json)
set(SORTIE_PLAN_VALID ${CMAKE_CURRENT_SOURCE_DIR}/data/plans/valid.json)
set(SORTIE_NOWHERE /nonexistent-dir/out)
# sortie_cli_case(NAME CODES STDERR_REGEX ARGS...)
function(sortie_cli_case name codes regex)
  if(regex STREQUAL "")
    add_test(NAME cli_robust_${name} COMMAND ${SORTIE_EXPECT} ${codes} -- ${SORTIE_CLI} ${ARGN})
  else()
    add_test(NAME cli_robust_${name} COMMAND ${SORTIE_EXPECT} ${codes} --stderr ${regex} -- ${SORTIE_CLI} ${ARGN})
  endif()
  set_tests_properties(cli_robust_${name} PROPERTIES LABELS "cli;robust" TIMEOUT 120
                       WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
endfunction()
sortie_cli_case(no_command 2 "^usage: sortie")
sortie_cli_case(help 0 "" --help)
sortie_cli_case(help_word 0 "" help)
sortie_cli_case(version 0 "" --version)
sortie_cli_case(unknown_command 2 "^sortie: unknown command 'frobnicate'" frobnicate)
sortie_cli_case(types 0 "" types)
sortie_cli_case(types_json 0 "" types --json)
sortie_cli_case(types_help 0 "" types --help)
sortie_cli_case(types_bad_option 2 "^sortie: types: unknown option" types --bogus)
sortie_cli_case(gen_no_scale 2 "^sortie: gen: " gen)
sortie_cli_case(gen_scale_no_value 2 "^sortie: gen: " gen --scale)
sortie_cli_case(gen_bad_scale 2 "^sortie: gen: " gen --scale XXL)
sortie_cli_case(gen_bad_seed 2 "^sortie: gen: .*seed" gen --scale S --seed -3x)
sortie_cli_case(gen_bad_option 2 "^sortie: gen: " gen --bogus)
sortie_cli_case(gen_help 0 "" gen --help)
sortie_cli_case(gen_unwritable 2 "^sortie: .*nonexistent-dir" gen --scale S --seed 3 -o ${SORTIE_NOWHERE}.json)
sortie_cli_case(gen_large 0 "" gen --scale L --seed 5 -o gen-large.json)
sortie_cli_case(check_help 0 "" check --help)
sortie_cli_case(check_no_files 2 "^sortie: check: " check)
sortie_cli_case(check_too_many 2 "^sortie: check: too many" check a b c)
sortie_cli_case(check_bad_option 2 "^sortie: check: unknown option" check --bogus)
sortie_cli_case(check_missing_plan 2 "^sortie: .*nonexistent" check ${SORTIE_SCN_SMALL} /nonexistent/plan.json)
sortie_cli_case(check_scenario_as_plan 2 "^sortie: " check ${SORTIE_SCN_SMALL} ${SORTIE_SCN_SMALL})
sortie_cli_case(check_json 0 "" check --json ${SORTIE_SCN_SMALL} ${SORTIE_PLAN_VALID})
sortie_cli_case(report_no_output_name 2 "^sortie: report: " report ${SORTIE_SCN_SMALL} ${SORTIE_PLAN_VALID} -o)
sortie_cli_case(report_empty_output 2 "^sortie: report: .*empty" report ${SORTIE_SCN_SMALL} ${SORTIE_PLAN_VALID} --output=)
sortie_cli_case(report_bad_option 2 "^sortie: report: unknown option" report --bogus)
sortie_cli_case(report_extra_argument 2 "^sortie: report: unexpected" report a b c)
sortie_cli_case(report_unwritable 2 "^sortie: .*nonexistent-dir" report ${SORTIE_SCN_SMALL} ${SORTIE_PLAN_VALID} -o ${SORTIE_NOWHERE}.html)
sortie_cli_case(report_bad_plan 2 "^sortie: " report ${SORTIE_SCN_SMALL} /nonexistent/plan.json)
sortie_cli_case(report_after_dashes 0 "" report --output=report-dashes.html -- ${SORTIE_SCN_SMALL} ${SORTIE_PLAN_VALID})
sortie_cli_case(plan_no_output_name 2 "^sortie: plan: " plan -o)
sortie_cli_case(plan_empty_csv 2 "^sortie: plan: " plan --csv=)
sortie_cli_case(plan_no_html_name 2 "^sortie: plan: " plan --html)
sortie_cli_case(plan_bad_seed 2 "^sortie: plan: .*seed" plan --seed=-1)
sortie_cli_case(plan_bad_time_limit 2 "^sortie: plan: .*time-limit" plan --time-limit abc)
sortie_cli_case(plan_effort_below_one 2 "^sortie: plan: --effort needs a number of at least 1" plan --effort 0.5)
sortie_cli_case(plan_bad_effort 2 "^sortie: plan: --effort needs" plan --effort=lots)
# --effort auto is taken, and the plan it writes passes the checker.
add_test(NAME cli_robust_plan_effort_auto
         COMMAND bash -c "${SORTIE_EXPECT_SH} 0 -- '${SORTIE_CLI}' plan '${SORTIE_SCN_SMALL}' --effort auto --time-limit 0.1 --quiet -o plan-auto.json && ${SORTIE_EXPECT_SH} 0 -- '${SORTIE_CLI}' check '${SORTIE_SCN_SMALL}' plan-auto.json")
set_tests_properties(cli_robust_plan_effort_auto PROPERTIES LABELS "cli;robust" TIMEOUT 120
                     WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
sortie_cli_case(plan_two_scenarios 2 "^sortie: plan: unexpected" plan a.json b.json)
sortie_cli_case(plan_bad_option 2 "^sortie: plan: unknown option" plan --bogus)
sortie_cli_case(plan_unwritable 2 "^sortie: .*nonexistent-dir" plan ${SORTIE_SCN_SMALL} --time-limit 0.1 --quiet -o ${SORTIE_NOWHERE}.json)
sortie_cli_case(plan_unwritable_csv 2 "^sortie: .*nonexistent-dir" plan ${SORTIE_SCN_SMALL} --time-limit 0.1 --quiet --csv ${SORTIE_NOWHERE}.csv)
sortie_cli_case(plan_unwritable_html 2 "^sortie: .*nonexistent-dir" plan ${SORTIE_SCN_SMALL} --time-limit 0.1 --quiet --html ${SORTIE_NOWHERE}.html)
sortie_cli_case(plan_all_outputs 0 "" plan --seed=7 --time-limit=0.2 --json -o plan-all.json --csv=plan-all.csv --html plan-all.html -- ${SORTIE_SCN_SMALL})
sortie_cli_case(plan_exact 0,1 "" plan ${SORTIE_SCN_SMALL} --exact --time-limit 1 --quiet -o plan-exact.json)
# More than 20 errors: 20 shown, then "... and N more".
add_test(NAME cli_robust_many_errors
         COMMAND bash -c "f='${CMAKE_CURRENT_BINARY_DIR}/many-errors.json'; { printf '{\"format\": \"sortie/scenario@1\", \"start\": \"2022-01-13T06:00Z\", \"airfields\": ['; for i in $(seq 30); do printf '{\"id\": \"A%d\", \"lat\": 91, \"lon\": 0},' $i; done; printf '{\"id\": \"Z\", \"lat\": 0, \"lon\": 0}], \"fleets\": [], \"requirements\": []}'; } >\"$f\" && ${SORTIE_EXPECT_SH} 2 --stderr '^sortie: \\.\\.\\. and [0-9]+ more' -- '${SORTIE_CLI}' plan \"$f\" --quiet")
set_tests_properties(cli_robust_many_errors PROPERTIES LABELS "cli;robust" TIMEOUT 60)

# ---------------------------------------------------------- valgrind memcheck
# Normal build only: valgrind and the sanitizers do not mix, and coverage
# builds are too slow under it.
find_program(VALGRIND_EXECUTABLE valgrind)
if(VALGRIND_EXECUTABLE AND NOT SORTIE_SANITIZE AND NOT SORTIE_COVERAGE)
  set(SORTIE_VG ${VALGRIND_EXECUTABLE} --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
                --track-origins=yes --quiet)
  set(vg_plan ${CMAKE_CURRENT_BINARY_DIR}/valgrind-plan.json)
  add_test(NAME valgrind_plan_example
           COMMAND ${SORTIE_EXPECT} 0 -- ${SORTIE_VG} ${SORTIE_CLI} plan --time-limit 1 --quiet -o ${vg_plan}
                   --csv ${CMAKE_CURRENT_BINARY_DIR}/valgrind-plan.csv)
  set_tests_properties(valgrind_plan_example PROPERTIES FIXTURES_SETUP valgrind_plan)
  add_test(NAME valgrind_check_example
           COMMAND ${SORTIE_EXPECT} 0 -- ${SORTIE_VG} ${SORTIE_CLI} check ${CMAKE_SOURCE_DIR}/examples/csto-kazakhstan-2022.json ${vg_plan})
  set_tests_properties(valgrind_check_example PROPERTIES FIXTURES_REQUIRED valgrind_plan)
  add_test(NAME valgrind_report_example
           COMMAND ${SORTIE_EXPECT} 0 -- ${SORTIE_VG} ${SORTIE_CLI} report ${CMAKE_SOURCE_DIR}/examples/csto-kazakhstan-2022.json ${vg_plan}
                   -o ${CMAKE_CURRENT_BINARY_DIR}/valgrind-report.html)
  set_tests_properties(valgrind_report_example PROPERTIES FIXTURES_REQUIRED valgrind_plan)
  add_test(NAME valgrind_plan_small
           COMMAND ${SORTIE_EXPECT} 0 -- ${SORTIE_VG} ${SORTIE_CLI} plan ${SORTIE_PLAN_SCENARIO} --time-limit 0.5 --quiet
                   -o ${CMAKE_CURRENT_BINARY_DIR}/valgrind-small.json)
  set_tests_properties(valgrind_plan_small PROPERTIES FIXTURES_SETUP valgrind_small)
  add_test(NAME valgrind_check_small
           COMMAND ${SORTIE_EXPECT} 0 -- ${SORTIE_VG} ${SORTIE_CLI} check ${SORTIE_PLAN_SCENARIO}
                   ${CMAKE_CURRENT_BINARY_DIR}/valgrind-small.json)
  set_tests_properties(valgrind_check_small PROPERTIES FIXTURES_REQUIRED valgrind_small)
  # Bad input and hand-made plans: a fixed sample (every 8th bad scenario,
  # every 6th plan, in name order; about a dozen runs each, so that the
  # suite stays fast: each run costs valgrind's start-up of about a second).
  # All of them run under ASan/UBSan in the sanitizer build.
  add_test(NAME valgrind_bad_inputs
           COMMAND bash -c "n=0; for f in $(ls '${CMAKE_CURRENT_SOURCE_DIR}'/data/bad/*.json | awk 'NR % 8 == 1'); do n=$((n+1)); ${SORTIE_EXPECT_SH} 2 -- ${VALGRIND_EXECUTABLE} --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet '${SORTIE_CLI}' plan \"$f\" --quiet -o /dev/null || exit 1; done; echo \"$n bad inputs\"; [ $n -gt 0 ]")
  add_test(NAME valgrind_check_plans
           COMMAND bash -c "n=0; for f in $(ls '${CMAKE_CURRENT_SOURCE_DIR}'/data/plans/*.json | grep -v /scenario.json | awk 'NR % 6 == 1 || /valid.json/'); do n=$((n+1)); ${SORTIE_EXPECT_SH} 0,1,2 -- ${VALGRIND_EXECUTABLE} --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet '${SORTIE_CLI}' check '${SORTIE_PLAN_SCENARIO}' \"$f\" || exit 1; done; echo \"$n plans\"; [ $n -gt 0 ]")
  set_tests_properties(valgrind_plan_example valgrind_check_example valgrind_report_example valgrind_plan_small
                       valgrind_check_small valgrind_bad_inputs valgrind_check_plans
                       PROPERTIES LABELS "valgrind;robust" TIMEOUT 600)
endif()
