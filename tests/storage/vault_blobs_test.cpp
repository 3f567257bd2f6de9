// Attachment files in a real vault: where they live, what survives a reopen,
// and the sweep of files that no committed row names (into quarantine/).
#include <gtest/gtest.h>

#include <sstream>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "test_support.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;
using test::fast_params;
using test::secret;

class VaultBlobsTest : public ::testing::Test {
protected:
    test::TempDir tmp;
    fs::path dir = tmp.path() / "vault";
    fs::path blobs = dir / "blobs";

    void SetUp() override { Vault::create(dir, secret("pass"), fast_params()); }
    std::unique_ptr<Vault> open() { return Vault::open(dir, secret("pass")); }

    static std::int64_t attach(Database& db, const std::string& bytes) {
        const auto report = ReportRepository(db).create(0, test::full_content("r"), 1);
        std::istringstream in(bytes);
        return AttachmentStore(db).import(report, in, "file.bin", "application/octet-stream", 2);
    }
    static std::string extract(Database& db, std::int64_t id) {
        std::ostringstream out;
        AttachmentStore(db).extract(id, out);
        return out.str();
    }
    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(blobs)) names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

TEST_F(VaultBlobsTest, AttachmentsLiveInTheBlobFolderAndSurviveAReopen) {
    std::int64_t id = 0;
    {
        auto vault = open();
        id = attach(vault->db(), "evidence bytes");
    }
    ASSERT_EQ(files().size(), 1u);
    auto vault = open();
    EXPECT_EQ(extract(vault->db(), id), "evidence bytes");
    EXPECT_EQ(files().size(), 1u);  // a committed file is never swept
}

TEST_F(VaultBlobsTest, OpeningQuarantinesFilesNoRowNamesAndNothingElse) {
    std::int64_t id = 0;
    {
        auto vault = open();
        id = attach(vault->db(), "kept");
    }
    const auto kept = files().front();
    // What a killed import leaves: a file whose row never committed.
    const std::string orphan = "0123456789abcdef0123456789abcdef.blob";
    test::write_file(blobs / orphan, "sealed bytes of a dead transaction");
    test::write_file(blobs / "notes.txt", "not ours to delete");
    auto vault = open();
    EXPECT_EQ(files(), (std::vector<std::string>{kept, "notes.txt"}));
    EXPECT_EQ(extract(vault->db(), id), "kept");
    // Kept, not deleted: it may belong to a newer copy of the database.
    EXPECT_EQ(vault->open_report().files_quarantined, 1u);
    EXPECT_EQ(test::read_file(dir / "quarantine" / orphan), "sealed bytes of a dead transaction");
    EXPECT_EQ((fs::status(dir / "quarantine").permissions() & fs::perms::all), fs::perms::owner_all);
}

TEST_F(VaultBlobsTest, SweepWaitsForAnotherProgramsOpenTransaction) {
    auto writer = open();
    Transaction tx(writer->db());
    const auto id = attach(writer->db(), "not yet committed");
    ASSERT_EQ(files().size(), 1u);
    // A second program opening the vault now must not take the pending file
    // for an orphan: it cannot get the write lock, so it does not sweep.
    auto reader = open();
    EXPECT_EQ(files().size(), 1u);
    tx.commit();
    EXPECT_EQ(extract(reader->db(), id), "not yet committed");
}

TEST_F(VaultBlobsTest, AMissingBlobFolderIsMadeAgainAndAFileInItsPlaceIsRefused) {
    fs::remove(blobs);
    {
        auto vault = open();
        EXPECT_TRUE(fs::is_directory(blobs));
        const auto id = attach(vault->db(), "after");
        EXPECT_EQ(extract(vault->db(), id), "after");
    }
    fs::remove_all(blobs);
    test::write_file(blobs, "a file, not a folder");
    try {
        open();
        FAIL() << "opened";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
    }
}

TEST_F(VaultBlobsTest, ADeletedAttachmentFileIsIntegrityNotSilence) {
    std::int64_t id = 0;
    {
        auto vault = open();
        id = attach(vault->db(), "will vanish");
    }
    fs::remove(blobs / files().front());
    auto vault = open();
    try {
        extract(vault->db(), id);
        FAIL() << "extracted a missing file";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace fv::storage
