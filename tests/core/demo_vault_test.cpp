// The demo vault: created once with fictional, clearly marked reports, opened
// again without duplicating them, and never confused with a real vault.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "fieldvault/core/demo_vault.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "test_vault.h"

namespace fv::test {
namespace {

TEST(DemoVault, CreatesMarkedSampleReportsOnce) {
    TempDir tmp;
    const auto dir = tmp.path() / "demo";
    std::size_t first_count = 0;
    {
        auto session = core::open_demo_vault(dir, fast_kdf());
        EXPECT_TRUE(core::is_demo_session(*session));
        core::ReportService reports(*session);
        const auto rows = reports.list();
        first_count = rows.size();
        ASSERT_GE(first_count, 3u);
        std::map<std::string, int> identifier_uses;
        bool chinese = false;
        for (const auto& row : rows) {
            EXPECT_EQ(row.title.rfind(core::kDemoTitlePrefix, 0), 0u) << "every title says DEMO";
            const auto detail = reports.get(row.id);
            for (const auto& identifier : detail.report.content.identifiers) ++identifier_uses[identifier.value];
            chinese = chinese || detail.report.content.narrative.find("警察") != std::string::npos;
        }
        EXPECT_TRUE(chinese) << "a sample narrative is in Chinese";
        bool recurring = false;
        for (const auto& [value, uses] : identifier_uses) recurring = recurring || uses > 1;
        EXPECT_TRUE(recurring) << "an identifier recurs across reports (for the timeline)";
        EXPECT_GE(reports.cases().size(), 1u);
    }
    EXPECT_FALSE(std::filesystem::exists(tmp.path() / "demo.building"));
    auto again = core::open_demo_vault(dir, fast_kdf());
    EXPECT_EQ(core::ReportService(*again).list().size(), first_count);
}

TEST(DemoVault, AStaleHalfBuiltDemoIsReplaced) {
    TempDir tmp;
    const auto building = tmp.path() / "demo.building";
    std::filesystem::create_directories(building);
    write_file(building / "vault.key", "half written");
    auto session = core::open_demo_vault(tmp.path() / "demo", fast_kdf());
    EXPECT_TRUE(core::is_demo_session(*session));
    EXPECT_FALSE(std::filesystem::exists(building));
}

TEST(DemoVault, ARealVaultIsNotTheDemo) {
    TestVault real;
    EXPECT_FALSE(core::is_demo_session(*real.session));
    real.session.reset();
    // A real vault where the demo would be: refused, not opened as the demo
    // (its passphrase is not the demo's, so it cannot even unlock).
    try {
        (void)core::open_demo_vault(real.dir, fast_kdf());
        FAIL() << "a real vault was opened as the demo";
    } catch (const Error& error) {
        EXPECT_TRUE(error.kind() == ErrorKind::Unlock || error.kind() == ErrorKind::Invalid);
    }
}

}  // namespace
}  // namespace fv::test
