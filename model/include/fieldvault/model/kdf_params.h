#pragma once
// The Argon2id settings a vault's key slots are made with: plain data that the
// key header stores, app/core chooses (kdf_params_for_new_keys) and crypto runs.
// Values read from a file are checked against the bounds before use: a crafted
// header must not make us allocate absurd memory or spin for hours.
#include <cstdint>

namespace fv {

struct KdfParams {
    std::uint32_t algorithm = 1;  // 1 = Argon2id v1.3 (crypto_pwhash_ALG_ARGON2ID13)
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;  // bytes

    static KdfParams moderate();     // the default for new vaults
    static KdfParams interactive();  // tests and benchmarks only
    // Bounds accepted from disk; anything outside is refused, not silently changed.
    static constexpr std::uint64_t kMinOps = 1, kMaxOps = 20;
    static constexpr std::uint64_t kMinMem = 8ull << 20, kMaxMem = 1ull << 30;
    [[nodiscard]] bool within_bounds() const noexcept;
};

}  // namespace fv
