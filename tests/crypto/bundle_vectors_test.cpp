// Runs every tests/vectors/bundle-*.txt: reads the bundle with the recipient
// key from the stated seed and checks the stated outcome, the SHA-256 of the
// item bytes released before it, and for a success the signer's card.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "bundle_forge.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"

namespace fv::test::bundle {
namespace {

using namespace fv::crypto;
namespace fs = std::filesystem;

// A vector's "expect:" word: "success", or exactly the reader's bundle_error_name().
std::string expect_name(std::optional<BundleErrorCode> code) {
    return code ? std::string(bundle_error_name(*code)) : std::string("success");
}

struct VectorFile {
    std::map<std::string, std::string> fields;
    Bytes bundle;
};

VectorFile parse(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "fieldvault bundle test vector v2") << path;
    VectorFile v;
    while (std::getline(in, line) && !line.empty()) {
        const auto colon = line.find(": ");
        EXPECT_NE(colon, std::string::npos) << line;
        v.fields[line.substr(0, colon)] = line.substr(colon + 2);
    }
    std::string b64;
    while (std::getline(in, line)) {
        b64 += line;
    }
    v.bundle = from_base64(b64);
    return v;
}

std::vector<fs::path> vector_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(FIELDVAULT_VECTORS_DIR)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("bundle-", 0) == 0 && entry.path().extension() == ".txt") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(BundleVectors, EveryVectorHasItsStatedOutcome) {
    const auto files = vector_files();
    ASSERT_GE(files.size(), 15u) << "vectors missing from " << FIELDVAULT_VECTORS_DIR;
    std::set<std::string> outcomes;
    for (const auto& path : files) {
        SCOPED_TRACE(path.filename().string());
        const auto v = parse(path);
        const auto keys = keys_from_seed(from_hex(v.fields.at("recipient-seed")));
        Bytes released;
        const auto result = outcome(keys, v.bundle, &released);
        EXPECT_EQ(expect_name(result), v.fields.at("expect"));
        EXPECT_EQ(std::to_string(released.size()), v.fields.at("released-bytes"));
        EXPECT_EQ(to_hex(sha256(released)), v.fields.at("released-sha256"));
        if (!result) {
            std::istringstream in(std::string(v.bundle.begin(), v.bundle.end()));
            BundleReader reader(keys, in);
            EXPECT_EQ(reader.manifest().signer.card(), v.fields.at("signer"));
        }
        outcomes.insert(v.fields.at("expect"));
    }
    // Every kind of outcome is covered by at least one vector.
    EXPECT_EQ(outcomes.count("success"), 1u);
    for (const auto code : {BundleErrorCode::NotABundle, BundleErrorCode::UnsupportedVersion,
                            BundleErrorCode::NotAddressed, BundleErrorCode::HeaderTampered,
                            BundleErrorCode::ContentTampered, BundleErrorCode::SignatureInvalid,
                            BundleErrorCode::RecipientNotListed, BundleErrorCode::ManifestInvalid}) {
        EXPECT_EQ(outcomes.count(std::string(bundle_error_name(code))), 1u) << bundle_error_name(code);
    }
    // Nothing else: a word that is no error name would be a typo the reader never produces.
    EXPECT_EQ(outcomes.size(), 9u);
}

}  // namespace
}  // namespace fv::test::bundle
