#include "fieldvault/core/vocabulary.h"

#include <algorithm>
#include <array>
#include <string>

#include "fieldvault/core/i18n.h"

namespace fv::core {
namespace {

// Codes are stored in vaults and bundles: never rename or reuse one. Labels may
// change: they are plain English (the source text), marked FV_N_ for the
// translators and shown through tr() (display_label()). Each tactic has a
// one-sentence hint saying what it covers, in the same plain words.
constexpr std::array kTactics = {
    VocabularyEntry{"harassment", FV_N_("Threats or harassment"),
                    FV_N_("Someone kept calling, messaging or visiting you to frighten or insult you.")},
    VocabularyEntry{"surveillance", FV_N_("Being followed or watched"),
                    FV_N_("Someone followed you, watched your home or work, or tracked where you go.")},
    VocabularyEntry{"digital_attack", FV_N_("Hacking, fake links or spy apps"),
                    FV_N_("Someone tried to get into your phone or accounts, sent you fake links, or put spying "
                          "software on a device.")},
    VocabularyEntry{"physical_intimidation", FV_N_("Threats in person or violence"),
                    FV_N_("Someone threatened you face to face, blocked your way, pushed or hurt you.")},
    VocabularyEntry{"attempted_kidnapping", FV_N_("Trying to take you away by force"),
                    FV_N_("Someone tried to grab you, force you into a car, or take you somewhere against your "
                          "will.")},
    VocabularyEntry{"coerced_return", FV_N_("Pressure to go back"),
                    FV_N_("Someone told you to return to the country you left, or tried to make you go back.")},
    VocabularyEntry{"coercion_by_proxy", FV_N_("Pressure through family"),
                    FV_N_("Your family or friends back home were threatened, questioned or held to put pressure "
                          "on you.")},
    VocabularyEntry{"asset_freezing", FV_N_("Money or property frozen or taken"),
                    FV_N_("Your bank account, savings, home or business back home was frozen or taken.")},
    VocabularyEntry{"legal_abuse", FV_N_("False charges or wanted notices"),
                    FV_N_("Police or courts were used against you: made-up charges, an Interpol notice, or a "
                          "request to send you back.")},
    VocabularyEntry{"smear_campaign", FV_N_("Lies spread about you"),
                    FV_N_("False stories, rumours or your private details were spread online or in your "
                          "community.")},
    VocabularyEntry{"mobility_controls", FV_N_("Passport taken or travel blocked"),
                    FV_N_("Your passport or papers were taken or not renewed, or you were stopped from "
                          "travelling.")},
    VocabularyEntry{"other", FV_N_("Something else"),
                    FV_N_("Anything that does not fit above: say what happened in your own words.")},
};

constexpr std::array kChannels = {
    VocabularyEntry{"phone", FV_N_("Phone call or text message")},
    VocabularyEntry{"wechat", FV_N_("WeChat")},
    VocabularyEntry{"whatsapp", FV_N_("WhatsApp")},
    VocabularyEntry{"telegram", FV_N_("Telegram")},
    VocabularyEntry{"email", FV_N_("Email")},
    VocabularyEntry{"social", FV_N_("Social media")},
    VocabularyEntry{"in_person", FV_N_("In person")},
    VocabularyEntry{"intermediary", FV_N_("Through someone else")},
    VocabularyEntry{"relatives", FV_N_("Through your family")},
    VocabularyEntry{"other", FV_N_("Another way")},
};

constexpr std::array kAffiliations = {
    VocabularyEntry{"police", FV_N_("Police")},
    VocabularyEntry{"state_security", FV_N_("State security (secret police)")},
    VocabularyEntry{"embassy", FV_N_("Embassy or consulate")},
    VocabularyEntry{"service_station", FV_N_("Overseas \"service station\" (unofficial police post)")},
    VocabularyEntry{"community_association", FV_N_("Community or hometown association")},
    VocabularyEntry{"private_investigator", FV_N_("Private investigator")},
    VocabularyEntry{"unknown", FV_N_("Not known")},
};

constexpr std::array kDemands = {
    VocabularyEntry{"return_home", FV_N_("Go back home")},
    VocabularyEntry{"stop_activism", FV_N_("Stop speaking out or organising")},
    VocabularyEntry{"inform_on_others", FV_N_("Spy on other people")},
    VocabularyEntry{"delete_posts", FV_N_("Delete posts")},
    VocabularyEntry{"attend_meeting", FV_N_("Come to a meeting")},
    VocabularyEntry{"other", FV_N_("Something else")},
};

constexpr std::array kImpacts = {
    VocabularyEntry{"physical", FV_N_("Injury or illness")},
    VocabularyEntry{"psychological", FV_N_("Fear, stress or sleeplessness")},
    VocabularyEntry{"financial", FV_N_("Money or work")},
    VocabularyEntry{"immigration", FV_N_("Visa or immigration status")},
    VocabularyEntry{"self_censorship", FV_N_("Staying silent out of fear")},
};

constexpr std::array kRiskLevels = {
    VocabularyEntry{"low", FV_N_("Low")},
    VocabularyEntry{"medium", FV_N_("Medium")},
    VocabularyEntry{"high", FV_N_("High")},
    VocabularyEntry{"critical", FV_N_("Very high")},
};

constexpr std::array kDatePrecisions = {
    VocabularyEntry{"exact", FV_N_("Exact time")},
    VocabularyEntry{"day", FV_N_("Day known")},
    VocabularyEntry{"month", FV_N_("Month only")},
    VocabularyEntry{"approximate", FV_N_("Roughly")},
};

constexpr std::array kStatuses = {
    VocabularyEntry{"draft", FV_N_("Draft")},
    VocabularyEntry{"final", FV_N_("Final")},
};

// Field names a user may mark sensitive (kept out of exports unless chosen):
// the report form's own headings, so a note about a field left out of an
// export names it as the person saw it.
constexpr std::array kSensitiveFields = {
    VocabularyEntry{"title", FV_N_("Title")},
    VocabularyEntry{"place", FV_N_("Place")},
    VocabularyEntry{"host_city", FV_N_("City")},
    VocabularyEntry{"origin_country", FV_N_("Home country")},
    VocabularyEntry{"identifiers", FV_N_("Numbers, accounts and addresses used")},
    VocabularyEntry{"perpetrators", FV_N_("Who did it")},
    VocabularyEntry{"relatives", FV_N_("Relatives pressured")},
    VocabularyEntry{"narrative", FV_N_("Account, in the words of the person")},
    VocabularyEntry{"translation", FV_N_("Translation")},
    VocabularyEntry{"witnesses", FV_N_("Witnesses")},
    VocabularyEntry{"impact", FV_N_("Harm done")},
    VocabularyEntry{"reported_to", FV_N_("Reported to")},
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

std::string_view hint(Vocabulary vocabulary, std::string_view code) {
    for (const auto& e : entries(vocabulary))
        if (e.code == code) return e.hint;
    return {};
}

// The tables' strings are literals: data() is NUL-terminated, as tr() needs.
const char* display_label(const VocabularyEntry& entry) { return tr(entry.label.data()); }

const char* display_hint(const VocabularyEntry& entry) { return entry.hint.empty() ? "" : tr(entry.hint.data()); }

std::string display_label(Vocabulary vocabulary, std::string_view code) {
    for (const auto& e : entries(vocabulary))
        if (e.code == code) return display_label(e);
    return std::string(code);
}

std::string display_hint(Vocabulary vocabulary, std::string_view code) {
    for (const auto& e : entries(vocabulary))
        if (e.code == code) return display_hint(e);
    return {};
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
