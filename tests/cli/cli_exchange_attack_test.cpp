// The refusals that need someone who can decrypt or sign, through the binary:
// a co-recipient ("eve", a key made here and added to A's contacts) removes a
// recipient and re-MACs the header -> "signature invalid"; a bundle A sealed
// for eve re-sealed by eve to B -> "not a listed recipient"; a manifest signed
// by A with a traversal name -> "manifest invalid". Each exits 4 with one
// line, and B's files stay as they were. Also the JSON keys of verify, import
// and contact list exactly as docs/cli.md lists them, and inspect's exit 4 on
// a header cut short.
#include <sodium.h>

#include <set>

#include "bundle_forge.h"
#include "cli_fixture.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/identity.h"

namespace fv::test {
namespace {

namespace bf = crypto::bundle_format;
using bundle::Bytes;

Bytes to_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }
std::string to_string(const Bytes& b) { return std::string(b.begin(), b.end()); }

std::set<std::string> keys_of(const nlohmann::json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) out.insert(key);
    return out;
}

class CliExchangeAttackTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
        ASSERT_EQ(cli_b({"init"}, std::string(kPass) + "\n").exit_code, 0);
        const auto card = nlohmann::json::parse(cli_b({"identity", "--json"}, std::string(kPass) + "\n").out);
        b_identity = crypto::PublicIdentity::parse_card(card.at("card").get<std::string>());
        ASSERT_EQ(unlocked({"contact", "add", "org-b", card.at("card").get<std::string>()}).exit_code, 0);
        ASSERT_EQ(unlocked({"contact", "add", "eve", eve.pub.card()}).exit_code, 0);
        report = add_report({"--title", "约谈记录", "--narrative", "他们打电话给我父母"});
        const auto evidence = write_file("录音.m4a", std::string(1000, 'z'));
        ASSERT_EQ(unlocked({"attach", std::to_string(report), evidence.string()}).exit_code, 0);
    }

    fs::path b_dir() const { return base() / "vault-b"; }
    CliResult cli_b(const std::vector<std::string>& args, const std::string& input) const {
        std::vector<std::string> full{"--vault", b_dir().string()};
        full.insert(full.end(), args.begin(), args.end());
        return run_cli(full, input, {{"TMPDIR", tmp_dir().string()}});
    }
    CliResult unlocked_b(const std::vector<std::string>& args) const { return cli_b(args, std::string(kPass) + "\n"); }
    std::map<std::string, std::string> b_snapshot() const {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(b_dir()))
            if (e.is_regular_file()) files[e.path().string()] = read_file(e.path());
        return files;
    }
    Bytes export_to(const std::vector<std::string>& to, const std::string& name) {
        std::vector<std::string> args{"export", "--report", std::to_string(report), "--out", (files_dir() / name).string()};
        for (const auto& t : to) {
            args.push_back("--to");
            args.push_back(t);
        }
        const auto r = unlocked(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return to_bytes(read_file(files_dir() / name));
    }
    // verify and import in B both exit 4 with `message`, B's files unchanged.
    void expect_refused(const Bytes& bytes, const std::string& message) {
        const auto before = b_snapshot();
        const auto file = write_file("attack.fvb", to_string(bytes));
        for (const char* command : {"verify", "import"}) {
            const auto r = unlocked_b({command, file.string()});
            EXPECT_EQ(r.exit_code, 4) << command << ": " << r.err;
            EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
            EXPECT_NE(r.err.find(message), std::string::npos) << command << ": " << r.err;
        }
        EXPECT_EQ(b_snapshot(), before);
    }

    crypto::IdentityKeys eve = crypto::IdentityKeys::generate();
    crypto::PublicIdentity b_identity;
    std::int64_t report = 0;
};

