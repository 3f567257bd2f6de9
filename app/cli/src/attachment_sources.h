#pragma once
// Checks evidence files before anything is stored, so that a typo in one path
// fails the whole command instead of leaving half of it done.
#include <filesystem>
#include <string>
#include <vector>

namespace fv::cli {

// Throws fv::Error(NotFound) for a missing file, fv::Error(Invalid) for a
// directory or other non-regular file, fv::Error(Io) for an unreadable one.
void check_attachment_sources(const std::vector<std::string>& files);

std::vector<std::filesystem::path> to_paths(const std::vector<std::string>& files);

}  // namespace fv::cli
