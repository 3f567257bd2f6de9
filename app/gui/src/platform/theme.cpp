#include "platform/theme.h"

namespace fv::gui::theme {
namespace {

ThemeKind g_current = ThemeKind::Light;  // set from the frame thread only

void light_colours(ImVec4* colors) {
    colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_Border] = ImVec4(0.75f, 0.76f, 0.78f, 1.0f);
    colors[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.94f, 1.0f);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.83f, 0.92f, 1.0f);
    colors[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.74f, 0.88f, 1.0f);
    colors[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.94f, 1.0f);
    colors[ImGuiCol_HeaderHovered] = ImVec4(0.76f, 0.84f, 0.93f, 1.0f);
    colors[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.91f, 0.92f, 1.0f);
}

void high_contrast_colours(ImVec4* colors) {
    const ImVec4 black(0.0f, 0.0f, 0.0f, 1.0f);
    const ImVec4 white(1.0f, 1.0f, 1.0f, 1.0f);
    const ImVec4 yellow(1.0f, 0.9f, 0.0f, 1.0f);
    for (int i = 0; i < ImGuiCol_COUNT; ++i) colors[i] = black;
    colors[ImGuiCol_Text] = white;
    colors[ImGuiCol_TextDisabled] = ImVec4(0.75f, 0.75f, 0.75f, 1.0f);
    colors[ImGuiCol_Border] = white;
    colors[ImGuiCol_Separator] = white;
    colors[ImGuiCol_FrameBgHovered] = ImVec4(0.2f, 0.2f, 0.2f, 1.0f);
    colors[ImGuiCol_FrameBgActive] = ImVec4(0.3f, 0.3f, 0.3f, 1.0f);
    colors[ImGuiCol_Button] = ImVec4(0.15f, 0.15f, 0.15f, 1.0f);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.0f, 0.3f, 0.6f, 1.0f);
    colors[ImGuiCol_ButtonActive] = ImVec4(0.0f, 0.45f, 0.9f, 1.0f);
    colors[ImGuiCol_Header] = ImVec4(0.0f, 0.3f, 0.6f, 1.0f);
    colors[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.4f, 0.8f, 1.0f);
    colors[ImGuiCol_HeaderActive] = ImVec4(0.0f, 0.5f, 1.0f, 1.0f);
    colors[ImGuiCol_CheckMark] = yellow;
    colors[ImGuiCol_SliderGrab] = yellow;
    colors[ImGuiCol_ScrollbarGrab] = ImVec4(0.6f, 0.6f, 0.6f, 1.0f);
    colors[ImGuiCol_TableHeaderBg] = ImVec4(0.2f, 0.2f, 0.2f, 1.0f);
    colors[ImGuiCol_TableBorderStrong] = white;
    colors[ImGuiCol_TableBorderLight] = ImVec4(0.6f, 0.6f, 0.6f, 1.0f);
    colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.1f, 0.1f, 0.1f, 1.0f);
    colors[ImGuiCol_PopupBg] = black;
    colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0.3f, 0.3f, 0.3f, 0.6f);
    colors[ImGuiCol_NavHighlight] = yellow;
    colors[ImGuiCol_TextSelectedBg] = ImVec4(0.0f, 0.4f, 0.8f, 1.0f);
    colors[ImGuiCol_PlotHistogram] = yellow;
}

}  // namespace

ThemeKind current() { return g_current; }

ImVec4 accent() {
    switch (g_current) {
        case ThemeKind::Dark: return {0.45f, 0.70f, 0.95f, 1.0f};
        case ThemeKind::HighContrast: return {1.0f, 0.9f, 0.0f, 1.0f};
        case ThemeKind::Light: break;
    }
    return {0.13f, 0.36f, 0.55f, 1.0f};
}

ImVec4 error() {
    return g_current == ThemeKind::Light ? ImVec4(0.70f, 0.15f, 0.12f, 1.0f) : ImVec4(1.0f, 0.45f, 0.40f, 1.0f);
}

ImVec4 muted() {
    switch (g_current) {
        case ThemeKind::Dark: return {0.68f, 0.70f, 0.74f, 1.0f};
        case ThemeKind::HighContrast: return {0.90f, 0.90f, 0.90f, 1.0f};
        case ThemeKind::Light: break;
    }
    return {0.36f, 0.38f, 0.42f, 1.0f};
}

ImVec4 warning() {
    return g_current == ThemeKind::Light ? ImVec4(0.60f, 0.38f, 0.00f, 1.0f) : ImVec4(1.0f, 0.70f, 0.25f, 1.0f);
}

ImVec4 quick_exit() {
    switch (g_current) {
        case ThemeKind::Dark: return {0.50f, 0.18f, 0.16f, 1.0f};
        case ThemeKind::HighContrast: return {0.60f, 0.0f, 0.0f, 1.0f};
        case ThemeKind::Light: break;
    }
    return {0.96f, 0.84f, 0.80f, 1.0f};
}

ImVec4 background() { return ImGui::GetStyle().Colors[ImGuiCol_WindowBg]; }

void apply(ImGuiStyle& style, ThemeKind kind) {
    g_current = kind;
    style = ImGuiStyle();
    switch (kind) {
        case ThemeKind::Light: ImGui::StyleColorsLight(&style); light_colours(style.Colors); break;
        case ThemeKind::Dark: ImGui::StyleColorsDark(&style); break;
        case ThemeKind::HighContrast: high_contrast_colours(style.Colors); break;
    }
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
    style.Colors[ImGuiCol_CheckMark] = kind == ThemeKind::HighContrast ? style.Colors[ImGuiCol_CheckMark] : accent();
    style.Colors[ImGuiCol_PlotHistogram] = accent();
    // The keyboard focus (ImGui's frame and the app's thicker ring, see
    // ui_setup.h): opaque, and far from the background in every theme.
    switch (kind) {
        case ThemeKind::Light: style.Colors[ImGuiCol_NavHighlight] = ImVec4(0.00f, 0.30f, 0.78f, 1.0f); break;
        case ThemeKind::Dark: style.Colors[ImGuiCol_NavHighlight] = ImVec4(1.00f, 0.80f, 0.25f, 1.0f); break;
        case ThemeKind::HighContrast: style.Colors[ImGuiCol_NavHighlight] = ImVec4(1.0f, 0.9f, 0.0f, 1.0f); break;
    }
    style.Colors[ImGuiCol_NavWindowingHighlight] = style.Colors[ImGuiCol_NavHighlight];
}

}  // namespace fv::gui::theme
