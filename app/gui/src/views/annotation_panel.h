#pragma once
// "Your notes" on a report in the editor: the organisation's own notes, tags
// and translation (core::AnnotationService). Editable even on a received
// report, whose content stays as its sender signed it; each Save is a new
// revision; never exported.
#include <cstdint>
#include <optional>
#include <string>

#include "app/app_state.h"
#include "fieldvault/core/annotations.h"

namespace fv::gui {

class AnnotationPanel {
public:
    // Reads the report's current annotation into the fields.
    void load(core::Session& session, std::int64_t report_id);
    void draw(AppState& state);
    bool save(AppState& state);
    // Before the vault locks (lock, idle lock, quick exit): notes being typed
    // are saved as a revision, so they are not lost. Never throws.
    void keep_before_lock(core::Session& session) noexcept;
    bool dirty() const;
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

    std::string& notes() noexcept { return notes_; }
    std::string& tags() noexcept { return tags_; }  // as typed: comma separated
    std::string& translation() noexcept { return translation_; }
    std::string& translator() noexcept { return translator_; }
    const std::optional<core::AnnotationRevision>& saved() const noexcept { return saved_; }
    const std::string& error() const noexcept { return error_; }

private:
    core::Annotation typed() const;

    std::int64_t report_id_ = 0;
    std::optional<core::AnnotationRevision> saved_;
    std::string notes_, tags_, translation_, translator_;
    std::string error_;
};

// "a, b ,c" -> {"a", "b", "c"} (the service trims and drops empty ones).
std::vector<std::string> split_tags(const std::string& typed);
std::string join_tags(const std::vector<std::string>& tags);

}  // namespace fv::gui
