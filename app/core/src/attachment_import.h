#pragma once
// Internal: stores one file as an attachment inside the caller's transaction,
// so that "report add --attach" can be all-or-nothing.
#include <cstdint>
#include <filesystem>

#include "fieldvault/core/attachments.h"
#include "fieldvault/storage/database.h"

namespace fv::core::detail {

void check_source_file(const std::filesystem::path& file);
AttachmentRecord import_attachment(storage::Database& db, std::int64_t report_id, const std::filesystem::path& file,
                                   std::int64_t now, const AttachmentService::Progress& progress);

}  // namespace fv::core::detail
