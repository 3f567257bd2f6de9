// Step 6 of issue 6: after lock, the process's own memory holds neither the
// passphrase, nor the database key (raw or as SQLCipher's hex key text), nor a
// marker string from a report. The scan reads every readable mapping through
// /proc/self/mem. The needles are kept XOR-masked so that the test's own copy is
// never a match.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sodium.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/aead.h"
#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/random.h"
#include "hardening_support.h"
#include "key_header.h"
#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
constexpr std::uint8_t kMask = 0x5c;

struct Needle {
    std::string name;
    std::vector<std::uint8_t> masked;
};

Needle make_needle(std::string name, std::span<const std::uint8_t> secret) {
    Needle n{std::move(name), {}};
    for (auto b : secret) n.masked.push_back(static_cast<std::uint8_t>(b ^ kMask));
    return n;
}

struct Hit {
    std::string needle;
    std::string region;
};

// Scans every readable mapping except `skip` (the scan buffer itself).
std::vector<Hit> scan_memory(const std::vector<Needle>& needles, const void* skip) {
    std::vector<Hit> hits;
    constexpr std::size_t kChunk = 1 << 20;
    constexpr std::size_t kOverlap = 256;
    auto* buf = static_cast<std::uint8_t*>(
        ::mmap(nullptr, kChunk + kOverlap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (buf == MAP_FAILED) return {{"mmap failed", ""}};
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(maps, line)) lines.push_back(line);
    for (const auto& l : lines) {
        std::istringstream fields(l);
        std::string range, perms, offset, dev, inode, path;
        fields >> range >> perms >> offset >> dev >> inode;
        std::getline(fields, path);
        if (perms.empty() || perms[0] != 'r') continue;
        if (path.find("[vvar]") != std::string::npos || path.find("[vsyscall]") != std::string::npos) continue;
        const auto dash = range.find('-');
        const auto start = std::stoull(range.substr(0, dash), nullptr, 16);
        const auto end = std::stoull(range.substr(dash + 1), nullptr, 16);
        const auto buf_addr = reinterpret_cast<std::uintptr_t>(buf);
        if (buf_addr >= start && buf_addr < end) continue;
        if (reinterpret_cast<std::uintptr_t>(skip) >= start && reinterpret_cast<std::uintptr_t>(skip) < end) continue;
        for (auto pos = start; pos < end; pos += kChunk) {
            const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk + kOverlap, end - pos));
            const auto got = ::pread(mem, buf, want, static_cast<off_t>(pos));
            if (got <= 0) break;
            const auto size = static_cast<std::size_t>(got);
            for (const auto& n : needles) {
                const std::uint8_t first = static_cast<std::uint8_t>(n.masked[0] ^ kMask);
                for (std::size_t i = 0; i + n.masked.size() <= size; ++i) {
                    if (buf[i] != first) continue;
                    std::size_t k = 1;
                    while (k < n.masked.size() && static_cast<std::uint8_t>(buf[i + k] ^ kMask) == n.masked[k]) ++k;
                    if (k == n.masked.size()) {
                        hits.push_back({n.name, path.empty() ? "[anonymous]" : path});
                        break;
                    }
                }
            }
        }
    }
    ::close(mem);
    sodium_memzero(buf, kChunk + kOverlap);
    ::munmap(buf, kChunk + kOverlap);
    return hits;
}

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
}

TEST(MemoryAfterLock, NoPassphraseDatabaseKeyOrReportMarkerRemains) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "ASan's quarantine keeps freed memory on purpose";
#endif
    storage::test::TempDir tmp;
    const auto dir = tmp.path() / "vault";

    // A random passphrase and marker, built straight into locked memory.
    SecretBuffer passphrase(40);
    SecretBuffer marker_bytes(24);
    {
        crypto::random_bytes(passphrase.mutable_bytes());
        crypto::random_bytes(marker_bytes.mutable_bytes());
        auto p = passphrase.mutable_bytes();
        for (auto& b : p) b = static_cast<std::uint8_t>('a' + b % 26);
        auto m = marker_bytes.mutable_bytes();
        for (auto& b : m) b = static_cast<std::uint8_t>('A' + b % 26);
    }
    std::vector<Needle> needles = {make_needle("passphrase", passphrase.reveal()),
                                   make_needle("report marker", marker_bytes.reveal())};

    (void)core::Session::create(dir, passphrase, "Scanner", storage::test::fast_params());
    {
        // The database key, found the way Vault::open finds it, kept only masked.
        const auto header = storage::detail::parse_key_header(storage::test::read_file(dir / "vault.key"));
        const auto slot_key = crypto::derive_key(passphrase, header.salt, header.kdf);
        const auto db_key = crypto::open_secret(
            slot_key, header.passphrase_slot,
            storage::detail::slot_associated_data(header, storage::detail::SlotType::Passphrase));
        needles.push_back(make_needle("database key", db_key.reveal()));
        SecretBuffer hex(64);
        static constexpr char kHex[] = "0123456789abcdef";
        for (std::size_t i = 0; i < 32; ++i) {
            hex.mutable_bytes()[2 * i] = static_cast<std::uint8_t>(kHex[db_key.reveal()[i] >> 4]);
            hex.mutable_bytes()[2 * i + 1] = static_cast<std::uint8_t>(kHex[db_key.reveal()[i] & 0x0f]);
        }
        needles.push_back(make_needle("database key (hex)", hex.reveal()));
    }

    {
        auto session = core::Session::open(dir, passphrase);
        core::ReportService reports(*session);
        std::string narrative = "Testimony ";
        narrative.append(reinterpret_cast<const char*>(marker_bytes.reveal().data()), marker_bytes.size());
        auto content = test::sample_content("Memory test", narrative);
        const auto id = reports.create(content, "Case");
        wipe(content.narrative);
        wipe(narrative);
        auto detail = reports.get(id);
        EXPECT_NE(detail.report.content.narrative.find("Testimony"), std::string::npos);
        wipe(detail.report.content.narrative);
        for (auto& rev : detail.revisions) wipe(rev.content.narrative);
        auto list = reports.list();
        EXPECT_EQ(list.size(), 1u);
        session->lock();
    }
    passphrase.wipe();
    marker_bytes.wipe();

    const auto hits = scan_memory(needles, nullptr);
    for (const auto& hit : hits) {
        // Known limit (docs/testing.md): the report text can sit in this thread's
        // live stack frames above the depth at which lock() runs, which the
        // library cannot scrub. The passphrase and key are checked everywhere.
        if (hit.needle == "report marker" && hit.region.find("[stack]") != std::string::npos) {
            std::printf("note: report marker found in [stack] (known limit)\n");
            continue;
        }
        ADD_FAILURE() << hit.needle << " found after lock in " << hit.region;
    }

    // The scan can find things: a live copy is found.
    std::string live = "Testimony ";
    std::vector<std::uint8_t> probe(24);
    randombytes_buf(probe.data(), probe.size());
    for (auto& b : probe) b = static_cast<std::uint8_t>('A' + b % 26);
    live.append(reinterpret_cast<const char*>(probe.data()), probe.size());
    const auto control = scan_memory({make_needle("control", probe)}, nullptr);
    EXPECT_FALSE(control.empty()) << "the scanner did not find a string that is certainly in memory";
    wipe(live);
}

}  // namespace
}  // namespace fv
