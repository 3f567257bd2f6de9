#pragma once
// Coded vocabularies: stable codes stored in the vault, labels shown to people.
// Labels are English for now and all come through label(), the one place a
// translation layer will hook in.
#include <span>
#include <string_view>

namespace fv::core {

enum class Vocabulary {
    Tactic,
    Channel,
    Affiliation,
    Demand,
    Impact,
    RiskLevel,
    DatePrecision,
    Status,
    SensitiveField,  // names of fields that can be marked sensitive
};

struct VocabularyEntry {
    std::string_view code;
    std::string_view label;
};

std::span<const VocabularyEntry> entries(Vocabulary vocabulary);
bool is_known_code(Vocabulary vocabulary, std::string_view code);
// The label for a code; the code itself if unknown (never empty for a non-empty code).
std::string_view label(Vocabulary vocabulary, std::string_view code);
std::string_view vocabulary_name(Vocabulary vocabulary);  // "tactic", "channel", ...

}  // namespace fv::core
