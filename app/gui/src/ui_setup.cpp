#include "ui_setup.h"

#include <imgui.h>

#include "fonts.h"
#include "theme.h"

namespace fv::gui {

bool configure_imgui(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    const auto loaded = load_fonts(io, find_fonts(), kBaseFontPixels * scale);
    ImGuiStyle& style = ImGui::GetStyle();
    theme::apply(style);
    style.ScaleAllSizes(scale);
    return loaded.cjk_loaded;
}

}  // namespace fv::gui
