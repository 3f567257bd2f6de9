#include "models/content_wipe.h"

#include "views/view.h"

namespace fv::gui {
namespace {

void wipe_codes(std::vector<std::string>& codes) noexcept {
    for (auto& code : codes) wipe_string(code);
    codes.clear();
}

template <class Row>
void wipe_rows(std::vector<Row>& rows) noexcept {
    for (auto& row : rows) wipe_row(row);
    rows.clear();
}

}  // namespace

void wipe_row(core::Identifier& row) noexcept {
    wipe_string(row.channel);
    wipe_string(row.value);
}

void wipe_row(core::Perpetrator& row) noexcept {
    wipe_string(row.affiliation);
    wipe_string(row.names);
    wipe_string(row.description);
}

void wipe_row(core::RelativePressured& row) noexcept {
    for (std::string* text : {&row.relationship, &row.location, &row.what_happened, &row.by_whom, &row.how_known})
        wipe_string(*text);
}

void wipe_row(core::Witness& row) noexcept {
    wipe_string(row.name);
    wipe_string(row.contact);
    wipe_string(row.statement);
}

void wipe_row(core::ReportedTo& row) noexcept {
    for (std::string* text : {&row.authority, &row.date, &row.reference, &row.outcome}) wipe_string(*text);
}

void wipe_content(core::ReportContent& content) noexcept {
    for (std::string* text :
         {&content.title, &content.occurred_start, &content.occurred_end, &content.date_precision,
          &content.host_country, &content.host_city, &content.place, &content.origin_country,
          &content.demands_detail, &content.narrative, &content.narrative_language, &content.translation,
          &content.translation_language, &content.translator, &content.impact_detail, &content.risk_level})
        wipe_string(*text);
    wipe_codes(content.tactics);
    wipe_codes(content.channels);
    wipe_codes(content.demands);
    wipe_codes(content.impacts);
    wipe_codes(content.sensitive_fields);
    wipe_rows(content.identifiers);
    wipe_rows(content.perpetrators);
    wipe_rows(content.relatives);
    wipe_rows(content.witnesses);
    wipe_rows(content.reported_to);
    content = core::ReportContent{};
}

void wipe_detail(core::ReportDetail& detail) noexcept {
    wipe_content(detail.report.content);
    wipe_string(detail.case_name);
    for (auto& attachment : detail.attachments) {
        wipe_string(attachment.name);
        wipe_string(attachment.media_type);
        wipe_string(attachment.sha256);
    }
    detail.attachments.clear();
    for (auto& revision : detail.revisions) wipe_content(revision.content);
    detail.revisions.clear();
}

}  // namespace fv::gui