TEST_F(CliExchangeAttackTest, CoRecipientRemovesARecipientAndReMacs) {
    const auto shared = export_to({"org-b", "eve"}, "shared.fvb");
    const auto o = bundle::open_raw(eve, shared);
    // Eve keeps only the stanza that is not hers and recomputes the MAC.
    std::vector<bf::Stanza> kept;
    for (std::size_t i = 0; i < 2; ++i) {
        bf::Stanza s{};
        std::copy_n(o.header.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes),
                    s.size(), s.begin());
        if (!bf::open_stanza(s, eve.encryption_secret, eve.pub.encryption_key)) kept.push_back(s);
    }
    ASSERT_EQ(kept.size(), 1u);
    const auto header = bf::build_header(o.file_key, o.nonce, kept, o.stream_header);
    expect_refused(bundle::seal(o.file_key, o.nonce, header, bundle::standard_chunks(o.plaintext)), "signature invalid");
    // The untouched bundle imports (the attack was the reason).
    const auto ok = unlocked_b({"verify", write_file("shared-copy.fvb", to_string(shared)).string()});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST_F(CliExchangeAttackTest, BundleForEveResealedToBIsNotAListedRecipient) {
    const auto to_eve = export_to({"eve"}, "to-eve.fvb");
    const auto o = bundle::open_raw(eve, to_eve);
    const auto file_key = bf::random_file_key();
    bf::PayloadNonce nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    const auto header = bundle::stanza_header(file_key, nonce, {b_identity.encryption_key});
    expect_refused(bundle::seal(file_key, nonce, header, bundle::standard_chunks(o.plaintext)), "not a listed recipient");
}

TEST_F(CliExchangeAttackTest, CoRecipientReEncryptsUnderANewStreamHeaderIsSignatureInvalid) {
    // Issue 12: same stanzas, same plaintext, a new stream header and a new
    // MAC: a different file. The signed header hash covers the stream header.
    const auto shared = export_to({"org-b", "eve"}, "shared.fvb");
    const auto o = bundle::open_raw(eve, shared);
    const auto header = bf::build_header(o.file_key, o.nonce, bundle::stanzas_of(o.header), bundle::random_stream_header());
    const auto forged = bundle::seal(o.file_key, o.nonce, header, bundle::standard_chunks(o.plaintext));
    ASSERT_NE(forged, shared);
    expect_refused(forged, "signature invalid");
}

TEST_F(CliExchangeAttackTest, AFormatOneBundleIsRefusedWithWhatToDo) {
    auto old = export_to({"org-b"}, "old.fvb");
    old.at(8) = 1;  // the version byte; format 1 is refused before anything else is read
    expect_refused(old, "unsupported version");
    const auto file = write_file("old.fvb", to_string(old));
    const auto r = unlocked_b({"import", file.string()});
    EXPECT_NE(r.err.find("export it again"), std::string::npos) << r.err;
}

TEST_F(CliExchangeAttackTest, SignerSubstitutedIsSignatureInvalid) {
    const auto shared = export_to({"org-b", "eve"}, "shared.fvb");
    const auto o = bundle::open_raw(eve, shared);
    auto m = bf::decode_manifest(o.manifest);
    m.signer = eve.pub;  // Eve claims it, keeping A's signature
    Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
    expect_refused(bundle::seal(o.file_key, o.nonce, o.header, bundle::standard_chunks(plaintext)), "signature invalid");
}

TEST_F(CliExchangeAttackTest, TraversalNameSignedByEveIsManifestInvalid) {
    // Eve signs with her own valid key a manifest whose item name climbs out.
    const auto shared = export_to({"org-b", "eve"}, "shared.fvb");
    const auto o = bundle::open_raw(eve, shared);
    auto m = bf::decode_manifest(o.manifest);
    m.signer = eve.pub;
    m.recipients = {b_identity};
    m.items.at(1).name = "../../.bashrc";
    bundle::Forge spec;
    spec.signer = &eve;
    spec.stanza_keys = {b_identity.encryption_key};
    spec.manifest = bf::encode_manifest(m);
    spec.items = o.items;
    expect_refused(bundle::forge(spec), "manifest invalid");
}

