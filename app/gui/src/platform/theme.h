#pragma once
// A calm, readable look: one accent colour, generous spacing; light, dark
// and high-contrast variants. The helper colours follow the applied theme.
#include <imgui.h>

#include "models/settings.h"

namespace fv::gui::theme {

void apply(ImGuiStyle& style, ThemeKind kind = ThemeKind::Light);
ThemeKind current();
ImVec4 accent();
ImVec4 error();
ImVec4 muted();
ImVec4 warning();
ImVec4 quick_exit();  // button background: visible at a glance
ImVec4 background();  // what the window clears to

}  // namespace fv::gui::theme
