#pragma once
// The one error type every Fieldvault module throws. Its kind maps to the CLI's
// exit codes and to the GUI's messages; its text never contains secrets or
// report content.
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
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

}  // namespace fv
