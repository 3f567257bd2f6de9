// Issue 6, hostile attachment names. Files whose names a hostile source could
// choose (path tricks, control and bidirectional characters, names of dots,
// Windows device names, 255-byte names of multi-byte or invalid UTF-8) are
// attached through core::AttachmentService: each is stored under a safe name
// (one path component, valid UTF-8, at most 200 bytes, no control or
// bidirectional-override character, never "." or "..", never a leading dot),
// with its bytes intact,
// and extracting it writes exactly the chosen file in the chosen folder and
// nothing else anywhere in the test's folders. (Names inside bundles are
// refused by the bundle reader: tests/core/exchange_attacks_test.cpp BadNames.)
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/session.h"
#include "fieldvault/core/text.h"
#include "hardening_support.h"
#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
using storage::test::secret;

constexpr const char* kPass = "hostile names passphrase";

bool has_unsafe_character(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F || c == '/' || c == '\\') return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;  // C1
        if (c == 0xE2 && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            if ((b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
                (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9))
                return true;  // LRM/RLM, LRE..RLO, LRI..PDI
        }
    }
    return false;
}

std::set<std::string> all_files(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (!entry.is_directory()) out.insert(entry.path().string());
    return out;
}

TEST(HostileNames, StoredUnderSafeNamesAndExtractedOnlyWhereAsked) {
    storage::test::TempDir tmp;
    const auto vault = tmp.path() / "vault";
    const auto sources = tmp.path() / "sources";
    const auto chosen = tmp.path() / "chosen";
    fs::create_directories(sources);
    fs::create_directories(chosen);
    test::make_sample_vault(vault, kPass);

    std::string long_accented;
    while (long_accented.size() + 2 <= 254) long_accented += "\xC3\xA9";  // é
    const std::vector<std::string> names = {
        "...",
        ".....",
        ".bash_profile",                        // a dot-file a sender wants planted in a home folder
        "..\\..\\windows\\system32\\evil.dll",
        "invoice\xE2\x80\xAEgpj.exe",          // RIGHT-TO-LEFT OVERRIDE: shows as "invoiceexe.jpg"
        "isolate\xE2\x81\xA6x\xE2\x81\xA9.txt",  // LRI ... PDI
        "mark\xE2\x80\x8F.txt",                 // RIGHT-TO-LEFT MARK
        "escape\x1B[2J\x1B[31mred.txt",         // terminal escape sequences
        "new\nline\ttab\rreturn.txt",
        "c1\xC2\x85next-line.txt",              // U+0085
        "CON",
        "NUL.txt",
        "aux.c",
        long_accented + "x",                    // 255 bytes
        std::string(255, 'a'),
        std::string(255, '\xFF'),               // not UTF-8 at all
        "half\xE6\x96.txt",                     // a cut multi-byte sequence
    };

    auto session = core::Session::open(vault, secret(kPass));
    core::AttachmentService attachments(*session);
    int index = 0;
    for (const auto& name : names) {
        SCOPED_TRACE(index);
        const auto source = sources / name;
        const std::string bytes = "evidence " + std::to_string(index);
        {
            std::ofstream out(source, std::ios::binary);
            ASSERT_TRUE(out) << "cannot create the hostile source file";
            out << bytes;
        }
        const auto record = attachments.attach(2, source);
        const auto& stored = record.name;
        EXPECT_FALSE(stored.empty());
        EXPECT_LE(stored.size(), 200u);
        EXPECT_TRUE(core::is_valid_utf8(stored));
        EXPECT_FALSE(has_unsafe_character(stored));
        EXPECT_NE(stored, ".");
        EXPECT_NE(stored, "..");
        EXPECT_NE(stored.front(), '.') << "a hidden file name was kept";
        EXPECT_EQ(attachments.get(record.id).name, stored);

        // Extract under the stored name into the chosen folder: exactly that
        // one new file appears, inside the chosen folder, with the bytes.
        const auto before = all_files(tmp.path());
        const auto out = chosen / stored;
        attachments.extract(record.id, out);
        auto after = all_files(tmp.path());
        for (const auto& f : before) after.erase(f);
        ASSERT_EQ(after.size(), 1u);
        EXPECT_EQ(fs::path(*after.begin()).parent_path(), chosen);
        EXPECT_EQ(storage::test::read_file(out), bytes);
        ++index;
    }
    // Plain ASCII names that are already safe are kept exactly; a leading dot
    // (a hidden file, perhaps one a shell reads at login) becomes '_'.
    EXPECT_TRUE(fs::exists(chosen / "_.."));
    EXPECT_TRUE(fs::exists(chosen / "_bash_profile"));
    EXPECT_FALSE(fs::exists(chosen / ".bash_profile"));
    EXPECT_TRUE(fs::exists(chosen / "CON"));
}

}  // namespace
}  // namespace fv
