#include "report_document_builder.h"
#include "fieldvault/core/i18n.h"

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/custody.h"
#include "fieldvault/storage/report_json.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core::detail {

ReportDocument build_report_document(storage::Database& db, std::int64_t id, bool assign_uid) {
    storage::ReportRepository reports(db);
    const auto report = reports.get(id);
    if (!report) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
    ReportDocument doc;
    doc.status = report->status;
    doc.created_at = report->created_at;
    doc.updated_at = report->updated_at;
    doc.revision = report->revision;
    doc.content = report->content;
    if (report->case_id != 0) {
        if (auto c = storage::CaseRepository(db).get(report->case_id)) doc.case_name = c->name;
    }
    storage::CustodyRepository custody(db);
    if (assign_uid) doc.report_uid = custody.own_uid(id);
    else doc.report_uid = custody.uid_of(id).value_or(std::string(32, '0'));
    for (const auto& r : reports.revisions(id))
        doc.revisions.push_back(DocumentRevision{r.number, r.created_at, r.content_sha256});
    seal_revision_hash(doc);
    return doc;
}

void seal_revision_hash(ReportDocument& doc) {
    doc.revision_sha256 = crypto::to_hex(crypto::sha256(storage::canonical_report_json(doc.content)));
}

}  // namespace fv::core::detail
