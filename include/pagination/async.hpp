#ifndef PAGINATION_ASYNC_HPP
#define PAGINATION_ASYNC_HPP

// The same run, without blocking a thread: an async driver over run_state. The library owns no
// thread, executor or clock: fetches complete through the user's callbacks or futures, and waits
// (retry backoff, pacing) go through the user's timer or the user's clock in poll().
// docs/async.md explains the choices. This header includes all of it:

#include <pagination/async/retry.hpp>      // retry_options, pace_function
#include <pagination/async/gate.hpp>       // request_gate
#include <pagination/async/options.hpp>    // async_options, async_status
#include <pagination/async/run.hpp>        // the run and its trampoline (detail)
#include <pagination/async/coroutine.hpp>  // the awaitables of next_page() and next_item() (C++20)
#include <pagination/async/paginator.hpp>  // async_paginator, paginate_async
#include <pagination/async/fan_out.hpp>    // fan_out

#endif // PAGINATION_ASYNC_HPP
