#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "fieldvault/storage/vault.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>

#include "fieldvault/crypto/aead.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"
#include "fieldvault/crypto/recovery_key.h"
#include "fieldvault/storage/migrations.h"
#include "blob_file.h"
#include "file_io.h"
#include "freshness_anchor.h"
#include "key_header.h"
#include "key_header_store.h"
#include "vault_internal.h"
#include "vault_rekey.h"
#include "sqlite_error.h"
#include "sqlite_memory.h"
#include "vfs_seam.h"

namespace fv::storage {

namespace fs = std::filesystem;
using detail::KeyHeader;
using detail::SlotType;

namespace detail {

// A plain SQLite database starts with this; an SQLCipher one starts with random salt.
constexpr std::string_view kPlainSqliteMagic{"SQLite format 3\0", 16};

// "x'<64 hex>'": SQLCipher's raw-key form, which skips its own KDF. Built in a
// SecretBuffer and handed to sqlite3_key (not spliced into SQL text, which SQLite
// would copy into memory it does not wipe).
crypto::SecretBuffer raw_key_spec(const crypto::SecretBuffer& key) {
    static constexpr char kHex[] = "0123456789abcdef";
    crypto::SecretBuffer spec(3 + 2 * key.size());
    auto out = spec.mutable_bytes();
    const auto in = key.reveal();
    out[0] = 'x';
    out[1] = '\'';
    for (std::size_t i = 0; i < in.size(); ++i) {
        out[2 + 2 * i] = static_cast<std::uint8_t>(kHex[in[i] >> 4]);
        out[3 + 2 * i] = static_cast<std::uint8_t>(kHex[in[i] & 0x0f]);
    }
    out[out.size() - 1] = '\'';
    return spec;
}

// The attachment files' folder: made with the vault, or on the first open of
// a vault from before schema v3. Its files are only useful with the database.
void prepare_blob_folder(Database& db, const fs::path& dir) {
    const auto folder = dir / kBlobFolder;
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        throw Error(ErrorKind::Io, std::string("cannot create the attachment folder: ") + std::strerror(errno));
    }
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(folder, ec))) {
        throw Error(ErrorKind::Integrity, "the vault's attachment folder \"blobs\" is not a folder");
    }
    db.set_blob_folder(folder);
}

void apply_cipher_settings(Database& db, const detail::CipherSettings& c) {
    // Values were validated against a whitelist when the header was parsed.
    // SQLCipher 3.4 ignores the two *_algorithm pragmas (its only choice is
    // SHA1); SQLCipher 4 needs them to read a 3.x-style database.
    db.exec("PRAGMA cipher = '" + c.cipher + "'");
    db.exec("PRAGMA cipher_page_size = " + std::to_string(c.page_size));
    db.exec("PRAGMA kdf_iter = " + std::to_string(c.kdf_iter));
    db.exec("PRAGMA fast_kdf_iter = " + std::to_string(c.fast_kdf_iter));
    db.exec(std::string("PRAGMA cipher_use_hmac = ") + (c.use_hmac ? "ON" : "OFF"));
    db.exec("PRAGMA cipher_hmac_algorithm = " + c.hmac_algorithm);
    db.exec("PRAGMA cipher_kdf_algorithm = " + c.kdf_algorithm);
}

