// Deleting the original after attaching: overwritten and removed; links,
// folders and missing files are refused and left as they are.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "fieldvault/core/original_files.h"
#include "fieldvault/model/error.h"
#include "test_vault.h"

using namespace fv;
using fv::test::kind_of;
namespace fs = std::filesystem;

TEST(DeleteOriginal, OverwritesAndRemovesAnOrdinaryFile) {
    test::TempDir tmp;
    const auto file = tmp.path() / "screenshot.png";
    test::write_file(file, std::string(200000, 'S'));
    // A second name for the same bytes shows they were overwritten, not just unlinked.
    fs::create_hard_link(file, tmp.path() / "other-name");
    core::delete_original(file);
    EXPECT_FALSE(fs::exists(file));
    const auto left = test::read_file(tmp.path() / "other-name");
    ASSERT_EQ(left.size(), 200000u);
    EXPECT_EQ(left.find('S'), std::string::npos);
}

TEST(DeleteOriginal, RefusesLinksFoldersAndMissingFiles) {
    test::TempDir tmp;
    const auto target = tmp.path() / "kept.txt";
    test::write_file(target, "keep me");
    fs::create_symlink(target, tmp.path() / "link.txt");
    EXPECT_EQ(kind_of([&] { core::delete_original(tmp.path() / "link.txt"); }), ErrorKind::Invalid);
    EXPECT_EQ(test::read_file(target), "keep me");
    EXPECT_TRUE(fs::is_symlink(tmp.path() / "link.txt"));
    fs::create_directory(tmp.path() / "folder");
    EXPECT_EQ(kind_of([&] { core::delete_original(tmp.path() / "folder"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { core::delete_original(tmp.path() / "gone.txt"); }), ErrorKind::NotFound);
    const auto empty = tmp.path() / "empty.txt";
    test::write_file(empty, "");
    core::delete_original(empty);
    EXPECT_FALSE(fs::exists(empty));
}
