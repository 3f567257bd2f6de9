#include "fieldvault/crypto/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_error.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {
namespace {

using fv::test::expect_error;

Bytes bytes_of(std::string_view text) { return Bytes(text.begin(), text.end()); }

TEST(Hex, RoundTripsEveryLengthUpTo64) {
    for (std::size_t n = 0; n <= 64; ++n) {
        Bytes data(n);
        random_bytes(data);
        const auto hex = to_hex(data);
        EXPECT_EQ(hex.size(), 2 * n);
        EXPECT_EQ(from_hex(hex), data);
    }
}

TEST(Hex, EncodesLowerCase) {
    EXPECT_EQ(to_hex(Bytes{0x00, 0xff, 0x10, 0xab}), "00ff10ab");
    EXPECT_EQ(to_hex(Bytes{}), "");
}

TEST(Hex, DecodesEitherCase) { EXPECT_EQ(from_hex("00FF10aB"), (Bytes{0x00, 0xff, 0x10, 0xab})); }

TEST(Hex, RejectsMalformedText) {
    for (const std::string_view bad : {"0", "abc", "zz", "0g", "g0", "00 ", " 00", "00-11", "0x00", "00\n"}) {
        expect_error([&] { (void)from_hex(bad); }, ErrorKind::Invalid);
    }
    expect_error([] { (void)from_hex(std::string_view("00\0", 4)); }, ErrorKind::Invalid);
}

TEST(Base64, Rfc4648Vectors) {
    const std::pair<std::string_view, std::string_view> vectors[] = {
        {"", ""},          {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(to_base64(bytes_of(plain)), encoded);
        EXPECT_EQ(from_base64(encoded), bytes_of(plain));
    }
}

TEST(Base64, RoundTripsEveryLengthUpTo64) {
    for (std::size_t n = 0; n <= 64; ++n) {
        Bytes data(n);
        random_bytes(data);
        EXPECT_EQ(from_base64(to_base64(data)), data);
    }
}

TEST(Base64, UsesTheStandardAlphabet) { EXPECT_EQ(to_base64(Bytes{0xfb, 0xff}), "+/8="); }

TEST(Base64, RejectsMalformedText) {
    for (const std::string_view bad : {
             "Zg",           // missing padding
             "Zg=",          // short padding
             "Zm9",          // not a multiple of 4
             "Zm9v!A==",     // bad character
             "Zm9vYg==Zg==", // data after padding
             "Zm9vYg==\n",   // trailing newline
             " Zm9v",        // leading space
             "Zm9vYmFy====", // extra padding
             "Zh==",         // non-zero leftover bits (non-canonical spelling of "f")
             "Zm9=",         // non-zero leftover bits
             "-_8=",         // URL-safe alphabet
             "====",
         }) {
        expect_error([&] { (void)from_base64(bad); }, ErrorKind::Invalid);
    }
}

}  // namespace
}  // namespace fv::crypto
