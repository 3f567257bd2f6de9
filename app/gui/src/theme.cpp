#include "theme.h"

namespace fv::gui::theme {

ImVec4 accent() { return {0.13f, 0.36f, 0.55f, 1.0f}; }
ImVec4 error() { return {0.70f, 0.15f, 0.12f, 1.0f}; }
ImVec4 muted() { return {0.36f, 0.38f, 0.42f, 1.0f}; }
ImVec4 warning() { return {0.60f, 0.38f, 0.00f, 1.0f}; }
ImVec4 quick_exit() { return {0.96f, 0.84f, 0.80f, 1.0f}; }

void apply(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(18.0f, 14.0f);
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 8.0f);
    style.ItemInnerSpacing = ImVec2(8.0f, 6.0f);
    style.CellPadding = ImVec2(6.0f, 4.0f);
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.ScrollbarSize = 14.0f;
    style.FrameBorderSize = 1.0f;

    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_Border] = ImVec4(0.75f, 0.76f, 0.78f, 1.0f);
    colors[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.94f, 1.0f);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.83f, 0.92f, 1.0f);
    colors[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.74f, 0.88f, 1.0f);
    colors[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.94f, 1.0f);
    colors[ImGuiCol_HeaderHovered] = ImVec4(0.76f, 0.84f, 0.93f, 1.0f);
    colors[ImGuiCol_CheckMark] = accent();
    colors[ImGuiCol_PlotHistogram] = accent();
    colors[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.91f, 0.92f, 1.0f);
}

}  // namespace fv::gui::theme
