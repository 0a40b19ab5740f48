# The awsJson codec against botocore (docs/wire/aws_json.md): aws_json_driver answers the
# oracle script's requests over stdin/stdout; the script compares every answer with botocore's
# serializer and parser and fails on any mismatch.

add_executable(aws_json_driver "${CMAKE_CURRENT_LIST_DIR}/aws_json_driver.cpp")
target_link_libraries(aws_json_driver PRIVATE pagination::pagination pagination_warnings)

if(NOT Python3_Interpreter_FOUND)
  message(FATAL_ERROR "wire_aws_json_vs_botocore needs Python 3 with botocore (set Python3_EXECUTABLE)")
endif()
add_test(NAME wire_aws_json_vs_botocore
  COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/aws_json_oracle.py" $<TARGET_FILE:aws_json_driver>
    --requests 3000 --responses 4000)
set_tests_properties(wire_aws_json_vs_botocore PROPERTIES TIMEOUT 300)
