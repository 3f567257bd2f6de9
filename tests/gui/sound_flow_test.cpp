// Sound evidence through the real views (issue 14): an audio attachment's
// player in the report editor (play, seek with the bar, lock wipes it), an
// M4A voice memo playing, damaged sound's plain message, and "Record a voice
// memo" with a fake microphone stored straight into the vault. No file is written outside the vault's own
// encrypted files: HOME and TMPDIR stay empty, the vault folder gains only
// the memo's encrypted file, and no file anywhere holds the sound.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "fake_sound.h"
#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "headless_ui.h"
#include "m4a_maker.h"
#include "models/sound.h"
#include "platform/sound_device.h"

namespace fv::gui::test {
namespace {

namespace fs = std::filesystem;
constexpr int kKeyL = 76;  // GLFW_KEY_L

std::set<std::string> listing(const fs::path& root) {
    std::set<std::string> names;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
        if (ec) break;
        names.insert(fs::relative(it->path(), root).string());
    }
    return names;
}

// Files under `root` holding `needle` (unreadable or huge ones skipped; `skip` not entered).
std::vector<std::string> files_holding(const fs::path& root, const std::string& needle, const fs::path& skip = {}) {
    std::vector<std::string> hits;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
        if (ec) break;
        if (!skip.empty() && it->path() == skip) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || it->is_symlink(ec) || it->file_size(ec) > (64u << 20)) continue;
        std::string bytes(static_cast<std::size_t>(it->file_size(ec)), '\0');
        std::ifstream in(it->path(), std::ios::binary);
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (bytes.find(needle) != std::string::npos) hits.push_back(it->path().string());
    }
    return hits;
}

class GuiSound : public ::testing::Test {
protected:
    void SetUp() override {
        // HOME and TMPDIR of their own: anything written there would show.
        for (const char* name : {"HOME", "TMPDIR"}) {
            const char* value = std::getenv(name);
            saved_env_.emplace_back(name, value != nullptr ? std::optional<std::string>(value) : std::nullopt);
        }
        fs::create_directories(home_);
        fs::create_directories(tmp_);
        fs::create_directories(files_);
        ::setenv("HOME", home_.c_str(), 1);
        ::setenv("TMPDIR", tmp_.c_str(), 1);
        set_sound_devices(&devices_);
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ui_->click("list.new");
        ui_->click("editor.title");
        ui_->type("The call on Tuesday");
        ui_->click("editor.save");
        ASSERT_NE(editor().report_id(), 0) << editor().error();
    }
    void TearDown() override {
        ui_.reset();
        set_sound_devices(nullptr);
        for (const auto& [name, value] : saved_env_) {
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
            else ::unsetenv(name.c_str());
        }
    }

    ReportEditorView& editor() { return ui_->app().report_editor_view(); }
    EvidencePanel& evidence() { return editor().evidence(); }
    fs::path vault() const { return dir_.path() / "vault"; }

    void attach_bytes_as_file(const std::string& name, std::span<const std::uint8_t> bytes) {
        const auto path = files_ / name;
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                    static_cast<std::streamsize>(bytes.size()));
        editor().attach(ui_->app().state(), path);
        ui_->settle();
        ui_->settle();
    }
    void expect_nothing_outside_the_vault() {
        EXPECT_TRUE(listing(home_).empty());
        EXPECT_TRUE(listing(tmp_).empty());
    }

    TempDir dir_;
    fs::path home_ = dir_.path() / "home";
    fs::path tmp_ = dir_.path() / "tmp";
    fs::path files_ = dir_.path() / "files";
    FakeSound devices_;
    std::unique_ptr<HeadlessUi> ui_;
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_env_;
};

