// The attacks of issue 4 carried out against a REAL receiving vault: each
// bundle is made by ExportService in vault A (or forged from what a
// co-recipient, a stranger or a forwarding organisation could build), then
// ImportService of vault B must refuse it (kind Integrity, with the container's
// code where the container is what catches it), verify must refuse it too, and
// B's database must be exactly as before (every row of every table, see
// exchange_fixture.h). tests/crypto/bundle_*_test.cpp check the same attacks on
// the container alone; this file proves the importer quarantines: items
// released before a failure are never stored.
//
// Negative cases here (each a TEST): every single-bit flip of a small bundle;
// truncation in the header, at every chunk boundary and inside every chunk;
// reordered, duplicated and dropped chunks; trailing bytes; final tag early and
// final tag missing; a stanza transplanted from another bundle; a low-order
// ephemeral key; a co-recipient removing another recipient and re-MACing the
// header; a co-recipient swapping the attachment (manifest unchanged), the
// report document, or a blob together with its hash in the manifest; the signer
// key substituted; a valid signature by an unknown key over another bundle's
// header; a bundle for C re-sealed to B with C's plaintext and A's signature
// (as is, and with the recipient list edited); absurd manifest lengths, counts
// and sizes; bad names ("..", "/", NUL, bidi override and more); report
// documents that do not match the signed manifest; an attachment whose name in
// the manifest differs from its name in the report document; an unknown item kind.
#include <gtest/gtest.h>
#include <sodium.h>

#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "bundle_forge.h"
#include "exchange_fixture.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/repositories.h"

namespace fv::test {
namespace {

namespace bf = crypto::bundle_format;
using bundle::Bytes;
using Code = crypto::BundleErrorCode;

Bytes to_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }
std::string to_string(const Bytes& b) { return std::string(b.begin(), b.end()); }

crypto::IdentityKeys keys_of(TestVault& v) {
    auto keys = storage::IdentityRepository(v.session->db()).keys();
    if (!keys) throw std::runtime_error("vault without identity");
    return std::move(*keys);
}

Bytes cut(const Bytes& b, std::size_t size) { return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(size)); }

class ExchangeAttack : public ::testing::Test {
protected:
    void SetUp() override {
        add_contact(a, "b", b);
        add_contact(a, "c", c);
        report_id = core::ReportService(*a.session).create(chinese_report("攻"));
        write_file(a.tmp.path() / "视频.mp4", to_string(bundle::pattern(150000, 7)));
        core::AttachmentService(*a.session).attach(report_id, a.tmp.path() / "视频.mp4");
        // To B and C (a co-recipient who turns bad): manifest, signature,
        // report document and attachment span three chunks.
        shared = export_bytes({"b", "c"}, "shared.fvb");
        ASSERT_GE(bundle::chunk_offsets(shared).size(), 3u);
        before = database_snapshot(b);
    }

    Bytes export_bytes(const std::vector<std::string>& to, const std::string& name) {
        const auto out = a.tmp.path() / name;
        core::ExportService(*a.session).export_bundle(export_reports(to, {report_id}, out));
        return to_bytes(read_file(out));
    }

    // Import and verify in B must both refuse `bytes`: a BundleError with
    // `code` when given (else any fv::Error of kind Integrity, whose message
    // must contain `message` when given); B unchanged.
    void expect_refused(const Bytes& bytes, std::optional<Code> code, const std::string& message = {},
                        bool compare_snapshot = true) {
        const auto file = b.tmp.path() / "incoming.fvb";
        write_file(file, to_string(bytes));
        for (int pass = 0; pass < 2; ++pass) {
            try {
                core::ImportService service(*b.session);
                if (pass == 0) {
                    service.import_bundle(file);
                } else {
                    (void)service.verify(file);
                }
                ADD_FAILURE() << (pass == 0 ? "import" : "verify") << " accepted it";
            } catch (const crypto::BundleError& e) {
                EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
                if (code) {
                    EXPECT_EQ(e.code(), *code) << e.what();
                }
                if (!message.empty()) {
                    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
                }
            } catch (const Error& e) {
                EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
                EXPECT_FALSE(code.has_value()) << "expected a BundleError, got: " << e.what();
                if (!message.empty()) {
                    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
                }
            }
        }
        if (compare_snapshot) {
            EXPECT_EQ(database_snapshot(b), before);
        }
    }

