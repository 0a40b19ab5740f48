# SigV4, SHA-256 and HMAC-SHA256 (include/pagination/aws/sigv4.hpp) against botocore and hashlib:
# sigv4_oracle.py drives sigv4_driver over stdin/stdout through 3,000 random signing cases, SHA-256
# at every length 0..1000 and at 10 MB, and 300 HMAC keys. It needs botocore: CI points
# Python3_EXECUTABLE at /usr/bin/python3 (Debian's python3-botocore), so the test is never
# skipped there; elsewhere exit code 77 (no botocore) marks it skipped.

add_executable(pagination_sigv4_driver "${CMAKE_CURRENT_LIST_DIR}/sigv4_driver.cpp")
target_link_libraries(pagination_sigv4_driver PRIVATE pagination::pagination pagination_warnings)

if(Python3_Interpreter_FOUND)
  add_test(NAME wire_sigv4_vs_botocore
    COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/sigv4_oracle.py"
            --driver "$<TARGET_FILE:pagination_sigv4_driver>" --cases 3000)
  set_tests_properties(wire_sigv4_vs_botocore PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
endif()
