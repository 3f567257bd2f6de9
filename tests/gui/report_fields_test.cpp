// Every field group of a report, typed and clicked through the real editor,
// saved through ReportService and read back; the unsaved-changes guard; the
// revision history.
#include <gtest/gtest.h>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/vocabulary.h"
#include "headless_ui.h"
#include "models/revision_history.h"

namespace fv::gui::test {
namespace {

class GuiReportFields : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ui_->click("list.new");
        ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
    }

    void type_into(const std::string& key, const std::string& text) {
        ui_->click(key);
        ui_->type(text);
    }
    void choose(const std::string& combo, const std::string& code) {
        ui_->click(combo);
        ui_->click(combo + "=" + code);
    }
    core::ReportService reports() { return core::ReportService(ui_->session()); }
    ReportEditorView& editor() { return ui_->app().report_editor_view(); }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiReportFields, EveryFieldGroupRoundTripsThroughTheEditor) {
    core::ReportContent expected;
    expected.title = "Embassy staff at the rally";
    type_into("editor.title", expected.title);
    expected.occurred_start = "2026-02-01";
    expected.occurred_end = "2026-02-03";
    type_into("editor.occurred", expected.occurred_start);
    type_into("editor.occurred_end", expected.occurred_end);
    expected.date_precision = "day";
    choose("editor.precision", "day");
    expected.host_country = "DE";
    type_into("editor.host_country", expected.host_country);
    expected.host_city = "Berlin";
    type_into("editor.host_city", expected.host_city);
    expected.place = "Alexanderplatz";
    type_into("editor.place", expected.place);
    expected.origin_country = "CN";
    type_into("editor.origin", expected.origin_country);
    expected.tactics = {"surveillance"};
    ui_->click("tactic.surveillance");
    expected.channels = {"in_person"};
    ui_->click("channel.in_person");

    ui_->click("identifiers.add");
    ui_->click("identifiers.add");
    choose("identifiers.1.channel", "telegram");
    type_into("identifiers.1.value", "@watcher_42");
    type_into("identifiers.0.value", "+49 30 0000000");
    expected.identifiers = {{"phone", "+49 30 0000000"}, {"telegram", "@watcher_42"}};

    ui_->click("perpetrators.add");
    choose("perpetrators.0.affiliation", "embassy");
    type_into("perpetrators.0.names", "王先生");
    type_into("perpetrators.0.description", "filmed the speakers");
    expected.perpetrators = {{"embassy", "王先生", "filmed the speakers"}};

    ui_->click("demand.stop_activism");
    ui_->click("demand.inform_on_others");
    expected.demands = {"stop_activism", "inform_on_others"};
    expected.demands_detail = "names of the organisers";
    type_into("editor.demands_detail", expected.demands_detail);

    ui_->click("relatives.add");
    expected.relatives = {{"father", "成都", "questioned twice", "local police", "phone call from him"}};
    type_into("relatives.0.relationship", "father");
    type_into("relatives.0.location", "成都");
    type_into("relatives.0.what_happened", "questioned twice");
    type_into("relatives.0.by_whom", "local police");
    type_into("relatives.0.how_known", "phone call from him");

    expected.narrative = "他们一直在拍照。";
    type_into("editor.narrative", expected.narrative);
    expected.narrative_language = "zh-Hans";
    type_into("editor.narrative_language", expected.narrative_language);
    expected.translation = "They kept taking photos.";
    type_into("editor.translation", expected.translation);
    expected.translation_language = "en";
    type_into("editor.translation_language", "en");
    expected.translator = "Volunteer";
    type_into("editor.translator", "Volunteer");

    ui_->click("witnesses.add");
    expected.witnesses = {{"Li", "via the association", "saw the filming"}};
    type_into("witnesses.0.name", "Li");
    type_into("witnesses.0.contact", "via the association");
    type_into("witnesses.0.statement", "saw the filming");

    ui_->click("impact.psychological");
    ui_->click("impact.self_censorship");
    expected.impacts = {"psychological", "self_censorship"};
    expected.impact_detail = "stopped posting";
    type_into("editor.impact_detail", expected.impact_detail);

    ui_->click("reported_to.add");
    expected.reported_to = {{"Berlin police", "2026-02-05", "AZ-123", "no reply yet"}};
    type_into("reported_to.0.authority", "Berlin police");
    type_into("reported_to.0.date", "2026-02-05");
    type_into("reported_to.0.reference", "AZ-123");
    type_into("reported_to.0.outcome", "no reply yet");

    expected.risk_level = "high";
    choose("editor.risk", "high");

    // Every field the vocabulary calls sensitive has its own toggle.
    for (const auto& entry : core::entries(core::Vocabulary::SensitiveField)) {
        ui_->click("sensitive." + std::string(entry.code));
        expected.sensitive_fields.emplace_back(entry.code);
    }

    EXPECT_EQ(editor().draft(), expected) << ::testing::PrintToString(changed_fields(expected, editor().draft()));
    ui_->click("editor.save");
    ASSERT_NE(editor().report_id(), 0) << editor().error();
    const auto id = editor().report_id();
    EXPECT_EQ(reports().get(id).report.content, expected)
        << ::testing::PrintToString(changed_fields(expected, reports().get(id).report.content));

    // And back: leave, reopen from the list, every field is in the form again.
    ui_->click("editor.back");
    ASSERT_EQ(ui_->app().screen(), Screen::ReportList);
    ui_->settle();  // the list is loaded on the worker
    ui_->click("list.row0");
    ASSERT_EQ(editor().report_id(), id);
    EXPECT_EQ(editor().draft(), expected) << ::testing::PrintToString(changed_fields(expected, editor().draft()));
    EXPECT_FALSE(editor().dirty());
}

