#pragma once
// Runs `action`, requires it to throw fv::Error of `kind`, and returns the message
// so that a test can also check what the user would read.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "fieldvault/model/error.h"

namespace fv::test {

template <typename Action>
std::string expect_error(Action&& action, fv::ErrorKind kind) {
    try {
        std::forward<Action>(action)();
    } catch (const fv::Error& error) {
        EXPECT_EQ(static_cast<int>(error.kind()), static_cast<int>(kind)) << error.what();
        return error.what();
    }
    ADD_FAILURE() << "expected fv::Error, nothing was thrown";
    return {};
}

}  // namespace fv::test
