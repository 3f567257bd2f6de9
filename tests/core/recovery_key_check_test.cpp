// core::recovery_key_matches: the retype check after a recovery key is shown.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "fieldvault/core/recovery_key_check.h"
#include "test_vault.h"

namespace fv::test {
namespace {

TEST(RecoveryKeyCheck, TheSameKeyMatchesAsPeopleCopyIt) {
    TestVault v;
    const std::string key = v.created.recovery_key;
    EXPECT_TRUE(core::recovery_key_matches(key, key));
    std::string casual;
    for (char c : key)
        if (c != '-') casual.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    EXPECT_TRUE(core::recovery_key_matches(key, casual));
    EXPECT_TRUE(core::recovery_key_matches(key, "  " + key + " "));
}

TEST(RecoveryKeyCheck, ASlipAShortKeyOrAnotherKeyDoesNot) {
    TestVault v;
    TestVault other;
    const std::string key = v.created.recovery_key;
    std::string slip = key;
    slip[slip.size() - 3] = slip[slip.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(core::recovery_key_matches(key, slip));
    EXPECT_FALSE(core::recovery_key_matches(key, key.substr(0, key.size() - 4)));
    EXPECT_FALSE(core::recovery_key_matches(key, ""));
    EXPECT_FALSE(core::recovery_key_matches(key, "not a key at all"));
    EXPECT_FALSE(core::recovery_key_matches(key, other.created.recovery_key));
    EXPECT_FALSE(core::recovery_key_matches("", ""));
}

}  // namespace
}  // namespace fv::test
