#include "bench_env.h"

#include <cstdlib>
#include <stdexcept>

namespace fv::bench {

std::string env_or(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

std::uint64_t env_u64_or(const char* name, std::uint64_t fallback) {
    const std::string text = env_or(name, "");
    if (text.empty()) return fallback;
    std::size_t used = 0;
    const auto value = std::stoull(text, &used);
    if (used != text.size()) throw std::invalid_argument(std::string(name) + " is not a whole number");
    return value;
}

}  // namespace fv::bench
