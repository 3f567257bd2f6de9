#pragma once
// Deterministic, varied incident reports for the search and list benchmarks:
// a fixed seed gives the same 100,000 reports on every run and machine with
// the same standard library.
#include <cstdint>
#include <random>

#include "fieldvault/storage/records.h"

namespace fv::bench {

class ReportGenerator {
public:
    explicit ReportGenerator(std::uint64_t seed) : rng_(seed) {}
    // A Chinese report has a Chinese title and narrative (and, for about a
    // third, an English translation); an English report is English throughout.
    model::ReportContent next(bool chinese);
    std::uint64_t rare_count() const noexcept { return rare_count_; }

private:
    std::size_t pick(std::size_t n);
    bool chance(double p);

    std::mt19937_64 rng_;
    std::uint64_t rare_count_ = 0;
};

}  // namespace fv::bench
