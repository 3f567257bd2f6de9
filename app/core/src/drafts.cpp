#include "fieldvault/core/drafts.h"

#include "fieldvault/crypto/random.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/draft_autosave.h"

namespace fv::core {
namespace {

KeptDraft from_record(storage::DraftRecord d) {
    return KeptDraft{std::move(d.key), d.report_id, std::move(d.case_name), std::move(d.content), d.saved_at};
}

}  // namespace

std::string DraftService::new_key() { return crypto::random_hex_id(16); }

void DraftService::keep(std::string_view key, std::int64_t report_id, const std::string& case_name,
                        const ReportContent& content) {
    storage::DraftRepository(session_.db())
        .put(storage::DraftRecord{std::string(key), report_id, case_name, content, now_seconds()});
}

std::vector<KeptDraft> DraftService::kept() {
    std::vector<KeptDraft> out;
    for (auto& d : storage::DraftRepository(session_.db()).list()) out.push_back(from_record(std::move(d)));
    return out;
}

std::optional<KeptDraft> DraftService::get(std::string_view key) {
    auto d = storage::DraftRepository(session_.db()).get(key);
    if (!d) return std::nullopt;
    return from_record(std::move(*d));
}

void DraftService::discard(std::string_view key) { storage::DraftRepository(session_.db()).remove(key); }

}  // namespace fv::core
