#include "child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace fv::bench {

namespace {
constexpr const char* kGnuTime = "/usr/bin/time";
}  // namespace

ChildResult run_child(const std::vector<std::string>& argv, const std::string& scratch) {
    const bool measured = ::access(kGnuTime, X_OK) == 0;
    std::vector<std::string> full;
    if (measured) full = {kGnuTime, "-f", "%M", "-o", scratch};
    full.insert(full.end(), argv.begin(), argv.end());
    std::vector<char*> args;
    args.reserve(full.size() + 1);
    for (const auto& a : full) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
    if (rc != 0) throw std::runtime_error("cannot start " + full[0] + ": " + std::strerror(rc));
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) throw std::runtime_error("wait4 failed: " + std::string(std::strerror(errno)));
    }
    const auto stop = std::chrono::steady_clock::now();

    ChildResult result;
    result.seconds = std::chrono::duration<double>(stop - start).count();
    const auto as_seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    result.cpu_seconds = as_seconds(usage.ru_utime) + as_seconds(usage.ru_stime);
    result.max_rss_bytes = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
    result.rss_is_upper_bound = true;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (measured) {
        std::uint64_t kib = 0;
        std::string line;
        std::ifstream in(scratch);
        while (std::getline(in, line)) {  // "Command exited with non-zero status N" may come first
            if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos) kib = std::stoull(line);
        }
        if (kib > 0) {
            result.max_rss_bytes = kib * 1024;
            result.rss_is_upper_bound = false;
        }
    }
    return result;
}

void sync_path(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot fsync " + path);
    }
    ::close(fd);
}

}  // namespace fv::bench
