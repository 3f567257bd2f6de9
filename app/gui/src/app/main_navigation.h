#pragma once
// The header's row of main screens (Reports, Contacts, Export, Import, Audit
// log). It sits between the app's name and the Settings/Lock/Quick exit
// buttons when it fits; otherwise (a narrow window, 200 % text) it gets a
// row of its own under them, so the header never overflows or overlaps.
#include "app/app_state.h"

namespace fv::gui {

// True if the row fits in `available` pixels on the current line.
bool main_navigation_fits(float available);
// Draws the row where the cursor is. Probe keys "nav.<code>".
void draw_main_navigation(AppState& state);

}  // namespace fv::gui
