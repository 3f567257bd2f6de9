// The passphrase rule both faces apply (moved from the GUI to core so the
// CLI applies it too), and its enforcement when a vault is made or rekeyed.
#include <gtest/gtest.h>

#include "fieldvault/core/passphrase_strength.h"
#include "test_vault.h"

namespace fv::core {
namespace {

TEST(PassphraseStrength, GradesByLengthAndVariety) {
    EXPECT_EQ(passphrase_strength(""), Strength::Empty);
    EXPECT_EQ(passphrase_strength("abc123"), Strength::TooShort);
    EXPECT_EQ(passphrase_strength("aaaaaaaaaaaaaaaaaaaaaaaa"), Strength::Weak);
    EXPECT_EQ(passphrase_strength("password"), Strength::Weak);
    EXPECT_EQ(passphrase_strength("tiger lamp river"), Strength::Fair);
    EXPECT_EQ(passphrase_strength("correct horse battery staple"), Strength::Strong);
}

TEST(PassphraseStrength, CountsCharactersNotBytes) {
    // Three Hanzi are nine bytes but three characters: too short.
    EXPECT_EQ(passphrase_strength("我的家"), Strength::TooShort);
    EXPECT_NE(passphrase_strength("我的家在很远的地方有山"), Strength::TooShort);
}

TEST(PassphraseStrength, EveryGradeHasAHint) {
    for (auto s : {Strength::Empty, Strength::TooShort, Strength::Weak, Strength::Fair, Strength::Strong})
        EXPECT_GT(std::string(strength_hint(s)).size(), 3u);
}

TEST(PassphraseStrength, CoreRefusesTooShortOnCreateAndChange) {
    test::TempDir tmp;
    EXPECT_THROW((void)Session::create(tmp.path() / "v", test::passphrase("seven77"), "", test::fast_kdf()), Error);
    EXPECT_FALSE(Session::vault_exists(tmp.path() / "v"));
    test::TestVault v;
    try {
        v.session->change_passphrase(test::passphrase("短密码"), test::fast_kdf());
        ADD_FAILURE() << "a 3-character passphrase was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
        EXPECT_NE(std::string(e.what()).find("at least 8 characters"), std::string::npos) << e.what();
    }
    v.session->change_passphrase(test::passphrase("eight ch"), test::fast_kdf());  // exactly 8: enough
}

}  // namespace
}  // namespace fv::core
