#include "fieldvault/core/vocabulary.h"

#include <algorithm>
#include <array>

namespace fv::core {
namespace {

// Codes are stored in vaults and bundles: never rename or reuse one. Labels may change.
constexpr std::array kTactics = {
    VocabularyEntry{"harassment", "Harassment"},
    VocabularyEntry{"surveillance", "Stalking or surveillance"},
    VocabularyEntry{"digital_attack", "Hacking, phishing or spyware"},
    VocabularyEntry{"physical_intimidation", "Physical intimidation or assault"},
    VocabularyEntry{"attempted_kidnapping", "Attempted kidnapping"},
    VocabularyEntry{"coerced_return", "Coerced return (\"persuade to return\")"},
    VocabularyEntry{"coercion_by_proxy", "Threats to or detention of family (coercion by proxy)"},
    VocabularyEntry{"asset_freezing", "Asset freezing"},
    VocabularyEntry{"legal_abuse", "Interpol or legal abuse"},
    VocabularyEntry{"smear_campaign", "Smear campaign"},
    VocabularyEntry{"mobility_controls", "Documents confiscated or travel restricted"},
    VocabularyEntry{"other", "Other"},
};

constexpr std::array kChannels = {
    VocabularyEntry{"phone", "Phone call or SMS"},
    VocabularyEntry{"wechat", "WeChat"},
    VocabularyEntry{"whatsapp", "WhatsApp"},
    VocabularyEntry{"telegram", "Telegram"},
    VocabularyEntry{"email", "Email"},
    VocabularyEntry{"social", "Social platform"},
    VocabularyEntry{"in_person", "In person"},
    VocabularyEntry{"intermediary", "Via an intermediary"},
    VocabularyEntry{"relatives", "Via relatives"},
    VocabularyEntry{"other", "Other"},
};

constexpr std::array kAffiliations = {
    VocabularyEntry{"police", "Police"},
    VocabularyEntry{"state_security", "State security"},
    VocabularyEntry{"embassy", "Embassy or consulate"},
    VocabularyEntry{"service_station", "Overseas \"service station\""},
    VocabularyEntry{"community_association", "Community association"},
    VocabularyEntry{"private_investigator", "Private investigator"},
    VocabularyEntry{"unknown", "Unknown"},
};

constexpr std::array kDemands = {
    VocabularyEntry{"return_home", "Return home"},
    VocabularyEntry{"stop_activism", "Stop activism"},
    VocabularyEntry{"inform_on_others", "Inform on others"},
    VocabularyEntry{"delete_posts", "Delete posts"},
    VocabularyEntry{"attend_meeting", "Attend a meeting"},
    VocabularyEntry{"other", "Other"},
};

constexpr std::array kImpacts = {
    VocabularyEntry{"physical", "Physical"},
    VocabularyEntry{"psychological", "Psychological"},
    VocabularyEntry{"financial", "Financial"},
    VocabularyEntry{"immigration", "Immigration status"},
    VocabularyEntry{"self_censorship", "Self-censorship"},
};

constexpr std::array kRiskLevels = {
    VocabularyEntry{"low", "Low"},
    VocabularyEntry{"medium", "Medium"},
    VocabularyEntry{"high", "High"},
    VocabularyEntry{"critical", "Critical"},
};

constexpr std::array kDatePrecisions = {
    VocabularyEntry{"exact", "Exact"},
    VocabularyEntry{"day", "Day"},
    VocabularyEntry{"month", "Month"},
    VocabularyEntry{"approximate", "Approximate"},
};

constexpr std::array kStatuses = {
    VocabularyEntry{"draft", "Draft"},
    VocabularyEntry{"final", "Final"},
};

// Field names a user may mark sensitive (kept out of exports unless chosen).
constexpr std::array kSensitiveFields = {
    VocabularyEntry{"title", "Title"},
    VocabularyEntry{"place", "Place"},
    VocabularyEntry{"host_city", "City"},
    VocabularyEntry{"origin_country", "Origin country"},
    VocabularyEntry{"identifiers", "Identifiers"},
    VocabularyEntry{"perpetrators", "Perpetrators"},
    VocabularyEntry{"relatives", "Relatives pressured"},
    VocabularyEntry{"narrative", "Narrative"},
    VocabularyEntry{"translation", "Translation"},
    VocabularyEntry{"witnesses", "Witnesses"},
    VocabularyEntry{"impact", "Impact"},
    VocabularyEntry{"reported_to", "Reported to"},
};

}  // namespace

std::span<const VocabularyEntry> entries(Vocabulary vocabulary) {
    switch (vocabulary) {
        case Vocabulary::Tactic: return kTactics;
        case Vocabulary::Channel: return kChannels;
        case Vocabulary::Affiliation: return kAffiliations;
        case Vocabulary::Demand: return kDemands;
        case Vocabulary::Impact: return kImpacts;
        case Vocabulary::RiskLevel: return kRiskLevels;
        case Vocabulary::DatePrecision: return kDatePrecisions;
        case Vocabulary::Status: return kStatuses;
        case Vocabulary::SensitiveField: return kSensitiveFields;
    }
    return {};
}

bool is_known_code(Vocabulary vocabulary, std::string_view code) {
    const auto list = entries(vocabulary);
    return std::any_of(list.begin(), list.end(), [&](const VocabularyEntry& e) { return e.code == code; });
}

std::string_view label(Vocabulary vocabulary, std::string_view code) {
    for (const auto& e : entries(vocabulary))
        if (e.code == code) return e.label;
    return code;
}

std::string_view vocabulary_name(Vocabulary vocabulary) {
    switch (vocabulary) {
        case Vocabulary::Tactic: return "tactic";
        case Vocabulary::Channel: return "channel";
        case Vocabulary::Affiliation: return "affiliation";
        case Vocabulary::Demand: return "demand";
        case Vocabulary::Impact: return "impact";
        case Vocabulary::RiskLevel: return "risk level";
        case Vocabulary::DatePrecision: return "date precision";
        case Vocabulary::Status: return "status";
        case Vocabulary::SensitiveField: return "sensitive field";
    }
    return "vocabulary";
}

}  // namespace fv::core
