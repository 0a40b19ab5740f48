# SigV4, SHA-256 and HMAC-SHA256 (include/pagination/aws/sigv4.hpp) against botocore and hashlib:
# sigv4_oracle.py drives sigv4_driver over stdin/stdout through 3,000 random signing cases, SHA-256
# at every length 0..1000 and at 10 MB, and 300 HMAC keys, and fails on any mismatch. It needs
# Python 3 with botocore (CI: /usr/bin/python3 and Debian's python3-botocore). It is never
# skipped: without Python, or without botocore (the script exits 77), the test fails.

add_executable(pagination_sigv4_driver "${CMAKE_CURRENT_LIST_DIR}/sigv4_driver.cpp")
target_link_libraries(pagination_sigv4_driver PRIVATE pagination::pagination pagination_warnings)

add_test(NAME wire_sigv4_vs_botocore
  COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/sigv4_oracle.py"
          --driver "$<TARGET_FILE:pagination_sigv4_driver>" --cases 3000)
set_tests_properties(wire_sigv4_vs_botocore PROPERTIES TIMEOUT 180)
