#include "views/view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/places.h"
#include "fieldvault/core/user_message.h"
#include "fieldvault/model/error.h"
#include "fieldvault/model/secret.h"
#include "app/main_navigation.h"
#include "platform/theme.h"

namespace fv::gui {

// Worked out again only when the chosen name changes.
const std::string& header_name() {
    static std::string for_name = "\x01";
    static std::string shown;
    const auto options = core::place_options();
    if (options.plain_name != for_name) {
        for_name = options.plain_name;
        shown = core::current_places().title;
    }
    return shown;
}

void View::draw(AppState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    // "##" keeps the window's name off screen.
    if (ImGui::Begin("##fieldvault", nullptr, kFlags)) {
        // The keyboard starts on the screen's own first widget, not on the
        // header's buttons (Quick exit must not be one key press away).
        ImGui::PushItemFlag(ImGuiItemFlags_NoNavDefaultFocus, true);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
        ImGui::TextUnformatted(header_name().c_str());
        ImGui::PopStyleColor();
        if (state.demo()) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted(core::tr("DEMO VAULT - made-up examples, not real reports"));
            ImGui::PopStyleColor();
        }
        // Right-aligned: [Lock] [Quick exit]. Quick exit is always there, on
        // every screen: one click locks and closes, no dialog.
        const auto& style = ImGui::GetStyle();
        // "###" keeps each button's ID the same in every language.
        const std::string lock_label = std::string(core::tr("Lock  (Ctrl+L)")) + "###lock";
        const std::string exit_label = std::string(core::tr("Quick exit  (Ctrl+Shift+Q)")) + "###quick_exit";
        const std::string settings_label = std::string(core::tr("Settings")) + "###settings";
        const float exit_width = ImGui::CalcTextSize(exit_label.c_str(), nullptr, true).x + style.FramePadding.x * 2.0f;
        // Lock and Quick exit stay on every screen; the rest waits while a
        // screen must be finished first (blocks_navigation).
        const bool navigable = state.unlocked() && !blocks_navigation();
        float width = exit_width;
        if (state.unlocked())
            width += ImGui::CalcTextSize(lock_label.c_str(), nullptr, true).x + style.FramePadding.x * 2.0f +
                     style.ItemSpacing.x;
        if (navigable)
            width += ImGui::CalcTextSize(settings_label.c_str(), nullptr, true).x + style.FramePadding.x * 2.0f +
                     style.ItemSpacing.x;
        // Reports, Contacts, Export... between the name and the buttons, or
        // on a row of their own when that is too narrow (main_navigation.h).
        bool navigation_inline = false;
        if (navigable) {
            ImGui::SameLine();
            navigation_inline = main_navigation_fits(ImGui::GetWindowContentRegionMax().x - width -
                                                     ImGui::GetCursorPosX() - style.ItemSpacing.x);
            if (navigation_inline) draw_main_navigation(state);
        }
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        if (navigable) {
            if (ImGui::Button(settings_label.c_str())) state.go_to(Screen::Settings);
            state.probe().item("settings");
            ImGui::SameLine();
        }
        if (state.unlocked()) {
            if (ImGui::Button(lock_label.c_str())) state.request_lock();
            state.probe().item("lock");
            ImGui::SameLine();
        }
        ImGui::PushStyleColor(ImGuiCol_Button, theme::quick_exit());
        if (ImGui::Button(exit_label.c_str())) state.request_quick_exit();
        ImGui::PopStyleColor();
        state.probe().item("quick_exit");
        if (navigable && !navigation_inline) draw_main_navigation(state);
        ImGui::PopItemFlag();
        ImGui::Separator();
        ImGui::Spacing();
        draw_content(state);
    }
    ImGui::End();
}

void begin_centered_column(const char* id, float width_em) {
    const float width = std::min(ImGui::GetFontSize() * width_em, ImGui::GetContentRegionAvail().x);
    const float offset = (ImGui::GetContentRegionAvail().x - width) * 0.5f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + offset);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetFontSize() * 2.0f);
    // NavFlattened: Tab and the arrows cross into the column and back (issue 14).
    ImGui::BeginChild(id, ImVec2(width, 0.0f), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
}

