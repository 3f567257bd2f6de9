#include "report_options.h"
#include "fieldvault/core/i18n.h"

#include <fstream>
#include <string_view>

#include "fieldvault/core/text.h"
#include "fieldvault/core/vocabulary.h"
#include "fieldvault/model/error.h"

namespace fv::cli {
namespace {

using core::Vocabulary;

// Files read into memory only; a narrative never touches a temp file.
constexpr std::uintmax_t kMaxTextFileBytes = 16u << 20;

std::string read_text_file(const std::string& option, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::NotFound, core::tr_args("{1}: cannot read {2}", {option, path}));
    std::string text;
    char chunk[8192];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxTextFileBytes) throw Error(ErrorKind::Invalid, core::tr_args("{1}: file is too large", {option}));
    }
    if (in.bad()) throw Error(ErrorKind::Io, core::tr_args("{1}: reading {2} failed", {option, path}));
    return text;
}

// Codes are checked here, before the passphrase is asked for, so that a typo
// costs no Argon2id run and the user sees every valid code at once.
void check_code(Vocabulary vocabulary, const std::string& option, const std::string& code) {
    if (core::is_known_code(vocabulary, code)) return;
    std::string valid;
    for (const auto& entry : core::entries(vocabulary)) {
        if (!valid.empty()) valid += ", ";
        valid += entry.code;
    }
    const bool printable = code.size() <= 64 && core::is_valid_utf8(code);
    const auto name = core::vocabulary_name(vocabulary);
    throw Error(ErrorKind::Usage, printable ? core::tr_args("{1}: unknown {2} code '{3}' (valid: {4})",
                                                            {option, name, code, valid})
                                            : core::tr_args("{1}: unknown {2} code (valid: {3})", {option, name, valid}));
}

void check_codes(Vocabulary vocabulary, const std::string& option, const std::vector<std::string>& codes) {
    for (const auto& code : codes) check_code(vocabulary, option, code);
}

// "HEAD:REST" split at the first colon (REST may hold colons: URLs, times).
std::pair<std::string, std::string> split_first_colon(const std::string& value) {
    const auto colon = value.find(':');
    if (colon == std::string::npos) return {value, std::string()};
    return {value.substr(0, colon), value.substr(colon + 1)};
}

}  // namespace

// Repeatable options take exactly one value per occurrence
// (allow_extra_args(false)): otherwise "--tactic harassment 12" would swallow
// a positional argument into the list.
void ReportOptions::add_to(CLI::App& command, bool for_edit) {
    command_ = &command;
    auto* title = command.add_option("--title", title_, core::tr("Short title of the incident"));
    if (!for_edit) title->required();
    command.add_option("--case", case_,
                       for_edit ? core::tr("Move to this case (\"\" removes it from its case)") : core::tr("File under this case"));
    command.add_option("--occurred", occurred_, core::tr("When it happened (ISO-8601, e.g. 2026-03-14 or 2026-03-14T18:30)"));
    command.add_option("--end", end_, core::tr("When it ended (ISO-8601)"));
    command.add_option("--precision", precision_, core::tr("How exact the date is: exact, day, month, approximate"));
    command.add_option("--location", location_, core::tr("Free-text place"));
    command.add_option("--host-country", host_country_, core::tr("Country where it happened (e.g. CA)"));
    command.add_option("--city", city_, core::tr("City where it happened"));
    command.add_option("--origin-country", origin_country_, core::tr("Country of origin the pressure came from"));
    command.add_option("--tactic", tactics_, core::tr("Tactic code (repeatable)"))->allow_extra_args(false);
    command.add_option("--channel", channels_, core::tr("Channel code (repeatable)"))->allow_extra_args(false);
    command.add_option("--identifier", identifiers_, core::tr("CHANNEL:VALUE, a number, handle or URL used (repeatable)"))->allow_extra_args(false);
    command.add_option("--perpetrator", perpetrators_, core::tr("AFFILIATION[:NAMES] (repeatable)"))->allow_extra_args(false);
    command.add_option("--demand", demands_, core::tr("Demand code (repeatable)"))->allow_extra_args(false);
    command.add_option("--demands-detail", demands_detail_, core::tr("What exactly was demanded"));
    command.add_option("--relative", relatives_, core::tr("RELATIONSHIP[:WHAT_HAPPENED], a relative pressured (repeatable)"))->allow_extra_args(false);
    auto* narrative = command.add_option("--narrative", narrative_, core::tr("The account, in its original language"));
    auto* narrative_file = command.add_option("--narrative-file", narrative_file_, core::tr("Read the account from FILE"))
                               ->option_text(core::tr("FILE"));
    narrative->excludes(narrative_file);
    command.add_option("--language", language_, core::tr("Language of the narrative (BCP 47, e.g. zh-Hans)"));
    auto* translation = command.add_option("--translation", translation_, core::tr("A translation of the narrative"));
    auto* translation_file = command.add_option("--translation-file", translation_file_, core::tr("Read the translation from FILE"))
                                 ->option_text(core::tr("FILE"));
    translation->excludes(translation_file);
    command.add_option("--translation-language", translation_language_, core::tr("Language of the translation"));
    command.add_option("--translator", translator_, core::tr("Who translated it"));
    command.add_option("--witness", witnesses_, core::tr("NAME[:STATEMENT] (repeatable)"))->allow_extra_args(false);
    command.add_option("--impact", impacts_, core::tr("Impact code (repeatable)"))->allow_extra_args(false);
    command.add_option("--impact-detail", impact_detail_, core::tr("How it affected the person"));
    command.add_option("--reported-to", reported_to_, core::tr("AUTHORITY[:REFERENCE] it was reported to (repeatable)"))->allow_extra_args(false);
    command.add_option("--risk", risk_, core::tr("Risk level: low, medium, high, critical"));
    command.add_option("--sensitive", sensitive_, core::tr("Mark a field sensitive (repeatable), e.g. relatives, place"))->allow_extra_args(false);
}

