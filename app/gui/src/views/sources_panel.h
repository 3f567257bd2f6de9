#pragma once
// "Who sent you reports" on the contacts screen: every source (core::
// SourceService), the name they say they are, how many reports and when.
// The organisation gives a source a name of its own ("source-02983-01105"
// becomes "Mei") or says it is the same person as another contact (a new key,
// say); both are audited. Runs on the UI thread: a few rows, small writes.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/sources.h"

namespace fv::gui {

class SourcesPanel {
public:
    // Called when something changed that the rest of the screen shows (names).
    using Changed = std::function<void()>;

    void load(core::Session& session);
    void draw(AppState& state, const std::vector<core::Contact>& contacts, const Changed& changed);
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

    bool rename(AppState& state, const std::string& source, const std::string& new_name);
    bool merge(AppState& state, const std::string& source, const std::string& into);

    const std::vector<core::Source>& sources() const noexcept { return sources_; }
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }

private:
    bool change(AppState& state, const std::function<void(core::SourceService&)>& work, std::string done);
    void draw_popups(AppState& state, const std::vector<core::Contact>& contacts, const Changed& changed);

    std::vector<core::Source> sources_;
    std::string acting_on_;   // the source being renamed or merged
    std::string name_;        // typed: its new name
    std::string hint_;        // shown in the empty field: the name they say they are
    std::string into_;        // chosen: the contact it is the same person as
    bool open_rename_ = false;
    bool open_merge_ = false;
    std::string error_;
    std::string notice_;
};

}  // namespace fv::gui
