# GameLift over the wire, end to end over loopback (tests/wire/e2e_loopback.py): describe-game-sessions
# and boto3's paginator list a fake endpoint on 127.0.0.1 that verifies SigV4 with botocore; tokens
# cross over both ways; faults are retried and the listing stays exact.
if(PAGINATION_BUILD_PROGRAMS AND TARGET pagination::curl AND Python3_Interpreter_FOUND)
  add_test(NAME wire_e2e_loopback_vs_boto3
    COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/e2e_loopback.py"
            "$<TARGET_FILE:describe-game-sessions>")
  set_tests_properties(wire_e2e_loopback_vs_boto3 PROPERTIES TIMEOUT 400)
endif()

# The main job for real (tests/cli/test_gamelift_local.py): gamelift-local listed by boto3 and the
# AWS CLI v2 (Debian's /usr/bin/aws), byte-identical outputs, cross-resume, faults, bad input.
# gamelift-local is built when cpp-httplib is there (programs/CMakeLists.txt, configured after tests/).
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PAGINATION_TEST_HTTPLIB QUIET cpp-httplib)
endif()
if(PAGINATION_BUILD_PROGRAMS AND TARGET pagination::curl AND PAGINATION_TEST_HTTPLIB_FOUND AND Python3_Interpreter_FOUND)
  add_test(NAME cli_gamelift_local_vs_aws_cli
    COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tests/cli/test_gamelift_local.py"
            "$<TARGET_FILE:describe-game-sessions>" "$<TARGET_FILE:gamelift-local>")
  set_tests_properties(cli_gamelift_local_vs_aws_cli PROPERTIES TIMEOUT 600)
endif()

# The renderers of describe-game-sessions: with the programs.
if(PAGINATION_BUILD_PROGRAMS)
  # The AWS CLI v2 output renderers against /usr/bin/aws over random sessions (tests/cli/), and
  # describe-game-sessions --no-paginate beside the CLI's when the wire program is built.
  add_executable(pagination_aws_cli_output_driver "${PROJECT_SOURCE_DIR}/tests/cli/aws_cli_output_driver.cpp")
  target_link_libraries(pagination_aws_cli_output_driver PRIVATE pagination::pagination pagination_warnings)
  if(Python3_Interpreter_FOUND)
    set(PAGINATION_CLI_OUTPUT_PROGRAM "")
    if(TARGET pagination::curl)
      set(PAGINATION_CLI_OUTPUT_PROGRAM --program "$<TARGET_FILE:describe-game-sessions>")
    endif()
    add_test(NAME cli_output_vs_aws_cli
      COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tests/cli/test_aws_cli_output.py"
              "$<TARGET_FILE:pagination_aws_cli_output_driver>" ${PAGINATION_CLI_OUTPUT_PROGRAM})
    set_tests_properties(cli_output_vs_aws_cli PROPERTIES TIMEOUT 600)
  endif()

  # The AWS CLI's JSON rendering, unit by unit (tests/cli/output_test.cpp).
  add_executable(pagination_cli_output_tests "${PROJECT_SOURCE_DIR}/tests/cli/output_test.cpp")
  target_link_libraries(pagination_cli_output_tests PRIVATE
    pagination::pagination pagination_warnings Catch2::Catch2 ${PAGINATION_CATCH_MAIN})
  if(NOT PAGINATION_CATCH_MAIN)
    target_sources(pagination_cli_output_tests PRIVATE "${PROJECT_SOURCE_DIR}/tests/support/catch_main.cpp")
  endif()
  pagination_add_system_includes(pagination_cli_output_tests Catch2::Catch2)
  if(PAGINATION_CATCH_MODULE)
    catch_discover_tests(pagination_cli_output_tests TEST_PREFIX "cli output: ")
  else()
    add_test(NAME pagination_cli_output_tests COMMAND pagination_cli_output_tests)
  endif()
endif()
