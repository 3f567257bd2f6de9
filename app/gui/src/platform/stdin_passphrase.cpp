#include "platform/stdin_passphrase.h"

#include <unistd.h>

namespace fv::gui {

std::optional<SecretBuffer> read_passphrase_from_stdin() {
    if (::isatty(STDIN_FILENO) != 0) return std::nullopt;
    // Read byte by byte into locked memory, so nothing is buffered beyond the line.
    SecretBuffer line(1024);
    auto bytes = line.mutable_bytes();
    std::size_t length = 0;
    while (length < bytes.size()) {
        unsigned char c = 0;
        const auto got = ::read(STDIN_FILENO, &c, 1);
        if (got <= 0 || c == '\n') break;
        bytes[length++] = c;
    }
    if (length > 0 && bytes[length - 1] == '\r') --length;
    if (length == 0) return std::nullopt;
    return SecretBuffer::from_bytes(bytes.first(length));
}

}  // namespace fv::gui
