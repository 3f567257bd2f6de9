#include "bundle_forge.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "fieldvault/crypto/hash.h"

namespace fv::test::bundle {

using namespace fv::crypto;

IdentityKeys keys_from_seed(std::span<const std::uint8_t> seed) {
    ensure_initialized();
    if (seed.size() != 32) {
        throw std::invalid_argument("seed must be 32 bytes");
    }
    IdentityKeys keys;
    keys.signing_secret = SecretBuffer(crypto_sign_SECRETKEYBYTES);
    keys.encryption_secret = SecretBuffer(crypto_box_SECRETKEYBYTES);
    crypto_sign_seed_keypair(keys.pub.signing_key.data(), keys.signing_secret.mutable_bytes().data(), seed.data());
    crypto_box_seed_keypair(keys.pub.encryption_key.data(), keys.encryption_secret.mutable_bytes().data(),
                            seed.data());
    return keys;
}

IdentityKeys keys_from_seed(std::uint8_t fill) {
    std::array<std::uint8_t, 32> seed{};
    seed.fill(fill);
    return keys_from_seed(seed);
}

Bytes bytes_of(std::string_view text) { return Bytes(text.begin(), text.end()); }

Bytes pattern(std::size_t size, std::uint8_t salt) {
    Bytes out(size);
    std::uint32_t x = 0x9e3779b9u ^ salt;
    for (auto& b : out) {
        x = x * 1664525u + 1013904223u;
        b = static_cast<std::uint8_t>(x >> 24);
    }
    return out;
}

BundleManifest make_manifest(const IdentityKeys& sender, const std::vector<PublicIdentity>& recipients,
                             const std::vector<ItemData>& items, std::string metadata) {
    BundleManifest m;
    for (std::size_t i = 0; i < m.bundle_id.size(); ++i) {
        m.bundle_id[i] = static_cast<std::uint8_t>(0xb0 + i);
    }
    m.created_at = 1717000000;
    m.sequence = 7;
    m.signer = sender.pub;
    m.recipients = recipients;
    m.metadata = std::move(metadata);
    for (const auto& item : items) {
        m.items.push_back({item.id, item.kind, item.name, item.data.size(), sha256(item.data)});
    }
    return m;
}

Bytes write_bundle(const IdentityKeys& sender, const BundleManifest& manifest, const std::vector<ItemData>& items) {
    std::ostringstream out;
    BundleWriter writer(sender, manifest, out);
    for (const auto& item : items) {
        writer.begin_item();
        // Uneven pieces, so item and chunk boundaries do not line up with writes.
        std::span<const std::uint8_t> rest(item.data);
        std::size_t piece = 1;
        while (!rest.empty()) {
            const auto n = std::min(piece, rest.size());
            writer.write(rest.first(n));
            rest = rest.subspan(n);
            piece = piece * 3 + 7;
        }
        writer.end_item();
    }
    writer.finish();
    const auto text = out.str();
    return Bytes(text.begin(), text.end());
}

namespace {

std::istringstream stream_of(const Bytes& bytes) {
    return std::istringstream(std::string(bytes.begin(), bytes.end()));
}

}  // namespace

ReadResult read_bundle(const IdentityKeys& keys, const Bytes& bundle, std::size_t buffer) {
    auto in = stream_of(bundle);
    BundleReader reader(keys, in);
    ReadResult result;
    result.manifest = reader.manifest();
    Bytes block(buffer);
    while (reader.next_item() != nullptr) {
        Bytes item;
        std::size_t n = 0;
        while ((n = reader.read(block)) != 0) {
            item.insert(item.end(), block.begin(), block.begin() + static_cast<std::ptrdiff_t>(n));
        }
        result.items.push_back(std::move(item));
    }
    reader.finish();
    return result;
}

std::optional<BundleErrorCode> outcome(const IdentityKeys& keys, const Bytes& bundle, Bytes* released) {
    try {
        auto in = stream_of(bundle);
        BundleReader reader(keys, in);
        Bytes block(65536);
        while (reader.next_item() != nullptr) {
            std::size_t n = 0;
            while ((n = reader.read(block)) != 0) {
                if (released != nullptr) {
                    released->insert(released->end(), block.begin(), block.begin() + static_cast<std::ptrdiff_t>(n));
                }
            }
        }
        reader.finish();
        return std::nullopt;
    } catch (const BundleError& error) {
        EXPECT_EQ(static_cast<int>(error.kind()), static_cast<int>(ErrorKind::Integrity)) << error.what();
        return error.code();
    }
}

Opened open_raw(const IdentityKeys& keys, const Bytes& bundle) {
    Opened o;
    o.recipients = bundle.at(9);
    const auto header_size = bf::header_bytes(o.recipients);
    o.header.assign(bundle.begin(), bundle.begin() + static_cast<std::ptrdiff_t>(header_size));
    std::copy_n(bundle.begin() + 10, o.nonce.size(), o.nonce.begin());
    std::copy_n(bundle.begin() + static_cast<std::ptrdiff_t>(bf::stream_header_offset(o.recipients)),
                o.stream_header.size(), o.stream_header.begin());
    for (std::size_t i = 0; i < o.recipients; ++i) {
        bf::Stanza stanza{};
        std::copy_n(bundle.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes),
                    stanza.size(), stanza.begin());
        if (auto key = bf::open_stanza(stanza, keys.encryption_secret, keys.pub.encryption_key)) {
            o.file_key = std::move(*key);
            break;
        }
    }
    if (o.file_key.empty()) {
        throw std::runtime_error("open_raw: not addressed to these keys");
    }
    const auto key = bf::payload_key(o.file_key, o.nonce);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_pull(&state, o.stream_header.data(), key.reveal().data());
    std::size_t pos = header_size;
    while (pos < bundle.size()) {
        const auto len = std::min(bf::kChunkCipherBytes, bundle.size() - pos);
        Bytes plain(len - bf::kChunkOverhead);
        unsigned long long out_len = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &out_len, &tag, bundle.data() + pos, len,
                                                       nullptr, 0) != 0) {
            throw std::runtime_error("open_raw: chunk does not decrypt");
        }
        o.plaintext.insert(o.plaintext.end(), plain.begin(), plain.end());
        pos += len;
    }
    const std::uint32_t mlen = static_cast<std::uint32_t>(o.plaintext.at(0)) |
                               (static_cast<std::uint32_t>(o.plaintext.at(1)) << 8) |
                               (static_cast<std::uint32_t>(o.plaintext.at(2)) << 16) |
                               (static_cast<std::uint32_t>(o.plaintext.at(3)) << 24);
    const auto m_end = 4 + static_cast<std::size_t>(mlen);
    o.manifest.assign(o.plaintext.begin() + 4, o.plaintext.begin() + static_cast<std::ptrdiff_t>(m_end));
    o.signature.assign(o.plaintext.begin() + static_cast<std::ptrdiff_t>(m_end),
                       o.plaintext.begin() + static_cast<std::ptrdiff_t>(m_end + 64));
    o.items.assign(o.plaintext.begin() + static_cast<std::ptrdiff_t>(m_end + 64), o.plaintext.end());
    return o;
}

