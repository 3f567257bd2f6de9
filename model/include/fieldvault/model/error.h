#pragma once
// The one error type every Fieldvault module throws. Its kind maps to the CLI's
// exit codes and to the GUI's messages; its text never contains secrets or
// report content.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace fv {

enum class ErrorKind {
    Invalid,    // bad input from the user or a file (exit 1, or 2 for CLI usage)
    Io,         // the file system failed (exit 1)
    NotFound,   // no such report, attachment, vault... (exit 1)
    Unlock,     // wrong passphrase or recovery key (exit 3)
    Integrity,  // tampered, corrupted or unverifiable data (exit 4)
    Usage,      // command line misuse (exit 2)
    Rollback,   // the database is older than the vault's record of its last state (exit 5)
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

// ErrorKind::Rollback, with the last audit entry the vault recorded (its number
// and time; 0 when the record itself is missing or damaged), so a face can say
// when the newest state it knew was.
class RollbackError : public Error {
public:
    RollbackError(const std::string& message, std::int64_t recorded_seq, std::int64_t recorded_at)
        : Error(ErrorKind::Rollback, message), recorded_seq_(recorded_seq), recorded_at_(recorded_at) {}
    std::int64_t recorded_seq() const noexcept { return recorded_seq_; }
    std::int64_t recorded_at() const noexcept { return recorded_at_; }

private:
    std::int64_t recorded_seq_;
    std::int64_t recorded_at_;
};

}  // namespace fv
