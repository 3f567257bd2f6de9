#pragma once
// Import: a bundle's path, then "Verify" (every check, nothing stored) shows
// who signed it, when, what it holds and what the sender left out; only then
// "Import" stores it. Both run on the worker. A refusal is one calm line.
#include <optional>
#include <string>

#include "fieldvault/core/import.h"
#include "views/view.h"

namespace fv::gui {

class ImportView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    void set_path(std::string path);
    // What the buttons do (jobs on the worker).
    void verify(AppState& state);
    void import(AppState& state);

    const std::string& path() const noexcept { return path_; }
    const std::optional<core::BundleCheck>& check() const noexcept { return check_; }
    const std::optional<core::ImportResult>& result() const noexcept { return result_; }
    const std::string& error() const noexcept { return error_; }
    bool working() const noexcept { return working_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_check(AppState& state, const core::BundleCheck& check);
    void draw_result(AppState& state, const core::ImportResult& result);
    void forget() noexcept;

    std::string path_;
    std::string checked_path_;  // the file check_ describes
    std::optional<core::BundleCheck> check_;
    std::optional<core::ImportResult> result_;
    std::string error_;
    bool working_ = false;
    std::uint64_t generation_ = 0;  // bumped by clear(): late results are dropped
};

// What the sender's metadata says was left out, one line each (empty: nothing).
std::vector<std::string> left_out_lines(const core::ReceivedExportMetadata& metadata);

}  // namespace fv::gui
