#pragma once
// CLI11's own messages for a mistyped command line ("--title is required",
// "Could not convert: id = abc") in plain words and the person's language.
// CLI11 builds them in English inside its exceptions, so they are recognised
// by their type and shape; anything not recognised is shown as CLI11 wrote it.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace fv::cli {

// `left_over`: what the parser did not use (App::remaining(true)), so that a
// mistyped command is named instead of "a command is needed".
std::string usage_message(const CLI::ParseError& error, const std::vector<std::string>& left_over = {});

}  // namespace fv::cli