bool ReportOptions::given(const std::string& option) const { return command_->count(option) > 0; }

std::optional<std::string> ReportOptions::case_name() const {
    if (given("--case")) return case_;
    return std::nullopt;
}

void ReportOptions::apply_to(core::ReportContent& c) const {
    const auto set = [this](const char* option, std::string& field, const std::string& value) {
        if (given(option)) field = value;
    };
    set("--title", c.title, title_);
    set("--occurred", c.occurred_start, occurred_);
    set("--end", c.occurred_end, end_);
    if (given("--precision")) {
        check_code(Vocabulary::DatePrecision, "--precision", precision_);
        c.date_precision = precision_;
    }
    set("--location", c.place, location_);
    set("--host-country", c.host_country, host_country_);
    set("--city", c.host_city, city_);
    set("--origin-country", c.origin_country, origin_country_);

    if (given("--tactic")) {
        check_codes(Vocabulary::Tactic, "--tactic", tactics_);
        c.tactics = tactics_;
    }
    if (given("--channel")) {
        check_codes(Vocabulary::Channel, "--channel", channels_);
        c.channels = channels_;
    }
    if (given("--identifier")) {
        c.identifiers.clear();
        for (const auto& raw : identifiers_) {
            auto [channel, value] = split_first_colon(raw);
            if (raw.find(':') == std::string::npos || value.empty())
                throw Error(ErrorKind::Usage, core::tr("--identifier: expected CHANNEL:VALUE, e.g. wechat:some_handle"));
            check_code(Vocabulary::Channel, "--identifier", channel);
            c.identifiers.push_back({std::move(channel), std::move(value)});
        }
    }
    if (given("--perpetrator")) {
        c.perpetrators.clear();
        for (const auto& raw : perpetrators_) {
            auto [affiliation, names] = split_first_colon(raw);
            if (!affiliation.empty()) check_code(Vocabulary::Affiliation, "--perpetrator", affiliation);
            c.perpetrators.push_back({std::move(affiliation), std::move(names), std::string()});
        }
    }
    if (given("--demand")) {
        check_codes(Vocabulary::Demand, "--demand", demands_);
        c.demands = demands_;
    }
    set("--demands-detail", c.demands_detail, demands_detail_);
    if (given("--relative")) {
        c.relatives.clear();
        for (const auto& raw : relatives_) {
            auto [relationship, what] = split_first_colon(raw);
            core::RelativePressured relative;
            relative.relationship = std::move(relationship);
            relative.what_happened = std::move(what);
            c.relatives.push_back(std::move(relative));
        }
    }
    set("--narrative", c.narrative, narrative_);
    if (given("--narrative-file")) c.narrative = read_text_file("--narrative-file", narrative_file_);
    set("--language", c.narrative_language, language_);
    set("--translation", c.translation, translation_);
    if (given("--translation-file")) c.translation = read_text_file("--translation-file", translation_file_);
    set("--translation-language", c.translation_language, translation_language_);
    set("--translator", c.translator, translator_);
    if (given("--witness")) {
        c.witnesses.clear();
        for (const auto& raw : witnesses_) {
            auto [name, statement] = split_first_colon(raw);
            c.witnesses.push_back({std::move(name), std::string(), std::move(statement)});
        }
    }
    if (given("--impact")) {
        check_codes(Vocabulary::Impact, "--impact", impacts_);
        c.impacts = impacts_;
    }
    set("--impact-detail", c.impact_detail, impact_detail_);
    if (given("--reported-to")) {
        c.reported_to.clear();
        for (const auto& raw : reported_to_) {
            auto [authority, reference] = split_first_colon(raw);
            core::ReportedTo entry;
            entry.authority = std::move(authority);
            entry.reference = std::move(reference);
            c.reported_to.push_back(std::move(entry));
        }
    }
    if (given("--risk")) {
        if (!risk_.empty()) check_code(Vocabulary::RiskLevel, "--risk", risk_);
        c.risk_level = risk_;
    }
    if (given("--sensitive")) {
        check_codes(Vocabulary::SensitiveField, "--sensitive", sensitive_);
        c.sensitive_fields = sensitive_;
    }
}

}  // namespace fv::cli
