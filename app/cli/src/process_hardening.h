#pragma once

namespace fv::cli {

// No core dumps and no ptrace attach by other users' processes: a crash must
// not leave the unlocked database key or a passphrase in a core file.
void harden_process() noexcept;

}  // namespace fv::cli