    // Every chunk of `shared`, in the order given, after its header and stream header.
    Bytes assemble(const std::vector<std::size_t>& order) const {
        const auto offsets = bundle::chunk_offsets(shared);
        Bytes out = cut(shared, offsets.front());
        for (const auto i : order) {
            const auto begin = offsets.at(i);
            const auto end = std::min(shared.size(), begin + bf::kChunkCipherBytes);
            out.insert(out.end(), shared.begin() + static_cast<std::ptrdiff_t>(begin),
                       shared.begin() + static_cast<std::ptrdiff_t>(end));
        }
        return out;
    }

    // The shared bundle as C can decrypt it, without any check.
    bundle::Opened opened_by_c() { return bundle::open_raw(keys_of(c), shared); }

    // A forged bundle to B only, signed by `signer` over the header it gets.
    Bytes forged_to_b(const Bytes& manifest, const Bytes& items, const crypto::IdentityKeys& signer,
                      std::optional<std::uint32_t> manifest_length = std::nullopt) {
        bundle::Forge spec;
        spec.signer = &signer;
        spec.stanza_keys = {keys_of(b).pub.encryption_key};
        spec.manifest = manifest;
        spec.manifest_length = manifest_length;
        spec.items = items;
        return bundle::forge(spec);
    }

    TestVault a, b, c;
    std::int64_t report_id = 0;
    Bytes shared;
    std::map<std::string, std::string> before;
};

TEST_F(ExchangeAttack, SanityTheUntouchedBundleImports) {
    // Every attack below starts from bytes that B does accept: a refusal is the attack's doing.
    TestVault fresh;
    add_contact(a, "fresh", fresh);
    const auto bytes = export_bytes({"fresh", "c"}, "sanity.fvb");
    write_file(fresh.tmp.path() / "in.fvb", to_string(bytes));
    EXPECT_EQ(core::ImportService(*fresh.session).import_bundle(fresh.tmp.path() / "in.fvb").attachments, 1u);
    write_file(b.tmp.path() / "in.fvb", to_string(shared));
    EXPECT_NO_THROW(core::ImportService(*b.session).verify(b.tmp.path() / "in.fvb"));
}

TEST_F(ExchangeAttack, EverySingleBitFlipOfASmallBundleIsRefused) {
    // A report without attachment to B alone: about two thousand bytes, every bit.
    const auto id = core::ReportService(*a.session).create(chinese_report("小"));
    const auto out = a.tmp.path() / "small.fvb";
    core::ExportService(*a.session).export_bundle(export_reports({"b"}, {id}, out));
    const auto original = to_bytes(read_file(out));
    ASSERT_LT(original.size(), 8000u);
    const auto file = b.tmp.path() / "flipped.fvb";
    std::size_t refused = 0;
    for (std::size_t i = 0; i < original.size(); ++i) {
        for (unsigned bit = 0; bit < 8; ++bit) {
            auto bytes = original;
            bytes[i] = static_cast<std::uint8_t>(bytes[i] ^ (1u << bit));
            write_file(file, to_string(bytes));
            try {
                core::ImportService(*b.session).import_bundle(file);
                ADD_FAILURE() << "byte " << i << " bit " << bit << " accepted";
            } catch (const crypto::BundleError& e) {
                if (e.kind() == ErrorKind::Integrity) ++refused;
            } catch (const Error& e) {
                ADD_FAILURE() << "byte " << i << " bit " << bit << ": not a container refusal: " << e.what();
            }
        }
        // Now and then, and at the end: nothing was stored by any of them.
        if (i % 512 == 0 || i + 1 == original.size()) {
            ASSERT_EQ(database_snapshot(b), before) << "after byte " << i;
        }
    }
    EXPECT_EQ(refused, original.size() * 8);
    // The untouched bundle still imports: the flips were the reason.
    write_file(file, to_string(original));
    EXPECT_EQ(core::ImportService(*b.session).import_bundle(file).report_ids.size(), 1u);
}

