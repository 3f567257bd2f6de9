#pragma once
// Small pieces the exchange screens share (contacts, export, import, audit):
// times in UTC, fingerprints in large type, names of sensitive fields.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace fv::gui {

// "2026-03-14 09:30 UTC"; "-" for 0.
std::string format_utc(std::int64_t seconds);
// Local time with the UTC time beside it, for the audit log: "2026-03-14 10:30  (09:30 UTC)".
std::string format_local_and_utc(std::int64_t seconds);
// A fingerprint (or any short text to compare aloud) in large type.
void draw_large_text(const std::string& text, float scale = 1.5f);
// What the user calls a field code of Vocabulary::SensitiveField.
std::string sensitive_field_label(std::string_view code);
// A line in the warning colour.
void draw_warning(const std::string& message);
// A typed path with a leading "~/" taken as the home folder (paths are shown
// that way: shorter, and the account name stays off the screen).
std::filesystem::path expand_home(const std::string& typed);
// "Label:" in the muted colour, then the value on the same line.
void draw_labelled(const char* label, const std::string& value);

}  // namespace fv::gui
