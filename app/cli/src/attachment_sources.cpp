#include "attachment_sources.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "fieldvault/model/error.h"

namespace fv::cli {

void check_attachment_sources(const std::vector<std::string>& files) {
    namespace fs = std::filesystem;
    for (const auto& file : files) {
        std::error_code ec;
        const auto status = fs::status(file, ec);
        if (ec || !fs::exists(status)) throw Error(ErrorKind::NotFound, "no such file: " + file);
        if (fs::is_directory(status)) throw Error(ErrorKind::Invalid, "is a directory, not a file: " + file);
        if (!fs::is_regular_file(status)) throw Error(ErrorKind::Invalid, "not a regular file: " + file);
        std::ifstream probe(file, std::ios::binary);
        if (!probe) throw Error(ErrorKind::Io, "cannot read " + file + ": " + std::strerror(errno));
    }
}

std::vector<std::filesystem::path> to_paths(const std::vector<std::string>& files) {
    return {files.begin(), files.end()};
}

}  // namespace fv::cli
