#pragma once
// Coded vocabularies: stable codes stored in the vault, labels shown to people.
// Labels are plain English (the source text, no jargon: "Pressure through
// family", not "coercion by proxy"), marked FV_N_ for the translators; the
// faces show them in the person's language through display_label() (that is,
// core::tr(label)). Each tactic also has a one-sentence hint saying what it
// covers. label() stays English: for logs, tests, and wherever the source text
// is wanted.
#include <span>
#include <string>
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
    std::string_view code;   // stored in vaults and bundles: never changes
    std::string_view label;  // English; a string literal (NUL-terminated, for tr())
    std::string_view hint{};  // English, one plain sentence; tactics only (empty otherwise)
};

std::span<const VocabularyEntry> entries(Vocabulary vocabulary);
bool is_known_code(Vocabulary vocabulary, std::string_view code);
// The label for a code; the code itself if unknown (never empty for a non-empty code).
std::string_view label(Vocabulary vocabulary, std::string_view code);
// The English hint for a code; empty if it has none or is unknown.
std::string_view hint(Vocabulary vocabulary, std::string_view code);
// In the language in use (core::tr): what the faces show.
const char* display_label(const VocabularyEntry& entry);
const char* display_hint(const VocabularyEntry& entry);  // "" if none
// The translated label for a code; the code itself if unknown.
std::string display_label(Vocabulary vocabulary, std::string_view code);
// The translated hint for a code; empty if none.
std::string display_hint(Vocabulary vocabulary, std::string_view code);
std::string_view vocabulary_name(Vocabulary vocabulary);  // "tactic", "channel", ...

}  // namespace fv::core
