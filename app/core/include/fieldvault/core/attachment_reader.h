#pragma once
// Reading an attachment into memory for an in-app preview: the decrypted bytes
// go into a SecretBuffer (wiped when freed), never to a temporary file.
#include <cstdint>

#include "fieldvault/core/session.h"
#include "fieldvault/model/secret.h"

namespace fv::core {

// The original bytes, checked against the recorded size and SHA-256. Throws
// fv::Error(Invalid) if the attachment is larger than `max_bytes` (checked
// before anything is read), NotFound for an unknown id, Integrity on a mismatch.
[[nodiscard]] SecretBuffer read_attachment(Session& session, std::int64_t attachment_id, std::uint64_t max_bytes);

}  // namespace fv::core
