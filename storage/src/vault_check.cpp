// The whole-vault check (vault_check.h). Every step only reads: SELECTs and
// pragmas that report, the attachment reader, a directory listing. The one
// lock it takes (the write lock, while it compares blobs/ with the rows) is
// released by a rollback of a transaction that changed nothing.
#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "fieldvault/storage/vault_check.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <system_error>
#include <vector>

#include "blob_file.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"

namespace fv::storage {

namespace {

namespace fs = std::filesystem;

// Thrown from inside a step (a sink, a loop) when cancel was asked or the
// progress callback threw (`error`); not an fv::Error, so the per-step
// handlers that record damage let it through.
struct Stop {
    std::exception_ptr error;  // null: cancelled
};

struct AttachmentRow {
    std::int64_t id = 0;
    std::int64_t report_id = 0;
    std::string name;
    std::uint64_t size = 0;
    std::string sha256;
    std::optional<std::string> blob_file;  // nullopt: stored in attachment_chunks (schema v1-v2)
};

// While alive, SQLite calls back every few thousand VM steps, so a long
// integrity check stops soon after cancel is asked (SQLITE_INTERRUPT).
class InterruptWhenCancelled {
public:
    InterruptWhenCancelled(sqlite3* db, const std::function<bool()>& cancelled) : db_(db), cancelled_(cancelled) {
        if (cancelled_) sqlite3_progress_handler(db_, 4096, &on_progress, this);
    }
    ~InterruptWhenCancelled() {
        if (cancelled_) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    }
    InterruptWhenCancelled(const InterruptWhenCancelled&) = delete;
    InterruptWhenCancelled& operator=(const InterruptWhenCancelled&) = delete;

private:
    static int on_progress(void* self) noexcept {
        try {
            return static_cast<InterruptWhenCancelled*>(self)->cancelled_() ? 1 : 0;
        } catch (...) {
            return 1;
        }
    }
    sqlite3* db_;
    const std::function<bool()>& cancelled_;
};

class Checker {
public:
    Checker(Database& db, const VaultCheckControl& control) : db_(db), control_(control) {}

    VaultCheckResult run() {
        const auto attachments = list_attachments();
        measure_database();
        total_ = result_.database_pages * result_.page_size;
        for (const auto& a : attachments) total_ += a.size;
        report_progress();

        check_database();
        done_ = result_.database_pages * result_.page_size;
        report_progress();
        for (const auto& a : attachments) check_attachment(a);
        add_section(CheckSection::Attachments, true);
        check_audit_log();
        check_files();
        return std::move(result_);
    }

private:
    bool cancel_requested() const { return control_.cancelled && control_.cancelled(); }
    void stop_if_cancelled() const {
        if (cancel_requested()) throw Stop{};
    }
    void report_progress() {
        if (control_.progress) {
            try {
                control_.progress(done_, total_);
            } catch (...) {
                throw Stop{std::current_exception()};
            }
        }
        stop_if_cancelled();
    }
    void add(CheckFinding finding) { result_.findings.push_back(std::move(finding)); }
    void add_section(CheckSection section, bool ran, std::string why_skipped = {}) {
        result_.sections.push_back(CheckSectionResult{section, ran, std::move(why_skipped)});
    }

    std::vector<AttachmentRow> list_attachments() {
        std::vector<AttachmentRow> rows;
        try {
            auto stmt = db_.prepare("SELECT id, report_id, name, size, sha256, blob_file FROM attachments ORDER BY id");
            while (stmt.step()) {
                AttachmentRow row{stmt.column_int(0), stmt.column_int(1), stmt.column_text(2),
                                  static_cast<std::uint64_t>(stmt.column_int(3)), stmt.column_text(4), std::nullopt};
                if (!stmt.column_is_null(5)) row.blob_file = stmt.column_text(5);
                rows.push_back(std::move(row));
            }
        } catch (const Error& e) {
            CheckFinding finding;
            finding.kind = CheckFindingKind::AttachmentsUnreadable;
            finding.message = e.what();
            add(std::move(finding));
            attachments_listed_ = false;
        }
        return rows;
    }

