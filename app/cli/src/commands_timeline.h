#pragma once
// timeline: the reports of the vault (or of one case) in time order, the
// undated ones, and the numbers and accounts that recur across them, from
// core::ReportAnalysis (what the desktop app's timeline draws).
#include <CLI/CLI.hpp>

#include "app_context.h"

namespace fv::cli {

void register_timeline_command(CLI::App& app, AppContext& context);

}  // namespace fv::cli
