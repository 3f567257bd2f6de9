#include "exchange_fixture.h"

#include <filesystem>
#include <fstream>

#include "fieldvault/core/contacts.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/database.h"

namespace fv::test {

void add_contact(TestVault& v, const std::string& name, const TestVault& other) {
    core::ContactService(*v.session).add(name, other.created.card);
}

model::ReportContent chinese_report(const std::string& tag) {
    model::ReportContent c;
    c.title = "家人被警察约谈 " + tag;
    c.occurred_start = "2026-03-14";
    c.date_precision = "day";
    c.host_country = "CA";
    c.host_city = "多伦多";
    c.place = "住所附近的咖啡店";
    c.origin_country = "CN";
    c.tactics = {"harassment"};
    c.channels = {"wechat"};
    c.identifiers = {{"wechat", "wxid_测试" + tag}};
    c.perpetrators = {{"police", "王警官", "自称国保"}};
    c.demands = {"stop_activism"};
    c.relatives = {{"母亲", "武汉", "被约谈", "派出所", "电话"}};
    c.narrative = "他们给我母亲打电话，要求我停止发帖。" + tag;
    c.narrative_language = "zh-Hans";
    c.witnesses = {{"李明", "微信 liming", "他在场"}};
    c.risk_level = "high";
    c.sensitive_fields = {"relatives", "place"};
    return c;
}

std::map<std::string, std::string> database_snapshot(TestVault& v) {
    auto& db = v.session->db();
    std::vector<std::string> tables;
    {
        auto stmt = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (stmt.step()) tables.push_back(stmt.column_text(0));
    }
    std::map<std::string, std::string> out;
    for (const auto& table : tables) {
        if (table.rfind("report_search_", 0) == 0) continue;  // FTS shadow tables follow report_search
        // Table names come from sqlite_master, not from user text.
        auto stmt = db.prepare("SELECT * FROM \"" + table + "\"");
        crypto::Sha256 hash;
        std::size_t rows = 0;
        while (stmt.step()) {
            ++rows;
            // A column past the last reads as empty: 32 covers every table.
            for (int i = 0; i < 32; ++i) {
                hash.update(stmt.column_text(i));
                hash.update(std::string_view("\x1f", 1));
            }
        }
        out[table] = std::to_string(rows) + " " + crypto::to_hex(hash.finish());
    }
    // The attachment files too: a refused import must not leave one behind.
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(db.blob_folder())) {
        files[entry.path().filename().string()] = crypto::to_hex(crypto::sha256(read_file(entry.path())));
    }
    std::string listing;
    for (const auto& [name, digest] : files) listing += name + " " + digest + "\n";
    out["(blob files)"] = listing;
    return out;
}

core::ExportRequest export_reports(const std::vector<std::string>& to, const std::vector<std::int64_t>& ids,
                                   const std::filesystem::path& out) {
    core::ExportRequest r;
    r.recipients = to;
    r.scope = core::ExportRequest::Scope::Reports;
    r.report_ids = ids;
    r.out = out;
    return r;
}

void flip_byte(const std::filesystem::path& file, std::uint64_t offset) {
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    f.seekg(static_cast<std::streamoff>(offset));
    char c = 0;
    f.get(c);
    c = static_cast<char>(c ^ 0x01);
    f.seekp(static_cast<std::streamoff>(offset));
    f.put(c);
}

void truncate_copy(const std::filesystem::path& from, const std::filesystem::path& to, std::uint64_t size) {
    auto bytes = read_file(from);
    bytes.resize(static_cast<std::size_t>(size));
    write_file(to, bytes);
}

}  // namespace fv::test
