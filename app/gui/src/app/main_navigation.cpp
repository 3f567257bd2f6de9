#include "app/main_navigation.h"

#include <imgui.h>

#include <array>
#include <string>

namespace fv::gui {
namespace {

struct Destination {
    const char* code;  // probe key suffix
    const char* label;
    Screen screen;
};

constexpr std::array kDestinations = {
    Destination{"reports", "Reports", Screen::ReportList}, Destination{"timeline", "Timeline", Screen::Timeline},
    Destination{"contacts", "Contacts", Screen::Contacts}, Destination{"export", "Export", Screen::Export},
    Destination{"import", "Import", Screen::Import},       Destination{"audit", "Audit log", Screen::Audit},
};

float row_width() {
    const auto& style = ImGui::GetStyle();
    float width = 0.0f;
    for (const auto& d : kDestinations)
        width += ImGui::CalcTextSize(d.label).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    return width;
}

}  // namespace

bool main_navigation_fits(float available) { return row_width() <= available; }

void draw_main_navigation(AppState& state) {
    for (std::size_t i = 0; i < kDestinations.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const auto& d = kDestinations[i];
        if (ImGui::Button(d.label)) state.go_to(d.screen);
        if (state.probe().enabled()) state.probe().item((std::string("nav.") + d.code).c_str());
    }
}

}  // namespace fv::gui