TEST_F(GuiSound, PlaysAnAudioAttachmentFromMemoryAndLockWipesIt) {
    // A tone with a random run in it: the marker no file may hold afterwards.
    auto samples = sine(48000, 1, 24000);
    std::mt19937 random(std::random_device{}());
    for (std::size_t i = 1000; i < 1016; ++i) samples[i] = static_cast<std::int16_t>(random());
    const std::string marker(reinterpret_cast<const char*>(samples.data() + 1000), 32);
    const auto wav = encode_sound(make_pcm(48000, 1, samples), Encoding::Wav);
    attach_bytes_as_file("call.wav", wav.reveal());
    ASSERT_EQ(editor().detail()->attachments.size(), 1u) << editor().error();
    const auto vault_before = listing(vault());

    ui_->click("evidence.preview.0");
    ui_->settle();
    ASSERT_TRUE(evidence().player().loaded()) << evidence().preview_message();
    EXPECT_EQ(evidence().player().frames(), 24000u);
    EXPECT_TRUE(ui_->drawn("sound.position"));
    ui_->click("sound.play");
    devices_.wait_for_drain();
    EXPECT_EQ(devices_.played(), samples);

    // The bar: a click in its middle moves there.
    while (evidence().player().playing()) std::this_thread::yield();
    ui_->click("sound.position");
    const double half = static_cast<double>(evidence().player().position()) / 24000.0;
    EXPECT_NEAR(half, 0.5, 0.1);
    ui_->click("sound.stop");
    EXPECT_EQ(evidence().player().position(), 0u);

    EXPECT_EQ(listing(vault()), vault_before);
    expect_nothing_outside_the_vault();
    EXPECT_TRUE(files_holding(vault(), marker).empty());
    EXPECT_TRUE(files_holding(fs::temp_directory_path(), marker, dir_.path()).empty());

    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_FALSE(evidence().player().loaded());
    EXPECT_FALSE(evidence().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiSound, M4aPlaysAndDamagedSoundGetsAPlainMessage) {
    // An iPhone-style voice memo (AAC in M4A) plays from memory like any other sound.
    const auto voicemail = make_aac_sound("ipod", 44100, 1, 1.0);
    attach_bytes_as_file("voicemail.m4a", voicemail);
    ui_->click("evidence.preview.0");
    ui_->settle();
    ASSERT_TRUE(evidence().player().loaded()) << evidence().preview_message();
    EXPECT_NEAR(static_cast<double>(evidence().player().frames()) / 44100.0, 1.0, 0.05);
    EXPECT_TRUE(ui_->drawn("sound.position"));
    expect_nothing_outside_the_vault();

    const std::uint8_t m4a[] = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0, 1, 2, 3, 4};
    attach_bytes_as_file("broken.m4a", m4a);
    ui_->click("evidence.preview.1");
    ui_->settle();
    EXPECT_FALSE(evidence().player().loaded());
    EXPECT_NE(evidence().preview_message().find("damaged"), std::string::npos) << evidence().preview_message();

    // A video in MP4 is not taken for M4A sound: no sound message for it.
    attach_bytes_as_file("clip.mp4", m4a);
    ui_->click("evidence.preview.2");
    ui_->settle();
    EXPECT_EQ(evidence().preview_message().find("M4A"), std::string::npos) << evidence().preview_message();
    EXPECT_EQ(evidence().preview_message().find("sound"), std::string::npos) << evidence().preview_message();
    EXPECT_FALSE(evidence().preview_message().empty());

    const std::uint8_t broken[] = {'R', 'I', 'F', 'F', 0xFF, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '};
    attach_bytes_as_file("broken.wav", broken);
    ui_->click("evidence.preview.3");
    ui_->settle();
    EXPECT_FALSE(evidence().player().loaded());
    EXPECT_NE(evidence().preview_message().find("damaged"), std::string::npos) << evidence().preview_message();
    EXPECT_TRUE(editor().error().empty());
}

TEST_F(GuiSound, NoSoundCardSaysSoCalmly) {
    devices_.fail_output = true;
    const auto wav = encode_sound(make_pcm(8000, 1, sine(8000, 1, 800)), Encoding::Wav);
    attach_bytes_as_file("call.wav", wav.reveal());
    ui_->click("evidence.preview.0");
    ui_->settle();
    ui_->click("sound.play");
    while (evidence().player().error().empty()) std::this_thread::yield();
    ui_->frame();
    EXPECT_NE(evidence().player().error().find("No sound output"), std::string::npos);
    EXPECT_FALSE(evidence().player().playing());
}

TEST_F(GuiSound, RecordsAVoiceMemoStraightIntoTheVault) {
    const auto vault_before = listing(vault());
    devices_.give_microphone(48000);
    ui_->click("memo.record");
    ASSERT_TRUE(evidence().voice_memo().recording_open());
    EXPECT_TRUE(evidence().holds_sensitive_data());
    while (evidence().voice_memo().recorder().seconds() < 1.0) std::this_thread::yield();
    ui_->frame();
    EXPECT_TRUE(ui_->drawn("memo.level"));
    ui_->click("memo.keep");
    ui_->settle();
    ui_->settle();  // the editor reads its files again
    EXPECT_TRUE(evidence().voice_memo().error().empty()) << evidence().voice_memo().error();
    ASSERT_EQ(editor().detail()->attachments.size(), 1u) << editor().error();
    const auto memo = editor().detail()->attachments[0];
    EXPECT_EQ(memo.media_type, "audio/flac");
    EXPECT_EQ(memo.name.rfind("Voice memo ", 0), 0u) << memo.name;
    EXPECT_EQ(memo.name.substr(memo.name.size() - 5), ".flac");
    EXPECT_EQ(memo.name.find(':'), std::string::npos);

    // What is stored decodes back to the tone the microphone heard.
    const auto bytes = core::read_attachment(ui_->session(), memo.id, memo.size);
    const auto pcm = decode_sound(bytes.reveal());
    EXPECT_EQ(pcm.frames, 48000u);
    const auto heard = sine(48000, 1, 48000);
    EXPECT_TRUE(std::equal(heard.begin(), heard.end(), pcm.samples().begin()));
    const auto log = core::AuditService(ui_->session()).entries();
    EXPECT_EQ(log.back().action, "attach");

    // Only the memo's encrypted file is new in the vault, and nothing else anywhere.
    auto vault_after = listing(vault());
    std::vector<std::string> added;
    for (const auto& name : vault_after)
        if (!vault_before.contains(name)) added.push_back(name);
    for (const auto& name : added) EXPECT_EQ(name.rfind("blobs", 0), 0u) << name;
    expect_nothing_outside_the_vault();
    EXPECT_TRUE(files_holding(vault(), "fLaC").empty());
    const std::string pcm_run(reinterpret_cast<const char*>(heard.data() + 2000), 64);
    EXPECT_TRUE(files_holding(vault(), pcm_run).empty());
    EXPECT_TRUE(files_holding(fs::temp_directory_path(), pcm_run, dir_.path()).empty());

    // The stored memo plays in the same player.
    ui_->click("evidence.preview.0");
    ui_->settle();
    EXPECT_TRUE(evidence().player().loaded()) << evidence().preview_message();
}

TEST_F(GuiSound, DiscardAndLockWipeARecordingThatWasNotKept) {
    devices_.give_microphone(4800);
    ui_->click("memo.record");
    while (evidence().voice_memo().recorder().seconds() < 0.1) std::this_thread::yield();
    ui_->click("memo.discard");
    EXPECT_FALSE(evidence().voice_memo().recording_open());
    EXPECT_FALSE(evidence().holds_sensitive_data());
    EXPECT_TRUE(editor().detail()->attachments.empty());

    devices_.give_microphone(4800);
    ui_->frames(2);  // the form shrank after Discard: its scrolling settles
    ui_->click("memo.record");
    ASSERT_TRUE(evidence().voice_memo().recording_open());
    while (evidence().voice_memo().recorder().seconds() < 0.1) std::this_thread::yield();
    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_FALSE(evidence().voice_memo().recording_open());
    EXPECT_FALSE(evidence().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    unlock_through_ui(*ui_);
    for (const auto& entry : core::AuditService(ui_->session()).entries()) EXPECT_NE(entry.action, "attach");
}

// Recording an interview with hands off the keyboard is not "idle": the idle
// lock waits until the recording ends; then it locks and wipes as before.
TEST_F(GuiSound, RecordingHoldsOffTheIdleLockAndQuickExitWipesIt) {
    ui_->app().state().set_auto_lock_seconds(60.0);
    devices_.give_microphone(4800);
    ui_->click("memo.record");
    while (evidence().voice_memo().recorder().seconds() < 0.1) std::this_thread::yield();
    ui_->now() += 61.0;
    ui_->frame();
    ui_->now() += 61.0;
    ui_->frame();
    EXPECT_TRUE(ui_->app().state().unlocked());
    EXPECT_TRUE(evidence().voice_memo().recording_open());
    EXPECT_TRUE(evidence().sound_in_use());

    constexpr int kKeyQ = 81;  // GLFW_KEY_Q: Ctrl+Shift+Q is quick exit
    ui_->press(kKeyQ, true, true);
    EXPECT_TRUE(ui_->app().close_requested());
    EXPECT_FALSE(evidence().voice_memo().recording_open());
    EXPECT_FALSE(evidence().sound_in_use());
    EXPECT_FALSE(evidence().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    expect_nothing_outside_the_vault();
}

TEST_F(GuiSound, NoMicrophoneSaysSoAndKeepsNothing) {
    devices_.fail_input = true;
    ui_->click("memo.record");
    while (evidence().voice_memo().recorder().recording()) std::this_thread::yield();
    ui_->frame();
    EXPECT_NE(evidence().voice_memo().recorder().error().find("No microphone"), std::string::npos);
    ui_->click("memo.discard");
    EXPECT_FALSE(evidence().holds_sensitive_data());
}

}  // namespace
}  // namespace fv::gui::test
