#pragma once
// A field marked sensitive stays out of a bundle, but its words may still be
// told in a field that goes out (a relative's name in the account). This
// finds those fields, so the export can say so gently before anything leaves.
#include <string>
#include <vector>

#include "fieldvault/storage/records.h"

namespace fv::core::detail {

// The sensitive fields of `original` (codes, as in sensitive_fields) whose
// words (Latin words of 5 letters or more, two or more Chinese characters)
// appear in `outgoing` (the same report after redaction), ASCII
// letters compared without case.
std::vector<std::string> sensitive_words_still_told(const storage::ReportContent& original,
                                                    const storage::ReportContent& outgoing);

}  // namespace fv::core::detail