TEST_F(GuiReportFields, RemovingARowRemovesOnlyThatRow) {
    type_into("editor.title", "two witnesses, one removed");
    ui_->click("witnesses.add");
    ui_->click("witnesses.add");
    type_into("witnesses.0.name", "first");
    type_into("witnesses.1.name", "second");
    ui_->click("witnesses.0.remove");
    ASSERT_EQ(editor().draft().witnesses.size(), 1u);
    EXPECT_EQ(editor().draft().witnesses[0].name, "second");
    ui_->click("editor.save");
    const auto stored = reports().get(editor().report_id()).report.content.witnesses;
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].name, "second");
}

TEST_F(GuiReportFields, EmptyIdentifierIsRefusedWithTheFieldNamed) {
    type_into("editor.title", "identifier left empty");
    ui_->click("identifiers.add");
    ui_->click("editor.save");
    EXPECT_EQ(editor().report_id(), 0);
    EXPECT_NE(editor().error().find("identifier"), std::string::npos) << editor().error();
}

TEST_F(GuiReportFields, LeavingWithUnsavedEditsAsksAndKeepEditingStays) {
    type_into("editor.title", "not saved yet");
    ui_->click("editor.back");
    EXPECT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_TRUE(editor().asking_before_leaving());
    ASSERT_TRUE(ui_->drawn("editor.discard"));
    ui_->click("editor.keep_editing");
    EXPECT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_FALSE(editor().asking_before_leaving());
    EXPECT_EQ(editor().draft().title, "not saved yet");

    ui_->click("editor.back");
    ui_->click("editor.discard");
    EXPECT_EQ(ui_->app().screen(), Screen::ReportList);
    ui_->settle();  // the list's query holds the vault until it ends
    EXPECT_TRUE(reports().list().empty());
    EXPECT_FALSE(editor().holds_sensitive_data());
}

TEST_F(GuiReportFields, SavedReportLeavesWithoutAsking) {
    type_into("editor.title", "saved");
    ui_->click("editor.save");
    ui_->click("editor.back");
    EXPECT_EQ(ui_->app().screen(), Screen::ReportList);
}

TEST_F(GuiReportFields, LockWithUnsavedEditsNeverAsks) {
    type_into("editor.title", "unsaved when locked");
    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->drawn("editor.discard"));
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiReportFields, AutoLockWithUnsavedEditsNeverAsks) {
    type_into("editor.title", "unsaved when idle");
    ui_->now() += ui_->app().state().auto_lock_seconds() + 1.0;
    ui_->frame();
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiReportFields, RevisionHistoryNamesWhatChanged) {
    type_into("editor.title", "history");
    ui_->click("editor.save");
    ui_->click("perpetrators.add");
    type_into("perpetrators.0.names", "badge 0451");
    ui_->click("editor.save");
    const auto& detail = editor().detail();
    ASSERT_TRUE(detail.has_value());
    ASSERT_EQ(detail->revisions.size(), 2u);
    EXPECT_EQ(changed_fields(detail->revisions[0].content, detail->revisions[1].content),
              std::vector<std::string>{"Perpetrators"});
    EXPECT_FALSE(ui_->drawn("editor.revisions"));
    ui_->click("editor.history");
    ui_->scroll_into_view("editor.revisions");
    EXPECT_TRUE(ui_->drawn("editor.revisions"));
}

TEST(RevisionDiff, IdenticalContentHasNoChanges) {
    core::ReportContent a;
    a.title = "same";
    a.witnesses = {{"w", "", ""}};
    EXPECT_TRUE(changed_fields(a, a).empty());
}

TEST(RevisionDiff, EveryFieldIsCompared) {
    core::ReportContent empty;
    core::ReportContent full;
    full.title = "t";
    full.occurred_start = "2026-01-01";
    full.date_precision = "day";
    full.host_country = "x";
    full.host_city = "x";
    full.place = "x";
    full.origin_country = "x";
    full.tactics = {"other"};
    full.channels = {"other"};
    full.identifiers = {{"phone", "1"}};
    full.perpetrators = {{"police", "", ""}};
    full.demands_detail = "x";
    full.relatives = {{"x", "", "", "", ""}};
    full.narrative_language = "x";
    full.translator = "x";
    full.witnesses = {{"x", "", ""}};
    full.impact_detail = "x";
    full.reported_to = {{"x", "", "", ""}};
    full.risk_level = "low";
    full.sensitive_fields = {"place"};
    EXPECT_EQ(changed_fields(empty, full).size(), 20u);
    // A change inside a row counts as a change of its group.
    auto changed = full;
    changed.relatives[0].how_known = "letter";
    EXPECT_EQ(changed_fields(full, changed), std::vector<std::string>{"Relatives pressured"});
}

}  // namespace
}  // namespace fv::gui::test
