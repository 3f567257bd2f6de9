#include <gtest/gtest.h>

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>
#include <sys/stat.h>

#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "test_support.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;
using test::fast_params;
using test::secret;

ErrorKind open_error(const fs::path& dir, std::string_view passphrase) {
    try {
        (void)Vault::open(dir, secret(passphrase));
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "vault opened";
    return ErrorKind::Usage;
}

// Both copies of the key header (vault.key and vault.key.bak) get the same bytes.
void write_both_headers(const fs::path& dir, std::string_view bytes) {
    test::write_file(dir / "vault.key", bytes);
    test::write_file(dir / "vault.key.bak", bytes);
}

// Every file under `dir` (relative path -> bytes), folders by name alone.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const auto name = fs::relative(entry.path(), dir).string();
        files[name] = entry.is_directory() ? "(folder)" : test::read_file(entry.path());
    }
    return files;
}

class VaultTest : public ::testing::Test {
protected:
    test::TempDir tmp;
    fs::path dir = tmp.path() / "vault";

    std::string create() {
        auto created = Vault::create(dir, secret("correct horse"), fast_params());
        return created.recovery_key_text;
    }
};

TEST_F(VaultTest, CreateOpenClose) {
    EXPECT_FALSE(Vault::exists(dir));
    auto created = Vault::create(dir, secret("correct horse"), fast_params());
    EXPECT_FALSE(created.recovery_key_text.empty());
    EXPECT_EQ(created.vault->schema_version(), latest_schema_version());
    CaseRepository(created.vault->db()).find_or_create("first case", 1);
    created.vault.reset();
    EXPECT_TRUE(Vault::exists(dir));
    auto vault = Vault::open(dir, secret("correct horse"));
    EXPECT_EQ(vault->dir(), dir);
    ASSERT_TRUE(CaseRepository(vault->db()).find_by_name("first case"));
}

TEST_F(VaultTest, FolderAndFilesArePrivate) {
    create();
    struct stat st {};
    ASSERT_EQ(::stat(dir.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    for (const char* name : {"vault.key", "vault.key.bak", "vault.db", "vault.anchor"}) {
        ASSERT_EQ(::stat((dir / name).c_str(), &st), 0) << name;
        EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
    }
    ASSERT_EQ(::stat((dir / "blobs").c_str(), &st), 0);
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    // Closed, the vault is exactly four files and the empty attachment folder
    // (no journal or temp left behind).
    EXPECT_EQ(snapshot(dir).size(), 5u);
}

TEST_F(VaultTest, CreateRefusesAnExistingVaultOrAFolderWithFiles) {
    create();
    EXPECT_THROW(Vault::create(dir, secret("other"), fast_params()), Error);
    EXPECT_EQ(open_error(dir, "other"), ErrorKind::Unlock);  // the original is intact

    const auto busy = tmp.path() / "busy";
    fs::create_directory(busy);
    test::write_file(busy / "notes.txt", "x");
    try {
        Vault::create(busy, secret("p"), fast_params());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
    }
    EXPECT_EQ(snapshot(busy).size(), 1u);
}

TEST_F(VaultTest, CreateUsesAnEmptyExistingFolder) {
    fs::create_directory(dir);
    create();
    EXPECT_TRUE(Vault::exists(dir));
}

TEST_F(VaultTest, CreateRefusesOutOfBoundsParamsAndCleansUp) {
    auto params = fast_params();
    params.memlimit = std::uint64_t{1} << 40;
    EXPECT_THROW(Vault::create(dir, secret("p"), params), Error);
    EXPECT_FALSE(fs::exists(dir));
}

TEST_F(VaultTest, MissingVaultIsNotFound) { EXPECT_EQ(open_error(dir, "x"), ErrorKind::NotFound); }

TEST_F(VaultTest, WrongPassphraseIsUnlockAndLeavesFilesByteIdentical) {
    create();
    const auto before = snapshot(dir);
    EXPECT_EQ(open_error(dir, "wrong horse"), ErrorKind::Unlock);
    EXPECT_EQ(open_error(dir, ""), ErrorKind::Unlock);
    EXPECT_EQ(snapshot(dir), before);
}

TEST_F(VaultTest, RecoveryKeyOpens) {
    const auto recovery = create();
    auto vault = Vault::open_with_recovery_key(dir, recovery);
    EXPECT_EQ(vault->schema_version(), latest_schema_version());
}

TEST_F(VaultTest, WrongOrMalformedRecoveryKeyIsUnlock) {
    create();
    const auto other_dir = tmp.path() / "other";
    const auto other_key = Vault::create(other_dir, secret("p"), fast_params()).recovery_key_text;
    for (const std::string& key : {other_key, std::string("FVRK-not-a-key"), std::string()}) {
        try {
            (void)Vault::open_with_recovery_key(dir, key);
            ADD_FAILURE() << "opened";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Unlock);
        }
    }
}

TEST_F(VaultTest, ChangePassphraseRewrapsOnly) {
    const auto recovery = create();
    const auto db_before = test::read_file(dir / "vault.db");
    {
        auto vault = Vault::open(dir, secret("correct horse"));
        vault->change_passphrase(secret("battery staple"), fast_params());
    }
    EXPECT_FALSE(fs::exists(dir / "vault.key.tmp"));
    EXPECT_EQ(test::read_file(dir / "vault.db"), db_before);  // nothing else re-encrypted
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Unlock);
    EXPECT_NO_THROW(Vault::open(dir, secret("battery staple")));
    EXPECT_NO_THROW(Vault::open_with_recovery_key(dir, recovery));
    // Recovery can set a new passphrase too.
    Vault::open_with_recovery_key(dir, recovery)->change_passphrase(secret("third"), fast_params());
    EXPECT_NO_THROW(Vault::open(dir, secret("third")));
}