TEST_F(ExchangeAttack, TruncationInTheHeaderAtEveryChunkBoundaryAndInsideEveryChunk) {
    const auto header = bf::header_bytes(2);
    for (const std::size_t size : {std::size_t{0}, std::size_t{5}}) expect_refused(cut(shared, size), Code::NotABundle);
    for (const std::size_t size : {std::size_t{9}, std::size_t{26}, std::size_t{100}, header - 1})
        expect_refused(cut(shared, size), Code::HeaderTampered);
    // Right after the header, inside the stream header, right after it.
    for (const std::size_t size : {header, header + 10, header + bf::kStreamHeaderBytes})
        expect_refused(cut(shared, size), Code::ContentTampered);
    const auto offsets = bundle::chunk_offsets(shared);
    for (const auto offset : offsets) {
        if (offset != offsets.front()) expect_refused(cut(shared, offset), Code::ContentTampered);  // a boundary
        for (const std::size_t into : {std::size_t{1}, std::size_t{17}, std::size_t{18}, std::size_t{30000}}) {
            if (offset + into < shared.size()) expect_refused(cut(shared, offset + into), Code::ContentTampered);
        }
    }
    expect_refused(cut(shared, shared.size() - 1), Code::ContentTampered);
}

TEST_F(ExchangeAttack, ReorderedDuplicatedAndDroppedChunks) {
    expect_refused(assemble({1, 0, 2}), Code::ContentTampered);
    expect_refused(assemble({0, 2, 1}), Code::ContentTampered);
    expect_refused(assemble({0, 0, 1, 2}), Code::ContentTampered);
    expect_refused(assemble({0, 1, 1, 2}), Code::ContentTampered);
    expect_refused(assemble({0, 1, 2, 2}), Code::ContentTampered);
    expect_refused(assemble({1, 2}), Code::ContentTampered);
    expect_refused(assemble({0, 2}), Code::ContentTampered);
    expect_refused(assemble({0, 1}), Code::ContentTampered);  // final chunk dropped
}

TEST_F(ExchangeAttack, TrailingBytes) {
    for (const Bytes& tail : {Bytes{0}, Bytes{'\n'}, bundle::pattern(65553, 3), shared}) {
        auto bytes = shared;
        bytes.insert(bytes.end(), tail.begin(), tail.end());
        expect_refused(bytes, Code::ContentTampered);
    }
}

// C holds the file key: it re-seals the same plaintext with the tags it likes.
TEST_F(ExchangeAttack, FinalTagEarlyOrMissing) {
    const auto o = opened_by_c();
    const auto resealed = [&](std::vector<std::uint8_t> tags, bool empty_final) {
        auto chunks = bundle::standard_chunks(o.plaintext);
        for (std::size_t i = 0; i < chunks.size() && i < tags.size(); ++i) chunks[i].second = tags[i];
        if (empty_final) chunks.emplace_back(Bytes{}, bf::kTagFinal);
        return bundle::seal(o.file_key, o.nonce, o.header, chunks);
    };
    ASSERT_EQ(bundle::standard_chunks(o.plaintext).size(), 3u);
    // Sanity: with the standard tags, C's re-seal is accepted.
    write_file(b.tmp.path() / "same.fvb", to_string(resealed({0, 0, bf::kTagFinal}, false)));
    EXPECT_NO_THROW(core::ImportService(*b.session).verify(b.tmp.path() / "same.fvb"));
    expect_refused(resealed({bf::kTagFinal, 0, bf::kTagFinal}, false), Code::ContentTampered);
    expect_refused(resealed({0, bf::kTagFinal, bf::kTagFinal}, false), Code::ContentTampered);
    expect_refused(resealed({0, 0, 0}, false), Code::ContentTampered);
    expect_refused(resealed({0, 0, 0}, true), Code::ContentTampered);  // an empty final chunk after
}

