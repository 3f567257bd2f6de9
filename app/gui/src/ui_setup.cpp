#include "ui_setup.h"

#include <imgui.h>

#include "fonts.h"
#include "theme.h"

namespace fv::gui {

bool configure_imgui(float scale, bool all_chinese_characters, int font_percent, ThemeKind theme) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    return apply_appearance(scale, all_chinese_characters, font_percent, theme);
}

bool apply_appearance(float scale, bool all_chinese_characters, int font_percent, ThemeKind theme) {
    ImGuiIO& io = ImGui::GetIO();
    const float size = scale * static_cast<float>(font_percent) / 100.0f;
    io.Fonts->Clear();
    const auto loaded = load_fonts(io, find_fonts(), kBaseFontPixels * size,
                                   all_chinese_characters ? CjkCoverage::Full : CjkCoverage::Common);
    ImGuiStyle& style = ImGui::GetStyle();
    theme::apply(style, theme);
    style.ScaleAllSizes(size);
    return loaded.cjk_loaded;
}

}  // namespace fv::gui
