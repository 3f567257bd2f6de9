#include "ui_setup.h"

#include <imgui.h>

#include "fonts.h"
#include "theme.h"

namespace fv::gui {

bool configure_imgui(float scale, bool all_chinese_characters) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    const auto loaded = load_fonts(io, find_fonts(), kBaseFontPixels * scale,
                                   all_chinese_characters ? CjkCoverage::Full : CjkCoverage::Common);
    ImGuiStyle& style = ImGui::GetStyle();
    theme::apply(style);
    style.ScaleAllSizes(scale);
    return loaded.cjk_loaded;
}

}  // namespace fv::gui
