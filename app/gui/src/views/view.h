#pragma once
// A screen of the app. The base class draws the full-window frame and the
// header (name, and a Lock button while unlocked); subclasses draw only their
// content and keep their own small state as members.
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "app/app_state.h"

namespace fv::gui {

class View {
public:
    virtual ~View() = default;

    void draw(AppState& state);
    // Called when the view becomes the current screen.
    virtual void on_show(AppState& /*state*/) {}
    // Forget everything decrypted or typed (called on lock). Must leave no
    // report text, search text or passphrase in the view's members.
    virtual void clear() noexcept = 0;
    // True if the view still holds decrypted vault data or typed text (tests).
    virtual bool holds_sensitive_data() const noexcept = 0;
    virtual void files_dropped(AppState& /*state*/, const std::vector<std::filesystem::path>& /*paths*/) {}
    // True while the screen must be finished before any other is reachable
    // (the recovery key on show): the header then offers only Lock and Quick exit.
    virtual bool blocks_navigation() const noexcept { return false; }

protected:
    virtual void draw_content(AppState& state) = 0;
};

// Helpers the views share.
// A column of `width_em` font sizes centred in the window (for the short
// forms of the create and unlock screens); pair with end_centered_column().
void begin_centered_column(const char* id, float width_em);
void end_centered_column();
void draw_heading(const char* text);
// A path for the screen, with the home folder shown as "~" (shorter, and
// the account name stays off the screen).
std::string display_path(const std::filesystem::path& path);
void draw_busy_indicator(AppState& state, bool allow_cancel);
// The progress bar of the job `job` (bytes done of total; "waiting for another
// task" while another job is ahead of it) and a Cancel button, disabled once
// `cancel_asked`; a click cancels the job and sets `cancel_asked`.
// `in_bytes`: the job counts bytes ("1.0 MiB of 3.0 MiB"), else steps ("2 of 5").
void draw_job_progress(AppState& state, core::JobId job, bool& cancel_asked, const char* cancel_label,
                       const char* cancel_probe_key, bool in_bytes = true);
void draw_error(const std::string& message);
void draw_notice(const std::string& message);
std::string human_size(std::uint64_t bytes);
// One line for the user from what a job or service threw (never secrets:
// core errors do not carry them).
std::string describe_error(const std::exception_ptr& error);
// The same, but `wrong` (a calm sentence, English: translated here) for a
// passphrase or key that did not unlock.
std::string describe_error_or_wrong_key(const std::exception_ptr& error, const char* wrong);
// ", " in the person's language, between the items of a list in a sentence.
const char* list_separator();
// Zero a string's bytes (all of its capacity) and empty it.
void wipe_string(std::string& text) noexcept;
// The name at the top of every screen: "Fieldvault", or the plain name chosen
// at setup (a shoulder-surfer should not read "Fieldvault" there either).
const std::string& header_name();

}  // namespace fv::gui
