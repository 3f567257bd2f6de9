#pragma once
// First run: no vault in the chosen folder. The language comes first (a
// picker, each language in its own script); then create a new vault there, or
// point the app at an existing vault folder (a copy brought from a backup).
#include <string>

#include "views/view.h"

namespace fv::gui {

class WelcomeView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override { return false; }  // a folder path only

    // What "Open" does: switch to `folder` if it holds a vault.
    bool open_folder(AppState& state, const std::string& folder);
    // What "Try the demo vault" does: create it on first use, open it (on the worker).
    void open_demo(AppState& state);
    const std::string& error() const noexcept { return error_; }
    // What "Use this name" does: a plain name instead of "Fieldvault" for the
    // window title, the menu entry and the vault's folder (core's places).
    bool use_plain_name(AppState& state, const std::string& name);
    const std::string& name_message() const noexcept { return name_message_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_language_row(AppState& state);
    void draw_plain_name(AppState& state);

private:
    std::string folder_;
    std::string error_;
    std::string plain_name_;
    std::string name_message_;
};

}  // namespace fv::gui