std::unique_ptr<Database> open_database(const fs::path& path, const crypto::SecretBuffer& key,
                                        const detail::CipherSettings& cipher) {
    detail::install_wiping_sqlite_allocator();
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX,
                                   detail::vfs_for_open());
    if (rc != SQLITE_OK) {
        if (raw == nullptr) throw Error(ErrorKind::Io, "cannot open the vault database: out of memory");
        Database closer(raw);
        detail::throw_sqlite_error(raw, rc, "cannot open the vault database");
    }
    auto db = std::make_unique<Database>(raw);
    {
        const auto spec = raw_key_spec(key);
        const int key_rc = sqlite3_key(raw, spec.reveal().data(), static_cast<int>(spec.size()));
        if (key_rc != SQLITE_OK) detail::throw_sqlite_error(raw, key_rc, "cannot key the vault database");
    }
    apply_cipher_settings(*db, cipher);
    try {
        // The first read decrypts page 1. The key came out of an authenticated
        // slot, so a failure here is a damaged database, not a wrong passphrase.
        auto probe = db->prepare("SELECT count(*) FROM sqlite_master");
        probe.step();
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Io) throw;
        throw Error(ErrorKind::Integrity, "the vault database is corrupted or does not belong to this key header");
    }
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA temp_store = MEMORY");
    db->exec("PRAGMA secure_delete = ON");
    // 32 MiB of page cache (SQLite's default is 2,000 KiB): enough to keep the
    // pages a list or a broad search reads (report_summaries and its indexes,
    // ~14 MB at 100,000 reports, plus the doclists of common terms) decrypted
    // between queries, so only the first one pays SQLCipher's decrypt and HMAC.
    // Memory, not disk: the cache is freed when the vault closes.
    db->exec("PRAGMA cache_size = -32768");
    // A rollback journal keeps the vault to its two files when closed, and a large
    // attachment import appends pages without journaling them.
    db->exec("PRAGMA journal_mode = DELETE");
    db->exec("PRAGMA synchronous = FULL");
    return db;
}

void check_database_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw Error(ErrorKind::Integrity, "the vault database is missing");
    const std::string prefix = detail::read_file_prefix(path, kPlainSqliteMagic.size());
    if (prefix.size() < kPlainSqliteMagic.size()) {
        throw Error(ErrorKind::Integrity, "the vault database is empty or truncated");
    }
    if (prefix == kPlainSqliteMagic) throw Error(ErrorKind::Integrity, "the vault database is not encrypted");
}

crypto::SecretBuffer unwrap(const crypto::SecretBuffer& slot_key, const KeyHeader& header, SlotType slot,
                            std::string_view wrong_message) {
    const auto& sealed = slot == SlotType::Passphrase ? header.passphrase_slot : header.recovery_slot;
    const auto ad = detail::slot_associated_data(header, slot);
    try {
        auto key = crypto::open_secret(slot_key, sealed, ad);
        if (key.size() != kDbKeySize) throw Error(ErrorKind::Integrity, "corrupted key header");
        return key;
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Unlock) throw Error(ErrorKind::Unlock, std::string(wrong_message));
        throw;
    }
}

std::vector<std::uint8_t> wrap_with_passphrase(KeyHeader& header, const crypto::SecretBuffer& db_key,
                                               const crypto::SecretBuffer& passphrase,
                                               const crypto::KdfParams& params) {
    if (!params.within_bounds()) throw Error(ErrorKind::Invalid, "Argon2id parameters out of bounds");
    if (passphrase.empty()) throw Error(ErrorKind::Invalid, "the passphrase is empty");
    header.kdf = params;
    crypto::random_bytes(header.salt);
    const auto slot_key = crypto::derive_key(passphrase, header.salt, header.kdf);
    return crypto::seal_secret(slot_key, db_key, detail::slot_associated_data(header, SlotType::Passphrase));
}

struct Unwrapped {
    std::size_t index;
    crypto::SecretBuffer key;
};

// Tries each copy of the header in turn (primary first). Only a wrong
// passphrase/key moves on to the next copy; the first Unlock error is the one
// reported, and any other error is thrown as it is.
template <class UnwrapOne>
Unwrapped unwrap_first(const detail::HeaderCopies& copies, UnwrapOne&& unwrap_one) {
    std::optional<Error> first_unlock;
    for (std::size_t i = 0; i < copies.candidates.size(); ++i) {
        try {
            return Unwrapped{i, unwrap_one(copies.candidates[i].header)};
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Unlock) throw;
            if (!first_unlock) first_unlock = e;
        }
    }
    throw *first_unlock;
}

}  // namespace detail

using namespace detail;


