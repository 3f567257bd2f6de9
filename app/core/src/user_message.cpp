// The errors of storage/ and crypto/ in the person's language (issue 14); see
// user_message.h for how core's own messages are translated.
#include "fieldvault/core/user_message.h"

#include <string_view>

#include "fieldvault/core/i18n.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

// The messages of storage/ and crypto/ that a person can meet, exactly as
// those layers write them, with {1}, {2} for the parts they fill in. A detail
// that is itself one of these messages ("disk full") is translated too.
// More specific patterns come before more general ones.
const std::vector<const char*> kLowerLayer = {
    // Opening: the passphrase, the recovery key, the folder.
    FV_N_("wrong passphrase"),
    FV_N_("wrong recovery key"),
    FV_N_("wrong key or altered data"),
    FV_N_("invalid recovery key: it must start with \"FVRK-\""),
    FV_N_("invalid recovery key: wrong length ({1} characters without dashes, expected {2})"),
    FV_N_("invalid recovery key: wrong length"),
    FV_N_("invalid recovery key: character {1} (not counting dashes and spaces) is not a letter or digit used in "
          "recovery keys"),
    FV_N_("invalid recovery key: checksum mismatch: the key has a typo (impossible last character)"),
    FV_N_("invalid recovery key: checksum mismatch: the key has a typo"),
    FV_N_("invalid recovery key: {1}"),
    FV_N_("the passphrase is empty"),
    FV_N_("no vault in this folder"),
    FV_N_("no vault folder given"),
    FV_N_("the vault path is not a folder"),
    FV_N_("a vault already exists in this folder"),
    FV_N_("the vault folder is not empty"),
    FV_N_("cannot create the vault folder: {1}"),
    FV_N_("cannot protect the vault folder: {1}"),
    FV_N_("cannot create the attachment folder: {1}"),
    FV_N_("cannot open the vault database: out of memory"),
    FV_N_("not enough memory to derive the key from the passphrase"),
    FV_N_("the vault is busy (open in another program?): {1}"),
    // A damaged or replaced vault.
    FV_N_("corrupted key header"),
    FV_N_("key header has unsupported cipher settings"),
    FV_N_("unsupported vault version"),
    FV_N_("key header asks for Argon2id parameters out of bounds"),
    FV_N_("unknown key derivation algorithm in the key header"),
    FV_N_("key derivation parameters in the key header are out of bounds"),
    FV_N_("this vault was made by a newer Fieldvault (schema {1})"),
    FV_N_("cannot read the schema version"),
    FV_N_("the vault database is corrupted or does not belong to this key header"),
    FV_N_("the vault database is corrupted: {1}"),
    FV_N_("the vault database is missing"),
    FV_N_("the vault database is empty or truncated"),
    FV_N_("the vault database is not encrypted"),
    FV_N_("the key header does not match the database"),
    FV_N_("the vault's attachment folder \"blobs\" is not a folder"),
    FV_N_("the stored identity is corrupted"),
    FV_N_("the stored identity card does not match its keys"),
    FV_N_("a stored revision is malformed"),
    FV_N_("a revision does not match its recorded SHA-256"),
    FV_N_("a report has an unknown status in the database"),
    FV_N_("a stored annotation's tags are damaged"),
    FV_N_("a stored bundle sequence is malformed"),
    FV_N_("a received report's redaction list is malformed"),
    FV_N_("vault.anchor is damaged or belongs to another vault"),
    FV_N_("vault.anchor is damaged"),
    FV_N_("vault.anchor is not a file"),
    FV_N_("the vault's anchor key is damaged"),
    FV_N_("the audit log's head hash is malformed"),
    // A vault check's findings (the database, the audit log, the files).
    FV_N_("the check stopped at a page that cannot be read (altered or damaged: it does not decrypt or "
          "authenticate): {1}"),
    FV_N_("the audit log's hash chain breaks at this entry"),
    FV_N_("the list of attachments could not be read"),
    FV_N_("another program is writing to the vault"),
    FV_N_("the blobs folder could not be listed: {1}"),
    FV_N_("vault.anchor, the vault's record of its last state, is missing"),
    FV_N_("the audit log stops before entry #{1}, which the vault recorded"),
    FV_N_("the audit log holds a different entry #{1} than the vault recorded"),
    FV_N_("This vault's database is older than the vault: it comes from before the vault kept a record of its "
          "last state (vault.anchor). It may have been replaced by an older copy. Nothing was changed or deleted."),
    FV_N_("vault.anchor, the vault's record of its last state, is missing, so Fieldvault cannot tell whether this "
          "database is the latest one. It may have been replaced by an older copy. Nothing was changed or deleted."),
    FV_N_("vault.anchor, the vault's record of its last state, is damaged or belongs to another vault, so Fieldvault "
          "cannot tell whether this database is the latest one. It may have been replaced by an older copy. Nothing "
          "was changed or deleted."),
    FV_N_("This vault's database is older than its last recorded state: its audit log holds a different entry #{1} "
          "than the vault recorded. It may have been replaced by an older copy. Nothing was changed or deleted."),
    FV_N_("This vault's database is older than its last recorded state: its audit log stops before entry #{1}, "
          "which the vault recorded. It may have been replaced by an older copy. Nothing was changed or deleted."),
    // Attachments kept in the vault.
    FV_N_("an attachment chunk is missing"),
    FV_N_("an attachment chunk has the wrong size"),
    FV_N_("the attachment is truncated"),
    FV_N_("the attachment does not match its recorded SHA-256"),
    FV_N_("an attachment row is damaged"),
    FV_N_("an attachment file is missing from the vault"),
    FV_N_("an attachment file is not a regular file"),
    FV_N_("an attachment file has the wrong size (cut, extended or swapped)"),
    FV_N_("an attachment file is cut or damaged"),
    FV_N_("an attachment file is cut"),
    FV_N_("an attachment file is damaged (not an attachment file header)"),
    FV_N_("an attachment file has bytes after its end"),
    FV_N_("an attachment file has a short chunk before its end"),
    FV_N_("an attachment file was altered or cut (its last chunk does not authenticate)"),
    FV_N_("an attachment file was altered (a chunk does not authenticate)"),
    FV_N_("the attachment is not its recorded size"),
    FV_N_("the attachment's file is not in the vault's blobs folder"),
    FV_N_("no attachment names this file (left as it is)"),
    FV_N_("an attachment needs a file name"),
    FV_N_("an attachment name must be a file name, not a path"),
    FV_N_("cannot read the file being attached"),
    FV_N_("cannot write the extracted attachment"),
    // Files and the disk (the detail after the colon is the system's).
    FV_N_("disk full for this file (larger than the file system or a limit allows)"),
    FV_N_("disk full (quota exceeded)"),
    FV_N_("disk full: {1}"),
    FV_N_("disk full"),
    FV_N_("cannot store the attachment: {1}"),
    FV_N_("cannot read an attachment file: {1}"),
    FV_N_("cannot sync the vault folder: {1}"),
    FV_N_("cannot write the key header: {1}"),
    FV_N_("cannot replace the key header: {1}"),
    FV_N_("cannot finish the key change: {1}"),
    FV_N_("cannot write vault.anchor: {1}"),
    FV_N_("cannot read {1}: {2}"),
    FV_N_("cannot create {1}: {2}"),
    FV_N_("cannot write {1}: {2}"),
    FV_N_("cannot sync {1}: {2}"),
    // Records in the vault.
    FV_N_("no such report"),
    FV_N_("no such attachment"),
    FV_N_("no such contact"),
    FV_N_("no such case"),
    FV_N_("no report with id {1}"),
    FV_N_("report is final"),
    FV_N_("report {1} is final: it is kept as a record"),
    FV_N_("report {1} was sent in a bundle: it is kept, so what was sent stays on record"),
    FV_N_("malformed report content: {1}"),
    FV_N_("report content is not valid UTF-8"),
    FV_N_("a contact needs a name"),
    FV_N_("a contact with this name already exists"),
    FV_N_("a case needs a name"),
    FV_N_("a case with this name already exists"),
    FV_N_("a source cannot be merged into itself"),
    FV_N_("that contact is itself merged into another; merge into that one"),
    FV_N_("this vault already has an identity"),
    FV_N_("cancelled"),
    // Identity cards.
    FV_N_("invalid identity card: it must start with \"fvid1-\""),
    FV_N_("invalid identity card: wrong length ({1} characters, expected {2})"),
    FV_N_("invalid identity card: wrong length"),
    FV_N_("invalid identity card: bad character at position {1}"),
    FV_N_("invalid identity card: checksum mismatch: the card has a typo (impossible last character)"),
    FV_N_("invalid identity card: checksum mismatch: the card has a typo"),
    FV_N_("invalid identity card: the encryption key is not a usable X25519 key (low order or non-canonical)"),
    FV_N_("invalid identity card: the signing key is not a valid Ed25519 key"),
    FV_N_("invalid identity card: {1}"),
    // Sealed bundles: the name of the check that refused it, then the reason.
    FV_N_("could not write the bundle"),
    FV_N_("could not read the bundle"),
    FV_N_("not a bundle: {1}"),
    FV_N_("unsupported version: {1}"),
    FV_N_("not addressed to this vault: {1}"),
    FV_N_("header tampered: {1}"),
    FV_N_("content tampered or truncated: {1}"),
    FV_N_("signature invalid: {1}"),
    FV_N_("not a listed recipient: {1}"),
    FV_N_("manifest invalid: {1}"),
};

