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
    # 2000th, then a sample (the normal build tries each one).
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
set_tests_properties(hostile_long_file_name hostile_long_file_name_check hostile_directory_as_file hostile_dev_null
                     hostile_deep_nesting_file PROPERTIES LABELS "hostile;robust" TIMEOUT 60)

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
