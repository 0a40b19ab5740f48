#ifndef PAGINATION_PAGINATION_HPP
#define PAGINATION_PAGINATION_HPP

// Everything: the core and the GameLift adapter.

#include <pagination/config.hpp>
#include <pagination/error.hpp>
#include <pagination/token_value.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/policies.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/run_state.hpp>
#include <pagination/paginator.hpp>

#include <pagination/aws/gamelift.hpp>

#endif // PAGINATION_PAGINATION_HPP
