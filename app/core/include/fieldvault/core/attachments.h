#pragma once
// Evidence files: attach from a path (streamed, hashed), extract to a path.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "fieldvault/core/session.h"
#include "fieldvault/core/records.h"

namespace fv::core {


class AttachmentService {
public:
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;
    explicit AttachmentService(Session& session) : session_(session) {}

    // Stores only the file name (never the source path) and a guessed media type.
    // Throws fv::Error(NotFound) for a missing file, fv::Error(Invalid) for a
    // directory or non-regular file, fv::Error(NotFound) for an unknown report.
    AttachmentRecord attach(std::int64_t report_id, const std::filesystem::path& file,
                            const Progress& progress = {});
    // Writes to a temporary file beside `out`, checks size and SHA-256, then
    // renames: a failed extract leaves nothing behind. Refuses to overwrite.
    void extract(std::int64_t attachment_id, const std::filesystem::path& out, const Progress& progress = {});
    AttachmentRecord get(std::int64_t attachment_id);

private:
    Session& session_;
};

std::string guess_media_type(const std::filesystem::path& file);

}  // namespace fv::core
