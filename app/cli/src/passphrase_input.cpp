#include "passphrase_input.h"

#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"

namespace fv::cli {
namespace {

// State for the signal handler: the terminal settings to put back if the
// user presses Ctrl-C while echo is off. Only async-signal-safe calls use it.
struct termios g_saved_termios {};
volatile std::sig_atomic_t g_echo_off = 0;
int g_terminal_fd = -1;

constexpr int kRestoreSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};

extern "C" void restore_terminal_and_reraise(int signal_number) {
    if (g_echo_off != 0) {
        (void)tcsetattr(g_terminal_fd, TCSANOW, &g_saved_termios);
        g_echo_off = 0;
    }
    // SA_RESETHAND put the default action back: deliver the signal as usual.
    (void)std::raise(signal_number);
}

// Turns echo off for its lifetime; restores the terminal however we leave.
class EchoOff {
public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (tcgetattr(fd_, &g_saved_termios) != 0)
            throw Error(ErrorKind::Io, core::tr_args("cannot read terminal settings: {1}", {std::strerror(errno)}));
        g_terminal_fd = fd_;
        struct sigaction action {};
        action.sa_handler = restore_terminal_and_reraise;
        sigemptyset(&action.sa_mask);
        action.sa_flags = static_cast<int>(SA_RESETHAND);
        for (std::size_t i = 0; i < std::size(kRestoreSignals); ++i)
            (void)sigaction(kRestoreSignals[i], &action, &previous_[i]);
        struct termios quiet = g_saved_termios;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= static_cast<tcflag_t>(ECHONL);
        g_echo_off = 1;
        if (tcsetattr(fd_, TCSAFLUSH, &quiet) != 0) {
            restore();
            throw Error(ErrorKind::Io, core::tr_args("cannot turn off terminal echo: {1}", {std::strerror(errno)}));
        }
    }
    ~EchoOff() { restore(); }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    void restore() noexcept {
        if (g_echo_off != 0) {
            (void)tcsetattr(fd_, TCSANOW, &g_saved_termios);
            g_echo_off = 0;
        }
        for (std::size_t i = 0; i < std::size(kRestoreSignals); ++i)
            (void)sigaction(kRestoreSignals[i], &previous_[i], nullptr);
    }

    int fd_;
    struct sigaction previous_[std::size(kRestoreSignals)] {};
};

// One line from fd, one byte at a time (so nothing past the newline is
// consumed and no stdio buffer keeps a copy), into secure memory. The
// trailing "\n" or "\r\n" is dropped; end of input ends the line.
SecretBuffer read_secret_line(int fd) {
    SecretBuffer buffer(kMaxPassphraseBytes);
    auto bytes = buffer.mutable_bytes();
    std::size_t length = 0;
    unsigned char byte = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &byte, 1);
        if (n < 0) {
            if (errno == EINTR) continue;
            wipe_memory(&byte, 1);
            throw Error(ErrorKind::Io, core::tr_args("cannot read the passphrase: {1}", {std::strerror(errno)}));
        }
        if (n == 0 || byte == '\n') break;
        if (length == bytes.size()) {
            wipe_memory(&byte, 1);
            throw Error(ErrorKind::Invalid, core::tr_args("passphrase is too long (at most {1} bytes)",
                                                          {std::to_string(kMaxPassphraseBytes)}));
        }
        bytes[length++] = byte;
    }
    wipe_memory(&byte, 1);
    if (length > 0 && bytes[length - 1] == '\r') --length;
    return SecretBuffer::from_bytes(bytes.first(length));
}

}  // namespace

PassphraseSource::PassphraseSource(const std::string& passphrase_file) {
    if (!passphrase_file.empty()) {
        fd_ = ::open(passphrase_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
        if (fd_ < 0)
            throw Error(ErrorKind::NotFound,
                        core::tr_args("cannot open passphrase file {1}: {2}", {passphrase_file, std::strerror(errno)}));
        owns_fd_ = true;
        return;
    }
    fd_ = STDIN_FILENO;
    interactive_ = ::isatty(fd_) == 1;
}

PassphraseSource::~PassphraseSource() {
    if (owns_fd_) (void)::close(fd_);
}

SecretBuffer PassphraseSource::next_line() { return read_secret_line(fd_); }

SecretBuffer PassphraseSource::prompt_line(std::string_view prompt) {
    // Echo goes off before the prompt shows: anything typed after the prompt
    // appears is never echoed (and TCSAFLUSH drops what was typed before it).
    EchoOff quiet(fd_);
    std::fprintf(stderr, "%.*s: ", static_cast<int>(prompt.size()), prompt.data());
    std::fflush(stderr);
    return read_secret_line(fd_);
}

SecretBuffer PassphraseSource::read_current(std::string_view prompt) {
    return interactive_ ? prompt_line(prompt) : next_line();
}

SecretBuffer PassphraseSource::read_new(std::string_view prompt) {
    auto first = read_current(prompt);
    if (first.empty()) throw Error(ErrorKind::Invalid, core::tr("passphrase must not be empty"));
    if (interactive_) {
        const auto again = prompt_line(core::tr("Repeat to confirm"));
        if (!first.equals(again)) throw Error(ErrorKind::Invalid, core::tr("the two passphrases do not match"));
    }
    return first;
}

}  // namespace fv::cli
