#pragma once
// First run: choose a passphrase (twice), then see the recovery key once.
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
    std::string error_;
    SecretBuffer recovery_key_;  // shown once, then wiped
    std::string fingerprint_;
    bool written_down_ = false;
};

}  // namespace fv::gui
