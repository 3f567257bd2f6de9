// After storing marker strings in every field and an attachment, no file in the
// vault folder or the temp directory holds them (SQLCipher encrypts every page;
// temp_store=MEMORY keeps temporary tables and journals out of the temp dir).
#include <gtest/gtest.h>

#include <sstream>

#include "fieldvault/crypto/identity.h"
#include "fieldvault/crypto/random.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "test_support.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLatin = "MARKER-LATIN-7f3a";
constexpr std::string_view kChinese = "标记中文测试";

ReportContent marked(const std::string& m) {
    ReportContent c;
    for (std::string* field : {&c.title, &c.occurred_start, &c.occurred_end, &c.date_precision, &c.host_country,
                               &c.host_city, &c.place, &c.origin_country, &c.demands_detail, &c.narrative,
                               &c.narrative_language, &c.translation, &c.translation_language, &c.translator,
                               &c.impact_detail, &c.risk_level}) {
        *field = m;
    }
    c.tactics = {m};
    c.channels = {m};
    c.identifiers = {{m, m}};
    c.perpetrators = {{m, m, m}};
    c.demands = {m};
    c.relatives = {{m, m, m, m, m}};
    c.witnesses = {{m, m, m}};
    c.impacts = {m};
    c.reported_to = {{m, m, m, m}};
    c.sensitive_fields = {m};
    return c;
}

// Files under `root` (recursively, unreadable ones skipped) containing `needle`.
std::vector<std::string> files_containing(const fs::path& root, std::string_view needle) {
    std::vector<std::string> hits;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec) || it->file_size(ec) > (64u << 20)) continue;
        const auto bytes = test::read_file(it->path());
        if (bytes.find(needle) != std::string::npos) hits.push_back(it->path().string());
    }
    return hits;
}

TEST(NoPlaintextOnDisk, MarkersNeverReachAFile) {
    test::TempDir tmp;
    const auto dir = tmp.path() / "vault";
    // A random suffix per run: other tests running at the same time may leave
    // the plain markers in the temp dir, never this run's.
    const std::string suffix = crypto::random_hex_id(8);
    const std::string latin = std::string(kLatin) + "-" + suffix;
    const std::string chinese = std::string(kChinese) + suffix;
    {
        auto created = Vault::create(dir, test::secret("pass"), test::fast_params());
        auto& db = created.vault->db();
        Transaction tx(db);
        const auto case_id = CaseRepository(db).find_or_create(latin + " " + chinese, 1);
        ReportRepository reports(db);
        const auto id = reports.create(case_id, marked(latin), 1);
        reports.update(id, case_id, marked(chinese), 2);
        reports.create(0, marked(latin + chinese), 3);
        std::istringstream attachment(latin + "\n" + chinese + "\n" + std::string(300000, 'x') + latin);
        AttachmentStore(db).import(id, attachment, latin + ".txt", "text/plain", 4);
        AuditLog(db).append("report_create", "report:1", latin + chinese, 5);
        const auto keys = crypto::IdentityKeys::generate();
        IdentityRepository(db).store({latin + chinese, keys.pub.card(), 6}, keys.signing_secret.reveal(),
                                     keys.encryption_secret.reveal());
        ContactRepository(db).add({0, latin + chinese, keys.pub.card(), keys.pub.fingerprint(), false, 7});
        tx.commit();
        // Searching must still work, proving the markers really were stored.
        EXPECT_EQ(reports.search("测试").size(), 2u);
        EXPECT_EQ(reports.search(latin).size(), 1u);
    }
    const char* tmp_env = std::getenv("TMPDIR");
    const fs::path system_tmp = tmp_env != nullptr && *tmp_env != '\0' ? fs::path(tmp_env) : fs::path("/tmp");
    for (const fs::path& root : {dir, system_tmp}) {
        EXPECT_EQ(files_containing(root, latin), std::vector<std::string>{}) << root;
        EXPECT_EQ(files_containing(root, chinese), std::vector<std::string>{}) << root;
    }
    // The scanner itself works: a file with the marker is found.
    test::write_file(tmp.path() / "control.txt", latin);
    EXPECT_EQ(files_containing(tmp.path(), latin).size(), 1u);
}

}  // namespace
}  // namespace fv::storage
