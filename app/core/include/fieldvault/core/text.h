#pragma once
#include <string_view>

namespace fv::core {

bool is_valid_utf8(std::string_view text) noexcept;
// ISO-8601 date or date-time as the vault accepts it: parse_iso8601 (dates.h)
// succeeds. Kept as the yes/no question the validator and the fuzzer ask.
bool is_valid_iso8601(std::string_view text) noexcept;

// Whether `name` occurs in `text` as whole words: where the name begins or ends
// with a letter or digit of a script written with spaces between words (Latin,
// Greek, Cyrillic, Hebrew, Arabic as Uyghur uses it), the text must not carry
// on with another such letter there ("wang" is in "Officer Wang's" and in
// "Wang先生", not in "Wangfujing"). Chinese, Japanese and Tibetan are written
// without spaces: a name in them matches anywhere. Both are compared as given
// (the caller folds case first). An empty name is never found.
bool contains_whole_name(std::string_view text, std::string_view name) noexcept;

// Whether the text holds letters whose shapes depend on their neighbours
// (Arabic script as Uyghur writes it, Tibetan): stored, searched and exported
// as they are, but the desktop app's text drawing (Dear ImGui) cannot join or
// stack them, so it says so once. The court record's PDF (pango) shapes them.
bool needs_complex_shaping(std::string_view text) noexcept;

}  // namespace fv::core
