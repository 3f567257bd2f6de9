#pragma once
// What the screenshot tests' vault makers share (make_evidence_vault,
// make_pdf_vault, make_wrapping_vault): they add one invented report to a
// vault made by fieldvault_gui_make_test_vault. Usage of each: MAKER VAULT WORK,
// the passphrase on the first line of standard input.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "fieldvault/core/records.h"
#include "fieldvault/core/session.h"

namespace fv::gui::test {

// Opens VAULT, runs `fill` with the session and WORK, locks; prints
// "NAME: error" and returns 1 if anything throws, 2 on wrong usage.
int run_vault_maker(int argc, char** argv, const char* name,
                    const std::function<void(core::Session&, const std::filesystem::path& work)>& fill);

// An invented "[DEMO]" report of one day, one tactic and one channel, in English.
core::ReportContent demo_report(std::string_view title, std::string_view day, std::string_view country,
                                std::string_view city, std::string_view tactic, std::string_view channel,
                                std::string_view narrative);

// Writes `bytes` as WORK/NAME (the attach API takes a path), attaches it to
// the report and removes the file again, also when attaching fails.
void attach_generated(core::Session& session, std::int64_t report_id, const std::filesystem::path& file,
                      const std::string& bytes);

}  // namespace fv::gui::test
