// The manifest: strict binary encoding, decoding and every bound of
// docs/bundle-format.md "Manifest". Decoding checks each length against its
// bound before reserving anything, and consumes exactly the bytes given.
#include <sodium.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {

std::string_view bundle_error_name(BundleErrorCode code) noexcept {
    switch (code) {
        case BundleErrorCode::NotABundle:
            return "not a bundle";
        case BundleErrorCode::UnsupportedVersion:
            return "unsupported version";
        case BundleErrorCode::NotAddressed:
            return "not addressed to this vault";
        case BundleErrorCode::HeaderTampered:
            return "header tampered";
        case BundleErrorCode::ContentTampered:
            return "content tampered or truncated";
        case BundleErrorCode::SignatureInvalid:
            return "signature invalid";
        case BundleErrorCode::RecipientNotListed:
            return "not a listed recipient";
        case BundleErrorCode::ManifestInvalid:
            return "manifest invalid";
    }
    return "unknown";
}

BundleId BundleManifest::random_id() {
    BundleId id{};
    random_bytes(id);
    return id;
}

namespace bundle_format {

namespace {

using L = BundleLimits;

[[noreturn]] void invalid(const std::string& why, ErrorKind kind = ErrorKind::Integrity) {
    throw BundleError(BundleErrorCode::ManifestInvalid, "manifest invalid: " + why, kind);
}

void put_u8(Bytes& out, std::uint8_t v) { out.push_back(v); }
void put_le(Bytes& out, std::uint64_t v, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) {
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}
void put_bytes(Bytes& out, std::span<const std::uint8_t> bytes) { out.insert(out.end(), bytes.begin(), bytes.end()); }
void put_text(Bytes& out, std::string_view text) { out.insert(out.end(), text.begin(), text.end()); }
void put_identity(Bytes& out, const PublicIdentity& id) {
    put_bytes(out, id.signing_key);
    put_bytes(out, id.encryption_key);
}

// Reads fields in order; any read past the end is "truncated".
class Cursor {
public:
    explicit Cursor(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    std::span<const std::uint8_t> take(std::size_t n, const char* what) {
        if (n > bytes_.size() - pos_) {
            invalid(std::string("truncated at ") + what);
        }
        auto out = bytes_.subspan(pos_, n);
        pos_ += n;
        return out;
    }
    std::uint64_t le(std::size_t n, const char* what) {
        const auto b = take(n, what);
        std::uint64_t v = 0;
        for (std::size_t i = n; i-- > 0;) {
            v = (v << 8) | b[i];
        }
        return v;
    }
    std::string text(std::size_t n, const char* what) {
        const auto b = take(n, what);
        return std::string(b.begin(), b.end());
    }
    PublicIdentity identity(const char* what) {
        PublicIdentity id;
        const auto b = take(64, what);
        std::copy_n(b.begin(), 32, id.signing_key.begin());
        std::copy_n(b.begin() + 32, 32, id.encryption_key.begin());
        return id;
    }
    bool at_end() const { return pos_ == bytes_.size(); }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

// Strict UTF-8 (shortest form, no surrogates, <= U+10FFFF); calls f(code point).
template <typename F>
bool for_each_code_point(std::string_view text, F&& f) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b0 = static_cast<std::uint8_t>(text[i]);
        std::uint32_t cp = 0;
        std::size_t len = 0;
        if (b0 < 0x80) {
            cp = b0;
            len = 1;
        } else if (b0 >= 0xc2 && b0 <= 0xdf) {
            cp = b0 & 0x1fu;
            len = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            cp = b0 & 0x0fu;
            len = 3;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            cp = b0 & 0x07u;
            len = 4;
        } else {
            return false;
        }
        if (len > text.size() - i) {
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<std::uint8_t>(text[i + k]);
            if ((b & 0xc0u) != 0x80u) {
                return false;
            }
            cp = (cp << 6) | (b & 0x3fu);
        }
        const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        f(cp);
        i += len;
    }
    return true;
}

bool is_direction_mark(std::uint32_t cp) {
    return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

bool only_chars(std::string_view text, std::string_view extra, bool upper) {
    return std::all_of(text.begin(), text.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (upper && c >= 'A' && c <= 'Z') ||
               extra.find(c) != std::string_view::npos;
    });
}

// Both keys valid (identity-card rules): round-trip through the card parser.
bool valid_identity(const PublicIdentity& id) {
    try {
        return PublicIdentity::parse_card(id.card()) == id;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

std::string_view name_problem(std::string_view name) {
    if (name.empty() || name.size() > L::kMaxNameBytes) {
        return "a name must be 1 to 255 bytes";
    }
    if (name == "." || name.find("..") != std::string_view::npos) {
        return "a name must not be \".\" or contain \"..\"";
    }
    if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos) {
        return "a name must not contain \"/\" or \"\\\"";
    }
    const char* problem = nullptr;
    const bool utf8 = for_each_code_point(name, [&](std::uint32_t cp) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
            problem = "a name must not contain control characters";
        } else if (is_direction_mark(cp)) {
            problem = "a name must not contain bidirectional or direction marks";
        }
    });
    if (!utf8) {
        return "a name must be valid UTF-8";
    }
    return problem == nullptr ? std::string_view{} : std::string_view(problem);
}

Bytes encode_manifest(const BundleManifest& m) {
    Bytes out;
    put_bytes(out, m.bundle_id);
    put_le(out, static_cast<std::uint64_t>(m.created_at), 8);
    put_le(out, m.sequence, 8);
    put_identity(out, m.signer);
    put_u8(out, static_cast<std::uint8_t>(m.recipients.size()));
    for (const auto& r : m.recipients) {
        put_identity(out, r);
    }
    put_le(out, m.metadata.size(), 4);
    put_text(out, m.metadata);
    put_le(out, m.items.size(), 4);
    for (const auto& item : m.items) {
        put_u8(out, static_cast<std::uint8_t>(item.id.size()));
        put_text(out, item.id);
        put_u8(out, static_cast<std::uint8_t>(item.kind.size()));
        put_text(out, item.kind);
        put_le(out, item.name.size(), 2);
        put_text(out, item.name);
        put_le(out, item.size, 8);
        put_bytes(out, item.sha256);
    }
    return out;
}

void validate_manifest(const BundleManifest& m, ErrorKind kind) {
    if (m.created_at < 0 || m.created_at > L::kMaxCreatedAt) {
        invalid("creation time out of range", kind);
    }
    if (!valid_identity(m.signer)) {
        invalid("the signer's key is not a valid identity", kind);
    }
    if (m.recipients.empty() || m.recipients.size() > L::kMaxRecipients) {
        invalid("1 to 8 recipients are needed", kind);
    }
    for (std::size_t i = 0; i < m.recipients.size(); ++i) {
        if (!valid_identity(m.recipients[i])) {
            invalid("recipient " + std::to_string(i + 1) + " is not a valid identity", kind);
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (m.recipients[j] == m.recipients[i]) {
                invalid("a recipient is listed twice", kind);
            }
        }
    }
    if (m.metadata.size() > L::kMaxMetadataBytes) {
        invalid("metadata larger than 64 KiB", kind);
    }
    if (m.metadata.find('\0') != std::string::npos || !for_each_code_point(m.metadata, [](std::uint32_t) {})) {
        invalid("metadata must be UTF-8 without NUL", kind);
    }
    if (m.items.size() > L::kMaxItems) {
        invalid("more than 10000 items", kind);
    }
    std::set<std::string_view> ids;
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const auto& item = m.items[i];
        const std::string where = "item " + std::to_string(i + 1) + ": ";
        if (item.id.empty() || item.id.size() > L::kMaxIdBytes || !only_chars(item.id, "._:-", true)) {
            invalid(where + "an id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -", kind);
        }
        if (!ids.insert(item.id).second) {
            invalid(where + "duplicate item id", kind);
        }
        if (item.kind.empty() || item.kind.size() > L::kMaxKindBytes || !only_chars(item.kind, "._-", false)) {
            invalid(where + "a kind must be 1 to 32 characters of a-z 0-9 . _ -", kind);
        }
        if (const auto problem = name_problem(item.name); !problem.empty()) {
            invalid(where + std::string(problem), kind);
        }
        if (item.size > L::kMaxItemSize) {
            invalid(where + "size larger than 2^48 bytes", kind);
        }
        total += item.size;  // cannot overflow: <= 10000 * 2^48
        if (total > L::kMaxTotalSize) {
            invalid("items larger than 2^50 bytes in total", kind);
        }
    }
    if (encode_manifest(m).size() > L::kMaxManifestBytes) {
        invalid("larger than 1 MiB", kind);
    }
}

