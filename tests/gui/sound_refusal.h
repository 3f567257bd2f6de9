#pragma once
// For the sound tests: the sentence decode_sound refuses `bytes` with (its
// kind must be Invalid), or "(decoded)" when it does not refuse them.
#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>

#include "fieldvault/model/error.h"
#include "models/sound.h"

namespace fv::gui::test {

inline std::string refusal(std::span<const std::uint8_t> bytes, const SoundLimits& limits = {}) {
    try {
        (void)decode_sound(bytes, limits);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
        return e.what();
    }
    return "(decoded)";
}

}  // namespace fv::gui::test