Vault::Vault(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Vault::~Vault() {
    if (impl_) {
        impl_->db.reset();  // close before the keys go
        impl_->db_key.wipe();
        impl_->anchor_key.wipe();
        detail::scrub_stack();
    }
}

bool Vault::exists(const fs::path& dir) { return detail::header_present(dir); }

Vault::HeaderStatus Vault::header_status(const fs::path& dir) {
    const auto copies = detail::read_header_copies(dir);
    HeaderStatus status;
    status.recovery_slot = !copies.candidates.empty() && !copies.candidates.front().header.recovery_slot.empty();
    status.copies_agree = !copies.primary_bytes.empty() && copies.primary_bytes == copies.backup_bytes;
    return status;
}

Vault::Created Vault::create(const fs::path& dir, const crypto::SecretBuffer& passphrase,
                             const crypto::KdfParams& params) {
    if (dir.empty()) throw Error(ErrorKind::Invalid, "no vault folder given");
    std::error_code ec;
    bool created_dir = false;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::Invalid, "the vault path is not a folder");
        if (exists(dir)) throw Error(ErrorKind::Invalid, "a vault already exists in this folder");
        if (!fs::is_empty(dir, ec) || ec) throw Error(ErrorKind::Invalid, "the vault folder is not empty");
    } else {
        if (dir.has_parent_path()) {
            fs::create_directories(dir.parent_path(), ec);
            if (ec) throw Error(ErrorKind::Io, "cannot create the vault folder: " + ec.message());
        }
        if (::mkdir(dir.c_str(), 0700) != 0) {
            throw Error(ErrorKind::Io, std::string("cannot create the vault folder: ") + std::strerror(errno));
        }
        created_dir = true;
    }
    if (::chmod(dir.c_str(), 0700) != 0) {
        throw Error(ErrorKind::Io, std::string("cannot protect the vault folder: ") + std::strerror(errno));
    }

    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    try {
        impl->db_key = crypto::SecretBuffer(kDbKeySize);
        crypto::random_bytes(impl->db_key.mutable_bytes());
        auto recovery = crypto::RecoveryKey::generate();
        impl->header.passphrase_slot = wrap_with_passphrase(impl->header, impl->db_key, passphrase, params);
        impl->header.recovery_slot = crypto::seal_secret(
            recovery.key, impl->db_key, detail::slot_associated_data(impl->header, SlotType::Recovery));

        detail::create_private_file(dir / kDbFile);
        impl->db = open_database(dir / kDbFile, impl->db_key, impl->header.cipher);
        migrate(*impl->db);
        prepare_blob_folder(*impl->db, dir);
        auto freshness = detail::check_freshness(dir, *impl->db, false);
        impl->anchor_key = std::move(freshness.key);
        impl->report.anchor_created = true;
        // The header goes last (backup, then primary): its presence is what makes
        // the folder a vault.
        detail::write_header_copies(dir, detail::serialize_key_header(impl->header));

        Created created{std::unique_ptr<Vault>(new Vault(std::move(impl))), std::move(recovery.text)};
        created.vault->follow_audit_head();
        return created;
    } catch (...) {
        if (impl) impl->db.reset();
        for (const char* name : {"blobs", "vault.anchor", "vault.db", "vault.db-journal", "vault.key.tmp", "vault.key", "vault.key.bak.tmp",
                                 "vault.key.bak"}) {
            fs::remove(dir / name, ec);
        }
        if (created_dir) fs::remove(dir, ec);
        throw;
    }
}

std::unique_ptr<Vault> Vault::open(const fs::path& dir, const crypto::SecretBuffer& passphrase, OpenOptions options) {
    auto copies = detail::read_header_copies(dir);
    check_database_file(dir / kDbFile);  // before the slow KDF: refuse a swapped-in plain database early
    auto unwrapped = unwrap_first(copies, [&](const KeyHeader& header) {
        const auto slot_key = crypto::derive_key(passphrase, header.salt, header.kdf);
        return unwrap(slot_key, header, SlotType::Passphrase, "wrong passphrase");
    });
    return open_unwrapped(dir, copies, unwrapped.index, std::move(unwrapped.key), options);
}

std::unique_ptr<Vault> Vault::open_with_recovery_key(const fs::path& dir, std::string_view recovery_key,
                                                     OpenOptions options) {
    auto copies = detail::read_header_copies(dir);
    check_database_file(dir / kDbFile);
    crypto::SecretBuffer slot_key;
    try {
        slot_key = crypto::RecoveryKey::parse(recovery_key);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Invalid) throw;
        throw Error(ErrorKind::Unlock, e.what());  // already says "invalid recovery key: <why>"
    }
    auto unwrapped = unwrap_first(copies, [&](const KeyHeader& header) {
        return unwrap(slot_key, header, SlotType::Recovery, "wrong recovery key");
    });
    return open_unwrapped(dir, copies, unwrapped.index, std::move(unwrapped.key), options);
}