TEST_F(ExchangeAttack, StanzaTransplantedFromAnotherBundle) {
    // B's stanza of another bundle from A (it opens for B, to another file key).
    const auto other = export_bytes({"b", "c"}, "other.fvb");
    const auto b_keys = keys_of(b);
    std::optional<bf::Stanza> b_stanza;
    for (std::size_t i = 0; i < 2 && !b_stanza; ++i) {
        bf::Stanza s{};
        std::copy_n(other.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes), s.size(),
                    s.begin());
        if (bf::open_stanza(s, b_keys.encryption_secret, b_keys.pub.encryption_key)) b_stanza = s;
    }
    ASSERT_TRUE(b_stanza.has_value());
    for (std::size_t slot = 0; slot < 2; ++slot) {
        auto bytes = shared;
        std::copy(b_stanza->begin(), b_stanza->end(),
                  bytes.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + slot * bf::kStanzaBytes));
        // Whichever stanza B opens first, the MAC does not match its file key.
        expect_refused(bytes, Code::HeaderTampered);
    }
}

TEST_F(ExchangeAttack, LowOrderEphemeralKey) {
    for (std::size_t slot = 0; slot < 2; ++slot) {
        auto bytes = shared;
        std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + slot * bf::kStanzaBytes), 32,
                    std::uint8_t{0});
        expect_refused(bytes, std::nullopt);  // header tampered, or B's stanza gone: not addressed
    }
}

TEST_F(ExchangeAttack, CoRecipientRemovesAnotherRecipientAndReMacsTheHeader) {
    // Three recipients: C removes D's stanza, keeps B's and its own, and
    // recomputes the header MAC with the file key it knows.
    TestVault d;
    add_contact(a, "d", d);
    const auto three = export_bytes({"b", "c", "d"}, "three.fvb");
    const auto o = bundle::open_raw(keys_of(c), three);
    const auto d_keys = keys_of(d);
    std::vector<bf::Stanza> kept;
    for (std::size_t i = 0; i < 3; ++i) {
        bf::Stanza s{};
        std::copy_n(o.header.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes),
                    s.size(), s.begin());
        if (!bf::open_stanza(s, d_keys.encryption_secret, d_keys.pub.encryption_key)) kept.push_back(s);
    }
    ASSERT_EQ(kept.size(), 2u);
    const auto header = bf::build_header(o.file_key, o.nonce, kept, o.stream_header);
    const auto bytes = bundle::seal(o.file_key, o.nonce, header, bundle::standard_chunks(o.plaintext));
    expect_refused(bytes, Code::SignatureInvalid);
    // D, no longer in the header, cannot even open it.
    EXPECT_EQ(bundle::outcome(d_keys, bytes), Code::NotAddressed);
}

TEST_F(ExchangeAttack, CoRecipientSwapsTheAttachmentUnderTheSameFileKey) {
    // The report document (released first) is fine; the attachment's last byte
    // changes, so its SHA-256 fails at its end: the stored report must go too.
    const auto o = opened_by_c();
    auto plaintext = o.plaintext;
    plaintext.back() ^= 0x20;
    expect_refused(bundle::seal(o.file_key, o.nonce, o.header, bundle::standard_chunks(plaintext)),
                   Code::ContentTampered);
}

TEST_F(ExchangeAttack, CoRecipientChangesTheReportDocument) {
    const auto o = opened_by_c();
    auto plaintext = o.plaintext;
    const auto doc_at = plaintext.size() - o.items.size();  // the report document is the first item
    plaintext.at(doc_at + 20) ^= 0x01;
    expect_refused(bundle::seal(o.file_key, o.nonce, o.header, bundle::standard_chunks(plaintext)),
                   Code::ContentTampered);
}

TEST_F(ExchangeAttack, CoRecipientSwapsABlobAndItsHashInTheManifest) {
    const auto o = opened_by_c();
    auto m = bf::decode_manifest(o.manifest);
    ASSERT_EQ(m.items.size(), 2u);
    const auto replacement = bundle::pattern(static_cast<std::size_t>(m.items[1].size), 99);
    m.items[1].sha256 = crypto::sha256(replacement);
    Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end() - static_cast<std::ptrdiff_t>(replacement.size()));
    plaintext.insert(plaintext.end(), replacement.begin(), replacement.end());
    expect_refused(bundle::seal(o.file_key, o.nonce, o.header, bundle::standard_chunks(plaintext)),
                   Code::SignatureInvalid);
}