TEST_F(VaultTest, ChangePassphraseRefusesEmptyOrOutOfBounds) {
    create();
    auto vault = Vault::open(dir, secret("correct horse"));
    const auto header = test::read_file(dir / "vault.key");
    EXPECT_THROW(vault->change_passphrase(secret(""), fast_params()), Error);
    auto params = fast_params();
    params.opslimit = 0;
    EXPECT_THROW(vault->change_passphrase(secret("x"), params), Error);
    EXPECT_EQ(test::read_file(dir / "vault.key"), header);
}

TEST_F(VaultTest, CorruptedKeyHeaderIsIntegrity) {
    create();
    const auto original = test::read_file(dir / "vault.key");
    std::vector<std::string> variants = {"", "garbage", "{\"version\": 1}", original.substr(0, original.size() / 2)};
    for (std::size_t i = 0; i < original.size(); i += 7) {
        std::string flipped = original;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x10);
        variants.push_back(flipped);
    }
    for (const auto& variant : variants) {
        write_both_headers(dir, variant);  // one good copy would still open (tests/hardening)
        EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Integrity);
    }
    write_both_headers(dir, original);
    EXPECT_NO_THROW(Vault::open(dir, secret("correct horse")));
}

TEST_F(VaultTest, ForgedKdfParamsWithValidChecksumFailToUnwrap) {
    create();
    auto document = nlohmann::json::parse(test::read_file(dir / "vault.key"));
    document.erase("checksum");
    document["kdf"]["opslimit"] = 2;
    document["checksum"] = crypto::to_hex(crypto::sha256(document.dump()));
    write_both_headers(dir, document.dump(2) + "\n");
    // The slot's associated data binds the KDF parameters.
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Unlock);
}

