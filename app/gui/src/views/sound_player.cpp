#include "views/sound_player.h"

#include <imgui.h>

#include "fieldvault/core/i18n.h"
#include "models/sound.h"
#include "platform/theme.h"
#include "views/view.h"

namespace fv::gui {

void draw_sound_player(AppState& state, SoundPlayer& player) {
    if (!player.loaded()) return;
    const bool playing = player.playing();
    // "###" keeps one id whichever word the button shows.
    const std::string play_label =
        std::string(playing ? core::tr("Pause") : core::tr("Play")) + "###sound_play";
    if (ImGui::Button(play_label.c_str())) {
        if (playing) player.pause();
        else player.play();
    }
    state.probe().item("sound.play");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Stop"))) player.stop();
    state.probe().item("sound.stop");
    ImGui::SameLine();
    const std::string times = core::tr_args("{1} of {2}", {format_duration(player.position_seconds()),
                                                          format_duration(player.total_seconds())});
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(times.c_str());

    // The position bar: drag (or click) to move through the recording.
    float at = static_cast<float>(player.position_seconds());
    const float total = static_cast<float>(player.total_seconds());
    ImGui::SetNextItemWidth(-1.0f);
    const std::string shown = format_duration(at);  // no '%' in it: safe as a format
    if (ImGui::SliderFloat("##sound_position", &at, 0.0f, total, shown.c_str(), ImGuiSliderFlags_NoInput))
        player.seek_seconds(static_cast<double>(at));
    state.probe().item("sound.position");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::tr("Drag to move through the recording."));

    const auto error = player.error();
    if (!error.empty()) draw_error(error);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextWrapped("%s", core::tr("Played from memory: no copy is written to disk. The computer's sound system "
                                      "(and anyone near the speakers) can hear it; headphones are safer."));
    ImGui::PopStyleColor();
}

}  // namespace fv::gui
