// Small pieces of the GUI: strength hint, KDF choice, fonts, passphrase field.
#include <gtest/gtest.h>
#include <imgui.h>
#include <stdlib.h>

#include "app/app_state.h"
#include "platform/fonts.h"
#include "fieldvault/core/dates.h"
#include "headless_ui.h"
#include "models/unlock_note.h"
#include "views/passphrase_field.h"
#include "views/view.h"

namespace fv::gui::test {
namespace {

TEST(HumanSize, UsesBinaryUnits) {
    EXPECT_EQ(human_size(0), "0 B");
    EXPECT_EQ(human_size(1023), "1023 B");
    EXPECT_EQ(human_size(1536), "1.5 KiB");
    EXPECT_EQ(human_size(3ull << 30), "3.0 GiB");
}

TEST(DisplayPath, ShowsHomeAsTilde) {
    const char* saved = std::getenv("HOME");
    const std::string old_home = saved != nullptr ? saved : "";
    ::setenv("HOME", "/home/amina", 1);
    EXPECT_EQ(display_path("/home/amina/.local/share/fieldvault/vault"), "~/.local/share/fieldvault/vault");
    EXPECT_EQ(display_path("/home/amina"), "~");
    EXPECT_EQ(display_path("/home/aminata/vault"), "/home/aminata/vault");  // not a prefix match
    EXPECT_EQ(display_path("/srv/vault"), "/srv/vault");
    ::setenv("HOME", old_home.c_str(), 1);
}

TEST(UnlockNote, NamesTheLastEntryAndWhatTheUnlockDid) {
    core::UnlockReport report;
    EXPECT_EQ(unlock_note(report), "Unlocked. The audit log is empty.");
    report.last_entry = 42;
    report.last_entry_at = 1773513000;  // 2026-03-14T18:30:00Z
    auto note = unlock_note(report);
    EXPECT_NE(note.find("Last entry in the audit log: #42, " + core::format_local_time(1773513000) + "."),
              std::string::npos)
        << note;
    EXPECT_EQ(note.find("older copy"), std::string::npos);
    EXPECT_EQ(note.find("quarantine"), std::string::npos);
    report.rollback_accepted = true;
    report.files_quarantined = 2;
    report.files_restored = 1;
    report.with_recovery_key = true;
    note = unlock_note(report);
    EXPECT_NE(note.find("older copy"), std::string::npos);
    EXPECT_NE(note.find("2 attached files that no report uses were set aside"), std::string::npos);
    EXPECT_NE(note.find("1 attached file was brought back"), std::string::npos);
    EXPECT_NE(note.find("make new keys in Settings"), std::string::npos);
}

TEST(WipeString, EmptiesAndKeepsNoCapacity) {
    std::string text(100, 'x');
    wipe_string(text);
    EXPECT_TRUE(text.empty());
    EXPECT_LT(text.capacity(), 100u);
}

TEST(PassphraseField, WipeEmptiesAndCopiesAreIndependent) {
    PassphraseField field;
    field.set_for_test("secret words");
    auto copy = field.take_copy();
    field.wipe();
    EXPECT_TRUE(field.empty());
    EXPECT_EQ(copy.reveal_text(), "secret words");
}

TEST(PassphraseField, LongInputIsCutToTheFixedBuffer) {
    PassphraseField field;
    field.set_for_test(std::string(1000, 'a'));
    EXPECT_EQ(field.text().size(), PassphraseField::kCapacity - 1);
}

TEST(PassphraseField, EqualityNeedsSameLengthAndBytes) {
    PassphraseField a, b;
    a.set_for_test("same words");
    b.set_for_test("same words");
    EXPECT_TRUE(equal_passphrases(a, b));
    b.set_for_test("same word");
    EXPECT_FALSE(equal_passphrases(a, b));
    b.set_for_test("same wordz");
    EXPECT_FALSE(equal_passphrases(a, b));
}

}  // namespace
}  // namespace fv::gui::test
