// Writes the sealed-bundle test vectors (tests/vectors/bundle-*.txt).
// Deterministic: keys come from fixed seeds, and every random byte (file key,
// ephemeral keys, nonces) from a seeded libsodium randombytes implementation
// installed before libsodium starts. Run by hand after a format change:
//   build/.../fieldvault_bundle_vector_generator tests/vectors
// Each vector states its expected outcome and the SHA-256 of the item bytes a
// streaming reader may release before that outcome (docs/bundle-format.md).
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "bundle_forge.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"

namespace {

using namespace fv::crypto;
using namespace fv::test::bundle;
using Code = BundleErrorCode;

// --- seeded randomness (test only) -----------------------------------------
std::uint64_t g_counter = 0;

void seeded_buf(void* const buf, const size_t size) {
    std::array<unsigned char, randombytes_SEEDBYTES> seed{};
    const char tag[] = "fieldvault vectors";
    std::copy(tag, tag + sizeof tag - 1, seed.begin());
    for (std::size_t i = 0; i < 8; ++i) {
        seed[24 + i] = static_cast<unsigned char>(g_counter >> (8 * i));
    }
    ++g_counter;
    randombytes_buf_deterministic(buf, size, seed.data());
}
std::uint32_t seeded_random() {
    std::uint32_t v = 0;
    seeded_buf(&v, sizeof v);
    return v;
}
const char* seeded_name() { return "fieldvault-vectors"; }

randombytes_implementation g_seeded = {seeded_name, seeded_random, nullptr, nullptr, seeded_buf, nullptr};

// --- vectors ---------------------------------------------------------------
struct Vector {
    std::string name;
    std::string expect;
    std::string comment;
    std::uint8_t recipient_seed = 0;
    Bytes bundle;
    Bytes released;  // item bytes a streaming reader may release before the outcome
    std::string signer_card;  // for success
};

std::string seed_hex(std::uint8_t fill) { return to_hex(Bytes(32, fill)); }

void write_vector(const std::string& dir, const Vector& v) {
    std::ofstream out(dir + "/bundle-" + v.name + ".txt", std::ios::binary);
    out << "fieldvault bundle test vector v2\n";
    out << "expect: " << v.expect << "\n";
    out << "comment: " << v.comment << "\n";
    out << "recipient-seed: " << seed_hex(v.recipient_seed) << "\n";
    out << "released-bytes: " << v.released.size() << "\n";
    out << "released-sha256: " << to_hex(sha256(v.released)) << "\n";
    if (!v.signer_card.empty()) {
        out << "signer: " << v.signer_card << "\n";
    }
    out << "\n";
    const auto b64 = to_base64(v.bundle);
    for (std::size_t i = 0; i < b64.size(); i += 76) {
        out << b64.substr(i, 76) << "\n";
    }
    if (!out) {
        throw std::runtime_error("could not write " + v.name);
    }
}

std::string name(BundleErrorCode code) { return std::string(bundle_error_name(code)); }

// The retired format 1, written here only so that readers can be tested on it:
// header = magic || 1 || n || nonce || stanzas || MAC, then the stream header,
// then the chunks; "fieldvault-bundle-v1 ..." context strings throughout.
Bytes version_one_bundle(const IdentityKeys& sender, const PublicIdentity& recipient, const Opened& content) {
    const auto keyed = [](std::span<const std::uint8_t> key, std::string_view context,
                          std::span<const std::uint8_t> extra1, std::span<const std::uint8_t> extra2) {
        std::array<std::uint8_t, 32> out{};
        crypto_generichash_state state;
        crypto_generichash_init(&state, key.data(), key.size(), out.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()), context.size());
        crypto_generichash_update(&state, extra1.data(), extra1.size());
        crypto_generichash_update(&state, extra2.data(), extra2.size());
        crypto_generichash_final(&state, out.data(), out.size());
        return out;
    };
    std::array<std::uint8_t, 32> file_key{};
    randombytes_buf(file_key.data(), file_key.size());
    bf::PayloadNonce nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    std::array<std::uint8_t, 32> e_pk{}, e_sk{}, shared{};
    crypto_box_keypair(e_pk.data(), e_sk.data());
    if (crypto_scalarmult(shared.data(), e_sk.data(), recipient.encryption_key.data()) != 0) {
        throw std::runtime_error("v1 vector: low-order recipient");
    }
    const auto wrap = keyed(shared, "fieldvault-bundle-v1 wrap", e_pk, recipient.encryption_key);
    Bytes header(bf::kMagic.begin(), bf::kMagic.end());
    header.push_back(1);
    header.push_back(1);
    header.insert(header.end(), nonce.begin(), nonce.end());
    header.insert(header.end(), e_pk.begin(), e_pk.end());
    Bytes wrapped(48);
    const std::array<std::uint8_t, 12> zero_nonce{};
    unsigned long long written = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(wrapped.data(), &written, file_key.data(), file_key.size(), nullptr, 0,
                                              nullptr, zero_nonce.data(), wrap.data());
    header.insert(header.end(), wrapped.begin(), wrapped.end());
    const auto mac_key = keyed(file_key, "fieldvault-bundle-v1 header mac", {}, {});
    std::array<std::uint8_t, 32> mac{};
    crypto_generichash(mac.data(), mac.size(), header.data(), header.size(), mac_key.data(), mac_key.size());
    header.insert(header.end(), mac.begin(), mac.end());

