// Audit log screen: the entries, newest first, and the chain's status.
#include <gtest/gtest.h>

#include "exchange_test_support.h"
#include "fieldvault/core/audit.h"

namespace fv::gui::test {
namespace {

TEST(GuiAudit, ShowsEntriesAndAnIntactChain) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "vault");
    create_vault_through_ui(ui);
    add_report(ui.session(), "A report for the log");
    ui.click("nav.audit");
    ASSERT_EQ(ui.app().screen(), Screen::Audit);
    ui.settle();
    const auto& view = ui.app().audit_view();
    const auto stored = core::AuditService(ui.session()).entries();
    ASSERT_EQ(view.entries().size(), stored.size());
    ASSERT_FALSE(stored.empty());
    EXPECT_EQ(view.entries().back().action, stored.back().action);
    ASSERT_TRUE(view.verification().has_value());
    EXPECT_TRUE(view.verification()->ok);
    EXPECT_EQ(view.verification()->entries, stored.size());
    EXPECT_TRUE(ui.drawn("audit.row0"));

    // A new action shows after "Check again".
    add_report(ui.session(), "Another");
    ui.click("audit.refresh");
    ui.settle();
    EXPECT_EQ(view.entries().size(), stored.size() + 1);
}

TEST(GuiAudit, HeaderNavigationReachesEveryExchangeScreen) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "vault");
    create_vault_through_ui(ui);
    const std::pair<const char*, Screen> targets[] = {{"nav.contacts", Screen::Contacts},
                                                      {"nav.export", Screen::Export},
                                                      {"nav.import", Screen::Import},
                                                      {"nav.audit", Screen::Audit},
                                                      {"nav.reports", Screen::ReportList}};
    for (const auto& [key, screen] : targets) {
        ui.click(key);
        ui.settle();
        EXPECT_EQ(ui.app().screen(), screen) << key;
    }
}

}  // namespace
}  // namespace fv::gui::test
