// Writes the report documents that real exports carry, for
// validate_report_documents.py to check against docs/report-document.schema.json
// (CTest "report_document_schema" runs both). The documents come out of real
// bundles made by ExportService (so by detail::encode_report_document), opened
// with the recipient's key: a full Chinese report with its sensitive fields and
// case, the same report redacted, one with its attachments left out, and one
// whose every sensitive field is blanked ("[redacted]" title), and one
// forwarded by the vault that received it (with its "origin").
// FIELDVAULT_REPORT_DOCUMENTS_OUT names the folder to write into.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "bundle_forge.h"
#include "exchange_fixture.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/storage/repositories.h"

namespace fv::test {
namespace {

namespace fs = std::filesystem;
namespace bf = crypto::bundle_format;

fs::path out_dir() {
    const char* dir = std::getenv("FIELDVAULT_REPORT_DOCUMENTS_OUT");
    if (dir == nullptr || *dir == '\0') throw std::runtime_error("FIELDVAULT_REPORT_DOCUMENTS_OUT is not set");
    return dir;
}

// Exports `request` from `a`, opens the bundle as `b` and writes each report
// document to out_dir()/<label>-<item id>.json. Returns how many it wrote.
std::size_t write_documents(TestVault& a, TestVault& b, core::ExportRequest request, const std::string& label) {
    core::ExportService(*a.session).export_bundle(request);
    const auto text = read_file(request.out);
    const auto keys = storage::IdentityRepository(b.session->db()).keys();
    if (!keys) throw std::runtime_error("vault without identity");
    const auto opened = bundle::open_raw(*keys, bundle::Bytes(text.begin(), text.end()));
    const auto manifest = bf::decode_manifest(opened.manifest);
    std::size_t at = 0, written = 0;
    for (const auto& item : manifest.items) {
        const auto size = static_cast<std::size_t>(item.size);
        if (item.kind == "report") {
            std::ofstream file(out_dir() / (label + "-" + item.id + ".json"), std::ios::binary);
            file.write(reinterpret_cast<const char*>(opened.items.data() + at), static_cast<std::streamsize>(size));
            EXPECT_TRUE(file.good());
            ++written;
        }
        at += size;
    }
    return written;
}

TEST(ReportDocumentSchema, WritesTheDocumentsOfRealExports) {
    const auto dir = out_dir();
    fs::create_directories(dir);
    TestVault a, b;
    add_contact(a, "b", b);
    const auto full = core::ReportService(*a.session).create(chinese_report("纲"));
    write_file(a.tmp.path() / "证据-照片.jpg", "\xff\xd8\xff\xe0 not really a photo");
    const auto photo = core::AttachmentService(*a.session).attach(full, a.tmp.path() / "证据-照片.jpg");
    core::AttachmentService(*a.session).set_caption(photo.id, "警察留下的名片");
    const auto case_id = core::CaseService(*a.session).create("阿娜");
    core::CaseService(*a.session).move_reports({full}, case_id);

    auto everything_sensitive = chinese_report("密");
    everything_sensitive.sensitive_fields = {"title", "place", "host_city", "origin_country", "identifiers",
                                             "perpetrators", "relatives", "narrative", "translation", "witnesses",
                                             "impact", "reported_to"};
    const auto secret = core::ReportService(*a.session).create(everything_sensitive);

    auto with_sensitive = export_reports({"b"}, {full}, a.tmp.path() / "full.fvb");
    with_sensitive.include_sensitive = true;
    EXPECT_EQ(write_documents(a, b, with_sensitive, "full-chinese"), 1u);
    EXPECT_EQ(write_documents(a, b, export_reports({"b"}, {full, secret}, a.tmp.path() / "redacted.fvb"), "redacted"),
              2u);
    auto no_attachments = export_reports({"b"}, {full}, a.tmp.path() / "bare.fvb");
    no_attachments.include_attachments = false;
    EXPECT_EQ(write_documents(a, b, no_attachments, "attachments-left-out"), 1u);

    // A report forwarded by the vault that received it carries its origin.
    TestVault c;
    add_contact(b, "c", c);
    core::ImportService(*b.session).import_bundle(a.tmp.path() / "full.fvb");
    const auto received = core::ReportService(*b.session).list().at(0).id;
    EXPECT_EQ(write_documents(b, c, export_reports({"c"}, {received}, b.tmp.path() / "forwarded.fvb"), "forwarded"),
              1u);
}

}  // namespace
}  // namespace fv::test
