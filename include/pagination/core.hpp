#ifndef PAGINATION_CORE_HPP
#define PAGINATION_CORE_HPP

// The core alone, for your own APIs: no AWS adapter, nothing beyond the standard library.
//
//   config.hpp             configuration macros (PAGINATION_EXCEPTIONS, PAGINATION_ASSERT, ...)
//   error.hpp              errc, error, and the exceptions thrown when exceptions are on
//   expected.hpp           expected<T, E>: a value or an error (decode_result is one)
//   token_value.hpp        a token's value: null, string, number, bytes, list or object
//   token_codec.hpp        resume tokens written and read as boto3 does (docs/semantics.md 3, 4)
//   policies.hpp           the policy requirements and the ready-made policies
//   pagination_config.hpp  MaxItems, PageSize, StartingToken; paginator_options
//   run_state.hpp          the state machine of one run (docs/semantics.md 2)
//   paginator.hpp          the blocking paginator: pages(), items(), build_full_result()
//   operation.hpp          operation<TokenPolicy, LimitPolicy>: an API's paginator as one named object
//
// The async driver (async.hpp), retry for the blocking paginator (retry.hpp) and the adapters
// (aws/...) are included on their own.

#include <pagination/config.hpp>
#include <pagination/error.hpp>
#include <pagination/expected.hpp>
#include <pagination/token_value.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/policies.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/run_state.hpp>
#include <pagination/paginator.hpp>
#include <pagination/operation.hpp>

#endif // PAGINATION_CORE_HPP