Chunks standard_chunks(const Bytes& plaintext) {
    Chunks chunks;
    for (std::size_t pos = 0; pos < plaintext.size(); pos += bf::kChunkPlainBytes) {
        const auto end = std::min(plaintext.size(), pos + bf::kChunkPlainBytes);
        chunks.emplace_back(Bytes(plaintext.begin() + static_cast<std::ptrdiff_t>(pos),
                                  plaintext.begin() + static_cast<std::ptrdiff_t>(end)),
                            end == plaintext.size() ? bf::kTagFinal : bf::kTagMessage);
    }
    return chunks;
}

Bytes seal(const SecretBuffer& file_key, const bf::PayloadNonce& nonce, const Bytes& header, const Chunks& chunks) {
    // Anyone with the file key can continue the stream a header's stream header
    // starts: init_pull gives the same state init_push would have made (that is
    // a co-recipient's power, and why v2 puts the stream header under the MAC
    // and the signature). Chunks are then pushed from that state.
    const auto key = bf::payload_key(file_key, nonce);
    crypto_secretstream_xchacha20poly1305_state state;
    const auto offset = bf::stream_header_offset(header.at(9));
    if (header.size() < offset + bf::kStreamHeaderBytes ||
        crypto_secretstream_xchacha20poly1305_init_pull(&state, header.data() + offset, key.reveal().data()) != 0) {
        throw std::runtime_error("seal: the header has no stream header");
    }
    Bytes out = header;
    for (const auto& [plain, tag] : chunks) {
        Bytes cipher(plain.size() + bf::kChunkOverhead);
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, cipher.data(), &written, plain.data(), plain.size(), nullptr,
                                                   0, tag);
        out.insert(out.end(), cipher.begin(), cipher.end());
    }
    sodium_memzero(&state, sizeof state);
    return out;
}

bf::StreamHeader random_stream_header() {
    ensure_initialized();
    bf::StreamHeader stream_header{};
    randombytes_buf(stream_header.data(), stream_header.size());
    return stream_header;
}

std::vector<bf::Stanza> stanzas_of(const Bytes& header) {
    std::vector<bf::Stanza> stanzas(header.at(9));
    for (std::size_t i = 0; i < stanzas.size(); ++i) {
        std::copy_n(header.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes),
                    bf::kStanzaBytes, stanzas[i].begin());
    }
    return stanzas;
}

Bytes stanza_header(const SecretBuffer& file_key, const bf::PayloadNonce& nonce,
                    const std::vector<PublicKey>& encryption_keys, std::uint8_t version) {
    std::vector<bf::Stanza> stanzas;
    for (const auto& key : encryption_keys) {
        stanzas.push_back(bf::make_stanza(file_key, key));
    }
    return bf::build_header(file_key, nonce, stanzas, random_stream_header(), version);
}

Bytes forge(const Forge& spec) {
    const auto file_key = bf::random_file_key();
    bf::PayloadNonce nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    const auto header = stanza_header(file_key, nonce, spec.stanza_keys);
    Bytes signature;
    if (spec.signature) {
        signature = *spec.signature;
    } else {
        const auto s = bf::sign(*spec.signer, bf::signed_message(bf::blake2b_512(header), bf::blake2b_512(spec.manifest)));
        signature.assign(s.begin(), s.end());
    }
    Bytes plaintext = bf::payload_prefix(spec.manifest, signature);
    if (spec.manifest_length) {
        for (unsigned i = 0; i < 4; ++i) {
            plaintext[i] = static_cast<std::uint8_t>(*spec.manifest_length >> (8 * i));
        }
    }
    plaintext.insert(plaintext.end(), spec.items.begin(), spec.items.end());
    plaintext.insert(plaintext.end(), spec.extra_plaintext.begin(), spec.extra_plaintext.end());
    return seal(file_key, nonce, header, standard_chunks(plaintext));
}

std::vector<std::size_t> chunk_offsets(const Bytes& bundle) {
    std::vector<std::size_t> offsets;
    for (std::size_t pos = bf::header_bytes(bundle.at(9)); pos < bundle.size();
         pos += bf::kChunkCipherBytes) {
        offsets.push_back(pos);
    }
    return offsets;
}

}  // namespace fv::test::bundle
