#include "platform/report_glyphs.h"

#include "platform/glyph_cache.h"

namespace fv::gui {
namespace {

template <class... Texts>
void note_all(const Texts&... texts) noexcept {
    (glyphs::note(texts), ...);
}

}  // namespace

void note_glyphs(const core::ReportContent& c) noexcept {
    // Every free-text field (codes are ASCII and drawn as English labels).
    note_all(c.title, c.occurred_start, c.occurred_end, c.host_country, c.host_city, c.place, c.origin_country,
             c.demands_detail, c.narrative, c.narrative_language, c.translation, c.translation_language,
             c.translator, c.impact_detail);
    for (const auto& r : c.identifiers) note_all(r.channel, r.value);
    for (const auto& r : c.perpetrators) note_all(r.affiliation, r.names, r.description);
    for (const auto& r : c.relatives) note_all(r.relationship, r.location, r.what_happened, r.by_whom, r.how_known);
    for (const auto& r : c.witnesses) note_all(r.name, r.contact, r.statement);
    for (const auto& r : c.reported_to) note_all(r.authority, r.date, r.reference, r.outcome);
}

void note_glyphs(const core::ReportDetail& detail) noexcept {
    note_glyphs(detail.report.content);
    glyphs::note(detail.case_name);
    for (const auto& attachment : detail.attachments) glyphs::note(attachment.name);
    for (const auto& revision : detail.revisions) note_glyphs(revision.content);
}

}  // namespace fv::gui
