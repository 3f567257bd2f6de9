#pragma once
// Reading passphrases. On a terminal: a prompt on stderr and no echo (termios,
// restored on return and on SIGINT/SIGTERM/SIGHUP/SIGQUIT). Otherwise, one
// passphrase per line from standard input or from --passphrase-file, in the
// order a command asks for them (passwd: old on line 1, new on line 2).
// Bytes go straight into a SecretBuffer; no std::string ever holds them.
#include <string>
#include <string_view>

#include "fieldvault/model/secret.h"

namespace fv::cli {

class PassphraseSource {
public:
    // passphrase_file: "" reads standard input (a terminal or a pipe).
    explicit PassphraseSource(const std::string& passphrase_file);
    ~PassphraseSource();
    PassphraseSource(const PassphraseSource&) = delete;
    PassphraseSource& operator=(const PassphraseSource&) = delete;

    bool interactive() const noexcept { return interactive_; }

    // The passphrase that opens the vault (may be empty: the caller decides).
    SecretBuffer read_current(std::string_view prompt);
    // A passphrase to set: on a terminal asked twice and compared. Throws
    // fv::Error(Invalid) "passphrase must not be empty" or on a mismatch.
    SecretBuffer read_new(std::string_view prompt);

private:
    SecretBuffer next_line();
    SecretBuffer prompt_line(std::string_view prompt);

    int fd_ = 0;
    bool owns_fd_ = false;
    bool interactive_ = false;
};

// The longest passphrase line accepted (bytes, without the newline).
inline constexpr std::size_t kMaxPassphraseBytes = 1024;

}  // namespace fv::cli
