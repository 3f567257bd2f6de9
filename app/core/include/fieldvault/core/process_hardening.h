#pragma once
// What both programs do first, before any secret exists in memory.

namespace fv::core {

// No core dumps and no ptrace attach by other processes of this user (an
// unlocked vault's key is in memory), and a umask of 077 so every file the
// program creates (a plaintext extract, an export, settings) is the user's
// alone from its first byte. Best effort: a failure must not stop someone
// from reaching their vault.
void harden_process() noexcept;

}  // namespace fv::core