// A bundle refusal whose text does not start with its check's name.
const char* bundle_msgid(crypto::BundleErrorCode code) noexcept {
    switch (code) {
        case crypto::BundleErrorCode::NotABundle: return "not a bundle: {1}";
        case crypto::BundleErrorCode::UnsupportedVersion: return "unsupported version: {1}";
        case crypto::BundleErrorCode::NotAddressed: return "not addressed to this vault: {1}";
        case crypto::BundleErrorCode::HeaderTampered: return "header tampered: {1}";
        case crypto::BundleErrorCode::ContentTampered: return "content tampered or truncated: {1}";
        case crypto::BundleErrorCode::SignatureInvalid: return "signature invalid: {1}";
        case crypto::BundleErrorCode::RecipientNotListed: return "not a listed recipient: {1}";
        case crypto::BundleErrorCode::ManifestInvalid: return "manifest invalid: {1}";
    }
    return "manifest invalid: {1}";  // i18n: not text (unreachable)
}

// Matches `text` against `pattern` (literal text with {1}..{9}); the parts
// filled in go to `args` in order of number. Each placeholder takes the
// shortest text up to the literal after it; the last one up to the end.
bool match(std::string_view pattern, std::string_view text, std::vector<std::string>& args) {
    std::vector<std::pair<int, std::string>> found;
    std::size_t p = 0, t = 0;
    while (p < pattern.size()) {
        const auto open = pattern.find('{', p);
        const auto literal = pattern.substr(p, open == std::string_view::npos ? std::string_view::npos : open - p);
        if (text.substr(t, literal.size()) != literal) return false;
        t += literal.size();
        if (open == std::string_view::npos) break;
        const auto close = pattern.find('}', open);
        if (close == std::string_view::npos || close != open + 2 || pattern[open + 1] < '1' || pattern[open + 1] > '9')
            return false;
        const int number = pattern[open + 1] - '0';
        p = close + 1;
        const auto next_open = pattern.find('{', p);
        const auto next = pattern.substr(p, next_open == std::string_view::npos ? std::string_view::npos : next_open - p);
        std::size_t end = 0;
        if (next_open == std::string_view::npos) {
            // The last literal ends the text.
            if (text.size() < t + next.size() || text.substr(text.size() - next.size()) != next) return false;
            end = text.size() - next.size();
        } else {
            end = next.empty() ? t : text.find(next, t);
            if (end == std::string_view::npos) return false;
        }
        if (end == t) return false;  // a detail is never empty
        found.emplace_back(number, std::string(text.substr(t, end - t)));
        t = end;
    }
    if (t != text.size()) return false;
    args.assign(found.size(), {});
    for (const auto& [number, value] : found) {
        if (static_cast<std::size_t>(number) > args.size()) return false;
        args[static_cast<std::size_t>(number - 1)] = value;
    }
    return true;
}

