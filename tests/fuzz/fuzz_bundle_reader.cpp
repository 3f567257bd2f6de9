// Fuzzes the sealed-bundle reader (BundleReader::inspect and a full read with a
// fixed recipient key, the one of tests/vectors' "recipient-seed: 02..02") and
// the manifest decoder on the same bytes. Beyond "no crash": every refusal must
// be a BundleError of kind Integrity, a manifest that decodes must encode back
// to the same bytes (one encoding per manifest), and a bundle that opens must
// have handed out exactly the sizes its manifest lists.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"

namespace {

using namespace fv::crypto;

const IdentityKeys& recipient() {
    static const IdentityKeys keys = [] {
        ensure_initialized();
        IdentityKeys k;
        unsigned char seed[32];
        for (auto& b : seed) {
            b = 0x02;
        }
        k.signing_secret = SecretBuffer(crypto_sign_SECRETKEYBYTES);
        k.encryption_secret = SecretBuffer(crypto_box_SECRETKEYBYTES);
        crypto_sign_seed_keypair(k.pub.signing_key.data(), k.signing_secret.mutable_bytes().data(), seed);
        crypto_box_seed_keypair(k.pub.encryption_key.data(), k.encryption_secret.mutable_bytes().data(), seed);
        return k;
    }();
    return keys;
}

void check_refusal(const BundleError& error) {
    if (error.kind() != fv::ErrorKind::Integrity) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        std::istringstream in(bytes);
        const auto info = BundleReader::inspect(in);
        if (info.size != size || info.version != bundle_format::kVersion || info.recipients == 0 || info.recipients > 8) {
            __builtin_trap();
        }
    } catch (const BundleError& error) {
        check_refusal(error);
    }

    try {
        std::istringstream in(bytes);
        BundleReader reader(recipient(), in);
        std::uint8_t block[4096];
        std::size_t index = 0;
        while (const auto* item = reader.next_item()) {
            std::uint64_t got = 0;
            std::size_t n = 0;
            while ((n = reader.read(block)) != 0) {
                got += n;
            }
            if (got != item->size || &reader.manifest().items[index] != item) {
                __builtin_trap();
            }
            ++index;
        }
        reader.finish();
    } catch (const BundleError& error) {
        check_refusal(error);
    }

    const std::span<const std::uint8_t> span(data, size);
    try {
        const auto manifest = bundle_format::decode_manifest(span);
        const auto again = bundle_format::encode_manifest(manifest);
        if (again.size() != size || !std::equal(again.begin(), again.end(), data)) {
            __builtin_trap();
        }
    } catch (const BundleError& error) {
        check_refusal(error);
    }
    return 0;
}