TEST_F(VaultTest, AbsurdArgon2MemoryInHeaderIsIntegrityWithoutAllocating) {
    create();
    auto document = nlohmann::json::parse(test::read_file(dir / "vault.key"));
    document.erase("checksum");
    document["kdf"]["memlimit"] = std::uint64_t{1} << 40;
    document["checksum"] = crypto::to_hex(crypto::sha256(document.dump()));
    write_both_headers(dir, document.dump(2) + "\n");
    const auto before = test::peak_rss_kib();
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Integrity);
    EXPECT_LT(test::peak_rss_kib() - before, 64 * 1024);
}

TEST_F(VaultTest, CorruptedDatabasePageIsIntegrity) {
    std::size_t reports_page = 0;
    {
        auto created = Vault::create(dir, secret("correct horse"), fast_params());
        auto& db = created.vault->db();
        ReportRepository reports(db);
        const auto id = reports.create(0, test::full_content("x"), 1);
        std::string big(3 * 1024 * 1024, 'z');
        std::istringstream in(big);
        AttachmentStore(db).import(id, in, "big.bin", "application/octet-stream", 1);
        // The page to damage: the root of `reports`, which every read below
        // needs (a page in the middle of the file could be one of an index no
        // read touches, and moves whenever the schema grows).
        auto root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'reports'");
        ASSERT_TRUE(root.step());
        reports_page = static_cast<std::size_t>(root.column_int(0));
    }
    auto bytes = test::read_file(dir / "vault.db");
    const std::size_t middle = (reports_page - 1) * 4096 + 2048;
    ASSERT_LT(middle + 64, bytes.size());
    for (std::size_t i = middle; i < middle + 64; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    test::write_file(dir / "vault.db", bytes);
    try {
        auto vault = Vault::open(dir, secret("correct horse"));
        auto& db = vault->db();
        ReportRepository reports(db);
        for (const auto& summary : reports.list()) {
            reports.get(summary.id);
            AttachmentStore store(db);
            std::ostringstream sink;
            for (const auto& a : store.list_for_report(summary.id)) store.extract(a.id, sink);
        }
        FAIL() << "corruption went unnoticed";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
    }
}

TEST_F(VaultTest, CorruptedFirstPageIsIntegrityNotUnlock) {
    create();
    auto bytes = test::read_file(dir / "vault.db");
    for (std::size_t i = 100; i < 132; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0xff);
    test::write_file(dir / "vault.db", bytes);
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Integrity);
    EXPECT_EQ(open_error(dir, "wrong"), ErrorKind::Unlock);
}

TEST_F(VaultTest, PlainSqliteDatabaseIsRefused) {
    create();
    fs::remove(dir / "vault.db");
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "vault.db").c_str(), &raw), SQLITE_OK);
    {
        Database plain(raw);
        migrate(plain);
    }
    try {
        (void)Vault::open(dir, secret("correct horse"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
        EXPECT_NE(std::string(e.what()).find("not encrypted"), std::string::npos);
    }
}

TEST_F(VaultTest, MissingOrEmptyDatabaseIsIntegrity) {
    create();
    test::write_file(dir / "vault.db", "");
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Integrity);
    fs::remove(dir / "vault.db");
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Integrity);
}

TEST_F(VaultTest, AnotherVaultsDatabaseIsIntegrity) {
    create();
    const auto other = tmp.path() / "other";
    Vault::create(other, secret("correct horse"), fast_params());
    fs::copy_file(other / "vault.db", dir / "vault.db", fs::copy_options::overwrite_existing);
    EXPECT_EQ(open_error(dir, "correct horse"), ErrorKind::Integrity);
}

TEST_F(VaultTest, DatabaseIsEncryptedWithTheRecordedSettings) {
    create();
    const auto bytes = test::read_file(dir / "vault.db");
    ASSERT_GE(bytes.size(), 16u);
    EXPECT_NE(bytes.substr(0, 16), std::string("SQLite format 3\0", 16));
    const auto header = nlohmann::json::parse(test::read_file(dir / "vault.key"));
    EXPECT_EQ(bytes.size() % header["cipher"]["page_size"].get<std::size_t>(), 0u);
}

}  // namespace
}  // namespace fv::storage
