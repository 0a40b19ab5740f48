# GameLift over the wire, end to end over loopback (tests/wire/e2e_loopback.py): describe-game-sessions
# and boto3's paginator list a fake endpoint on 127.0.0.1 that verifies SigV4 with botocore; tokens
# cross over both ways; faults are retried and the listing stays exact.
if(PAGINATION_BUILD_PROGRAMS AND TARGET pagination::curl AND Python3_Interpreter_FOUND)
  add_test(NAME wire_e2e_loopback_vs_boto3
    COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/e2e_loopback.py"
            "$<TARGET_FILE:describe-game-sessions>")
  set_tests_properties(wire_e2e_loopback_vs_boto3 PROPERTIES TIMEOUT 400)
endif()