TEST_F(ExchangeAttack, SignerKeySubstituted) {
    // C names itself (or a stranger) as signer and keeps A's signature.
    const auto o = opened_by_c();
    for (const auto& signer : {keys_of(c).pub, crypto::IdentityKeys::generate().pub}) {
        auto m = bf::decode_manifest(o.manifest);
        m.signer = signer;
        Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
        plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
        expect_refused(bundle::seal(o.file_key, o.nonce, o.header, bundle::standard_chunks(plaintext)),
                       Code::SignatureInvalid);
    }
}

TEST_F(ExchangeAttack, ValidSignatureByAnUnknownKeyOverAnotherBundlesManifest) {
    // Eve, unknown to B, signs with her own valid key a manifest naming her as
    // signer, but over the header of another bundle: valid for that one only.
    const auto eve = crypto::IdentityKeys::generate();
    const auto o = opened_by_c();
    auto m = bf::decode_manifest(o.manifest);
    m.signer = eve.pub;
    const auto manifest = bf::encode_manifest(m);
    const auto other_header = bundle::open_raw(keys_of(c), export_bytes({"b", "c"}, "other.fvb")).header;
    const auto sig = bf::sign(eve, bf::signed_message(bf::blake2b_512(other_header), bf::blake2b_512(manifest)));
    Bytes plaintext = bf::payload_prefix(manifest, sig);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
    expect_refused(bundle::seal(o.file_key, o.nonce, o.header, bundle::standard_chunks(plaintext)),
                   Code::SignatureInvalid);
    // And no contact was recorded for Eve (the snapshot covers contacts too).
}

TEST_F(ExchangeAttack, BundleForCResealedToBWithCsPlaintextAndAsSignature) {
    // A sends to C alone; C decrypts and seals A's manifest, signature and
    // items to B, as if A had sent them to B (surreptitious forwarding).
    const auto to_c = export_bytes({"c"}, "to-c.fvb");
    const auto o = bundle::open_raw(keys_of(c), to_c);
    const auto file_key = bf::random_file_key();
    bf::PayloadNonce nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    const auto header = bundle::stanza_header(file_key, nonce, {keys_of(b).pub.encryption_key});
    expect_refused(bundle::seal(file_key, nonce, header, bundle::standard_chunks(o.plaintext)),
                   Code::RecipientNotListed, "not a listed recipient");
    // Editing the signed recipient list to name B breaks A's signature instead.
    auto m = bf::decode_manifest(o.manifest);
    m.recipients = {keys_of(b).pub};
    bundle::Forge spec;
    spec.stanza_keys = {keys_of(b).pub.encryption_key};
    spec.manifest = bf::encode_manifest(m);
    spec.signature = o.signature;
    spec.items = o.items;
    expect_refused(bundle::forge(spec), Code::SignatureInvalid);
}

// --- manifests signed by A's real key, wrapped for B, breaking a rule ------

class ExchangeForgedBySender : public ExchangeAttack {
protected:
    void SetUp() override {
        ExchangeAttack::SetUp();
        const auto o = bundle::open_raw(keys_of(b), shared);
        manifest = bf::decode_manifest(o.manifest);
        manifest.recipients = {keys_of(b).pub};
        items = o.items;
    }
    Bytes forged(const crypto::BundleManifest& m, const Bytes& data,
                 std::optional<std::uint32_t> length = std::nullopt) {
        return forged_to_b(bf::encode_manifest(m), data, keys_of(a), length);
    }
    crypto::BundleManifest manifest;
    Bytes items;
};

TEST_F(ExchangeForgedBySender, SanityTheForgeryIsAccepted) {
    const auto file = b.tmp.path() / "forged.fvb";
    write_file(file, to_string(forged(manifest, items)));
    const auto result = core::ImportService(*b.session).import_bundle(file);
    EXPECT_EQ(result.report_ids.size(), 1u);
    EXPECT_EQ(result.attachments, 1u);
    EXPECT_EQ(result.check.signer_fingerprint, a.created.fingerprint);
}

