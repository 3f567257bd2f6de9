#pragma once
// Notes the characters of report text for the font atlas (glyph_cache.h), so
// Traditional or rare characters in a loaded report render from the next frame.
#include "fieldvault/core/reports.h"

namespace fv::gui {

void note_glyphs(const core::ReportContent& content) noexcept;
void note_glyphs(const core::ReportDetail& detail) noexcept;

}  // namespace fv::gui
