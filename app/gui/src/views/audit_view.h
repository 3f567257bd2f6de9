#pragma once
// The audit log: every action on the vault, hash-chained, newest first, with
// the chain's verification status. Read on the worker.
#include <optional>
#include <vector>

#include "fieldvault/core/audit.h"
#include "views/view.h"

namespace fv::gui {

class AuditView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    void refresh(AppState& state);
    bool loading() const noexcept { return loading_; }
    const std::vector<core::AuditEntry>& entries() const noexcept { return entries_; }
    const std::optional<core::AuditVerification>& verification() const noexcept { return verification_; }
    const std::string& error() const noexcept { return error_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_status();
    void draw_table(AppState& state);

    std::vector<core::AuditEntry> entries_;
    std::optional<core::AuditVerification> verification_;
    std::string error_;
    bool needs_refresh_ = true;
    bool loading_ = false;
    std::uint64_t generation_ = 0;  // bumped by clear(): late results are dropped
};

}  // namespace fv::gui
