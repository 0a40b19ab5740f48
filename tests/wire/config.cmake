# Configuration (include/pagination/aws/config.hpp) against botocore: config_oracle.py builds
# random configurations (environment, config and credentials files, options), resolves each with
# pagination_config_driver and with botocore, and fails on any difference in the error-or-not
# decision, the region, the endpoint URL, the access key id, the credentials provider or the retry
# settings. It needs Python 3 with botocore (CI: /usr/bin/python3 and Debian's python3-botocore)
# and is never skipped: without them the test fails.

add_executable(pagination_config_driver "${CMAKE_CURRENT_LIST_DIR}/config_driver.cpp")
target_link_libraries(pagination_config_driver PRIVATE pagination::pagination pagination_warnings)

if(NOT Python3_Interpreter_FOUND)
  message(FATAL_ERROR "wire_config_vs_botocore needs Python 3 with botocore (set Python3_EXECUTABLE)")
endif()
add_test(NAME wire_config_vs_botocore
  COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/config_oracle.py"
    $<TARGET_FILE:pagination_config_driver> --cases 250)
set_tests_properties(wire_config_vs_botocore PROPERTIES TIMEOUT 120)
