#include "fieldvault/core/drafts.h"

#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/draft_autosave.h"

namespace fv::core {

void DraftService::keep(std::int64_t report_id, const std::string& case_name, const ReportContent& content) {
    storage::DraftRepository(session_.db()).put(storage::DraftRecord{report_id, case_name, content, now_seconds()});
}

std::optional<KeptDraft> DraftService::kept() {
    storage::DraftRepository drafts(session_.db());
    try {
        auto d = drafts.get();
        if (!d) return std::nullopt;
        return KeptDraft{d->report_id, std::move(d->case_name), std::move(d->content), d->saved_at};
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Integrity) throw;
        drafts.clear();
        return std::nullopt;
    }
}

void DraftService::discard() { storage::DraftRepository(session_.db()).clear(); }

}  // namespace fv::core
