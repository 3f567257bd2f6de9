#pragma once
// "Court record" in the report list: the reports shown now go into a new
// folder of plain files for a lawyer or a court (core::LegalExportService:
// record.pdf, the evidence with SHA256SUMS, reports.json/.csv and the
// senders' signatures). Runs on the worker with a progress bar and Cancel;
// a cancelled or failed record leaves nothing behind and nothing logged.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "fieldvault/core/legal_export.h"

namespace fv::gui {

class RecordPanel {
public:
    // `shown_count` reports are shown in the list now; `shown` gives their ids
    // (asked only when the record is written, not every frame).
    using ShownIds = std::function<std::vector<std::int64_t>()>;
    void draw(AppState& state, std::size_t shown_count, const ShownIds& shown);
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

    bool open() const noexcept { return open_; }
    // Opens the form with a proposed new folder (what the button does).
    void open_form();
    bool running() const noexcept { return job_ != 0; }
    const std::string& error() const noexcept { return error_; }
    // The last record written (empty before): where, and record.pdf's SHA-256.
    const core::LegalExportResult& result() const noexcept { return result_; }
    // Starts writing (what the button does); tests call it directly.
    void write(AppState& state, const std::vector<std::int64_t>& shown);
    std::string& folder() noexcept { return folder_; }
    std::string& prepared_for() noexcept { return prepared_for_; }

private:
    void draw_form(AppState& state, std::size_t shown_count, const ShownIds& shown);

    bool open_ = false;
    std::string folder_;        // typed: a new or empty folder
    std::string prepared_for_;  // typed: shown on the cover page
    std::string error_;
    std::string notice_;
    core::LegalExportResult result_;
    core::JobId job_ = 0;
    bool cancel_asked_ = false;
    std::uint64_t generation_ = 0;  // bumped by clear(): a late result is dropped
};

}  // namespace fv::gui
