#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "fieldvault/core/attachments.h"

namespace fv::core {

// By extension only: the content is evidence and is never parsed on import.
std::string guess_media_type(const std::filesystem::path& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
        {".png", "image/png"},       {".jpg", "image/jpeg"},        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},       {".webp", "image/webp"},       {".heic", "image/heic"},
        {".txt", "text/plain"},      {".md", "text/markdown"},      {".pdf", "application/pdf"},
        {".mp3", "audio/mpeg"},      {".m4a", "audio/mp4"},         {".ogg", "audio/ogg"},
        {".wav", "audio/wav"},       {".opus", "audio/opus"},       {".mp4", "video/mp4"},
        {".mov", "video/quicktime"}, {".webm", "video/webm"},       {".zip", "application/zip"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".html", "text/html"},
    }};
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& [e, type] : kTypes)
        if (e == ext) return std::string(type);
    return "application/octet-stream";
}

}  // namespace fv::core
