#pragma once
// Unlock an existing vault with its passphrase.
#include <string>

#include "passphrase_field.h"
#include "view.h"

namespace fv::gui {

class UnlockView final : public View {
public:
    // The message for a passphrase that did not open the vault: calm, no blame.
    static constexpr const char* kWrongPassphrase = "That passphrase did not open the vault.";

    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override { return !passphrase_.empty(); }

    void submit(AppState& state);  // what the Unlock button does
    const std::string& error() const noexcept { return error_; }
    PassphraseField& passphrase() { return passphrase_; }

protected:
    void draw_content(AppState& state) override;

private:
    PassphraseField passphrase_;
    std::string error_;
    bool focus_ = true;
};

}  // namespace fv::gui
