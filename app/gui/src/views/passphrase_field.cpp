#include "views/passphrase_field.h"

#include <imgui.h>

#include <cstring>

#include "platform/wiping_allocator.h"

namespace fv::gui {

PassphraseField::PassphraseField(bool masked) : buffer_(kCapacity), masked_(masked) {}

char* PassphraseField::chars() noexcept { return reinterpret_cast<char*>(buffer_.mutable_bytes().data()); }
const char* PassphraseField::chars() const noexcept {
    return reinterpret_cast<const char*>(buffer_.reveal().data());
}

bool PassphraseField::draw(const char* label, float width) {
    ImGui::SetNextItemWidth(width);
    const ImGuiInputTextFlags mask = masked_ ? ImGuiInputTextFlags_Password : ImGuiInputTextFlags_None;
    return ImGui::InputText(label, chars(), kCapacity, mask | ImGuiInputTextFlags_EnterReturnsTrue);
}

std::string_view PassphraseField::text() const noexcept { return {chars(), ::strnlen(chars(), kCapacity - 1)}; }

SecretBuffer PassphraseField::take_copy() const {
    const auto value = text();
    return SecretBuffer::from_bytes(
        {reinterpret_cast<const std::uint8_t*>(value.data()), value.size()});
}

void PassphraseField::wipe() noexcept {
    wipe_memory(chars(), kCapacity);
    wipe_imgui_text_state();
}

void PassphraseField::set_for_test(std::string_view value) noexcept {
    wipe_memory(chars(), kCapacity);
    const auto n = value.size() < kCapacity - 1 ? value.size() : kCapacity - 1;
    std::memcpy(chars(), value.data(), n);
}

bool equal_passphrases(const PassphraseField& a, const PassphraseField& b) noexcept {
    const auto x = a.text();
    const auto y = b.text();
    if (x.size() != y.size()) return false;
    // No early exit on the first difference.
    unsigned char diff = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(x[i]) ^ static_cast<unsigned char>(y[i])));
    return diff == 0;
}

}  // namespace fv::gui