TEST_F(ExchangeForgedBySender, AbsurdManifestLengths) {
    for (const std::uint32_t length : {0u, (1u << 20) + 1, std::numeric_limits<std::uint32_t>::max()})
        expect_refused(forged(manifest, items, length), Code::ManifestInvalid);
}

TEST_F(ExchangeForgedBySender, AbsurdCountsAndSizes) {
    const auto encoded = bf::encode_manifest(manifest);
    // recipient_count sits after bundle id, time, sequence and signer.
    constexpr std::size_t kRecipientCountAt = 16 + 8 + 8 + 64;
    const std::size_t metadata_at = kRecipientCountAt + 1 + 64 * manifest.recipients.size();
    const std::size_t items_at = metadata_at + 4 + manifest.metadata.size();
    const std::vector<std::tuple<std::size_t, std::uint64_t, std::size_t>> patches = {
        {kRecipientCountAt, 0, 1}, {kRecipientCountAt, 9, 1},         {kRecipientCountAt, 255, 1},
        {metadata_at, 0xffffffff, 4}, {metadata_at, (1u << 16) + 1, 4}, {items_at, 0xffffffff, 4},
        {items_at, 10001, 4},       {items_at, 3, 4},
    };
    for (const auto& [offset, value, width] : patches) {
        auto bytes = encoded;
        for (std::size_t i = 0; i < width; ++i) bytes.at(offset + i) = static_cast<std::uint8_t>(value >> (8 * i));
        expect_refused(forged_to_b(bytes, items, keys_of(a)), Code::ManifestInvalid);
    }
    for (const std::uint64_t size : {(std::uint64_t{1} << 48) + 1, std::numeric_limits<std::uint64_t>::max()}) {
        auto m = manifest;
        m.items[1].size = size;
        expect_refused(forged(m, items), Code::ManifestInvalid);
    }
}

TEST_F(ExchangeForgedBySender, BadNames) {
    for (const std::string& name : {std::string(".."), std::string("../../.ssh/authorized_keys"), std::string("a/b"),
                                    std::string("/etc/passwd"), std::string("nul\0.jpg", 8),
                                    std::string("rlo\xe2\x80\xaegpj.exe"), std::string("lri\xe2\x81\xa6x"),
                                    std::string("c:\\x"), std::string("esc\x1b[2J"), std::string("bad\xff")}) {
        auto m = manifest;
        m.items[1].name = name;
        expect_refused(forged(m, items), Code::ManifestInvalid);
    }
}

// A sender names an attachment ".bash_profile" (in the manifest and in its
// report document alike, so the names agree): it is stored and extracted as
// "_bash_profile", never as a hidden file a shell would read.
TEST_F(ExchangeForgedBySender, AHiddenFileNameIsReceivedWithAnUnderscore) {
    const auto doc_size = static_cast<std::size_t>(manifest.items[0].size);
    auto doc = nlohmann::json::parse(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(doc_size));
    ASSERT_EQ(doc.at("attachments").size(), 1u);
    doc["attachments"][0]["name"] = ".bash_profile";
    Bytes data = bundle::bytes_of(doc.dump());
    auto m = manifest;
    m.items[0].size = data.size();
    m.items[0].sha256 = crypto::sha256(data);
    m.items[1].name = ".bash_profile";
    data.insert(data.end(), items.begin() + static_cast<std::ptrdiff_t>(doc_size), items.end());
    const auto file = b.tmp.path() / "dotfile.fvb";
    write_file(file, to_string(forged(m, data)));
    const auto result = core::ImportService(*b.session).import_bundle(file);
    ASSERT_EQ(result.report_ids.size(), 1u);
    core::AttachmentService attachments(*b.session);
    const auto stored = core::ReportService(*b.session).get(result.report_ids[0]).attachments;
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].name, "_bash_profile");
    const auto home = b.tmp.path() / "home";
    std::filesystem::create_directories(home);
    attachments.extract(stored[0].id, home / stored[0].name);
    EXPECT_TRUE(std::filesystem::exists(home / "_bash_profile"));
    EXPECT_FALSE(std::filesystem::exists(home / ".bash_profile"));
}

