#include "carried_proof.h"
#include "fieldvault/core/i18n.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"

namespace fv::core::detail {

namespace {

using json = nlohmann::json;
constexpr std::string_view kSchema = "fieldvault-proof";

[[noreturn]] void bad(const std::string& why) {
    throw Error(ErrorKind::Integrity, tr_args("content tampered or inconsistent: a carried proof {1}", {why}));
}

std::vector<std::uint8_t> bytes(const json& in, const char* key) {
    if (!in.contains(key) || !in.at(key).is_string()) bad(std::string("has no ") + key);
    try {
        return crypto::from_base64(in.at(key).get<std::string>());
    } catch (const Error&) {
        bad(std::string("has a malformed ") + key);
    }
}

}  // namespace

std::string encode_carried_proof(const crypto::BundleProof& proof, const std::map<std::string, std::string>& documents) {
    json docs = json::object();
    for (const auto& [item, text] : documents)
        docs[item] = crypto::to_base64({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    return json{{"schema", kSchema},
                {"schema_version", 1},
                {"header", crypto::to_base64(proof.header)},
                {"manifest", crypto::to_base64(proof.manifest)},
                {"signature", crypto::to_base64(proof.signature)},
                {"documents", docs}}
        .dump();
}

CarriedProof decode_carried_proof(std::string_view text) {
    json in;
    try {
        in = json::parse(text.begin(), text.end());
    } catch (const json::exception&) {
        bad("is not valid JSON");
    }
    if (!in.is_object() || in.size() != 6 || in.value("schema", std::string()) != kSchema ||
        !in.contains("schema_version") || in.at("schema_version") != 1 || !in.contains("documents") ||
        !in.at("documents").is_object())
        bad("does not have the expected keys");
    CarriedProof out;
    out.proof = crypto::BundleProof{bytes(in, "header"), bytes(in, "manifest"), bytes(in, "signature")};
    try {
        out.manifest = crypto::verify_bundle_proof(out.proof);
    } catch (const Error& e) {
        bad(std::string("does not verify: ") + e.what());
    }
    for (const auto& [item, value] : in.at("documents").items()) {
        if (!value.is_string()) bad("has a malformed document");
        std::vector<std::uint8_t> raw;
        try {
            raw = crypto::from_base64(value.get<std::string>());
        } catch (const Error&) {
            bad("has a malformed document");
        }
        const auto listed = std::find_if(out.manifest.items.begin(), out.manifest.items.end(),
                                         [&](const crypto::BundleItem& i) { return i.id == item; });
        if (listed == out.manifest.items.end() || listed->kind != "report" || listed->sha256 != crypto::sha256(raw))
            bad("holds a report document its signature does not cover");
        out.documents.emplace(item, std::string(raw.begin(), raw.end()));
    }
    return out;
}

}  // namespace fv::core::detail
