#pragma once
// Settings > "Make new keys": a fresh database key and recovery key for the
// same passphrase (core::Session::rekey), and the new recovery key shown once,
// until the person has typed it back from their paper.
#include <string>

#include "fieldvault/model/secret.h"
#include "views/passphrase_field.h"

namespace fv::gui {

class AppState;

class RekeyPanel {
public:
    void draw(AppState& state);
    void submit(AppState& state);  // what "Make new keys" does (on the worker)
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept {
        return !passphrase_.empty() || !retyped_.empty() || !recovery_key_.empty();
    }

    // The new recovery key while it is on screen ("" otherwise).
    std::string_view recovery_key() const noexcept { return recovery_key_.reveal_text(); }
    const std::string& error() const noexcept { return error_; }
    PassphraseField& passphrase() noexcept { return passphrase_; }

private:
    PassphraseField passphrase_;
    PassphraseField retyped_{false};  // the new key typed back from paper
    SecretBuffer recovery_key_;
    std::string error_;
    std::string notice_;
};

}  // namespace fv::gui
