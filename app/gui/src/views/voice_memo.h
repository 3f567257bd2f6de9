#pragma once
// "Record a voice memo" on a draft report: records from the microphone with
// the time and a level meter; "Stop and keep" encodes the memo in memory
// (FLAC) and stores it straight into the vault on the worker; "Discard"
// wipes it. Nothing is written outside the vault.
#include <cstdint>
#include <functional>
#include <string>

#include "app/app_state.h"
#include "models/voice_recorder.h"

namespace fv::gui {

class VoiceMemoView {
public:
    using Stored = std::function<void()>;

    VoiceMemoView() = default;
    ~VoiceMemoView() { clear(); }
    VoiceMemoView(const VoiceMemoView&) = delete;
    VoiceMemoView& operator=(const VoiceMemoView&) = delete;

    // The button, or the recorder while recording; `stored` runs once a memo is in the vault.
    void draw(AppState& state, std::int64_t report_id, const Stored& stored);
    // What the buttons do (tests call them too).
    void start(AppState& state);
    void keep(AppState& state, std::int64_t report_id, const Stored& stored);
    void discard() noexcept;

    bool recording_open() const noexcept { return open_; }
    bool saving() const noexcept { return saving_; }
    bool recording() const noexcept { return recorder_.recording(); }
    VoiceRecorder& recorder() noexcept { return recorder_; }
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }

    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

private:
    VoiceRecorder recorder_;
    bool open_ = false;    // the recorder is shown (recording, or ended by itself)
    bool saving_ = false;  // the memo is on the worker
    std::string error_;
    std::string notice_;
    std::uint64_t generation_ = 0;
};

}  // namespace fv::gui
