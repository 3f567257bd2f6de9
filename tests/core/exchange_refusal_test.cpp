// Refused imports leave the receiving vault exactly as it was: not addressed
// to it, a flipped byte, a truncated file, an already imported bundle, not a
// bundle. (The container's own negative cases are in tests/crypto/bundle_*.)
#include <gtest/gtest.h>

#include <fstream>

#include "exchange_fixture.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/model/error.h"

namespace fv::test {
namespace {

using crypto::BundleErrorCode;

class ExchangeRefusal : public ::testing::Test {
protected:
    void SetUp() override {
        add_contact(a, "b", b);
        const auto id = core::ReportService(*a.session).create(chinese_report("拒"));
        std::string bytes(200000, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31 + 7);
        write_file(a.tmp.path() / "evidence.bin", bytes);
        core::AttachmentService(*a.session).attach(id, a.tmp.path() / "evidence.bin");
        core::ExportService(*a.session).export_bundle(export_reports({"b"}, {id}, bundle));
        before = database_snapshot(b);
    }

    // Runs import and verify; both must refuse with `code` (or any Integrity
    // error when code is empty), and B must be unchanged.
    void expect_refused(const std::filesystem::path& file, std::optional<BundleErrorCode> code) {
        for (int pass = 0; pass < 2; ++pass) {
            try {
                core::ImportService service(*b.session);
                if (pass == 0) {
                    service.import_bundle(file);
                } else {
                    (void)service.verify(file);
                }
                ADD_FAILURE() << "accepted (pass " << pass << ")";
            } catch (const crypto::BundleError& e) {
                EXPECT_EQ(e.kind(), ErrorKind::Integrity);
                if (code) {
                    EXPECT_EQ(e.code(), *code) << e.what();
                }
            } catch (const Error& e) {
                EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
                EXPECT_FALSE(code.has_value()) << "expected a BundleError, got: " << e.what();
            }
        }
        EXPECT_EQ(database_snapshot(b), before);
    }

    TestVault a, b;
    std::filesystem::path bundle = a.tmp.path() / "to-b.fvb";
    std::map<std::string, std::string> before;
};

TEST_F(ExchangeRefusal, NotAddressedToThisVault) {
    TestVault c;
    const auto c_before = database_snapshot(c);
    try {
        core::ImportService(*c.session).import_bundle(bundle);
        FAIL() << "accepted";
    } catch (const crypto::BundleError& e) {
        EXPECT_EQ(e.code(), BundleErrorCode::NotAddressed);
    }
    EXPECT_EQ(database_snapshot(c), c_before);
}

TEST_F(ExchangeRefusal, FlippedByteInTheMiddle) {
    const auto size = std::filesystem::file_size(bundle);
    flip_byte(bundle, size / 2);
    expect_refused(bundle, BundleErrorCode::ContentTampered);
}

TEST_F(ExchangeRefusal, FlippedByteInTheHeader) {
    flip_byte(bundle, 30);  // inside the first stanza
    expect_refused(bundle, std::nullopt);
}

TEST_F(ExchangeRefusal, FlippedLastByte) {
    flip_byte(bundle, std::filesystem::file_size(bundle) - 1);
    expect_refused(bundle, BundleErrorCode::ContentTampered);
}

TEST_F(ExchangeRefusal, TruncatedMidChunkAndAtAChunkBoundary) {
    const auto size = std::filesystem::file_size(bundle);
    const auto cut = a.tmp.path() / "cut.fvb";
    truncate_copy(bundle, cut, size - 100);
    expect_refused(cut, BundleErrorCode::ContentTampered);
    // Header (138 bytes for one recipient) + stream header (24) + two full chunks.
    const auto boundary = a.tmp.path() / "boundary.fvb";
    truncate_copy(bundle, boundary, 138 + 24 + 2 * 65553);
    expect_refused(boundary, BundleErrorCode::ContentTampered);
}

TEST_F(ExchangeRefusal, TrailingByte) {
    auto bytes = read_file(bundle);
    bytes.push_back('\0');
    const auto longer = a.tmp.path() / "longer.fvb";
    write_file(longer, bytes);
    expect_refused(longer, BundleErrorCode::ContentTampered);
}

TEST_F(ExchangeRefusal, NotABundleAndUnsupportedVersion) {
    const auto text = a.tmp.path() / "notes.txt";
    write_file(text, "just some text, not a bundle");
    expect_refused(text, BundleErrorCode::NotABundle);
    const auto empty = a.tmp.path() / "empty.fvb";
    write_file(empty, "");
    expect_refused(empty, BundleErrorCode::NotABundle);
    // The retired format 1 (stream header outside the signature) and a future format 3.
    for (const char version : {'\x01', '\x03'}) {
        auto bytes = read_file(bundle);
        bytes[8] = version;
        const auto other = a.tmp.path() / "other-version.fvb";
        write_file(other, bytes);
        expect_refused(other, BundleErrorCode::UnsupportedVersion);
    }
}

TEST_F(ExchangeRefusal, AlreadyImportedStoresNothingTwice) {
    core::ImportService(*b.session).import_bundle(bundle);
    const auto after_first = database_snapshot(b);
    EXPECT_NE(after_first, before);
    try {
        core::ImportService(*b.session).import_bundle(bundle);
        FAIL() << "accepted twice";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
        EXPECT_NE(std::string(e.what()).find("already imported"), std::string::npos) << e.what();
    }
    EXPECT_EQ(database_snapshot(b), after_first);
    EXPECT_EQ(core::ReportService(*b.session).list().size(), 1u);
    // verify still works and says it is already there.
    EXPECT_TRUE(core::ImportService(*b.session).verify(bundle).already_imported);
}

TEST_F(ExchangeRefusal, MissingFileIsNotFound) {
    try {
        core::ImportService(*b.session).import_bundle(a.tmp.path() / "nope.fvb");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
    EXPECT_EQ(database_snapshot(b), before);
}

}  // namespace
}  // namespace fv::test