    std::int64_t pragma_number(std::string_view pragma) {
        auto stmt = db_.prepare(pragma);
        return stmt.step() ? stmt.column_int(0) : 0;
    }

    // Sizes from page 1's header (read at every open): for the progress total
    // and the report. A failure here shows again in the integrity check.
    void measure_database() {
        try {
            const auto pages = pragma_number("PRAGMA page_count");
            const auto free_pages = pragma_number("PRAGMA freelist_count");
            result_.page_size = static_cast<std::uint32_t>(pragma_number("PRAGMA page_size"));
            result_.database_free_pages = static_cast<std::uint64_t>(free_pages);
            result_.database_pages = pages > free_pages ? static_cast<std::uint64_t>(pages - free_pages) : 0;
        } catch (const Error&) {
        }
    }

    // Each row a pragma returns, except a lone "ok", is a finding; an error
    // that stops the pragma (an unreadable page) is one too.
    void run_check_pragma(std::string_view pragma) {
        try {
            auto stmt = db_.prepare(pragma);
            std::vector<std::string> lines;
            while (stmt.step()) lines.push_back(stmt.column_text(0));
            if (lines.size() == 1 && lines.front() == "ok") return;
            for (auto& line : lines) {
                CheckFinding finding;
                finding.kind = CheckFindingKind::DatabaseDamaged;
                finding.message = std::move(line);
                add(std::move(finding));
            }
        } catch (const Error& e) {
            stop_if_cancelled();  // an interrupt by the progress handler is not damage
            CheckFinding finding;
            finding.kind = CheckFindingKind::DatabaseDamaged;
            finding.message = std::string("the check stopped at a page that cannot be read (altered or damaged: "
                                          "it does not decrypt or authenticate): ") +
                              e.what();
            add(std::move(finding));
        }
    }

    void check_database() {
        InterruptWhenCancelled interrupt(db_.handle(), control_.cancelled);
        // SQLCipher 4 checks every page's HMAC here, free-list pages too;
        // SQLCipher 3.4 does not know this pragma and returns no rows.
        run_check_pragma("PRAGMA cipher_integrity_check");
        // Walks every b-tree (tables, indexes, overflow chains): each page is
        // read, so decrypted and its HMAC checked. Free-list pages are not read.
        run_check_pragma("PRAGMA integrity_check");
        stop_if_cancelled();
        add_section(CheckSection::Database, true);
    }

    void check_attachment(const AttachmentRow& row) {
        stop_if_cancelled();
        CheckFinding finding;
        finding.attachment_id = row.id;
        finding.report_id = row.report_id;
        finding.attachment_name = row.name;
        finding.file_name = row.blob_file.value_or("");
        const std::uint64_t end = done_ + row.size;
        ++result_.attachments;
        result_.attachment_bytes += row.size;
        if (row.blob_file && detail::is_blob_file_name(*row.blob_file) && !blob_file_present(*row.blob_file)) {
            finding.kind = CheckFindingKind::AttachmentMissing;
            finding.message = "the attachment's file is not in the vault's blobs folder";
            add(std::move(finding));
        } else if (auto damage = read_attachment(row)) {
            finding.kind = CheckFindingKind::AttachmentDamaged;
            finding.message = std::move(*damage);
            add(std::move(finding));
        }
        done_ = end;  // also past what a damaged file did not deliver
        report_progress();
    }

    bool blob_file_present(const std::string& name) const {
        std::error_code ec;
        return fs::exists(fs::symlink_status(db_.blob_folder() / name, ec));
    }

