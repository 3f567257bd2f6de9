#pragma once
// The desktop app's life, shared by the shipping program (main.cpp) and the
// screen driver the screenshot tests use (app/gui/driver): settings, the
// window, fonts, the frame loop or a screenshot, and the exit codes.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"

namespace fv::gui {

struct RunOptions {
    std::optional<std::filesystem::path> vault;
    std::optional<std::filesystem::path> screenshot;  // draw a few frames to this PNG, then exit
    std::optional<double> auto_lock;                  // seconds; 0 = never
    bool timing = false;                              // print launch-to-first-frame times
    bool portable = false;                            // --portable: everything beside the program
    std::string plain_name;                           // --as NAME: the plain name chosen at setup
    std::vector<int> keys;  // with screenshot: GLFW key codes pressed one after another first (keyboard focus)
};

// Called once the app exists, before the first frame (the driver unlocks and
// navigates there); empty in the shipping program.
using PrepareApp = std::function<void(App&)>;

// Runs the app; returns the process exit code: 0, 1 (error), 2 (usage),
// 3 (wrong passphrase), 4 (integrity). Errors are printed without secrets.
int run_app(RunOptions options, const PrepareApp& prepare = {});

}  // namespace fv::gui
