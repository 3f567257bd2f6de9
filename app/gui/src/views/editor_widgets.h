#pragma once
// The building blocks of the report form: labelled fields, vocabulary combos
// and checkbox groups, "Sensitive" toggles, and editable lists of rows with
// Add/Remove. Each records its widgets in the UI probe (keys given below) so
// headless tests can click and type through them.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/app_state.h"
#include "models/content_wipe.h"
#include "fieldvault/core/vocabulary.h"

namespace fv::gui {

inline constexpr float kLabelEm = 7.5f;  // width of the label column, in font sizes

bool has_code(const std::vector<std::string>& codes, std::string_view code);
void set_code(std::vector<std::string>& codes, std::string_view code, bool on);

// A vocabulary label (core::label, an entry's label) in the person's language.
std::string label_text(std::string_view label);

// The callers pass translated text (core::tr) for labels, titles, hints and nouns.
void field_label(const char* label);
void section(const char* title);
// Width a sensitive toggle takes after a field on the same line.
float sensitive_toggle_width();
// The "Sensitive" checkbox for a field code of Vocabulary::SensitiveField
// (probe key "sensitive.<code>"), on the current line.
void sensitive_toggle(AppState& state, std::vector<std::string>& sensitive, const char* code);
// A labelled one-line field (probe key `key`, if not null); `leave_room`
// keeps space for a sensitive toggle after it.
void text_row(AppState& state, const char* label, const char* key, std::string& value, bool leave_room = false,
              const char* hint = "");
// A combo over a vocabulary (probe keys `key` and "<key>=<code>" for the
// options while open); none_label null = a code must be chosen.
void vocabulary_combo(AppState& state, const std::string& key, core::Vocabulary vocabulary, std::string& value,
                      const char* none_label);
// Checkboxes for a multi-select vocabulary (probe keys "<name>.<code>").
void code_checkboxes(AppState& state, const char* name, core::Vocabulary vocabulary,
                     std::vector<std::string>& codes, int columns);

// One row of an editable list: draws the heading line with a Remove button
// (probe "<key>.<i>.remove"); returns true if Remove was clicked.
bool row_heading(AppState& state, const std::string& key, const char* noun, std::size_t index);
void add_row_button(AppState& state, const std::string& key, const char* label, bool& clicked);

// Draws `rows` with draw_row(row, "<key>.<i>") for each, Remove per row and
// an Add button (probe "<key>.add") that appends `fresh`. Removed rows are
// wiped before they go.
template <class Row, class DrawRow>
void editable_rows(AppState& state, const std::string& key, const char* noun, const char* add_label,
                   std::vector<Row>& rows, const Row& fresh, DrawRow draw_row) {
    std::size_t remove = rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (row_heading(state, key, noun, i)) remove = i;
        ImGui::Indent();
        draw_row(rows[i], key + "." + std::to_string(i));
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (remove < rows.size()) {
        wipe_row(rows[remove]);
        rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(remove));
    }
    bool add = false;
    add_row_button(state, key, add_label, add);
    if (add) rows.push_back(fresh);
}

}  // namespace fv::gui
