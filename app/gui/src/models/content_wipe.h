#pragma once
// Zeroing decrypted report content held by views (on lock, on leaving the
// editor, when a row is removed), so it does not linger in freed memory.
#include "fieldvault/core/reports.h"

namespace fv::gui {

void wipe_content(core::ReportContent& content) noexcept;
void wipe_row(core::Identifier& row) noexcept;
void wipe_row(core::Perpetrator& row) noexcept;
void wipe_row(core::RelativePressured& row) noexcept;
void wipe_row(core::Witness& row) noexcept;
void wipe_row(core::ReportedTo& row) noexcept;
void wipe_detail(core::ReportDetail& detail) noexcept;

}  // namespace fv::gui
