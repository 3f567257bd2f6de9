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
    out << "fieldvault bundle test vector v1\n";
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

    vectors.push_back({"not-a-bundle", "not a bundle", "an age file header", kOrgA,
                       bytes_of("age-encryption.org/v1\n-> X25519 AAAA\n"), {}, {}});

    {
        const auto o = open_raw(org_a, small_bundle);
        const auto header = stanza_header(o.file_key, o.nonce, {org_a.pub.encryption_key}, 2);
        vectors.push_back({"unsupported-version", "unsupported version", "version byte 2 (MAC recomputed)", kOrgA,
                           seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext)), {}, {}});
    }
    {
        auto b = small_bundle;
        b[bf::header_bytes(1) - 1] ^= 0x01;
        vectors.push_back({"header-mac", "header failure", "last bit of the header MAC flipped", kOrgA, b, {}, {}});
        vectors.push_back({"header-truncated", "header failure", "file cut inside the header", kOrgA,
                           Bytes(small_bundle.begin(), small_bundle.begin() + 100), {}, {}});
    }
    vectors.push_back({"no-match", "no match", "addressed to another vault", kStranger, small_bundle, {}, {}});

    const auto offsets = chunk_offsets(big_bundle);
    const auto big_prefix = 4 + bf::encode_manifest(make_manifest(sender, {org_a.pub}, big)).size() + 64;
    const Bytes first_chunk_items(big[0].data.begin(),
                                  big[0].data.begin() + static_cast<std::ptrdiff_t>(bf::kChunkPlainBytes - big_prefix));
    {
        auto b = big_bundle;
        b[offsets[1] + 10] ^= 0x80;
        vectors.push_back({"payload-second-chunk-altered", "payload failure",
                           "a bit flipped in the second chunk: the first chunk's item bytes may have been released",
                           kOrgA, b, first_chunk_items, {}});
        vectors.push_back({"payload-final-chunk-dropped", "payload failure",
                           "cut at a chunk boundary: the remaining last chunk is not final", kOrgA,
                           Bytes(big_bundle.begin(), big_bundle.begin() + static_cast<std::ptrdiff_t>(offsets[1])), {}, {}});
        auto trailing = big_bundle;
        trailing.push_back(0);
        vectors.push_back({"payload-trailing-byte", "payload failure",
                           "one byte after the final chunk: the final chunk is not the last thing in the file", kOrgA,
                           trailing, first_chunk_items, {}});
        const auto o = open_raw(org_a, big_bundle);
        auto chunks = standard_chunks(o.plaintext);
        chunks[0].second = bf::kTagFinal;
        vectors.push_back({"payload-final-tag-early", "payload failure", "the first of two chunks is tagged final",
                           kOrgA, seal(o.file_key, o.nonce, o.header, chunks), {}, {}});
        auto swapped = o.plaintext;
        swapped.back() ^= 0x01;
        vectors.push_back({"payload-item-hash", "payload failure",
                           "a co-recipient changed an item under the same file key: its SHA-256 fails at its end",
                           kOrgA, seal(o.file_key, o.nonce, o.header, standard_chunks(swapped)),
                           Bytes(swapped.begin() + static_cast<std::ptrdiff_t>(big_prefix), swapped.end()), {}});
    }
    {
        const auto two = write_bundle(sender, make_manifest(sender, {org_a.pub, org_b.pub}, small), small);
        const auto o = open_raw(org_b, two);
        bf::Stanza stanza{};
        std::copy_n(o.header.begin() + bf::kHeaderFixedBytes, stanza.size(), stanza.begin());
        const auto header = bf::build_header(o.file_key, o.nonce, std::vector<bf::Stanza>{stanza});
        vectors.push_back({"signature-recipient-removed", "signature failure",
                           "a co-recipient removed its own stanza and recomputed the MAC", kOrgA,
                           seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext)), {}, {}});
    }
    {
        const auto o = open_raw(org_a, small_bundle);
        auto m = bf::decode_manifest(o.manifest);
        m.signer = org_b.pub;
        Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
        plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
        vectors.push_back({"signature-signer-substituted", "signature failure", "the manifest's signer key replaced",
                           kOrgA, seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext)), {}, {}});

        const auto file_key = bf::random_file_key();
        bf::PayloadNonce nonce{};
        randombytes_buf(nonce.data(), nonce.size());
        const auto header = stanza_header(file_key, nonce, {org_b.pub.encryption_key});
        vectors.push_back({"not-listed-forwarded", "recipient not listed",
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
        vectors.push_back({"manifest-bad-name", "manifest failure", "an item name with \"..\" and \"/\", validly signed",
                           kOrgA, forge(spec), {}, {}});
        spec.manifest = bf::encode_manifest(make_manifest(sender, {org_a.pub}, small));
        spec.manifest_length = 0xffffffff;
        vectors.push_back({"manifest-absurd-length", "manifest failure", "manifest length 2^32-1", kOrgA, forge(spec),
                           {}, {}});
    }

    for (const auto& v : vectors) {
        write_vector(dir, v);
    }
    std::cout << vectors.size() << " vectors written to " << dir << "\n";
    return 0;
}
