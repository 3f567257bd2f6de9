#pragma once
// For scripted runs (screenshots): the passphrase is the first line of
// standard input when it is not a terminal, as with fieldvault-cli.
#include <optional>

#include "fieldvault/model/secret.h"

namespace fv::gui {

// nullopt if stdin is a terminal or empty.
std::optional<SecretBuffer> read_passphrase_from_stdin();

}  // namespace fv::gui
