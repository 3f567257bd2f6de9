#include "main_navigation.h"

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
    Destination{"reports", "Reports", Screen::ReportList},  Destination{"contacts", "Contacts", Screen::Contacts},
    Destination{"export", "Export", Screen::Export},        Destination{"import", "Import", Screen::Import},
    Destination{"audit", "Audit log", Screen::Audit},
};

float row_width() {
    const auto& style = ImGui::GetStyle();
    float width = 0.0f;
    for (const auto& d : kDestinations)
        width += ImGui::CalcTextSize(d.label).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    return width;
}

}  // namespace

void draw_main_navigation(AppState& state, float available) {
    if (row_width() <= available) {
        for (std::size_t i = 0; i < kDestinations.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            const auto& d = kDestinations[i];
            if (ImGui::Button(d.label)) state.go_to(d.screen);
            if (state.probe().enabled()) state.probe().item((std::string("nav.") + d.code).c_str());
        }
        return;
    }
    if (ImGui::Button("Go to...")) ImGui::OpenPopup("##main_navigation");
    state.probe().item("nav.menu");
    if (ImGui::BeginPopup("##main_navigation")) {
        for (const auto& d : kDestinations) {
            if (ImGui::Selectable(d.label)) state.go_to(d.screen);
            if (state.probe().enabled()) state.probe().item((std::string("nav.") + d.code).c_str());
        }
        ImGui::EndPopup();
    }
}

}  // namespace fv::gui