    const std::string_view sig_context = "fieldvault-bundle-v1 signature";
    Bytes message(sig_context.begin(), sig_context.end());
    const auto header_hash = bf::blake2b_512(header);
    const auto manifest_hash = bf::blake2b_512(content.manifest);
    message.insert(message.end(), header_hash.begin(), header_hash.end());
    message.insert(message.end(), manifest_hash.begin(), manifest_hash.end());
    Bytes plaintext = bf::payload_prefix(content.manifest, bf::sign(sender, message));
    plaintext.insert(plaintext.end(), content.items.begin(), content.items.end());

    const auto payload_key = keyed(file_key, "fieldvault-bundle-v1 payload", nonce, {});
    crypto_secretstream_xchacha20poly1305_state state;
    bf::StreamHeader stream_header{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, stream_header.data(), payload_key.data());
    Bytes out = header;
    out.insert(out.end(), stream_header.begin(), stream_header.end());
    for (const auto& [plain, tag] : standard_chunks(plaintext)) {
        Bytes cipher(plain.size() + bf::kChunkOverhead);
        crypto_secretstream_xchacha20poly1305_push(&state, cipher.data(), &written, plain.data(), plain.size(),
                                                   nullptr, 0, tag);
        out.insert(out.end(), cipher.begin(), cipher.end());
    }
    return out;
}

