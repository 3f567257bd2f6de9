#pragma once
// The controls of a SoundPlayer inside the evidence preview: play/pause,
// stop, a position bar to drag, and elapsed / total time.
#include "app/app_state.h"
#include "models/sound_player.h"

namespace fv::gui {

void draw_sound_player(AppState& state, SoundPlayer& player);

}  // namespace fv::gui
