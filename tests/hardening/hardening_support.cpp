#include "hardening_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <exception>
#include <fstream>
#include <set>
#include <vector>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "test_support.h"

namespace fv::test {

namespace fs = std::filesystem;

model::ReportContent sample_content(std::string_view title, std::string_view narrative) {
    model::ReportContent c;
    c.title = std::string(title);
    c.occurred_start = "2025-11-02";
    c.host_country = "NL";
    c.tactics = {"harassment"};
    c.narrative = std::string(narrative);
    c.narrative_language = "en";
    return c;
}

void write_pattern_file(const fs::path& path, std::size_t size, std::uint8_t seed) {
    std::vector<char> bytes(size);
    std::uint32_t x = 2463534242u ^ seed;
    for (auto& b : bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b = static_cast<char>(x & 0xff);
    }
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void make_sample_vault(const fs::path& dir, std::string_view passphrase) {
    (void)core::Session::create(dir, storage::test::secret(passphrase), "Tester", storage::test::fast_params());
    auto session = core::Session::open(dir, storage::test::secret(passphrase));
    core::ReportService reports(*session);
    const auto first = reports.create(sample_content("Call from a stranger", "He knew my address."), "Ana");
    reports.edit(first, sample_content("Call from a stranger", "He knew my address and my parents' village."));
    const auto second = reports.create(sample_content("Visit at work", "Two men waited outside."), "Ana");
    const auto file = dir.parent_path() / "sample-evidence.bin";
    write_pattern_file(file, 70'000, 7);
    core::AttachmentService(*session).attach(second, file);
    fs::remove(file);
}

void copy_folder(const fs::path& from, const fs::path& to) {
    fs::remove_all(to);
    fs::create_directories(to);
    fs::permissions(to, fs::perms::owner_all);
    fs::copy(from, to, fs::copy_options::recursive);  // the files and blobs/
}

namespace {

void dump_query(storage::Database& db, std::string& out, std::string_view sql, int columns) {
    out += sql;
    out += '\n';
    auto stmt = db.prepare(sql);
    while (stmt.step()) {
        for (int i = 0; i < columns; ++i) {
            out += stmt.column_is_null(i) ? std::string("NULL") : stmt.column_text(i);
            out += '|';
        }
        out += '\n';
    }
}

// Every attachment file on disk, so that a leftover or changed file shows even
// when no row names it. Names and sealed bytes are random per run, so the
// untimed dump (compared across runs) keeps only the sizes; the timed one
// (compared within a run) keeps name, size and SHA-256.
void dump_blob_files(storage::Database& db, std::string& out, bool exact) {
    std::multiset<std::string> files;
    for (const auto& entry : fs::directory_iterator(db.blob_folder())) {
        const auto bytes = storage::test::read_file(entry.path());
        files.insert(exact ? entry.path().filename().string() + " " + std::to_string(bytes.size()) + " " +
                                 crypto::to_hex(crypto::sha256(bytes))
                           : std::to_string(bytes.size()));
    }
    out += "blob files\n";
    for (const auto& file : files) out += file + "\n";
}

}  // namespace

std::string dump_vault(storage::Database& db, bool with_times) {
    std::string out;
    dump_query(db, out, "SELECT id, name FROM cases ORDER BY id", 2);
    dump_query(db, out, "SELECT id, case_id, status, revision, title, narrative FROM reports ORDER BY id", 6);
    dump_query(db, out, "SELECT report_id, number, content, content_sha256 FROM revisions ORDER BY report_id, number",
               4);
    dump_query(db, out, "SELECT report_id, position, code FROM report_tactics ORDER BY report_id, position", 3);
    dump_query(db, out, "SELECT id, report_id, name, media_type, size, sha256, chunk_size FROM attachments ORDER BY id",
               7);
    dump_query(db, out,
               "SELECT attachment_id, seq, length(data), hex(substr(data, 1, 32)), hex(substr(data, -32)) "
               "FROM attachment_chunks ORDER BY attachment_id, seq",
               5);
    dump_query(db, out, "SELECT seq, action, subject, detail FROM audit_log ORDER BY seq", 4);
    dump_query(db, out, "SELECT docid, title FROM report_search ORDER BY docid", 2);
    dump_blob_files(db, out, with_times);
    dump_query(db, out, "SELECT name, card FROM identity", 2);
    if (with_times) {
        dump_query(db, out, "SELECT id, created_at FROM cases ORDER BY id", 2);
        dump_query(db, out, "SELECT id, created_at, updated_at FROM reports ORDER BY id", 3);
        dump_query(db, out, "SELECT report_id, number, created_at FROM revisions ORDER BY report_id, number", 3);
        dump_query(db, out, "SELECT id, created_at, blob_file FROM attachments ORDER BY id", 3);
        dump_query(db, out, "SELECT seq, at, prev_hash, hash FROM audit_log ORDER BY seq", 4);
    }
    return out;
}

std::string integrity_check(storage::Database& db) {
    auto stmt = db.prepare("PRAGMA integrity_check");
    std::string out;
    while (stmt.step()) {
        if (!out.empty()) out += "; ";
        out += stmt.column_text(0);
    }
    return out;
}

LimitedRun run_with_file_size_limit(rlim_t limit, const std::function<void()>& action,
                                    const std::string& done_message) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit lim{limit, limit};
        int code = 12;
        std::string message = "setrlimit failed";
        if (::setrlimit(RLIMIT_FSIZE, &lim) == 0) {
            try {
                action();
                code = 0;
                message = done_message;
            } catch (const Error& e) {
                code = e.kind() == ErrorKind::Io ? 10 : 11;
                message = e.what();
            } catch (const std::exception& e) {
                message = std::string("not an fv::Error: ") + e.what();
            }
        }
        [[maybe_unused]] const auto written = ::write(fds[1], message.data(), message.size());
        ::_exit(code);
    }
    ::close(fds[1]);
    LimitedRun result;
    char buf[512];
    ssize_t n = 0;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) result.message.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
    return result;
}

}  // namespace fv::test