std::unique_ptr<Vault> Vault::open_unwrapped(const fs::path& dir, detail::HeaderCopies& copies, std::size_t chosen,
                                             crypto::SecretBuffer db_key, OpenOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->db_key = std::move(db_key);
    impl->dir = dir;
    impl->header = copies.candidates[chosen].header;
    impl->db = open_settling_rekey(dir, impl->db_key, impl->header.cipher);
    // Freshness first, before the migrations write to the database and before
    // any housekeeping: an older copy put back is refused as it was found (and
    // the sweep would take the newer attachment files for orphans).
    std::optional<detail::FreshnessCheck> checked;
    if (storage::schema_version(*impl->db) >= detail::kFirstAnchoredSchema)
        checked = detail::check_freshness(dir, *impl->db, options.accept_rollback);
    else
        detail::refuse_pre_anchor_copy(dir, options.accept_rollback);
    migrate(*impl->db);
    prepare_blob_folder(*impl->db, dir);
    auto freshness = checked ? std::move(*checked) : detail::check_freshness(dir, *impl->db, options.accept_rollback);
    impl->anchor_key = std::move(freshness.key);
    auto& report = impl->report;
    report.anchor_created = freshness.created;
    report.rollback_accepted = freshness.rollback_accepted;
    report.recorded_seq = freshness.recorded_seq;
    report.last_seq = freshness.head.seq;
    report.last_at = freshness.head.at;
    const auto sweep = detail::quarantine_orphan_blobs(*impl->db, dir / kQuarantineFolder);
    report.files_quarantined = sweep.quarantined;
    report.files_restored = sweep.restored;
    // Only now, with the key proven against the database, is the copy that
    // opened it trusted enough to overwrite the other one.
    detail::repair_header_copies(dir, copies, copies.candidates[chosen].bytes);
    auto vault = std::unique_ptr<Vault>(new Vault(std::move(impl)));
    vault->follow_audit_head();
    return vault;
}

void Vault::follow_audit_head() {
    // The listener lives in the database, which Impl closes before the keys go.
    Impl* impl = impl_.get();
    impl->db->set_audit_commit_listener(
        [impl] { detail::write_anchor(impl->dir, *impl->db, impl->anchor_key); });
}

void Vault::change_passphrase(const crypto::SecretBuffer& new_passphrase, const crypto::KdfParams& params) {
    change_passphrase(new_passphrase, params, {});
}

void Vault::change_passphrase(const crypto::SecretBuffer& new_passphrase, const crypto::KdfParams& params,
                              const std::function<void(Database&)>& record) {
    KeyHeader next = impl_->header;
    next.passphrase_slot = wrap_with_passphrase(next, impl_->db_key, new_passphrase, params);
    const std::string next_bytes = detail::serialize_key_header(next);
    const std::string old_bytes = detail::serialize_key_header(impl_->header);
    std::optional<Transaction> tx;
    if (record) {
        tx.emplace(*impl_->db);
        record(*impl_->db);  // a failure here has changed nothing yet
    }
    try {
        detail::write_header_copies(impl_->dir, next_bytes);
        if (tx) tx->commit();
    } catch (...) {
        // Put the old header back, so that a failed change leaves the vault as it
        // was. If that fails too, the new header (whose record was not committed)
        // still opens: the old or the new passphrase works, never neither.
        try {
            detail::write_header_copies(impl_->dir, old_bytes);
        } catch (const Error&) {
        }
        throw;
    }
    impl_->header = std::move(next);
}

Database& Vault::db() { return *impl_->db; }

const fs::path& Vault::dir() const noexcept { return impl_->dir; }

int Vault::schema_version() const { return storage::schema_version(*impl_->db); }

const Vault::OpenReport& Vault::open_report() const noexcept { return impl_->report; }

std::string Vault::freshness_problem() { return detail::freshness_problem(impl_->dir, *impl_->db, impl_->anchor_key); }

}  // namespace fv::storage
