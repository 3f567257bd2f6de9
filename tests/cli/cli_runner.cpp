#include "cli_runner.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fv::test {
namespace {

struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() {
        if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    void close_read() {
        if (fds[0] >= 0) ::close(fds[0]);
        fds[0] = -1;
    }
    void close_write() {
        if (fds[1] >= 0) ::close(fds[1]);
        fds[1] = -1;
    }
};

std::vector<std::string> child_environment(const std::map<std::string, std::string>& overrides) {
    std::map<std::string, std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        if (eq == std::string::npos) continue;
        env[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    env.erase("FIELDVAULT_VAULT");
    env.insert_or_assign("FIELDVAULT_TEST_FAST_KDF", std::string(1, '1'));
    for (const auto& [k, v] : overrides) env[k] = v;
    std::vector<std::string> out;
    for (const auto& [k, v] : env) {
        // Built with append: GCC 12 warns (-Wrestrict, a false positive) on k + "=" + v.
        std::string entry;
        entry.reserve(k.size() + v.size() + 1);
        entry.append(k).append(1, '=').append(v);
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::string& input,
                  const std::map<std::string, std::string>& env) {
    // A child that exits before reading its stdin must not kill the test.
    std::signal(SIGPIPE, SIG_IGN);

    std::vector<std::string> argv_strings{FIELDVAULT_CLI_PATH};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    auto env_strings = child_environment(env);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    Pipe in, out, err;
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(in.fds[0], STDIN_FILENO);
        ::dup2(out.fds[1], STDOUT_FILENO);
        ::dup2(err.fds[1], STDERR_FILENO);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    in.close_read();
    out.close_write();
    err.close_write();

    CliResult result;
    std::size_t written = 0;
    if (input.empty()) in.close_write();
    bool out_open = true, err_open = true;
    char buffer[65536];
    while (out_open || err_open) {
        std::vector<pollfd> fds;
        if (in.fds[1] >= 0) fds.push_back({in.fds[1], POLLOUT, 0});
        if (out_open) fds.push_back({out.fds[0], POLLIN, 0});
        if (err_open) fds.push_back({err.fds[0], POLLIN, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("poll failed");
        }
        for (const auto& p : fds) {
            if (p.revents == 0) continue;
            if (p.fd == in.fds[1]) {
                const ssize_t n = ::write(p.fd, input.data() + written, input.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == input.size()) in.close_write();
                continue;
            }
            const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
            std::string& sink = p.fd == out.fds[0] ? result.out : result.err;
            if (n > 0) {
                sink.append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                (p.fd == out.fds[0] ? out_open : err_open) = false;
            }
        }
    }
    in.close_write();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

}  // namespace fv::test
