#pragma once
// The report fields as options, shared by `report add` and `report edit`.
// add: the given options fill a new report. edit: each given option replaces
// that field (a list option replaces the whole list); the others are kept.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "fieldvault/core/reports.h"

namespace fv::cli {

class ReportOptions {
public:
    // for_edit: --title becomes optional.
    void add_to(CLI::App& command, bool for_edit);

    // Applies the options the user gave. Reads --narrative-file and
    // --translation-file. Throws fv::Error(Usage) for an unknown code (with the
    // list of valid codes) or a malformed CHANNEL:VALUE.
    void apply_to(core::ReportContent& content) const;

    // add: the case to file under ("" = none). edit: nullopt = keep.
    std::optional<std::string> case_name() const;

private:
    bool given(const std::string& option) const;

    CLI::App* command_ = nullptr;
    std::string title_, case_, occurred_, end_, precision_, location_, host_country_, city_, origin_country_;
    std::string narrative_, narrative_file_, language_, translation_, translation_file_, translation_language_;
    std::string translator_, risk_, demands_detail_, impact_detail_;
    std::vector<std::string> tactics_, channels_, identifiers_, perpetrators_, demands_, relatives_, witnesses_;
    std::vector<std::string> impacts_, reported_to_, sensitive_;
};

}  // namespace fv::cli
