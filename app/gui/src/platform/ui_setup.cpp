#include "platform/ui_setup.h"

#include <imgui.h>

#include "platform/fonts.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"

namespace fv::gui {

namespace {
float g_font_pixels = kBaseFontPixels;  // of the atlas last built, for glyph rebuilds
}  // namespace

bool configure_imgui(float scale, int font_percent, ThemeKind theme) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Keyboard navigation: Tab/arrows move between widgets, Space/Enter activate,
    // Escape backs out; the app can be used without a mouse.
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    return apply_appearance(scale, font_percent, theme);
}

bool rebuild_glyphs_if_needed() {
    if (!glyphs::take_rebuild_request()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    load_fonts(io, cached_fonts(), g_font_pixels);
    return true;
}

bool apply_appearance(float scale, int font_percent, ThemeKind theme) {
    ImGuiIO& io = ImGui::GetIO();
    const float size = scale * static_cast<float>(font_percent) / 100.0f;
    io.Fonts->Clear();
    g_font_pixels = kBaseFontPixels * size;
    const auto loaded = load_fonts(io, cached_fonts(), g_font_pixels);
    ImGuiStyle& style = ImGui::GetStyle();
    theme::apply(style, theme);
    style.ScaleAllSizes(size);
    return loaded.cjk_loaded;
}

}  // namespace fv::gui
