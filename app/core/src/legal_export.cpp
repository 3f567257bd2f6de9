#include "fieldvault/core/legal_export.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "fieldvault/core/custody.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/proofs.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/parallel_hash.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"
#include "legal_record.h"
#include "output_files.h"
#include "record_pdf.h"
#include "report_document_builder.h"

namespace fv::core {

namespace fs = std::filesystem;

namespace {

std::vector<std::int64_t> select_reports(Session& session, const LegalExportRequest& request) {
    auto& db = session.db();
    storage::ReportRepository reports(db);
    std::vector<std::int64_t> ids;
    switch (request.scope) {
        case LegalExportRequest::Scope::Reports:
            for (const auto id : request.report_ids) {
                if (!reports.get(id)) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
                ids.push_back(id);
            }
            break;
        case LegalExportRequest::Scope::Case: {
            const auto found = storage::CaseRepository(db).find_by_name(request.case_name);
            if (!found) throw Error(ErrorKind::NotFound, tr_args("no case named '{1}'", {request.case_name}));
            for (const auto& s : reports.list(found->id)) ids.push_back(s.id);
            break;
        }
        case LegalExportRequest::Scope::Source:
            ids = SourceService(session).get(request.source_name).report_ids;
            break;
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) throw Error(ErrorKind::Invalid, tr("nothing to export: no report selected"));
    return ids;
}

// The destination must be new or an empty folder; the work happens in a
// hidden folder beside it.
fs::path make_staging_folder(const fs::path& out) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(out, ec))) {
        if (!fs::is_directory(fs::symlink_status(out, ec)))
            throw Error(ErrorKind::Invalid, tr_args("{1} exists and is not a folder; choose a new or empty folder", {out.string()}));
        if (!fs::is_empty(out, ec))
            throw Error(ErrorKind::Invalid, tr_args("{1} is not empty; choose a new or empty folder (nothing was written)", {out.string()}));
    }
    auto parent = fs::absolute(out).parent_path();
    if (!fs::is_directory(parent, ec)) throw Error(ErrorKind::NotFound, tr_args("no such folder: {1}", {parent.string()}));
    std::string pattern = (parent / ".legal-export-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw Error(ErrorKind::Io, tr_args("cannot create a folder in {1}: {2}", {parent.string(), std::strerror(errno)}));
    return pattern;
}

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Writes each attachment of the chosen reports into evidence/, checking each
// copy against the SHA-256 recorded when it entered the vault.
std::vector<detail::EvidenceFile> write_evidence(storage::Database& db, const std::vector<std::int64_t>& ids,
                                                 const fs::path& folder, const std::function<void()>& step) {
    detail::make_new_folder(folder);
    std::vector<detail::EvidenceFile> files;
    storage::AttachmentStore store(db);
    std::string sums;
    for (const auto id : ids) {
        const auto captions = store.captions_for_report(id);
        for (const auto& a : store.list_for_report(id)) {
            detail::EvidenceFile f;
            f.report_id = id;
            f.attachment = a;
            if (const auto caption = captions.find(a.id); caption != captions.end()) f.attachment.caption = caption->second;
            f.file_name = std::to_string(id) + "-" + std::to_string(a.id) + "-" + sanitize_file_name(a.name);
            crypto::ParallelSha256 hash;
            detail::write_output_file(folder / f.file_name, [&](const auto& write) {
                store.extract(a.id, [&](std::span<const std::uint8_t> bytes) {
                    hash.update(bytes);
                    write({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
                });
            });
            if (crypto::to_hex(hash.finish()) != a.sha256)
                throw Error(ErrorKind::Integrity, tr_args("attachment {1} does not match its recorded SHA-256; the export stopped", {std::to_string(a.id)}));
            sums += a.sha256 + "  " + f.file_name + "\n";
            files.push_back(std::move(f));
            step();
        }
    }
    detail::write_output_file(folder / "SHA256SUMS", sums);
    return files;
}

}  // namespace

LegalExportResult LegalExportService::run(const LegalExportRequest& request, const Progress& progress) {
    auto& db = session_.db();
    const auto ids = select_reports(session_, request);
    std::size_t files_total = 0;
    for (const auto id : ids) files_total += storage::AttachmentStore(db).list_for_report(id).size();
    const std::uint64_t total = files_total + ids.size() + 1;
    std::uint64_t done = 0;
    auto step = [&] {
        ++done;
        if (progress) progress(done, total);
    };

    const auto now = now_seconds();
    storage::Transaction tx(db);  // own reports get their stable id; the audit entry
    const auto staging = make_staging_folder(request.out);
    try {
        ::chmod(staging.c_str(), 0700);
        const auto evidence = write_evidence(db, ids, staging / "evidence", step);

        std::vector<detail::LegalReport> reports;
        for (const auto id : ids) reports.push_back(detail::gather_legal_report(session_, id, evidence));

        detail::write_output_file(staging / "reports.json", detail::reports_json(reports));
        detail::write_output_file(staging / "reports.csv", detail::reports_csv(reports));

        detail::make_new_folder(staging / "proofs");
        std::set<std::string> bundles, uids;
        for (const auto& r : reports) uids.insert(r.document.report_uid);
        for (const auto& r : reports)
            for (const auto& b : r.proof_bundles)
                if (bundles.insert(b).second) write_bundle_proof(session_, b, staging / "proofs", uids);

        const auto me = IdentityService(session_).own();
        auto record = detail::legal_record(reports, request, me, now, bundles.size());
        detail::write_record_pdf(record, staging / "record.pdf",
                                 [&](std::size_t, std::size_t) { /* per section; counted below */ });
        for (std::size_t i = 0; i < ids.size(); ++i) step();
        detail::write_output_file(staging / "HOW-TO-CHECK.txt", detail::how_to_check_text(record));

        LegalExportResult result;
        result.out = request.out;
        result.report_ids = ids;
        result.evidence_files = evidence.size();
        for (const auto& r : reports)
            if (r.proof_bundles.empty()) result.unsigned_evidence_files += r.files.size();
        result.proofs = bundles.size();
        result.record_sha256 = detail::sha256_of_file(staging / "record.pdf");
        result.sums_sha256 = detail::sha256_of_file(staging / "evidence" / "SHA256SUMS");

        std::string list;
        for (const auto id : ids) list += (list.empty() ? "report:" : ",report:") + std::to_string(id);
        storage::AuditLog(db).append("legal_export", "folder:" + fs::absolute(request.out).filename().string(),
                                     "to " + fs::absolute(request.out).string() + "; reports " + list +
                                         "; evidence files " + std::to_string(result.evidence_files) + "; proofs " +
                                         std::to_string(result.proofs) + "; record.pdf sha256 " +
                                         result.record_sha256 + "; SHA256SUMS sha256 " + result.sums_sha256,
                                     now);
        sync_folder(staging);
        // The log may say more than left the vault, never less: commit, then
        // rename (over an empty destination folder, which rename replaces).
        tx.commit();
        if (::rename(staging.c_str(), fs::absolute(request.out).c_str()) != 0) {
            const auto why = std::string(std::strerror(errno));
            throw Error(ErrorKind::Io, tr_args("cannot move the finished record to {1}: {2}", {request.out.string(), why}));
        }
        sync_folder(fs::absolute(request.out).parent_path());
        // The last step is reported, but nothing may unwind now: the record is in place and logged.
        try {
            step();
        } catch (...) {
        }
        return result;
    } catch (...) {
        std::error_code ec;
        fs::remove_all(staging, ec);
        throw;
    }
}

}  // namespace fv::core
