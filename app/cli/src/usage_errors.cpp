#include "usage_errors.h"

#include <regex>

#include "fieldvault/core/i18n.h"

namespace fv::cli {

namespace {

using core::tr;
using core::tr_args;

// The parts of `text` that `pattern` captures, or nothing.
std::smatch match(const std::string& text, const char* pattern) {
    std::smatch m;
    std::regex_match(text, m, std::regex(pattern));
    return m;
}

}  // namespace

std::string usage_message(const CLI::ParseError& error, const std::vector<std::string>& left_over) {
    const std::string text = error.what();
    std::smatch m;
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
        if (!(m = match(text, "The following arguments? (?:was|were) not expected: (.*)")).empty())
            return tr_args("not expected here: {1} (see --help)", {m[1].str()});
    } else if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        if (text == "A subcommand is required") {
            if (!left_over.empty() && left_over.front().rfind('-', 0) != 0)
                return tr_args("there is no command \"{1}\" (see --help)", {left_over.front()});
            return tr("a command is needed (see --help)");
        }
        if (!(m = match(text, "(\\S+) is required")).empty())
            return tr_args("{1} is needed (see --help)", {m[1].str()});
    } else if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
        if (!(m = match(text, "(\\S+) excludes (\\S+)")).empty())
            return tr_args("{1} and {2} cannot be used together", {m[1].str(), m[2].str()});
    } else if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr) {
        if (!(m = match(text, "(\\S+) requires (\\S+)")).empty())
            return tr_args("{1} needs {2} too", {m[1].str(), m[2].str()});
    } else if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
        if (!(m = match(text, "Could not convert: (\\S+) = (.*)")).empty())
            return tr_args("{1}: \"{2}\" is not a value it takes (see --help)", {m[1].str(), m[2].str()});
        if (!(m = match(text, "The value (.*) is not an allowed value for (\\S+)")).empty())
            return tr_args("{1}: \"{2}\" is not a value it takes (see --help)", {m[2].str(), m[1].str()});
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        if (!(m = match(text, "(\\S+): \\d+ required \\S+ missing")).empty())
            return tr_args("{1} needs a value after it", {m[1].str()});
    }
    return text;
}

}  // namespace fv::cli
