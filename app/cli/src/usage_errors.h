#pragma once
// CLI11's own messages for a mistyped command line ("--title is required",
// "Could not convert: id = abc") in plain words and the person's language.
// CLI11 builds them in English inside its exceptions, so they are recognised
// by their type and shape; anything not recognised is shown as CLI11 wrote it.
#include <string>

#include <CLI/CLI.hpp>

namespace fv::cli {

std::string usage_message(const CLI::ParseError& error);

}  // namespace fv::cli
