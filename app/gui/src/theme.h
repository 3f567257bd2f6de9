#pragma once
// A calm, readable look: light background, one accent colour, generous spacing.
#include <imgui.h>

namespace fv::gui::theme {

void apply(ImGuiStyle& style);
ImVec4 accent();
ImVec4 error();
ImVec4 muted();
ImVec4 warning();
ImVec4 quick_exit();  // button background: visible at a glance

}  // namespace fv::gui::theme