Bytes concat(const std::vector<ItemData>& items) {
    Bytes out;
    for (const auto& i : items) {
        out.insert(out.end(), i.data.begin(), i.data.end());
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fieldvault_bundle_vector_generator DIR\n";
        return 2;
    }
    randombytes_set_implementation(&g_seeded);  // before sodium_init
    const std::string dir = argv[1];
    constexpr std::uint8_t kSender = 0x01, kOrgA = 0x02, kOrgB = 0x03, kStranger = 0x04;
    const auto sender = keys_from_seed(kSender);
    const auto org_a = keys_from_seed(kOrgA);
    const auto org_b = keys_from_seed(kOrgB);

    std::vector<Vector> vectors;
    const std::vector<ItemData> small{{"r1", "report", "report.json", bytes_of("{\"schema\":1,\"title\":\"test\"}")},
                                      {"a1", "attachment", "note.txt", bytes_of("hello")}};
    const auto small_bundle = write_bundle(sender, make_manifest(sender, {org_a.pub}, small), small);
    vectors.push_back({"success-small", "success", "one recipient, a report and an attachment", kOrgA, small_bundle,
                       concat(small), sender.pub.card()});

    const auto empty_bundle = write_bundle(sender, make_manifest(sender, {org_a.pub}, {}), {});
    vectors.push_back({"success-no-items", "success", "a manifest and no item", kOrgA, empty_bundle, {}, sender.pub.card()});

    const std::vector<ItemData> chinese{{"r1", "report", "报告.json", bytes_of("{\"schema\":1,\"narrative\":\"他们威胁我的家人\"}")}};
    vectors.push_back({"success-second-of-two-chinese", "success", "two recipients, read by the second; Chinese name and text",
                       kOrgB, write_bundle(sender, make_manifest(sender, {org_a.pub, org_b.pub}, chinese), chinese),
                       concat(chinese), sender.pub.card()});

    const std::vector<ItemData> big{{"a1", "attachment", "photo.jpg", pattern(70000, 1)}};
    const auto big_bundle = write_bundle(sender, make_manifest(sender, {org_a.pub}, big), big);
    vectors.push_back({"success-two-chunks", "success", "an attachment across two 64 KiB chunks", kOrgA, big_bundle,
                       concat(big), sender.pub.card()});

    vectors.push_back({"not-a-bundle", name(Code::NotABundle), "an age file header", kOrgA,
                       bytes_of("age-encryption.org/v1\n-> X25519 AAAA\n"), {}, {}});

    {
        const auto o = open_raw(org_a, small_bundle);
        const auto header = stanza_header(o.file_key, o.nonce, {org_a.pub.encryption_key}, 3);
        vectors.push_back({"unsupported-version", name(Code::UnsupportedVersion), "version byte 3 (MAC recomputed)",
                           kOrgA, seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext)), {}, {}});
    }
    {
        // A bundle in the retired format 1: stream header after the MAC, v1 context strings.
        const auto o = open_raw(org_a, small_bundle);
        vectors.push_back({"unsupported-version-1", name(Code::UnsupportedVersion),
                           "a format 1 bundle (stream header outside the MAC and signature): refused, export again",
                           kOrgA, version_one_bundle(sender, org_a.pub, o), {}, {}});
    }
    vectors.push_back({"header-magic-only", name(Code::HeaderTampered),
                       "the 8 magic bytes and nothing else: a header cut before its version byte", kOrgA,
                       Bytes(bf::kMagic.begin(), bf::kMagic.end()), {}, {}});
    {
        // Issue 12: a co-recipient re-encrypts the same payload under a new stream header.
        const auto two = write_bundle(sender, make_manifest(sender, {org_a.pub, org_b.pub}, small), small);
        const auto o = open_raw(org_b, two);
        const auto fresh = random_stream_header();
        auto unmacced = o.header;
        std::copy(fresh.begin(), fresh.end(), unmacced.begin() + static_cast<std::ptrdiff_t>(bf::stream_header_offset(2)));
        vectors.push_back({"header-stream-header-replaced", name(Code::HeaderTampered),
                           "a co-recipient re-encrypted the payload under a new stream header, MAC not recomputed",
                           kOrgA, seal(o.file_key, o.nonce, unmacced, standard_chunks(o.plaintext)), {}, {}});
        const auto remacced = bf::build_header(o.file_key, o.nonce, stanzas_of(o.header), fresh);
        vectors.push_back({"signature-stream-header-replaced", name(Code::SignatureInvalid),
                           "a co-recipient re-encrypted the payload under a new stream header and recomputed the MAC",
                           kOrgA, seal(o.file_key, o.nonce, remacced, standard_chunks(o.plaintext)), {}, {}});
    }
    {
        auto b = small_bundle;
        b[bf::header_bytes(1) - 1] ^= 0x01;
        vectors.push_back({"header-mac", name(Code::HeaderTampered), "last bit of the header MAC flipped", kOrgA, b, {}, {}});
        vectors.push_back({"header-truncated", name(Code::HeaderTampered), "file cut inside the header", kOrgA,
                           Bytes(small_bundle.begin(), small_bundle.begin() + 100), {}, {}});
    }
    vectors.push_back({"no-match", name(Code::NotAddressed), "addressed to another vault", kStranger, small_bundle, {}, {}});

    const auto offsets = chunk_offsets(big_bundle);
    const auto big_prefix = 4 + bf::encode_manifest(make_manifest(sender, {org_a.pub}, big)).size() + 64;
    const Bytes first_chunk_items(big[0].data.begin(),
                                  big[0].data.begin() + static_cast<std::ptrdiff_t>(bf::kChunkPlainBytes - big_prefix));
    {
        auto b = big_bundle;
        b[offsets[1] + 10] ^= 0x80;
        vectors.push_back({"payload-second-chunk-altered", name(Code::ContentTampered),
                           "a bit flipped in the second chunk: the first chunk's item bytes may have been released",
                           kOrgA, b, first_chunk_items, {}});
        vectors.push_back({"payload-final-chunk-dropped", name(Code::ContentTampered),
                           "cut at a chunk boundary: the remaining last chunk is not final", kOrgA,
                           Bytes(big_bundle.begin(), big_bundle.begin() + static_cast<std::ptrdiff_t>(offsets[1])), {}, {}});
        auto trailing = big_bundle;
        trailing.push_back(0);
        vectors.push_back({"payload-trailing-byte", name(Code::ContentTampered),
                           "one byte after the final chunk: the final chunk is not the last thing in the file", kOrgA,
                           trailing, first_chunk_items, {}});
        const auto o = open_raw(org_a, big_bundle);
        auto chunks = standard_chunks(o.plaintext);
        chunks[0].second = bf::kTagFinal;
        vectors.push_back({"payload-final-tag-early", name(Code::ContentTampered), "the first of two chunks is tagged final",
                           kOrgA, seal(o.file_key, o.nonce, o.header, chunks), {}, {}});
        auto swapped = o.plaintext;
        swapped.back() ^= 0x01;
        vectors.push_back({"payload-item-hash", name(Code::ContentTampered),
                           "a co-recipient changed an item under the same file key: its SHA-256 fails at its end",
                           kOrgA, seal(o.file_key, o.nonce, o.header, standard_chunks(swapped)),
                           Bytes(swapped.begin() + static_cast<std::ptrdiff_t>(big_prefix), swapped.end()), {}});
    }
    {
        const auto two = write_bundle(sender, make_manifest(sender, {org_a.pub, org_b.pub}, small), small);
        const auto o = open_raw(org_b, two);
        bf::Stanza stanza{};
        std::copy_n(o.header.begin() + bf::kHeaderFixedBytes, stanza.size(), stanza.begin());
        const auto header = bf::build_header(o.file_key, o.nonce, std::vector<bf::Stanza>{stanza}, o.stream_header);
        vectors.push_back({"signature-recipient-removed", name(Code::SignatureInvalid),
                           "a co-recipient removed its own stanza and recomputed the MAC", kOrgA,
                           seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext)), {}, {}});
    }
    {
        const auto o = open_raw(org_a, small_bundle);
        auto m = bf::decode_manifest(o.manifest);
        m.signer = org_b.pub;
        Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
        plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
        vectors.push_back({"signature-signer-substituted", name(Code::SignatureInvalid), "the manifest's signer key replaced",
                           kOrgA, seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext)), {}, {}});

        const auto file_key = bf::random_file_key();
        bf::PayloadNonce nonce{};
        randombytes_buf(nonce.data(), nonce.size());
        const auto header = stanza_header(file_key, nonce, {org_b.pub.encryption_key});
        vectors.push_back({"not-listed-forwarded", name(Code::RecipientNotListed),
                           "organisation A re-sealed the sender's plaintext and signature to organisation B", kOrgB,
                           seal(file_key, nonce, header, standard_chunks(o.plaintext)), {}, {}});
    }
    {
        auto m = make_manifest(sender, {org_a.pub}, small);
        m.items[1].name = "../../.bashrc";
        Forge spec;
        spec.signer = &sender;
        spec.stanza_keys = {org_a.pub.encryption_key};
        spec.manifest = bf::encode_manifest(m);
        spec.items = concat(small);
        vectors.push_back({"manifest-bad-name", name(Code::ManifestInvalid), "an item name with \"..\" and \"/\", validly signed",
                           kOrgA, forge(spec), {}, {}});
        spec.manifest = bf::encode_manifest(make_manifest(sender, {org_a.pub}, small));
        spec.manifest_length = 0xffffffff;
        vectors.push_back({"manifest-absurd-length", name(Code::ManifestInvalid), "manifest length 2^32-1", kOrgA, forge(spec),
                           {}, {}});
    }

    for (const auto& v : vectors) {
        write_vector(dir, v);
    }
    std::cout << vectors.size() << " vectors written to " << dir << "\n";
    return 0;
}