BundleManifest decode_manifest(std::span<const std::uint8_t> bytes) {
    if (bytes.empty() || bytes.size() > L::kMaxManifestBytes) {
        invalid("length out of bounds");
    }
    Cursor c(bytes);
    BundleManifest m;
    const auto id = c.take(m.bundle_id.size(), "bundle id");
    std::copy(id.begin(), id.end(), m.bundle_id.begin());
    m.created_at = static_cast<std::int64_t>(c.le(8, "creation time"));
    m.sequence = c.le(8, "sequence");
    m.signer = c.identity("signer");
    const auto recipients = c.le(1, "recipient count");
    if (recipients == 0 || recipients > L::kMaxRecipients) {
        invalid("1 to 8 recipients are needed");
    }
    for (std::uint64_t i = 0; i < recipients; ++i) {
        m.recipients.push_back(c.identity("recipients"));
    }
    const auto metadata = c.le(4, "metadata length");
    if (metadata > L::kMaxMetadataBytes) {
        invalid("metadata larger than 64 KiB");
    }
    m.metadata = c.text(static_cast<std::size_t>(metadata), "metadata");
    const auto items = c.le(4, "item count");
    if (items > L::kMaxItems) {
        invalid("more than 10000 items");
    }
    // Each item takes at least 1+1+1+1+2+1+8+32 bytes: the count cannot ask
    // for more than the (<= 1 MiB) manifest holds.
    m.items.reserve(std::min<std::size_t>(static_cast<std::size_t>(items), bytes.size() / 47));
    for (std::uint64_t i = 0; i < items; ++i) {
        BundleItem item;
        item.id = c.text(static_cast<std::size_t>(c.le(1, "item id length")), "item id");
        item.kind = c.text(static_cast<std::size_t>(c.le(1, "item kind length")), "item kind");
        item.name = c.text(static_cast<std::size_t>(c.le(2, "item name length")), "item name");
        item.size = c.le(8, "item size");
        const auto digest = c.take(item.sha256.size(), "item SHA-256");
        std::copy(digest.begin(), digest.end(), item.sha256.begin());
        m.items.push_back(std::move(item));
    }
    if (!c.at_end()) {
        invalid("bytes after the last item");
    }
    validate_manifest(m);
    return m;
}

}  // namespace bundle_format
}  // namespace fv::crypto
