#pragma once
// First run: choose a passphrase (twice), then see the recovery key once and
// type it back from the paper before going on (the rest of the app waits).
#include <memory>
#include <string>

#include "views/passphrase_field.h"
#include "views/view.h"

namespace fv::gui {

class CreateView final : public View {
public:
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // What the Create button does (the UI calls it; tests may too).
    void submit(AppState& state);
    // What "Continue" does once the recovery key has been acknowledged.
    void acknowledge(AppState& state);

    bool showing_recovery_key() const noexcept { return !recovery_key_.empty(); }
    // The key on screen (tests type it back); empty once acknowledged.
    std::string_view recovery_key_text() const noexcept { return recovery_key_.reveal_text(); }
    // The recovery key typed back matches the one shown.
    bool retyped_key_matches() const noexcept;
    void clear_retyped_key_for_test() noexcept { retyped_key_.wipe(); }
    bool blocks_navigation() const noexcept override { return showing_recovery_key(); }
    const std::string& error() const noexcept { return error_; }
    PassphraseField& passphrase() { return passphrase_; }
    PassphraseField& confirmation() { return confirmation_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_form(AppState& state);
    void draw_recovery_key(AppState& state);

    std::string name_;
    PassphraseField passphrase_;
    PassphraseField confirmation_;
    PassphraseField retyped_key_{false};  // shown as typed, like the paper
    std::string error_;
    SecretBuffer recovery_key_;  // shown once, then wiped
    std::string fingerprint_;
    bool written_down_ = false;
};

}  // namespace fv::gui
