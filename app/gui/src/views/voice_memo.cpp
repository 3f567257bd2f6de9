#include "views/voice_memo.h"

#include <imgui.h>

#include <algorithm>
#include <memory>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/session.h"
#include "models/sound.h"
#include "platform/theme.h"
#include "views/view.h"

namespace fv::gui {
namespace {

// "Voice memo 2026-12-06 07.12.flac" in the person's language (':' is not
// allowed in file names on every system a copy may go to).
std::string memo_name() {
    std::string when = core::format_local_time(core::now_seconds());
    std::replace(when.begin(), when.end(), ':', '.');
    return core::tr_args("Voice memo {1}.flac", {when});
}

}  // namespace

void VoiceMemoView::draw(AppState& state, std::int64_t report_id, const Stored& stored) {
    if (!open_) {
        ImGui::BeginDisabled(saving_ || report_id == 0);
        if (ImGui::Button(core::tr("Record a voice memo"))) start(state);
        state.probe().item("memo.record");
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", core::tr("Records from the microphone straight into the vault. Nothing is "
                                             "written anywhere else."));
        if (saving_) draw_notice(core::tr("Storing the voice memo in the vault..."));
        draw_error(error_);
        draw_notice(notice_);
        return;
    }
    ImGui::Separator();
    const bool live = recorder_.recording();
    ImGui::PushStyleColor(ImGuiCol_Text, live ? theme::warning() : theme::muted());
    ImGui::TextUnformatted(live ? core::tr("Recording") : core::tr("Recording stopped"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(format_duration(recorder_.seconds()).c_str());
    // The level meter: how loud the microphone hears it now.
    const float em = ImGui::GetFontSize();
    ImGui::ProgressBar(std::clamp(recorder_.level(), 0.0f, 1.0f), ImVec2(em * 12.0f, em * 0.6f), "");
    state.probe().item("memo.level");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::tr("How loud the microphone hears you."));
    if (recorder_.reached_limit()) draw_notice(core::tr("The recording reached one hour and stopped."));
    const auto device_error = recorder_.error();
    if (!device_error.empty()) draw_error(device_error);

    ImGui::BeginDisabled(recorder_.seconds() <= 0.0);
    if (ImGui::Button(core::tr("Stop and keep"))) keep(state, report_id, stored);
    state.probe().item("memo.keep");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Discard"))) discard();
    state.probe().item("memo.discard");
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextWrapped("%s", core::tr("Locking the vault or quick exit discards a recording that was not kept."));
    ImGui::PopStyleColor();
    ImGui::Separator();
}

void VoiceMemoView::start(AppState& state) {
    if (state.session() == nullptr || saving_) return;
    wipe_string(error_);
    wipe_string(notice_);
    open_ = true;
    recorder_.start();
}

void VoiceMemoView::keep(AppState& state, std::int64_t report_id, const Stored& stored) {
    auto pcm = std::make_shared<Pcm>(recorder_.stop());
    open_ = false;
    if (pcm->frames == 0) {
        error_ = core::tr("Nothing was recorded.");
        return;
    }
    core::Session* session = state.session_for_job();
    if (session == nullptr || report_id == 0) return;  // pcm is wiped as it goes
    saving_ = true;
    state.worker().submit(
        core::tr("Storing the voice memo in the vault"),
        [session, pcm, report_id, name = memo_name()](core::JobContext& context) {
            // FLAC: lossless, so every sound of the evidence is kept as heard
            // (a voice, a car outside); open, plays everywhere (VLC, browsers).
            // Cancelled (quick exit) between blocks: quick exit stays quick.
            const auto encoded = encode_sound(*pcm, Encoding::Flac, [&context](std::uint64_t done, std::uint64_t total) {
                context.set_progress(done, total);
                context.throw_if_cancelled();
            });
            pcm->bytes.wipe();
            context.throw_if_cancelled();
            core::AttachmentService(*session).attach_bytes(report_id, name, "audio/flac", encoded.reveal());
        },
        [this, pcm, stored, generation = generation_](const core::JobOutcome& outcome) {
            pcm->bytes.wipe();
            if (generation != generation_) return;  // locked meanwhile
            saving_ = false;
            if (outcome.cancelled) {
                notice_ = core::tr("Storing the voice memo was cancelled; it was not kept.");
            } else if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
            } else {
                notice_ = core::tr("The voice memo is stored in the vault with the report's other files.");
                if (stored) stored();
            }
        });
}

void VoiceMemoView::discard() noexcept {
    recorder_.cancel();
    open_ = false;
    wipe_string(error_);
    wipe_string(notice_);
}

void VoiceMemoView::clear() noexcept {
    discard();
    saving_ = false;
    ++generation_;
}

bool VoiceMemoView::holds_sensitive_data() const noexcept {
    return open_ || recorder_.holds_sensitive_data() || !error_.empty() || !notice_.empty();
}

}  // namespace fv::gui