void end_centered_column() { ImGui::EndChild(); }

void draw_heading(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Spacing();
}

std::string display_path(const std::filesystem::path& path) {
    const std::string text = path.string();
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return text;
    std::string prefix = home;
    if (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
    if (text == prefix) return "~";
    if (text.size() > prefix.size() && text.compare(0, prefix.size(), prefix) == 0 && text[prefix.size()] == '/')
        return "~" + text.substr(prefix.size());
    return text;
}

void draw_busy_indicator(AppState& state, bool allow_cancel) {
    const auto job = state.worker().current();
    if (!job) return;
    ImGui::TextUnformatted(job->label.c_str());
    float fraction = 0.0f;
    std::string overlay = core::tr("working...");
    if (job->total > 0) {
        fraction = static_cast<float>(static_cast<double>(job->done) / static_cast<double>(job->total));
        overlay = core::tr_args("{1} of {2}", {human_size(job->done), human_size(job->total)});
    } else {
        // Indeterminate: a band that moves, so the user sees the app is alive.
        const double t = ImGui::GetTime();
        fraction = static_cast<float>(t - static_cast<double>(static_cast<long long>(t)));
    }
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetFontSize() * 22.0f, 0.0f), overlay.c_str());
    if (allow_cancel && !job->cancel_requested) {
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel"))) state.worker().cancel(job->id);
    }
}

void draw_job_progress(AppState& state, core::JobId job_id, bool& cancel_asked, const char* cancel_label,
                       const char* cancel_probe_key, bool in_bytes) {
    // Another job may still be ahead of this one (then: waiting, and Cancel still works).
    const auto job = state.worker().current();
    const bool ours = job && job->id == job_id;
    float fraction = 0.0f;
    std::string overlay = core::tr("waiting for another task to finish");
    if (ours) {
        overlay = core::tr("starting");
        if (job->total > 0) {
            fraction = static_cast<float>(static_cast<double>(job->done) / static_cast<double>(job->total));
            overlay = in_bytes ? core::tr_args("{1} of {2}", {human_size(job->done), human_size(job->total)})
                               : core::tr_args("{1} of {2}", {std::to_string(job->done), std::to_string(job->total)});
        }
    }
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetFontSize() * 22.0f, 0.0f), overlay.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(cancel_asked);
    if (ImGui::Button(cancel_label)) {
        state.worker().cancel(job_id);
        cancel_asked = true;
    }
    state.probe().item(cancel_probe_key);
    ImGui::EndDisabled();
}

void draw_error(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::error());
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

void draw_notice(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

std::string human_size(std::uint64_t bytes) {
    static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) return std::to_string(bytes) + " B";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    return text;
}

std::string describe_error(const std::exception_ptr& error) {
    if (!error) return {};
    try {
        std::rethrow_exception(error);
    } catch (const fv::Error& e) {
        return core::user_message(e);  // storage's and crypto's words too, in the person's language
    } catch (const std::exception& e) {
        return core::tr_args("Something went wrong: {1}", {e.what()});
    } catch (...) {
        return core::tr("Something went wrong.");
    }
}

std::string describe_error_or_wrong_key(const std::exception_ptr& error, const char* wrong) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const fv::Error& e) {
        if (e.kind() == ErrorKind::Unlock) return core::tr(wrong);
    } catch (...) {
    }
    return describe_error(error);
}

const char* list_separator() {
    // Between the items of a list in a sentence ("Title, Place"); Chinese uses "、".
    return core::tr(", ");
}

void wipe_string(std::string& text) noexcept {
    // resize() to the capacity makes every allocated byte part of the string,
    // so the wipe covers what an earlier, longer value left behind.
    text.resize(text.capacity());
    wipe_memory(text.data(), text.size());
    text.clear();
    text.shrink_to_fit();
}

}  // namespace fv::gui
