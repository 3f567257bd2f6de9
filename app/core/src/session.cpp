#include "fieldvault/core/session.h"

#include <chrono>
#include <cstdlib>
#include <system_error>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/user_message.h"
#include "fieldvault/core/passphrase_strength.h"
#include "fieldvault/core/places.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"

namespace fv::core {

namespace fs = std::filesystem;

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

fs::path Session::default_vault_dir() {
    if (const char* env = std::getenv("FIELDVAULT_VAULT"); env != nullptr && *env != '\0') return env;
    auto dir = current_places().vault_dir;  // installed, plain name or portable: places.cpp decides
    if (dir.empty()) throw Error(ErrorKind::Usage, tr("no vault folder: give --vault DIR or set FIELDVAULT_VAULT"));
    return dir;
}

KdfParams kdf_params_for_new_keys() {
#if !FIELDVAULT_ALLOW_TEST_FAST_KDF
    return KdfParams::moderate();  // a shipped build: no variable can weaken a new vault
#endif
    const char* fast = std::getenv("FIELDVAULT_TEST_FAST_KDF");
    if (fast != nullptr && std::string_view(fast) == "1") return KdfParams::interactive();
    return KdfParams::moderate();
}

bool Session::vault_exists(const fs::path& dir) { return storage::Vault::exists(dir); }

namespace {

// Removes what a failed create left behind, but only if the folder was ours.
void remove_partial_vault(const fs::path& dir, bool folder_existed) {
    std::error_code ec;
    if (folder_existed) {
        fs::remove(dir / "vault.key", ec);
        fs::remove(dir / "vault.key.tmp", ec);
        fs::remove(dir / "vault.key.bak", ec);
        fs::remove(dir / "vault.key.bak.tmp", ec);
        fs::remove(dir / "vault.db", ec);
        fs::remove(dir / "vault.db-journal", ec);
        fs::remove(dir / "vault.anchor", ec);
    } else {
        fs::remove_all(dir, ec);
    }
}

}  // namespace

CreatedVault Session::create(const fs::path& dir, const SecretBuffer& passphrase, std::string_view name,
                             const KdfParams& params) {
    require_acceptable_passphrase(passphrase.reveal_text());
    const bool folder_existed = fs::exists(dir);
    auto created = storage::Vault::create(dir, passphrase, params);
    try {
        auto keys = crypto::IdentityKeys::generate();
        storage::IdentityRecord record;
        record.name = std::string(name);
        record.public_card = keys.pub.card();
        record.created_at = now_seconds();

        auto& db = created.vault->db();
        storage::Transaction tx(db);
        storage::IdentityRepository(db).store(record, keys.signing_secret.reveal(), keys.encryption_secret.reveal());
        storage::AuditLog(db).append("create_vault", "identity", "fingerprint " + keys.pub.fingerprint(),
                                     record.created_at);
        tx.commit();
        return CreatedVault{std::move(created.recovery_key_text), keys.pub.fingerprint(), record.public_card};
    } catch (...) {
        created.vault.reset();
        remove_partial_vault(dir, folder_existed);
        throw;
    }
}

namespace {

// The storage message, plus when the newest recorded entry was, in local time.
template <class Open>
std::unique_ptr<storage::Vault> open_telling_rollback(Open&& open) {
    try {
        return open();
    } catch (const RollbackError& e) {
        if (e.recorded_seq() <= 0) throw;
        throw RollbackError(tr_args("{1} Entry #{2} was recorded at {3}.",
                                    {user_message(e), std::to_string(e.recorded_seq()), format_local_time(e.recorded_at())}),
                            e.recorded_seq(), e.recorded_at());
    }
}

}  // namespace

std::unique_ptr<Session> Session::open(const fs::path& dir, const SecretBuffer& passphrase, UnlockOptions options) {
    return opened(dir, open_telling_rollback([&] {
                      return storage::Vault::open(dir, passphrase, {options.accept_rollback});
                  }),
                  false);
}

std::unique_ptr<Session> Session::open_with_recovery_key(const fs::path& dir, std::string_view recovery_key,
                                                         UnlockOptions options) {
    return opened(dir, open_telling_rollback([&] {
                      return storage::Vault::open_with_recovery_key(dir, recovery_key, {options.accept_rollback});
                  }),
                  true);
}

std::unique_ptr<Session> Session::opened(const fs::path& dir, std::unique_ptr<storage::Vault> vault,
                                         bool with_recovery_key) {
    const auto& found = vault->open_report();
    UnlockReport report;
    report.with_recovery_key = with_recovery_key;
    report.last_entry = found.last_seq;
    report.last_entry_at = found.last_at;
    report.rollback_accepted = found.rollback_accepted;
    report.recorded_entry = found.recorded_seq;
    report.files_quarantined = found.files_quarantined;
    report.files_restored = found.files_restored;
    if (found.rollback_accepted) {
        // The person's choice goes into the log (and so into the new anchor).
        const std::string detail = found.recorded_seq > 0
                                       ? "the newest entry recorded was #" + std::to_string(found.recorded_seq) +
                                             "; the database ends at #" + std::to_string(found.last_seq)
                                       : "the record of the last state was missing or damaged";
        const auto now = now_seconds();
        storage::AuditLog(vault->db()).append("accept_rollback", "vault", detail, now);
        report.last_entry = found.last_seq + 1;
        report.last_entry_at = now;
    }
    auto session = std::unique_ptr<Session>(new Session(dir, std::move(vault)));
    session->report_ = report;
    return session;
}

Session::Session(fs::path dir, std::unique_ptr<storage::Vault> vault) : dir_(std::move(dir)), vault_(std::move(vault)) {}

Session::~Session() = default;

void Session::change_passphrase(const SecretBuffer& new_passphrase, const KdfParams& params) {
    require_acceptable_passphrase(new_passphrase.reveal_text());
    // The log entry commits only once the header is replaced; if anything fails
    // the old header is put back, so an error leaves the vault as it was.
    vault().change_passphrase(new_passphrase, params, [](storage::Database& database) {
        storage::AuditLog(database).append("change_passphrase", "vault", "", now_seconds());
    });
}

std::string Session::rekey(const SecretBuffer& passphrase, const KdfParams& params) {
    return vault().rekey(passphrase, params, [](storage::Database& database) {
        storage::AuditLog(database).append("rekey", "vault", "new database key and recovery key", now_seconds());
    });
}

void Session::lock() noexcept { vault_.reset(); }

bool Session::locked() const noexcept { return vault_ == nullptr; }

storage::Vault& Session::vault() {
    if (!vault_) throw Error(ErrorKind::Invalid, tr("the vault is locked"));
    return *vault_;
}

storage::Database& Session::db() { return vault().db(); }

}  // namespace fv::core
