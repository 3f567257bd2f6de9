// AttachmentService::attach_bytes: evidence that exists only in memory (a
// voice memo recorded in the desktop app) goes into the vault as attach()
// stores a file: encrypted, hashed, audited. The bytes are read in place
// through a stream buffer over the caller's memory: no copy, no temporary file.
#include <algorithm>
#include <cctype>
#include <streambuf>
#include <string>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

// Reads the caller's bytes without copying them (std::istringstream would
// copy them into a std::string that is never wiped).
class SpanBuffer final : public std::streambuf {
public:
    explicit SpanBuffer(std::span<const std::uint8_t> bytes) {
        // std::streambuf wants char*; it only reads through the get area.
        auto* begin = const_cast<char*>(reinterpret_cast<const char*>(bytes.data()));
        setg(begin, begin, begin + bytes.size());
    }
};

// "type/subtype" in the letters media types use (RFC 6838), at most 127 bytes.
bool valid_media_type(std::string_view type) {
    if (type.empty() || type.size() > 127) return false;
    const auto slash = type.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == type.size()) return false;
    if (type.find('/', slash + 1) != std::string_view::npos) return false;
    return std::all_of(type.begin(), type.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::isalnum(u) != 0 || c == '/' || c == '.' || c == '+' || c == '-' || c == '_';
    });
}

}  // namespace

AttachmentRecord AttachmentService::attach_bytes(std::int64_t report_id, std::string_view name,
                                                 std::string_view media_type, std::span<const std::uint8_t> bytes,
                                                 std::uint64_t max_bytes) {
    if (bytes.empty()) throw Error(ErrorKind::Invalid, tr("There is nothing to store: the recording is empty."));
    if (bytes.size() > max_bytes)
        throw Error(ErrorKind::Invalid, tr_args("This is too large to store (at most {1} MiB).", {std::to_string(max_bytes >> 20)}));
    if (name.empty()) throw Error(ErrorKind::Invalid, tr("The file name is empty."));
    if (!is_valid_utf8(name)) throw Error(ErrorKind::Invalid, tr("The file name is not valid text."));
    const auto clean_name = sanitize_file_name(name);
    if (!valid_media_type(media_type)) throw Error(ErrorKind::Invalid, tr("The kind of file is not given as type/subtype."));

    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto report = storage::ReportRepository(db).get(report_id);
    if (!report) throw Error(ErrorKind::NotFound, tr_args("There is no report number {1}.", {std::to_string(report_id)}));
    if (report->status == ReportStatus::Final)
        throw Error(ErrorKind::Invalid,
                    tr_args("Report {1} is final: files can no longer be added to it.", {std::to_string(report_id)}));
    SpanBuffer buffer(bytes);
    std::istream in(&buffer);
    const auto now = now_seconds();
    storage::AttachmentStore store(db);
    const auto id = store.import(report_id, in, clean_name, media_type, now);
    auto record = store.get(id);
    if (!record) throw Error(ErrorKind::Integrity, tr("The file vanished while it was being stored."));
    if (record->size != bytes.size()) throw Error(ErrorKind::Integrity, tr("What was stored differs in size from the recording."));
    storage::AuditLog(db).append("attach", "attachment:" + std::to_string(id),
                                 "report:" + std::to_string(report_id) + " sha256 " + record->sha256, now);
    tx.commit();
    return *record;
}

}  // namespace fv::core