std::string translate(const char* msgid, std::vector<std::string> args);

// A detail that is itself a known message with no parts ("disk full").
std::string translated_detail(const std::string& detail) {
    for (const char* msgid : kLowerLayer) {
        if (std::string_view(msgid).find('{') == std::string_view::npos && detail == msgid) return tr(msgid);
    }
    return detail;
}

std::string translate(const char* msgid, std::vector<std::string> args) {
    if (args.empty()) return tr(msgid);
    for (auto& arg : args) arg = translated_detail(arg);
    switch (args.size()) {
        case 1: return tr_args(msgid, {args[0]});
        case 2: return tr_args(msgid, {args[0], args[1]});
        default: return tr_args(msgid, {args[0], args[1], args[2]});
    }
}

bool translated_text(std::string_view text, std::string& out) {
    std::vector<std::string> args;
    for (const char* msgid : kLowerLayer) {
        if (match(msgid, text, args)) {
            out = translate(msgid, args);
            return true;
        }
    }
    return false;
}

}  // namespace

const std::vector<const char*>& lower_layer_msgids() { return kLowerLayer; }

std::string user_message(const std::exception& error) {
    const std::string_view text = error.what();
    std::string out;
    if (translated_text(text, out)) return out;
    if (const auto* bundle = dynamic_cast<const crypto::BundleError*>(&error))
        return translate(bundle_msgid(bundle->code()), {std::string(text)});
    return std::string(text);
}

std::string user_text(std::string_view english) {
    std::string out;
    return translated_text(english, out) ? out : std::string(english);
}

}  // namespace fv::core
