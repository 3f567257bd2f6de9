#include "ui_probe.h"

namespace fv::gui {

void UiProbe::item(const char* key) {
    if (!enabled_) return;
    items_[key] = ItemRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<ItemRect> UiProbe::find(const std::string& key) const {
    const auto it = items_.find(key);
    if (it == items_.end()) return std::nullopt;
    return it->second;
}

}  // namespace fv::gui
