// export / inspect / verify / import through the binary: two vaults in one
// test folder (A = the fixture's vault, B = base/vault-b), exit codes, JSON,
// and B's files unchanged by every refused import.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliExchangeTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
        const auto b_init = cli_b({"init"}, std::string(kPass) + "\n");
        ASSERT_EQ(b_init.exit_code, 0) << b_init.err;
        const auto card = nlohmann::json::parse(cli_b({"identity", "--json"}, std::string(kPass) + "\n").out);
        b_card = card.at("card").get<std::string>();
        b_fingerprint = card.at("fingerprint").get<std::string>();
        const auto own = nlohmann::json::parse(unlocked({"identity", "--json"}).out);
        a_fingerprint = own.at("fingerprint").get<std::string>();
        ASSERT_EQ(unlocked({"contact", "add", "org-b", b_card}).exit_code, 0);
    }

    fs::path b_dir() const { return base() / "vault-b"; }
    CliResult cli_b(const std::vector<std::string>& args, const std::string& input) const {
        std::vector<std::string> full{"--vault", b_dir().string()};
        full.insert(full.end(), args.begin(), args.end());
        return run_cli(full, input, {{"TMPDIR", tmp_dir().string()}});
    }
    CliResult unlocked_b(const std::vector<std::string>& args) const {
        return cli_b(args, std::string(kPass) + "\n");
    }
    std::map<std::string, std::string> b_snapshot() const {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(b_dir()))
            if (e.is_regular_file()) files[e.path().string()] = read_file(e.path());
        return files;
    }
    fs::path export_one(std::int64_t id, const std::string& name, std::vector<std::string> extra = {}) {
        const auto out = files_dir() / name;
        std::vector<std::string> args{"export", "--to", "org-b", "--report", std::to_string(id), "--out", out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = unlocked(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return out;
    }

    std::string b_card, b_fingerprint, a_fingerprint;
};

TEST_F(CliExchangeTest, ExportVerifyImportAndListMarksReceived) {
    const auto id = add_report({"--title", "约谈 report", "--narrative", "敏感的叙述", "--location", "武汉某处",
                                "--sensitive", "place"});
    const auto evidence = write_file("照片.jpg", std::string(70000, 'x'));
    ASSERT_EQ(unlocked({"attach", std::to_string(id), evidence.string()}).exit_code, 0);
    const auto bundle = export_one(id, "to-b.fvb");
    ASSERT_TRUE(fs::exists(bundle));

    const auto inspect = cli({"inspect", bundle.string(), "--json"});  // no passphrase needed
    ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
    const auto info = nlohmann::json::parse(inspect.out);
    EXPECT_EQ(info.at("version"), 2);  // bundle format 2 (docs/bundle-format.md)
    EXPECT_EQ(info.at("recipients"), 1);
    EXPECT_EQ(info.at("size"), fs::file_size(bundle));

    const auto verify = unlocked_b({"verify", bundle.string(), "--json"});
    ASSERT_EQ(verify.exit_code, 0) << verify.err;
    const auto check = nlohmann::json::parse(verify.out);
    EXPECT_EQ(check.at("signer_fingerprint"), a_fingerprint);
    EXPECT_TRUE(check.at("signer_contact").is_null());
    EXPECT_EQ(check.at("items").size(), 2u);
    EXPECT_EQ(check.at("file_sha256"), sha256_hex(read_file(bundle)));
    EXPECT_EQ(check["metadata"].at("redacted")[0].at("fields"), nlohmann::json({"place"}));
    EXPECT_TRUE(nlohmann::json::parse(unlocked_b({"report", "list", "--json"}).out).at("reports").empty());

    const auto text_verify = unlocked_b({"verify", bundle.string()});
    EXPECT_EQ(text_verify.exit_code, 0);
    EXPECT_NE(text_verify.out.find(a_fingerprint), std::string::npos);

    const auto imported = unlocked_b({"import", bundle.string(), "--json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto result = nlohmann::json::parse(imported.out);
    ASSERT_EQ(result.at("report_ids").size(), 1u);
    EXPECT_EQ(result.at("new_source"), true);
    const auto received_id = result["report_ids"][0].get<std::int64_t>();

    const auto show = nlohmann::json::parse(unlocked_b({"report", "show", std::to_string(received_id), "--json"}).out);
    EXPECT_EQ(show.at("title"), "约谈 report");
    EXPECT_EQ(show.at("location"), "");  // redacted (the "place" field)
    EXPECT_EQ(show.at("narrative"), "敏感的叙述");
    EXPECT_EQ(show.at("attachments").size(), 1u);
    EXPECT_EQ(show.at("received"), true);
    EXPECT_EQ(show.at("signer_fingerprint"), a_fingerprint);
    EXPECT_EQ(show.at("provenance").at("bundle_id"), check.at("bundle_id"));
    EXPECT_EQ(show["provenance"].at("manifest_hash"), check.at("manifest_hash"));
    EXPECT_EQ(show["provenance"].at("redacted_fields"), nlohmann::json({"place"}));
    const auto list = nlohmann::json::parse(unlocked_b({"report", "list", "--json"}).out);
    ASSERT_EQ(list.at("reports").size(), 1u);
    EXPECT_EQ(list["reports"][0].at("received"), true);
    EXPECT_EQ(list["reports"][0].at("signer_fingerprint"), a_fingerprint);
    // A's own report is marked not received.
    EXPECT_EQ(list_json().at("reports")[0].at("received"), false);
    EXPECT_TRUE(list_json().at("reports")[0].at("signer_fingerprint").is_null());
    // The text list names the source (not a bare fingerprint) and says it is not yet verified.
    const auto source_name = show.at("source").at("name").get<std::string>();
    EXPECT_NE(unlocked_b({"report", "list"}).out.find("received from " + source_name + " (UNVERIFIED)"),
              std::string::npos);
    EXPECT_NE(unlocked_b({"report", "show", std::to_string(received_id)}).out.find("Received (read-only)"),
              std::string::npos);

    // The new source is an unverified contact.
    const auto contacts = nlohmann::json::parse(unlocked_b({"contact", "list", "--json"}).out);
    ASSERT_EQ(contacts.at("contacts").size(), 1u);
    EXPECT_EQ(contacts["contacts"][0].at("fingerprint"), a_fingerprint);
    EXPECT_EQ(contacts["contacts"][0].at("verified"), false);

    // Read-only: edit refuses.
    EXPECT_EQ(unlocked_b({"report", "edit", std::to_string(received_id), "--title", "changed"}).exit_code, 1);

    // Again: already imported, exit 4, nothing changes.
    const auto before = b_snapshot();
    const auto again = unlocked_b({"import", bundle.string()});
    EXPECT_EQ(again.exit_code, 4);
    EXPECT_TRUE(is_one_error_line(again.err)) << again.err;
    EXPECT_NE(again.err.find("already imported"), std::string::npos) << again.err;
    EXPECT_EQ(b_snapshot(), before);

    // The export is in A's audit log with the bundle's SHA-256.
    const auto log = nlohmann::json::parse(unlocked({"log", "--json"}).out);
    bool found = false;
    for (const auto& e : log.at("entries")) {
        if (e.at("action") == "export") {
            found = true;
            EXPECT_NE(e.at("detail").get<std::string>().find(sha256_hex(read_file(bundle))), std::string::npos);
            EXPECT_NE(e.at("detail").get<std::string>().find(b_fingerprint), std::string::npos);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(CliExchangeTest, RefusalsExitFourWithDistinctMessagesAndBUnchanged) {
    const auto id = add_report({"--title", "t"});
    const auto bundle = export_one(id, "b.fvb");
    const auto bytes = read_file(bundle);
    const auto before = b_snapshot();

    struct Case {
        std::string name;
        std::string content;
        std::string message;
    };
    auto flipped = bytes;
    flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 1);
    auto version = bytes;
    version[8] = 9;
    auto header = bytes;
    header[130] = static_cast<char>(header[130] ^ 1);  // inside the header MAC
    const std::vector<Case> cases{
        {"text.fvb", "hello", "not a bundle"},
        {"version.fvb", version, "unsupported version"},
        {"header.fvb", header, "header tampered"},
        {"flipped.fvb", flipped, "content tampered or truncated"},
        {"cut.fvb", bytes.substr(0, bytes.size() - 5), "content tampered or truncated"},
    };
    for (const auto& c : cases) {
        const auto file = write_file(c.name, c.content);
        for (const char* command : {"verify", "import"}) {
            const auto r = unlocked_b({command, file.string()});
            EXPECT_EQ(r.exit_code, 4) << c.name << " " << command << ": " << r.err;
            EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
            EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;
        }
        EXPECT_EQ(cli({"inspect", file.string()}).exit_code, c.name == "text.fvb" || c.name == "version.fvb" ? 4 : 0);
    }
    EXPECT_EQ(b_snapshot(), before);

    // Not addressed to A itself (A is not a recipient).
    const auto self = unlocked({"import", bundle.string()});
    EXPECT_EQ(self.exit_code, 4);
    EXPECT_NE(self.err.find("not addressed to this vault"), std::string::npos) << self.err;

    // Wrong passphrase of the receiving vault: 3.
    EXPECT_EQ(cli_b({"import", bundle.string()}, "wrong\n").exit_code, 3);
    EXPECT_EQ(b_snapshot(), before);
    // Missing file: 1.
    EXPECT_EQ(unlocked_b({"import", (files_dir() / "missing.fvb").string()}).exit_code, 1);
}

TEST_F(CliExchangeTest, ExportUsageAndRefusals) {
    const auto id = add_report({"--title", "t"});
    const auto out = (files_dir() / "x.fvb").string();
    // No scope, two scopes: usage.
    EXPECT_EQ(unlocked({"export", "--to", "org-b", "--out", out}).exit_code, 2);
    EXPECT_EQ(unlocked({"export", "--to", "org-b", "--all", "--report", std::to_string(id), "--out", out}).exit_code, 2);
    EXPECT_EQ(unlocked({"export", "--all", "--out", out}).exit_code, 2);  // --to missing
    // Unknown contact, unknown report: 1.
    EXPECT_EQ(unlocked({"export", "--to", "nobody", "--all", "--out", out}).exit_code, 1);
    EXPECT_EQ(unlocked({"export", "--to", "org-b", "--report", "999", "--out", out}).exit_code, 1);
    EXPECT_FALSE(fs::exists(out));
    // --all and --no-attachments work; an existing file is never overwritten.
    ASSERT_EQ(unlocked({"export", "--to", "org-b", "--all", "--no-attachments", "--out", out}).exit_code, 0);
    const auto first = read_file(out);
    EXPECT_EQ(unlocked({"export", "--to", "org-b", "--all", "--out", out}).exit_code, 1);
    EXPECT_EQ(read_file(out), first);
    for (const auto& e : fs::directory_iterator(files_dir()))
        EXPECT_EQ(e.path().filename().string().find(".part"), std::string::npos);
}

// --dry-run shows core's plan (what stays behind, what goes, to whom) and
// writes and records nothing.
TEST_F(CliExchangeTest, DryRunShowsThePlanAndWritesNothing) {
    const auto id = add_report({"--title", "约谈 report", "--location", "武汉某处", "--sensitive", "place"});
    const auto evidence = write_file("照片.jpg", std::string(7000, 'x'));
    ASSERT_EQ(unlocked({"attach", std::to_string(id), evidence.string()}).exit_code, 0);
    const auto log_before = unlocked({"log", "--json"}).out;

    const auto text = unlocked({"export", "--to", "org-b", "--report", std::to_string(id), "--dry-run"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("Dry run: nothing was written"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("约谈 report"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("left out (marked sensitive): place"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Evidence files: 1 (7000 bytes)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("To: org-b"), std::string::npos) << text.out;

    const auto json = unlocked({"export", "--to", "org-b", "--report", std::to_string(id), "--dry-run", "--json",
                                "--include-sensitive"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_TRUE(doc.at("dry_run").get<bool>());
    ASSERT_EQ(doc.at("reports").size(), 1u);
    EXPECT_EQ(doc.at("reports")[0].at("sensitive_fields_sent"), nlohmann::json::array({"place"}));
    EXPECT_TRUE(doc.at("reports")[0].at("left_out_fields").empty());
    EXPECT_EQ(doc.at("reports")[0].at("attachment_bytes").get<std::uint64_t>(), 7000u);
    EXPECT_TRUE(doc.at("metadata").at("sensitive_included").get<bool>());
    EXPECT_EQ(doc.at("recipients")[0].at("fingerprint").get<std::string>(), b_fingerprint);

    for (const auto& e : fs::recursive_directory_iterator(base()))
        EXPECT_NE(e.path().extension(), ".fvb") << e.path();  // no bundle anywhere
    EXPECT_EQ(unlocked({"log", "--json"}).out, log_before);  // nothing recorded
    // Without --dry-run, --out is required; --json only goes with --dry-run.
    EXPECT_EQ(unlocked({"export", "--to", "org-b", "--all"}).exit_code, 2);
    EXPECT_EQ(unlocked({"export", "--to", "org-b", "--all", "--json", "--out", "y.fvb"}).exit_code, 2);
    // A dry run refuses what the export refuses.
    EXPECT_EQ(unlocked({"export", "--to", "nobody", "--all", "--dry-run"}).exit_code, 1);
}

// The advocate's view: B holds its own report and one received from A; the
// list filters by source (`--source`, by the name B gave it) and groups by
// source (`--by-source`: own reports first).
TEST_F(CliExchangeTest, ReportListFiltersAndGroupsBySource) {
    const auto id = add_report({"--title", "from A"});
    const auto bundle = export_one(id, "a.fvb", {"--say-name", "梅 Mei"});
    const auto imported = nlohmann::json::parse(unlocked_b({"import", bundle.string(), "--json"}).out);
    const auto received = imported.at("report_ids")[0].get<std::int64_t>();
    const auto source = imported.at("source_contact").get<std::string>();
    ASSERT_EQ(unlocked_b({"source", "rename", source, "Mei Toronto"}).exit_code, 0);
    const auto own = cli_b({"report", "add", "--title", "my own note"}, std::string(kPass) + "\n");
    ASSERT_EQ(own.exit_code, 0) << own.err;

    const auto only = nlohmann::json::parse(unlocked_b({"report", "list", "--source", "Mei Toronto", "--json"}).out);
    ASSERT_EQ(only.at("reports").size(), 1u);
    EXPECT_EQ(only["reports"][0].at("id"), received);
    EXPECT_EQ(only["reports"][0].at("source"), "Mei Toronto");
    const auto text = unlocked_b({"report", "list", "--source", "Mei Toronto"}).out;
    EXPECT_NE(text.find("received from Mei Toronto (UNVERIFIED), says they are \"梅 Mei\""), std::string::npos) << text;
    EXPECT_EQ(text.find("my own note"), std::string::npos);

    const auto grouped = nlohmann::json::parse(unlocked_b({"report", "list", "--by-source", "--json"}).out);
    ASSERT_EQ(grouped.at("reports").size(), 2u);
    EXPECT_EQ(grouped["reports"][0].at("title"), "my own note");
    EXPECT_TRUE(grouped["reports"][0].at("source").is_null());
    EXPECT_EQ(grouped["reports"][1].at("id"), received);

    const auto unknown = unlocked_b({"report", "list", "--source", "nobody"});
    EXPECT_NE(unknown.exit_code, 0);
    EXPECT_NE(unknown.err.find("no source named"), std::string::npos) << unknown.err;
}

// The organisation annotates a received report: its notes, tags and
// translation show with the report, in revisions, and never go into a bundle.
TEST_F(CliExchangeTest, AnnotateAReceivedReportKeepsItsContentAndStaysHome) {
    const auto id = add_report({"--title", "约谈", "--narrative", "警察到我母亲家。"});
    const auto imported = nlohmann::json::parse(unlocked_b({"import", export_one(id, "a.fvb").string(), "--json"}).out);
    const auto received = std::to_string(imported.at("report_ids")[0].get<std::int64_t>());
    auto r = unlocked_b({"report", "annotate", received, "--note", "Called her back.", "--tag", "wechat", "--tag",
                         "follow up", "--translation", "The police came to my mother's home.", "--translator", "Lin"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("revision 1"), std::string::npos) << r.out;
    r = unlocked_b({"report", "annotate", received, "--note", "Called her back. She confirmed."});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("revision 2"), std::string::npos) << r.out;
    r = unlocked_b({"report", "annotate", received, "--note", "Called her back. She confirmed."});
    EXPECT_NE(r.out.find("Nothing changed"), std::string::npos) << r.out;

    const auto show = nlohmann::json::parse(unlocked_b({"report", "show", received, "--json"}).out);
    EXPECT_EQ(show.at("narrative"), "警察到我母亲家。");  // as sent
    const auto& a = show.at("annotation");
    EXPECT_EQ(a.at("revision"), 2);
    EXPECT_EQ(a.at("notes"), "Called her back. She confirmed.");
    EXPECT_EQ(a.at("tags"), nlohmann::json({"wechat", "follow up"}));  // kept: not given the second time
    EXPECT_EQ(a.at("translator"), "Lin");
    const auto text = unlocked_b({"report", "show", received}).out;
    EXPECT_NE(text.find("Tags: [wechat] [follow up]"), std::string::npos) << text;
    EXPECT_NE(text.find("Your translation (by Lin):\nThe police came to my mother's home."), std::string::npos) << text;
    EXPECT_TRUE(nlohmann::json::parse(show_json(id).dump()).at("annotation").is_null());

    const auto bad = unlocked_b({"report", "annotate", received, "--tag", "a,b"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("comma"), std::string::npos) << bad.err;
    EXPECT_EQ(unlocked_b({"report", "annotate", "999", "--note", "x"}).exit_code, 1);
}

}  // namespace
}  // namespace fv::test