TEST_F(CliExchangeAttackTest, JsonKeysOfVerifyImportAndContactListAreTheDocumented) {
    const auto bundle = files_dir() / "b.fvb";
    export_to({"org-b"}, "b.fvb");
    const std::set<std::string> check_keys{"bundle_id",          "created_at",     "sequence",
                                           "signer_fingerprint", "signer_card",    "signer_contact",
                                           "signer_verified",    "recipient_fingerprints", "manifest_hash",
                                           "file_sha256",        "already_imported", "sequence_not_increasing",
                                           "metadata",           "items"};
    const auto verify = unlocked_b({"verify", bundle.string(), "--json"});
    ASSERT_EQ(verify.exit_code, 0) << verify.err;
    const auto v = nlohmann::json::parse(verify.out);
    auto expected = check_keys;
    expected.insert("verified");
    EXPECT_EQ(keys_of(v), expected);
    EXPECT_EQ(v.at("verified"), true);
    EXPECT_EQ(v.at("sequence"), 1);
    ASSERT_EQ(v.at("items").size(), 2u);
    EXPECT_EQ(keys_of(v["items"][1]), (std::set<std::string>{"id", "kind", "name", "size", "sha256"}));
    EXPECT_EQ(v["items"][1].at("name"), "录音.m4a");
    EXPECT_EQ(v["items"][1].at("size"), 1000);

    const auto imported = unlocked_b({"import", bundle.string(), "--json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto i = nlohmann::json::parse(imported.out);
    expected = check_keys;
    expected.insert({"report_ids", "deliveries", "attachments_stored", "attachments_already_held", "source_contact",
                     "new_source"});
    EXPECT_EQ(keys_of(i), expected);
    EXPECT_EQ(i.at("attachments_stored"), 1);
    EXPECT_EQ(i.at("attachments_already_held"), 0);
    ASSERT_EQ(i.at("deliveries").size(), 1u);
    EXPECT_EQ(keys_of(i["deliveries"][0]), (std::set<std::string>{"report_id", "outcome", "revision"}));
    EXPECT_EQ(i["deliveries"][0].at("outcome"), "new");
    EXPECT_EQ(i.at("new_source"), true);
    EXPECT_EQ(i.at("source_contact").get<std::string>().rfind("source-", 0), 0u);

    const auto list = unlocked_b({"contact", "list", "--json"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    const auto contacts = nlohmann::json::parse(list.out);
    EXPECT_EQ(keys_of(contacts), std::set<std::string>{"contacts"});
    ASSERT_EQ(contacts.at("contacts").size(), 1u);
    EXPECT_EQ(keys_of(contacts["contacts"][0]),
              (std::set<std::string>{"name", "fingerprint", "verified", "card", "added_at"}));
    EXPECT_EQ(contacts["contacts"][0].at("name"), i.at("source_contact"));
    EXPECT_EQ(contacts["contacts"][0].at("fingerprint"), v.at("signer_fingerprint"));

    // A second import: exit 4 "already imported", and verify now says so.
    const auto again = unlocked_b({"import", bundle.string(), "--json"});
    EXPECT_EQ(again.exit_code, 4);
    EXPECT_NE(again.err.find("already imported"), std::string::npos) << again.err;
    EXPECT_TRUE(again.out.empty());
    const auto reverify = nlohmann::json::parse(unlocked_b({"verify", bundle.string(), "--json"}).out);
    EXPECT_EQ(reverify.at("already_imported"), true);
    EXPECT_EQ(reverify.at("signer_contact"), i.at("source_contact"));
}

TEST_F(CliExchangeAttackTest, InspectRefusesAHeaderCutShort) {
    const auto bytes = export_to({"org-b"}, "b.fvb");
    const auto cut = write_file("cut.fvb", to_string(Bytes(bytes.begin(), bytes.begin() + 20)));
    const auto r = cli({"inspect", cut.string()});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("header tampered"), std::string::npos) << r.err;
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
}

}  // namespace
}  // namespace fv::test
