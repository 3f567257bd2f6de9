#pragma once
// A multi-line text field that wraps its lines to its width (ImGui 1.86's
// InputTextMultiline does not wrap: a long Chinese paragraph ran off the
// right edge). The model (line breaking, caret, undo) is models/wrapped_text.h;
// this draws it with ImGui's font and takes mouse and keyboard input.
//
// It behaves as ImGui's own InputText does towards the rest of the app: a Tab
// stop and keyboard-navigation item (Tab and Shift+Tab move on, Space or Enter
// on a highlighted field starts editing, Escape stops), sets
// io.WantTextInput / WantCaptureKeyboard while editing, and takes typed text
// from io.InputQueueCharacters (where GLFW puts what an input method commits).
// Keys: arrows (ctrl: by word), Shift to select, Home/End (ctrl: whole text),
// Page Up/Down, Backspace/Delete, Enter (new line), ctrl+A/C/X/V, ctrl+Z undo,
// ctrl+Y or ctrl+shift+Z redo. The text is edited in place in the caller's
// std::string; undo steps live only while the field is being edited and are
// wiped when it stops.
#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "models/wrapped_text.h"

namespace fv::gui {

struct WrappingEditorOptions {
    float lines = 4.0f;           // visible lines (height); longer text scrolls
    float width = -1.0f;          // -1: the rest of the line
    const char* hint = "";        // shown, dimmed, while the text is empty
    bool read_only = false;       // select and copy only
    const char* record_as = nullptr;  // tests: keep the layout under this key (see last_layout)
};

// Draws the field `id` (an ImGui label, usually "##name") editing `text`.
// Returns true in the frame the text changed.
bool wrapping_editor(const char* id, std::string& text, const WrappingEditorOptions& options = {});

// For tests: what the field recorded under options.record_as drew in the last frame.
struct WrappingEditorLayout {
    ImVec2 frame_min, frame_max;     // the field
    ImVec2 text_origin;              // top-left of the first line (scrolled)
    float wrap_width = 0.0f;         // the width lines are broken to
    std::vector<text::VisualLine> lines;
    bool active = false;             // being edited
};
std::optional<WrappingEditorLayout> last_layout(const std::string& key);
// The caret of the field being edited (none when no wrapping field is).
std::optional<text::Caret> active_caret();
// True when no field's caret or undo steps are kept (they are wiped at the
// end of the first frame in which no wrapping field is being edited).
bool wrapping_editor_idle();

}  // namespace fv::gui
