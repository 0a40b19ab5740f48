#ifndef PAGINATION_AWS_DETAIL_PROCESS_HPP
#define PAGINATION_AWS_DETAIL_PROCESS_HPP

// Runs a shell command (credential_process) with a bounded run time and bounded output. POSIX
// only: elsewhere every run reports `unsupported`. The command runs in its own process group so
// that a timeout stops what the shell started too; its standard input is /dev/null.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#define PAGINATION_AWS_PROCESS_POSIX 1
// POSIX defines this variable but no header has to declare it.
extern "C" char** environ;  // NOLINT
#else
#define PAGINATION_AWS_PROCESS_POSIX 0
#endif

namespace pagination {
namespace aws {
namespace detail {

/// How a run ended.
enum class process_status {
    exited,            ///< it ran to the end; see exit_code
    killed_by_signal,  ///< a signal ended it; see exit_code for the signal number
    timed_out,         ///< it ran past the bound and was killed
    output_too_large,  ///< it wrote more to stdout than the bound and was killed
    spawn_failed,      ///< /bin/sh could not be started
    unsupported,       ///< not a POSIX platform
};

/// What a run produced; `err` keeps at most the stderr bound, the rest is read and dropped.
struct process_output {
    process_status status = process_status::unsupported;
    int exit_code = 0;
    std::string out;
    std::string err;
};

/// Limits of one run.
struct process_limits {
    std::chrono::milliseconds timeout{60000};
    std::size_t max_stdout = std::size_t{64} << 10;
    std::size_t max_stderr = std::size_t{4} << 10;
};

#if PAGINATION_AWS_PROCESS_POSIX
namespace process_impl {
inline void close_fd(int& fd) noexcept {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

inline bool make_pipe(int fds[2]) noexcept {
    if (::pipe(fds) != 0) {
        return false;
    }
    // Only the child's copies (made by dup2, which clears the flag) survive exec.
    ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return true;
}

inline void stop_group(pid_t pid) noexcept {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
}
}  // namespace process_impl
#endif

/// Runs `/bin/sh -c command` with `env` ("NAME=value" strings; null means this process's
/// environment) and waits for it, at most `limits.timeout`.
inline process_output run_shell_command(const std::string& command, const std::vector<std::string>* env,
                                        const process_limits& limits) {
    process_output result;
#if PAGINATION_AWS_PROCESS_POSIX
    using clock = std::chrono::steady_clock;
    int out_pipe[2] = {-1, -1};
    int err_pipe[2] = {-1, -1};
    if (!process_impl::make_pipe(out_pipe)) {
        result.status = process_status::spawn_failed;
        return result;
    }
    if (!process_impl::make_pipe(err_pipe)) {
        process_impl::close_fd(out_pipe[0]);
        process_impl::close_fd(out_pipe[1]);
        result.status = process_status::spawn_failed;
        return result;
    }

    std::vector<char*> envp;
    if (env != nullptr) {
        envp.reserve(env->size() + 1);
        for (const std::string& entry : *env) {
            envp.push_back(const_cast<char*>(entry.c_str()));
        }
        envp.push_back(nullptr);
    }
    std::string sh = "sh";
    std::string dash_c = "-c";
    std::string cmd = command;
    char* argv[] = {&sh[0], &dash_c[0], &cmd[0], nullptr};

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attr);
    ::posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    ::posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    ::posix_spawnattr_setpgroup(&attr, 0);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    pid_t pid = -1;
    const int spawn_error = ::posix_spawn(&pid, "/bin/sh", &actions, &attr, argv,
                                          env != nullptr ? envp.data() : environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attr);
    process_impl::close_fd(out_pipe[1]);
    process_impl::close_fd(err_pipe[1]);
    if (spawn_error != 0) {
        process_impl::close_fd(out_pipe[0]);
        process_impl::close_fd(err_pipe[0]);
        result.status = process_status::spawn_failed;
        return result;
    }

    const clock::time_point deadline = clock::now() + limits.timeout;
    bool killed = false;
    char buffer[4096];
    while (out_pipe[0] >= 0 || err_pipe[0] >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) {
            result.status = process_status::timed_out;
            killed = true;
            break;
        }
        pollfd fds[2];
        nfds_t count = 0;
        if (out_pipe[0] >= 0) {
            fds[count++] = pollfd{out_pipe[0], POLLIN, 0};
        }
        if (err_pipe[0] >= 0) {
            fds[count++] = pollfd{err_pipe[0], POLLIN, 0};
        }
        const int ready = ::poll(fds, count, static_cast<int>(left > 1000 ? 1000 : left));
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            result.status = process_status::spawn_failed;
            killed = true;
            break;
        }
        for (nfds_t i = 0; i < count; ++i) {
            if (fds[i].revents == 0) {
                continue;
            }
            int& fd = fds[i].fd == out_pipe[0] ? out_pipe[0] : err_pipe[0];
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
                continue;
            }
            if (n <= 0) {
                process_impl::close_fd(fd);
                continue;
            }
            const auto size = static_cast<std::size_t>(n);
            if (&fd == &out_pipe[0]) {
                if (result.out.size() + size > limits.max_stdout) {
                    result.status = process_status::output_too_large;
                    killed = true;
                    break;
                }
                result.out.append(buffer, size);
            } else if (result.err.size() < limits.max_stderr) {
                const std::size_t room = limits.max_stderr - result.err.size();
                result.err.append(buffer, size < room ? size : room);
            }
        }
        if (killed) {
            break;
        }
    }
    process_impl::close_fd(out_pipe[0]);
    process_impl::close_fd(err_pipe[0]);

    // Both pipes are closed: the shell is done or about to be; a child that closed its output
    // and lingers is still held to the deadline.
    int wait_status = 0;
    while (true) {
        if (killed) {
            process_impl::stop_group(pid);
            while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        const pid_t done = ::waitpid(pid, &wait_status, WNOHANG);
        if (done == pid) {
            break;
        }
        if (done < 0 && errno != EINTR) {
            result.status = process_status::spawn_failed;
            return result;
        }
        if (clock::now() >= deadline) {
            result.status = process_status::timed_out;
            killed = true;
            continue;
        }
        ::usleep(2000);
    }
    if (!killed) {
        if (WIFEXITED(wait_status)) {
            result.status = process_status::exited;
            result.exit_code = WEXITSTATUS(wait_status);
        } else {
            result.status = process_status::killed_by_signal;
            result.exit_code = WIFSIGNALED(wait_status) ? WTERMSIG(wait_status) : -1;
        }
    }
#else
    (void)command;
    (void)env;
    (void)limits;
    result.status = process_status::unsupported;
#endif
    return result;
}

}  // namespace detail
}  // namespace aws
}  // namespace pagination

#undef PAGINATION_AWS_PROCESS_POSIX

#endif  // PAGINATION_AWS_DETAIL_PROCESS_HPP
