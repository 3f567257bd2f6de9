#include "fieldvault/crypto/recovery_key.h"

#include <gtest/gtest.h>

#include <cctype>
#include <regex>
#include <string>

#include "expect_error.h"

namespace fv::crypto {
namespace {

using fv::test::expect_error;

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// A fixed key, so the exhaustive typo test checks the same text every run.
SecretBuffer fixed_key(std::uint8_t start) {
    SecretBuffer key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key.mutable_bytes()[i] = static_cast<std::uint8_t>(start + 37 * i);
    }
    return key;
}

std::string without_separators(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != '-') {
            out.push_back(c);
        }
    }
    return out;
}

TEST(RecoveryKey, GenerateGivesGroupedTextThatParsesBack) {
    const std::regex format("^FVRK(-[0-9A-HJKMNP-TV-Z]{4}){13}-[0-9A-HJKMNP-TV-Z]{3}$");
    for (int i = 0; i < 20; ++i) {
        const auto recovery = RecoveryKey::generate();
        ASSERT_EQ(recovery.key.size(), 32u);
        EXPECT_TRUE(std::regex_match(recovery.text, format)) << "unexpected shape";
        EXPECT_TRUE(RecoveryKey::parse(recovery.text).equals(recovery.key));
        EXPECT_EQ(RecoveryKey::format(recovery.key), recovery.text);
    }
}

// The vector published in docs/identity-card.md (checked there with Python's hashlib alone).
TEST(RecoveryKey, MatchesThePublishedVector) {
    SecretBuffer key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key.mutable_bytes()[i] = static_cast<std::uint8_t>(i);
    }
    const std::string text = "FVRK-000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFX-P10";
    EXPECT_EQ(RecoveryKey::format(key), text);
    EXPECT_TRUE(RecoveryKey::parse(text).equals(key));
}

TEST(RecoveryKey, GeneratedKeysDiffer) {
    const auto a = RecoveryKey::generate();
    const auto b = RecoveryKey::generate();
    EXPECT_FALSE(a.key.equals(b.key));
    EXPECT_NE(a.text, b.text);
}

TEST(RecoveryKey, FormatRefusesWrongKeySize) {
    for (const std::size_t size : {0u, 16u, 31u, 33u}) {
        expect_error([&] { (void)RecoveryKey::format(SecretBuffer(size)); }, ErrorKind::Invalid);
    }
}

TEST(RecoveryKey, ParsingToleratesCaseSpacesAndDashes) {
    const auto key = fixed_key(1);
    const auto text = RecoveryKey::format(key);
    std::string lower = text;
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string spaced = text;
    for (auto& c : spaced) {
        c = c == '-' ? ' ' : c;
    }
    const auto compact = without_separators(text);
    for (const std::string& variant : {
             text,
             lower,
             spaced,
             compact,
             compact.substr(4),                 // without the FVRK prefix
             "  " + text + "\n",                // surrounding whitespace
             "FVRK--" + text.substr(5) + "-",   // extra dashes
             compact.substr(0, 10) + " - " + compact.substr(10),
         }) {
        EXPECT_TRUE(RecoveryKey::parse(variant).equals(key));
    }
}

TEST(RecoveryKey, ParsingMapsCrockfordLookAlikes) {
    // Find a key whose text has both a 0 and a 1 to substitute (most keys do).
    for (std::uint8_t start = 0; start < 255; ++start) {
        const auto key = fixed_key(start);
        const auto body = RecoveryKey::format(key).substr(5);
        if (body.find('0') == std::string::npos || body.find('1') == std::string::npos) {
            continue;
        }
        std::string typed_o = body;
        std::string typed_i = body;
        std::string typed_l = body;
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (body[i] == '0') {
                typed_o[i] = 'O';
            }
            if (body[i] == '1') {
                typed_i[i] = 'I';
                typed_l[i] = 'l';
            }
        }
        EXPECT_TRUE(RecoveryKey::parse(typed_o).equals(key));
        EXPECT_TRUE(RecoveryKey::parse(typed_i).equals(key));
        EXPECT_TRUE(RecoveryKey::parse(typed_l).equals(key));
        return;
    }
    FAIL() << "no key with both 0 and 1 found";
}

TEST(RecoveryKey, EverySingleCharacterSubstitutionIsCaught) {
    const auto text = RecoveryKey::format(fixed_key(2));
    std::size_t tried = 0;
    for (std::size_t pos = 5; pos < text.size(); ++pos) {
        if (text[pos] == '-') {
            continue;
        }
        for (const char c : kAlphabet) {
            if (c == text[pos]) {
                continue;
            }
            auto typo = text;
            typo[pos] = c;
            const auto message = expect_error([&] { (void)RecoveryKey::parse(typo); }, ErrorKind::Invalid);
            EXPECT_NE(message.find("checksum mismatch"), std::string::npos) << "position " << pos;
            ++tried;
        }
    }
    EXPECT_EQ(tried, 55u * 31u);
}

TEST(RecoveryKey, RejectsCharactersOutsideTheAlphabet) {
    const auto text = RecoveryKey::format(fixed_key(3));
    for (const char bad : {'U', 'u', '!', '=', '_', '\0', '\xc3'}) {
        auto tampered = text;
        tampered[7] = bad;
        const auto message = expect_error([&] { (void)RecoveryKey::parse(tampered); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("not a letter or digit"), std::string::npos) << message;
    }
}

TEST(RecoveryKey, RejectsWrongLength) {
    const auto text = RecoveryKey::format(fixed_key(4));
    for (const std::string& bad : {std::string(), std::string("FVRK"), std::string("FVRK-"), text.substr(0, text.size() - 1),
                                  text + "A", text + text, text.substr(0, 20)}) {
        const auto message = expect_error([&] { (void)RecoveryKey::parse(bad); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("wrong length"), std::string::npos) << message;
    }
}

TEST(RecoveryKey, RejectsWrongPrefix) {
    const auto text = RecoveryKey::format(fixed_key(5));
    const auto message = expect_error([&] { (void)RecoveryKey::parse("FVRX" + text.substr(4)); }, ErrorKind::Invalid);
    EXPECT_NE(message.find("FVRK"), std::string::npos) << message;
}

TEST(RecoveryKey, ErrorsNeverEchoTheKey) {
    const auto text = RecoveryKey::format(fixed_key(6));
    auto typo = text;
    typo[10] = typo[10] == 'A' ? 'B' : 'A';
    for (const std::string& bad : {typo, text.substr(0, 30), typo.substr(0, 7) + "U" + typo.substr(8)}) {
        const auto message = expect_error([&] { (void)RecoveryKey::parse(bad); }, ErrorKind::Invalid);
        for (std::size_t i = 5; i + 4 <= text.size(); i += 5) {
            EXPECT_EQ(message.find(text.substr(i, 4)), std::string::npos) << "message contains a key group";
        }
    }
}

}  // namespace
}  // namespace fv::crypto
