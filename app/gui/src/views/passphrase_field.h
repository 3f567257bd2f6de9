#pragma once
// A passphrase text field whose buffer is a fixed-size block in locked,
// guard-paged memory (a SecretBuffer), wiped after every submit and on lock.
#include <cstddef>
#include <string_view>

#include "fieldvault/model/secret.h"

namespace fv::gui {

class PassphraseField {
public:
    static constexpr std::size_t kCapacity = 256;  // bytes, including the final NUL

    // masked=false shows what is typed (a recovery key copied from paper).
    explicit PassphraseField(bool masked = true);
    // Draws a password-mode InputText; returns true when Enter was pressed in it.
    bool draw(const char* label, float width = -1.0f);
    std::string_view text() const noexcept;
    bool empty() const noexcept { return text().empty(); }
    // A copy of the typed text in its own SecretBuffer (for a worker job).
    SecretBuffer take_copy() const;
    // Zeroes our buffer and the text ImGui kept for the field.
    void wipe() noexcept;
    // For tests: put text in as if typed (fixed buffer; longer text is cut).
    void set_for_test(std::string_view value) noexcept;

private:
    char* chars() noexcept;
    const char* chars() const noexcept;
    SecretBuffer buffer_;
    bool masked_ = true;
};

bool equal_passphrases(const PassphraseField& a, const PassphraseField& b) noexcept;

}  // namespace fv::gui
