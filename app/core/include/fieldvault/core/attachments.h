#pragma once
// Evidence files: attach from a path (streamed, hashed), extract to a path.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
    // Takes a wrong file off a draft report (audited; the log keeps its name's
    // hash, never the name). Its key is erased with its row, so what is left
    // of its encrypted file can no longer be read; the file goes too. Throws
    // fv::Error(Invalid) when the report is final, NotFound if unknown.
    void remove(std::int64_t attachment_id);
    // What the file shows, in the person's words (at most 500 bytes of UTF-8
    // on one line; "" removes it). Drafts only, audited without the words.
    // It goes with its file in an export (report document version 3).
    void set_caption(std::int64_t attachment_id, std::string_view caption);
    // Stores bytes already in memory (a voice memo recorded in the app) as a
    // new attachment of a draft report, as attach() does: encrypted in the
    // vault, SHA-256 recorded, audited ("attach"); never a temporary file.
    // `name` is sanitized like a file's name; `media_type` must look like
    // "type/subtype". Throws fv::Error(Invalid) for empty bytes, more than
    // `max_bytes`, a bad name or media type or a final report; NotFound for
    // an unknown report. (attachment_bytes.cpp)
    AttachmentRecord attach_bytes(std::int64_t report_id, std::string_view name, std::string_view media_type,
                                  std::span<const std::uint8_t> bytes,
                                  std::uint64_t max_bytes = kMaxAttachBytesInMemory);
    static constexpr std::uint64_t kMaxAttachBytesInMemory = 512ull << 20;

private:
    Session& session_;
};

std::string guess_media_type(const std::filesystem::path& file);

// Every evidence file exists, is a regular file and can be read: checked
// before anything is stored (and before a face asks for the passphrase), so a
// typo in one path fails the whole action instead of leaving half of it done.
// Throws fv::Error(NotFound), Invalid (a directory or other non-regular file)
// or Io (unreadable), naming the file.
void check_evidence_files(const std::vector<std::filesystem::path>& files);

}  // namespace fv::core
