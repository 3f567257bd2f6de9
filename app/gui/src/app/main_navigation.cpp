#include "app/main_navigation.h"

#include <imgui.h>

#include <array>
#include <string>

#include "fieldvault/core/i18n.h"

namespace fv::gui {
namespace {

struct Destination {
    const char* code;  // probe key suffix
    const char* label;  // English; translated when drawn
    Screen screen;
};

constexpr std::array kDestinations = {
    Destination{"reports", FV_N_("Reports"), Screen::ReportList},
    Destination{"timeline", FV_N_("Timeline"), Screen::Timeline},
    Destination{"contacts", FV_N_("Contacts"), Screen::Contacts},
    Destination{"export", FV_N_("Export"), Screen::Export},
    Destination{"import", FV_N_("Import"), Screen::Import},
    Destination{"audit", FV_N_("Audit log"), Screen::Audit},
};

float row_width() {
    const auto& style = ImGui::GetStyle();
    float width = 0.0f;
    for (const auto& d : kDestinations)
        width += ImGui::CalcTextSize(core::tr(d.label)).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    return width;
}

}  // namespace

bool main_navigation_fits(float available) { return row_width() <= available; }

void draw_main_navigation(AppState& state) {
    for (std::size_t i = 0; i < kDestinations.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const auto& d = kDestinations[i];
        // The label changes with the language; the id stays the destination's.
        const std::string label = std::string(core::tr(d.label)) + "###nav." + d.code;
        if (ImGui::Button(label.c_str())) state.go_to(d.screen);
        if (state.probe().enabled()) state.probe().item((std::string("nav.") + d.code).c_str());
    }
}

}  // namespace fv::gui