TEST_F(ExchangeForgedBySender, ReportDocumentThatDoesNotMatchTheSignedManifest) {
    // Validly signed by A, but the attachment is not claimed by the report:
    // the importer's own consistency check (not the container's) refuses it.
    auto m = manifest;
    m.items[1].id = "attachment-999";
    expect_refused(forged(m, items), std::nullopt, "content tampered or inconsistent");
    // An attachment before any report.
    auto reordered = manifest;
    std::swap(reordered.items[0], reordered.items[1]);
    const auto doc_size = static_cast<std::size_t>(manifest.items[0].size);
    Bytes swapped(items.begin() + static_cast<std::ptrdiff_t>(doc_size), items.end());
    swapped.insert(swapped.end(), items.begin(), items.begin() + static_cast<std::ptrdiff_t>(doc_size));
    expect_refused(forged(reordered, swapped), std::nullopt, "content tampered or inconsistent");
    // A report document that is not JSON.
    auto broken = manifest;
    Bytes junk = bundle::bytes_of("not json at all");
    broken.items[0].size = junk.size();
    broken.items[0].sha256 = crypto::sha256(junk);
    junk.insert(junk.end(), items.begin() + static_cast<std::ptrdiff_t>(doc_size), items.end());
    expect_refused(forged(broken, junk), std::nullopt);
}

// The report document (the items[0] bytes) with `from` replaced by `to`, and
// the manifest entry of the document updated to match: still validly signed by A.
std::pair<crypto::BundleManifest, Bytes> with_document_text(crypto::BundleManifest m, const Bytes& data,
                                                            const std::string& from, const std::string& to) {
    const auto doc_size = static_cast<std::size_t>(m.items[0].size);
    std::string doc(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(doc_size));
    const auto at = doc.find(from);
    if (at == std::string::npos) throw std::runtime_error("document has no " + from);
    doc.replace(at, from.size(), to);
    Bytes out = to_bytes(doc);
    m.items[0].size = out.size();
    m.items[0].sha256 = crypto::sha256(out);
    out.insert(out.end(), data.begin() + static_cast<std::ptrdiff_t>(doc_size), data.end());
    return {m, out};
}

TEST_F(ExchangeForgedBySender, AttachmentNamedDifferentlyInTheManifestAndTheReportDocument) {
    // The document calls it 视频.mp4; the signed manifest another name.
    ASSERT_EQ(manifest.items[1].name, "视频.mp4");
    for (const std::string& name : {std::string("invoice.pdf"), std::string("视频.MP4"), std::string("attachment-1")}) {
        auto m = manifest;
        m.items[1].name = name;
        expect_refused(forged(m, items), std::nullopt, "has one name in the manifest and another in report");
    }
}

TEST_F(ExchangeForgedBySender, TheNeutralNameStandsOnlyForANameTheManifestWouldRefuse) {
    // A document name the bundle format refuses ("..") travels as "attachment-<digits>" (export.cpp).
    auto [m, data] = with_document_text(manifest, items, "\"name\":\"视频.mp4\"", "\"name\":\"a..b.mp4\"");
    for (const std::string& name : {std::string("attachment-"), std::string("attachment-1x"), std::string("a.mp4")}) {
        m.items[1].name = name;
        expect_refused(forged(m, data), std::nullopt, "has one name in the manifest and another in report");
    }
    m.items[1].name = "attachment-42";
    const auto file = b.tmp.path() / "neutral.fvb";
    write_file(file, to_string(forged(m, data)));
    const auto result = core::ImportService(*b.session).import_bundle(file);
    EXPECT_EQ(result.attachments, 1u);
}

TEST_F(ExchangeForgedBySender, UnknownItemKind) {
    // After the report and its attachment, a third item of a kind the importer does not know.
    auto m = manifest;
    const auto extra = bundle::bytes_of("#!/bin/sh\n");
    m.items.push_back({"extra-1", "script", "run.sh", extra.size(), crypto::sha256(extra)});
    auto data = items;
    data.insert(data.end(), extra.begin(), extra.end());
    expect_refused(forged(m, data), std::nullopt, "unknown item kind");
}

}  // namespace
}  // namespace fv::test
