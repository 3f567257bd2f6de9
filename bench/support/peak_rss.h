#pragma once
// Peak resident memory of this process, per phase: Linux keeps the high-water
// mark in /proc/self/status (VmHWM) and resets it when "5" is written to
// /proc/self/clear_refs, so one process can measure import and extract apart
// from the 64 MiB that Argon2id touched while the vault was opened.
#include <cstdint>

namespace fv::bench {

void reset_peak_rss();
std::uint64_t peak_rss_bytes();     // VmHWM
std::uint64_t current_rss_bytes();  // VmRSS
double process_cpu_seconds();       // user + system CPU time of every thread of this process so far

constexpr double to_mib(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

}  // namespace fv::bench
