#ifndef PAGINATION_PAGINATION_HPP
#define PAGINATION_PAGINATION_HPP

// The library's umbrella, and what the single header (single_include/) holds: the core
// (pagination/core.hpp: the state machine, the blocking paginator, policies, the token codec,
// errors) and the GameLift DescribeGameSessions adapter (aws/gamelift.hpp with its model,
// aws/gamelift_model.hpp). A program that pages only its own APIs includes pagination/core.hpp.
//
// Not included here, each used on its own: the async driver (async.hpp), retry for the blocking
// paginator (retry.hpp), the other AWS adapters (aws/s3.hpp, dynamodb.hpp, route53.hpp,
// cloudwatch_logs.hpp, sdk_operation.hpp), the async SDK adapter (aws/gamelift_async.hpp), the
// wire layer (http/message.hpp, aws/json_protocol.hpp, gamelift_wire.hpp, sigv4.hpp, config.hpp,
// retry_strategy.hpp, gamelift_client.hpp; docs/wire.md), the libcurl client
// (http/curl_client.hpp) and the in-process local fleet (local/fleet_service.hpp, fault.hpp,
// demo_fleet.hpp).

#include <pagination/core.hpp>

#include <pagination/aws/gamelift.hpp>

#endif // PAGINATION_PAGINATION_HPP
