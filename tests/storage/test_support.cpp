#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "fieldvault/storage/migrations.h"

namespace fv::storage::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = (base != nullptr && *base != '\0' ? std::string(base) : std::string("/tmp")) +
                          "/fv-storage-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

KdfParams fast_params() {
    KdfParams params;
    params.algorithm = 1;
    params.opslimit = KdfParams::kMinOps;
    params.memlimit = KdfParams::kMinMem;
    return params;
}

SecretBuffer secret(std::string_view text) { return SecretBuffer::from_string(text); }

std::unique_ptr<Database> memory_database(int schema) {
    sqlite3* raw = nullptr;
    if (sqlite3_open(":memory:", &raw) != SQLITE_OK) throw std::runtime_error("cannot open :memory:");
    auto db = std::make_unique<Database>(raw);
    db->exec("PRAGMA foreign_keys = ON");
    if (schema != 0) migrate(*db, schema);
    return db;
}

ReportContent full_content(std::string_view tag) {
    const std::string t(tag);
    ReportContent c;
    c.title = "title " + t;
    c.occurred_start = "2026-03-14T18:30";
    c.occurred_end = "2026-03-15";
    c.date_precision = "day";
    c.host_country = "CA";
    c.host_city = "Toronto " + t;
    c.place = "place " + t;
    c.origin_country = "CN";
    c.tactics = {"harassment", "coercion_by_proxy"};
    c.channels = {"wechat", "phone"};
    c.identifiers = {{"wechat", "wxid_" + t}, {"phone", "+86 138 0000 " + t}};
    c.perpetrators = {{"police", "badge 12 " + t, "two officers " + t}, {"unknown", "", "a caller"}};
    c.demands = {"return_home", "stop_activism"};
    c.demands_detail = "demands " + t;
    c.relatives = {{"mother", "Wuhan " + t, "visited " + t, "police", "phone call"},
                   {"brother", "Beijing", "job lost", "employer", "message"}};
    c.narrative = "narrative " + t + " 中国警察找我父母";
    c.narrative_language = "zh-Hans";
    c.translation = "translation " + t;
    c.translation_language = "en";
    c.translator = "translator " + t;
    c.witnesses = {{"witness " + t, "contact " + t, "statement " + t}};
    c.impacts = {"psychological", "self_censorship"};
    c.impact_detail = "impact " + t;
    c.reported_to = {{"RCMP", "2026-03-20", "ref " + t, "outcome " + t}};
    c.risk_level = "high";
    c.sensitive_fields = {"relatives", "place"};
    return c;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("write failed");
}

std::int64_t peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6));
    }
    return -1;
}

}  // namespace fv::storage::test
