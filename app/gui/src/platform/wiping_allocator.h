#pragma once
// Dear ImGui copies what is typed into its own buffers (even in password mode).
// Every ImGui allocation goes through these functions, which zero a block
// before freeing it, so a passphrase typed into a field does not linger in
// freed heap memory. Install before ImGui::CreateContext().

namespace fv::gui {

void install_wiping_allocator();

// Zeroes the text buffers ImGui keeps for the active (or last active) text
// field and deactivates it. Call after a passphrase has been submitted and on lock.
void wipe_imgui_text_state();

}  // namespace fv::gui
