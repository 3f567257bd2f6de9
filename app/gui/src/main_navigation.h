#pragma once
// The header's row of main screens (Reports, Contacts, Export, Import, Audit
// log). When the row does not fit (a narrow window, 200 % text) it folds into
// one "Go to..." button with a menu, so the header never overflows.
#include "app_state.h"

namespace fv::gui {

// Draws on the current line within `available` pixels. Probe keys
// "nav.<code>" (and "nav.menu" when folded).
void draw_main_navigation(AppState& state, float available);

}  // namespace fv::gui
