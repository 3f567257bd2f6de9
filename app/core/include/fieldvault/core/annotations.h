#pragma once
// The organisation's own work on a report: notes, tags and its own translation
// (with the translator's name). A received report's content stays exactly as
// its sender signed it; this lives beside it, never travels in a bundle, and
// every save is a new revision, recorded in the audit log.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fieldvault/core/session.h"

namespace fv::core {

struct Annotation {
    std::string notes;
    std::vector<std::string> tags;  // short labels, e.g. "wechat", "follow up"
    std::string translation;        // the organisation's translation of the narrative
    std::string translator;
    bool operator==(const Annotation&) const = default;
};

struct AnnotationRevision {
    std::int64_t revision = 0;  // 1, 2, 3...
    std::int64_t created_at = 0;
    Annotation annotation;
};

class AnnotationService {
public:
    explicit AnnotationService(Session& session) : session_(session) {}

    // The newest revision; nullopt when the report has none.
    std::optional<AnnotationRevision> current(std::int64_t report_id);
    std::vector<AnnotationRevision> history(std::int64_t report_id);  // oldest first
    // Saves `annotation` as a new revision (audited "annotate") and returns it;
    // one identical to the current revision is not saved again. Tags are
    // trimmed and kept once each, in order. Throws fv::Error(NotFound) for an
    // unknown report, Invalid for text that is not UTF-8, too long (notes and
    // translation 4 MiB, translator 200 bytes, a tag 100, at most 50 tags), or
    // a tag with a control character or a comma.
    AnnotationRevision save(std::int64_t report_id, Annotation annotation);

private:
    Session& session_;
};

}  // namespace fv::core
