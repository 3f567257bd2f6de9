#pragma once
// "People and groups" on a report in the editor: the people and organisations
// this vault keeps (core::EntityService) that the report concerns: an officer,
// a "service station". Link one already known, name someone new, give one
// another name (王警官 = Officer Wang), or take one off the report. The
// organisation's own records, never sent in a bundle; the timeline shows them.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "fieldvault/core/entities.h"

namespace fv::gui {

class PeoplePanel {
public:
    void load(core::Session& session, std::int64_t report_id);
    void draw(AppState& state);
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

    // What the buttons do (also for tests).
    bool link(AppState& state, std::int64_t entity_id);
    bool unlink(AppState& state, std::int64_t entity_id);
    bool create_and_link(AppState& state, const std::string& name, const std::string& kind);
    bool add_name(AppState& state, std::int64_t entity_id, const std::string& alias);

    const std::vector<core::Entity>& linked() const noexcept { return linked_; }
    const std::vector<core::Entity>& known() const noexcept { return known_; }
    const std::string& error() const noexcept { return error_; }

private:
    bool change(AppState& state, const std::function<void(core::EntityService&)>& work);
    const core::Entity* find(std::int64_t entity_id) const;
    void draw_popups(AppState& state);

    std::int64_t report_id_ = 0;
    std::vector<core::Entity> linked_;  // linked to this report
    std::vector<core::Entity> known_;   // every one this vault keeps
    std::int64_t pick_ = 0;             // chosen in "Add someone already named"
    std::int64_t alias_for_ = 0;        // whose other name is being typed
    std::string name_;                  // typed in the popups
    std::string kind_ = "person";
    bool open_new_ = false;
    bool open_alias_ = false;
    std::string error_;
};

// The words a person reads for an entity kind code.
const char* entity_kind_label(const std::string& kind);

}  // namespace fv::gui
