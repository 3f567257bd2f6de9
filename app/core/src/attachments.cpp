#include "fieldvault/core/attachments.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>

#include "attachment_import.h"
#include "exclusive_file.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/text.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/parallel_hash.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {

namespace fs = std::filesystem;

void check_evidence_files(const std::vector<fs::path>& files) {
    for (const auto& file : files) detail::check_source_file(file);
}

namespace detail {

void check_source_file(const fs::path& file) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorKind::NotFound, tr_args("no such file: {1}", {file.string()}));
    if (fs::is_directory(status)) throw Error(ErrorKind::Invalid, tr_args("is a directory, not a file: {1}", {file.string()}));
    if (!fs::is_regular_file(status)) throw Error(ErrorKind::Invalid, tr_args("not a regular file: {1}", {file.string()}));
    std::ifstream probe(file, std::ios::binary);
    if (!probe) throw Error(ErrorKind::Io, tr_args("cannot read {1}: {2}", {file.string(), std::strerror(errno)}));
}

AttachmentRecord import_attachment(storage::Database& db, std::int64_t report_id, const fs::path& file,
                                   std::int64_t now, const AttachmentService::Progress& progress) {
    check_source_file(file);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, tr_args("cannot read {1}: {2}", {file.string(), std::strerror(errno)}));
    const auto total = static_cast<std::uint64_t>(fs::file_size(file));

    const auto report = storage::ReportRepository(db).get(report_id);
    if (!report) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(report_id)}));
    if (report->status == ReportStatus::Final)
        throw Error(ErrorKind::Invalid, tr_args("report {1} is final; evidence can no longer be added", {std::to_string(report_id)}));

    storage::AttachmentStore store(db);
    const auto name = sanitize_file_name(file.filename().string());
    const auto id = store.import(report_id, in, name, guess_media_type(file), now,
                                 [&](std::uint64_t done) { if (progress) progress(done, total); });
    if (in.bad()) throw Error(ErrorKind::Io, tr_args("reading {1} failed", {file.string()}));
    auto record = store.get(id);
    if (!record) throw Error(ErrorKind::Integrity, tr("attachment vanished while storing it"));
    storage::AuditLog(db).append("attach", "attachment:" + std::to_string(id),
                                 "report:" + std::to_string(report_id) + " sha256 " + record->sha256, now);
    return *record;
}

}  // namespace detail

AttachmentRecord AttachmentService::attach(std::int64_t report_id, const fs::path& file, const Progress& progress) {
    detail::check_source_file(file);  // before touching the database
    auto& db = session_.db();
    storage::Transaction tx(db);
    auto record = detail::import_attachment(db, report_id, file, now_seconds(), progress);
    tx.commit();
    return record;
}

AttachmentRecord AttachmentService::get(std::int64_t attachment_id) {
    auto record = storage::AttachmentStore(session_.db()).get(attachment_id);
    if (!record) throw Error(ErrorKind::NotFound, tr_args("no attachment with id {1}", {std::to_string(attachment_id)}));
    return *record;
}

namespace {

// The draft report an attachment belongs to; throws if it is final.
void require_draft_attachment(storage::Database& db, const AttachmentRecord& record, const char* refusal) {
    const auto report = storage::ReportRepository(db).get(record.report_id);
    if (!report) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(record.report_id)}));
    if (report->status != ReportStatus::Draft)
        throw Error(ErrorKind::Invalid, tr_args(refusal, {std::to_string(record.report_id)}));
}

}  // namespace

void AttachmentService::remove(std::int64_t attachment_id) {
    auto& db = session_.db();
    std::optional<fs::path> file;
    {
        storage::Transaction tx(db);
        const auto record = get(attachment_id);
        require_draft_attachment(db, record, FV_N_("report {1} is final: its evidence cannot be removed"));
        file = storage::AttachmentStore(db).remove(attachment_id);
        storage::AuditLog(db).append("attachment_remove", "attachment:" + std::to_string(attachment_id),
                                     "report:" + std::to_string(record.report_id) + " sha256 " + record.sha256,
                                     now_seconds());
        tx.commit();
    }
    // After the commit: a crash before this leaves a file no row names, which
    // the next unlock puts aside (and nobody can read without its key).
    std::error_code ignored;
    if (file) fs::remove(*file, ignored);
}

void AttachmentService::set_caption(std::int64_t attachment_id, std::string_view caption) {
    if (!is_valid_utf8(caption)) throw Error(ErrorKind::Invalid, tr("caption: not valid UTF-8 text"));
    if (caption.size() > 500) throw Error(ErrorKind::Invalid, tr("caption: too long (at most 500 bytes)"));
    for (const char c : caption)
        if (static_cast<unsigned char>(c) < 0x20) throw Error(ErrorKind::Invalid, tr("caption: one line, no control characters"));
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto record = get(attachment_id);
    require_draft_attachment(db, record, FV_N_("report {1} is final: its evidence cannot change"));
    storage::AttachmentStore(db).set_caption(attachment_id, caption);
    storage::AuditLog(db).append("attachment_caption", "attachment:" + std::to_string(attachment_id),
                                 caption.empty() ? "removed" : "set", now_seconds());
    tx.commit();
}

void AttachmentService::extract(std::int64_t attachment_id, const fs::path& out, const Progress& progress) {
    const auto record = get(attachment_id);
    // Written beside the destination, checked, then renamed without replacing:
    // a failed or interrupted extract never leaves a file under the final name.
    // The vault file's AEAD already authenticates every byte; the copy is also
    // hashed (on a second thread) and compared with the SHA-256 recorded at
    // import, so "verified" means what a court would check with sha256sum.
    auto& db = session_.db();
    // The audit entry commits just before the copy appears under its name
    // (as export's): the log may say more than left the vault, never less.
    storage::Transaction tx(db);
    detail::write_new_file(out, [&](std::ostream& file) {
        crypto::ParallelSha256 hash;
        std::uint64_t done = 0;
        storage::AttachmentStore(session_.db()).extract(attachment_id, [&](std::span<const std::uint8_t> bytes) {
            hash.update(bytes);
            file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
            if (!file) throw Error(ErrorKind::Io, tr("cannot write the extracted attachment"));
            done += bytes.size();
            if (progress) progress(done, record.size);
        });
        if (crypto::to_hex(hash.finish()) != record.sha256) {
            throw Error(ErrorKind::Integrity, tr_args("attachment {1} does not match its recorded SHA-256; no copy was written", {std::to_string(attachment_id)}));
        }
    }, [&] {
        storage::AuditLog(db).append("extract", "attachment:" + std::to_string(attachment_id),
                                     "to " + fs::absolute(out).string() + "; sha256 " + record.sha256, now_seconds());
        tx.commit();
    });
}

}  // namespace fv::core
