#include "fieldvault/core/annotations.h"
#include "fieldvault/core/i18n.h"

#include <algorithm>

#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/annotations.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

constexpr std::size_t kMaxText = 4u << 20;
constexpr std::size_t kMaxTranslator = 200;
constexpr std::size_t kMaxTag = 100;
constexpr std::size_t kMaxTags = 50;

[[noreturn]] void invalid(const std::string& why) { throw Error(ErrorKind::Invalid, tr_args("notes: {1}", {why})); }

void check_text(const std::string& text, std::size_t limit, const char* what) {
    if (!is_valid_utf8(text)) invalid(tr_args("{1} is not valid UTF-8 text", {what}));
    if (text.size() > limit) invalid(tr_args("{1} is too long", {what}));
    if (text.find('\0') != std::string::npos) invalid(tr_args("{1} holds a NUL character", {what}));
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Trimmed, empty ones dropped, each once (first place kept), checked.
std::vector<std::string> clean_tags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& raw : tags) {
        auto tag = trimmed(raw);
        if (tag.empty()) continue;
        check_text(tag, kMaxTag, "a tag");
        if (std::any_of(tag.begin(), tag.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == ','; }))
            invalid(tr("a tag cannot hold a comma or a control character"));
        if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
    }
    if (out.size() > kMaxTags) invalid(tr("at most 50 tags"));
    return out;
}

AnnotationRevision from_record(const storage::AnnotationRecord& r) {
    return AnnotationRevision{r.revision, r.created_at, Annotation{r.notes, r.tags, r.translation, r.translator}};
}

}  // namespace

std::optional<AnnotationRevision> AnnotationService::current(std::int64_t report_id) {
    const auto latest = storage::AnnotationRepository(session_.db()).latest(report_id);
    if (!latest) return std::nullopt;
    return from_record(*latest);
}

std::vector<AnnotationRevision> AnnotationService::history(std::int64_t report_id) {
    std::vector<AnnotationRevision> out;
    for (const auto& r : storage::AnnotationRepository(session_.db()).history(report_id)) out.push_back(from_record(r));
    return out;
}

AnnotationRevision AnnotationService::save(std::int64_t report_id, Annotation annotation) {
    check_text(annotation.notes, kMaxText, "the notes");
    check_text(annotation.translation, kMaxText, "the translation");
    check_text(annotation.translator, kMaxTranslator, "the translator's name");
    annotation.tags = clean_tags(annotation.tags);
    auto& db = session_.db();
    storage::Transaction tx(db);
    if (!storage::ReportRepository(db).get(report_id))
        throw Error(ErrorKind::NotFound, tr_args("no report {1}", {std::to_string(report_id)}));
    storage::AnnotationRepository notes(db);
    if (const auto latest = notes.latest(report_id)) {
        auto current = from_record(*latest);
        if (current.annotation == annotation) return current;  // nothing changed: no new revision
    }
    const auto now = now_seconds();
    storage::AnnotationRecord record{report_id, 0, annotation.notes, annotation.tags, annotation.translation,
                                     annotation.translator, now};
    const auto revision = notes.add(record);
    storage::AuditLog(db).append("annotate", "report:" + std::to_string(report_id),
                                 "the organisation's notes, revision " + std::to_string(revision), now);
    tx.commit();
    return AnnotationRevision{revision, now, std::move(annotation)};
}

}  // namespace fv::core
