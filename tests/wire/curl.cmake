# The libcurl client (http/curl_client.hpp) against loopback servers run by the test itself:
# its own executable, since it links libcurl. Built when pagination::curl exists (libcurl found).
if(TARGET pagination::curl AND NOT PAGINATION_NO_EXCEPTIONS_ONLY)
  add_executable(pagination_curl_tests "${CMAKE_CURRENT_SOURCE_DIR}/curl_client_tests.cpp")
  target_link_libraries(pagination_curl_tests PRIVATE
    pagination::curl pagination_warnings Catch2::Catch2 ${PAGINATION_CATCH_MAIN})
  if(NOT PAGINATION_CATCH_MAIN)
    target_sources(pagination_curl_tests PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/../support/catch_main.cpp")
  endif()
  pagination_add_system_includes(pagination_curl_tests Catch2::Catch2)
  if(PAGINATION_CATCH_MODULE)
    catch_discover_tests(pagination_curl_tests TEST_PREFIX "curl: "
      PROPERTIES TIMEOUT 30)
  else()
    add_test(NAME "curl: all" COMMAND pagination_curl_tests)
    set_tests_properties("curl: all" PROPERTIES TIMEOUT 120)
  endif()
endif()
