#include "app/ui_probe.h"

#include <imgui_internal.h>

namespace fv::gui {

void UiProbe::item(const char* key) {
    if (!enabled_) return;
        const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // Its full height and its centre inside the clip rectangle (window,
    // scrolled region, table cell): a click at its centre then reaches it.
    // (Selectables reach a little past the clip rectangle sideways.)
    const ImRect& clip = ImGui::GetCurrentWindowRead()->ClipRect;
    const bool visible = clip.Min.y <= rect.Min.y && rect.Max.y <= clip.Max.y && rect.Min.x < clip.Max.x &&
                         clip.Min.x < rect.Max.x;
    items_[key] = ItemRect{rect.Min, rect.Max, visible};
}

std::optional<ItemRect> UiProbe::find(const std::string& key) const {
    const auto it = items_.find(key);
    if (it == items_.end()) return std::nullopt;
    return it->second;
}

}  // namespace fv::gui