    // The reader authenticates every chunk (a file) or checks size and SHA-256
    // (chunks of schema v1-v2); the bytes are hashed and dropped. Returns what
    // is wrong, or nullopt if the attachment is whole.
    std::optional<std::string> read_attachment(const AttachmentRow& row) {
        crypto::Sha256 hash;
        std::uint64_t read = 0;
        try {
            AttachmentStore(db_).extract(row.id, [&](std::span<const std::uint8_t> bytes) {
                hash.update(bytes);
                read += bytes.size();
                done_ += bytes.size();
                report_progress();
            });
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::NotFound) return std::nullopt;  // its row went while checking
            return std::string(e.what());
        }
        if (read != row.size) return std::string("the attachment is not its recorded size");
        if (crypto::to_hex(hash.finish()) != row.sha256)
            return std::string("the attachment does not match its recorded SHA-256");
        return std::nullopt;
    }

    void check_audit_log() {
        stop_if_cancelled();
        try {
            AuditLog log(db_);
            result_.audit_entries = static_cast<std::size_t>(pragma_number("SELECT count(*) FROM audit_log"));
            if (const auto bad = log.verify()) {
                CheckFinding finding;
                finding.kind = CheckFindingKind::AuditChainBroken;
                finding.audit_seq = *bad;
                finding.message = "the audit log's hash chain breaks at this entry";
                auto entry = db_.prepare("SELECT action, at FROM audit_log WHERE seq = ?");
                entry.bind(1, *bad);
                if (entry.step()) {
                    finding.audit_action = entry.column_text(0);
                    finding.audit_at = entry.column_int(1);
                }
                add(std::move(finding));
            }
        } catch (const Error& e) {
            CheckFinding finding;
            finding.kind = CheckFindingKind::AuditUnreadable;
            finding.message = e.what();
            add(std::move(finding));
        }
        add_section(CheckSection::AuditLog, true);
    }

    // Files of blobs/ that no row names. Under the write lock, as the sweep at
    // open: a file another program is writing is named by a row of its open
    // transaction, which this lock waits for (or, busy, the part is skipped).
    void check_files() {
        stop_if_cancelled();
        if (!attachments_listed_) {
            add_section(CheckSection::Files, false, "the list of attachments could not be read");
            return;
        }
        std::optional<Transaction> write_lock;
        try {
            write_lock.emplace(db_);
        } catch (const Error&) {
            add_section(CheckSection::Files, false, "another program is writing to the vault");
            return;
        }
        std::set<std::string> named;
        try {
            auto stmt = db_.prepare("SELECT blob_file FROM attachments WHERE blob_file IS NOT NULL");
            while (stmt.step()) named.insert(stmt.column_text(0));
        } catch (const Error&) {
            add_section(CheckSection::Files, false, "the list of attachments could not be read");
            return;
        }
        std::vector<std::string> unreferenced;
        std::error_code ec;
        for (auto it = fs::directory_iterator(db_.blob_folder(), ec); !ec && it != fs::directory_iterator();
             it.increment(ec)) {
            const auto name = it->path().filename().string();
            if (!detail::is_blob_file_name(name)) continue;
            ++result_.blob_files;
            if (!named.contains(name)) unreferenced.push_back(name);
        }
        if (ec) {
            add_section(CheckSection::Files, false, "the blobs folder could not be listed: " + ec.message());
            return;
        }
        std::sort(unreferenced.begin(), unreferenced.end());
        for (auto& name : unreferenced) {
            CheckFinding finding;
            finding.kind = CheckFindingKind::UnreferencedFile;
            finding.file_name = std::move(name);
            finding.message = "no attachment names this file (left as it is)";
            add(std::move(finding));
        }
        add_section(CheckSection::Files, true);
    }

    Database& db_;
    const VaultCheckControl& control_;
    VaultCheckResult result_;
    std::uint64_t done_ = 0;
    std::uint64_t total_ = 0;
    bool attachments_listed_ = true;
};

}  // namespace

VaultCheckResult check_vault(Database& db, const VaultCheckControl& control) {
    (void)db.blob_folder();  // throws fv::Error(Invalid) before any work if there is none
    try {
        return Checker(db, control).run();
    } catch (const Stop& stop) {
        if (stop.error) std::rethrow_exception(stop.error);
        throw Error(ErrorKind::Invalid, "cancelled");
    }
}

}  // namespace fv::storage
