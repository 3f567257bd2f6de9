#include "peak_rss.h"

#include <ctime>

#include <fstream>
#include <stdexcept>
#include <string>

namespace fv::bench {

namespace {

std::uint64_t status_kib(const std::string& key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key + ":", 0) == 0) return std::stoull(line.substr(key.size() + 1));  // "  1234 kB"
    }
    throw std::runtime_error("no " + key + " in /proc/self/status");
}

}  // namespace

void reset_peak_rss() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    if (!clear.flush()) throw std::runtime_error("cannot reset the peak RSS (/proc/self/clear_refs)");
}

std::uint64_t peak_rss_bytes() { return status_kib("VmHWM") * 1024; }
std::uint64_t current_rss_bytes() { return status_kib("VmRSS") * 1024; }

double process_cpu_seconds() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace fv::bench
