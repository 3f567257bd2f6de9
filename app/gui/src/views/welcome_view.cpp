#include "views/welcome_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <system_error>
#include <memory>

#include "fieldvault/core/demo_vault.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/places.h"
#include "platform/glyph_cache.h"
#include "views/settings_view.h"

namespace fv::gui {
namespace {

// "~/..." as people type it.
std::filesystem::path expand_home(const std::string& text) {
    const char* home = std::getenv("HOME");
    if (home != nullptr && (text == "~" || text.rfind("~/", 0) == 0)) return std::string(home) + text.substr(1);
    return text;
}

}  // namespace

void WelcomeView::on_show(AppState& /*state*/) {
    error_.clear();
    name_message_.clear();
}

void WelcomeView::draw_language_row(AppState& state) {
    // A globe-free label in every language at once: whoever reads one of them finds the picker.
    static constexpr const char* kLabel = "Language / 语言 / 語言";  // i18n: not text (in every language already)
    glyphs::note(kLabel);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(kLabel);
    ImGui::SameLine();
    draw_language_picker(state, "##language", "welcome.language");
    ImGui::Spacing();
}

void WelcomeView::draw_plain_name(AppState& state) {
    ImGui::Spacing();
    const bool open = ImGui::TreeNode("##plain_name_section", "%s", core::tr("Use a plain name on this computer (optional)"));
    state.probe().item("welcome.plain_name_section");
    if (!open) return;
    draw_notice(core::tr("Someone who looks at this computer then sees this name instead of \"Fieldvault\": in "
                         "the window title, in the menu, and as the name of the folder that holds your vault. "
                         "Choose an ordinary word, such as Notes."));
    const char* use_label = core::tr("Use this name");
    const float use_w = ImGui::CalcTextSize(use_label).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                        ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(-use_w);
    // TRANSLATORS: an example of an ordinary name to show instead of Fieldvault.
    const bool enter = ImGui::InputTextWithHint("##plain_name", core::tr("Notes"), &plain_name_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("welcome.plain_name");
    ImGui::SameLine();
    ImGui::BeginDisabled(plain_name_.empty());
    const bool clicked = ImGui::Button(use_label);
    state.probe().item("welcome.use_name");
    ImGui::EndDisabled();
    if ((clicked || enter) && !plain_name_.empty()) use_plain_name(state, plain_name_);
    if (!name_message_.empty()) draw_notice(name_message_);
    ImGui::TreePop();
}

bool WelcomeView::use_plain_name(AppState& state, const std::string& name) {
    name_message_.clear();
    if (const auto problem = core::plain_name_problem(name); !problem.empty()) {
        name_message_ = problem;
        return false;
    }
    const auto old_settings = state.settings_file();
    try {
        core::choose_plain_name(name);
    } catch (const std::exception& e) {
        name_message_ = core::tr_args("The name could not be kept: {1}", {e.what()});
        return false;
    }
    const auto places = core::current_places();
    if (!old_settings.empty() && old_settings != places.settings_file) {
        // The settings under the old name would say where the vault is: gone,
        // and their folder too if nothing else is in it.
        std::error_code ec;
        std::filesystem::remove(old_settings, ec);
        std::filesystem::remove(old_settings.parent_path(), ec);  // only if empty
    }
    state.use_settings_file(places.settings_file);
    state.set_vault_dir(places.vault_dir);
    name_message_ = core::tr_args("Done. This computer now shows \"{1}\". Your vault will be in {2}.",
                                  {name, display_path(places.vault_dir)});
    return true;
}

void WelcomeView::draw_content(AppState& state) {
    begin_centered_column("##welcome", 34.0f);
    // The language first, named in its own script: the person may not read English.
    draw_language_row(state);
    // Under a plain name (chosen below) the screen does not say Fieldvault either.
    draw_heading(core::place_options().plain_name.empty() ? core::tr("Welcome to Fieldvault") : core::tr("Welcome"));
    draw_notice(core::tr_args("There is no vault in {1} yet.", {display_path(state.vault_dir())}));
    ImGui::Spacing();
    if (ImGui::Button(core::tr("Create a new vault"))) state.go_to(Screen::Create);
    state.probe().item("welcome.create");
    draw_notice(core::tr("Start an empty vault in this folder, protected by a passphrase you choose."));
    draw_plain_name(state);

    ImGui::Spacing();
    ImGui::BeginDisabled(state.busy());
    if (ImGui::Button(core::tr("Try the demo vault"))) open_demo(state);
    ImGui::EndDisabled();
    state.probe().item("welcome.demo");
    draw_notice(core::tr("Invented sample reports, marked [DEMO], in a separate folder: look around before "
                         "writing anything real."));
    if (state.busy()) draw_busy_indicator(state, false);

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::TextUnformatted(core::tr("Open an existing vault folder"));
    draw_notice(core::tr("For example a copy from a backup or a USB stick."));
    const char* open_label = core::tr("Open");
    const float open_w = ImGui::CalcTextSize(open_label).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                         ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(-open_w);
    const bool enter = ImGui::InputTextWithHint("##folder", "/media/usb/fieldvault", &folder_,  // i18n: not text
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("welcome.path");
    ImGui::SameLine();
    ImGui::BeginDisabled(folder_.empty());
    const bool clicked = ImGui::Button(open_label);
    state.probe().item("welcome.open");
    ImGui::EndDisabled();
    if ((clicked || enter) && !folder_.empty()) open_folder(state, folder_);
    draw_error(error_);
    end_centered_column();
}

bool WelcomeView::open_folder(AppState& state, const std::string& folder) {
    error_.clear();
    const auto path = expand_home(folder);
    bool exists = false;
    try {
        exists = core::Session::vault_exists(path);
    } catch (...) {
        exists = false;
    }
    if (!exists) {
        error_ = core::tr("No Fieldvault vault was found in that folder.");
        return false;
    }
    state.set_vault_dir(path);
    state.go_to(Screen::Unlock);
    return true;
}

void WelcomeView::open_demo(AppState& state) {
    error_.clear();
    struct Result {
        std::unique_ptr<core::Session> session;
    };
    auto result = std::make_shared<Result>();
    const auto dir = core::default_demo_vault_dir();
    const auto kdf = state.kdf();
    state.worker().submit(
        core::tr("Opening the demo vault"),
        [result, dir, kdf](core::JobContext&) { result->session = core::open_demo_vault(dir, kdf); },
        [this, &state, result, dir](const core::JobOutcome& outcome) {
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = core::tr_args("The demo vault could not be opened: {1}", {describe_error(outcome.error)});
                return;
            }
            state.enter_demo(dir, std::move(result->session));
            state.go_to(Screen::ReportList);
        });
}

void WelcomeView::clear() noexcept {
    wipe_string(folder_);
    name_message_.clear();
    error_.clear();
}

}  // namespace fv::gui
