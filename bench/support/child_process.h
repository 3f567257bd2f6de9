#pragma once
// Runs a peer tool (age) as a child process and reports its wall time and peak
// RSS (from wait4's rusage), so peers are measured the same way as our code.
#include <cstdint>
#include <string>
#include <vector>

namespace fv::bench {

struct ChildResult {
    double seconds = 0;              // spawn to exit
    double cpu_seconds = 0;          // user + system CPU time of the child (and of what it waited for)
    std::uint64_t max_rss_bytes = 0;
    // Linux charges an exec'd child with the RSS high-water mark of the memory
    // it replaced, which for a child spawned from this process is our own RSS.
    // GNU time (1 MiB) in between gives the child's own figure; without it
    // (package "time" is optional) the figure is only an upper bound.
    bool rss_is_upper_bound = false;
    int exit_code = -1;              // -1 if killed by a signal
};

// argv[0] is looked up in PATH. Standard streams are inherited. `scratch` is a
// file GNU time may write its figure to.
ChildResult run_child(const std::vector<std::string>& argv, const std::string& scratch);

// fsync a file so that a peer's output is on disk, as ours is after a commit.
void sync_path(const std::string& path);

}  // namespace fv::bench
