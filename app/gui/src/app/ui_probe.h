#pragma once
// Remembers where named widgets were drawn in the last frame, so headless
// tests can click and type into the real views through ImGui. Costs nothing
// unless a test enables it.
#include <map>
#include <optional>
#include <string>

#include <imgui.h>

namespace fv::gui {

struct ItemRect {
    ImVec2 min;
    ImVec2 max;
    bool visible = true;  // wholly inside its window's (or cell's) visible area
    ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

class UiProbe {
public:
    void enable(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }
    // Records the last submitted item under `key` (call right after the widget).
    void item(const char* key);
    std::optional<ItemRect> find(const std::string& key) const;
    void begin_frame() { items_.clear(); }

private:
    bool enabled_ = false;
    std::map<std::string, ItemRect> items_;
};

}  // namespace fv::gui
