// timeline [--case NAME] [--json]. The text is for a person, perhaps a
// frightened one: whole words, no codes; the JSON keys are for scripts
// (docs/cli.md).
#include "commands_timeline.h"

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fieldvault/core/entities.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/report_analysis.h"
#include "fieldvault/core/vocabulary.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct TimelineArgs {
    std::string case_name;
    bool json = false;
};

// nullopt = every report. The name is not echoed: it may name a person.
std::optional<std::int64_t> case_id_for(core::Session& session, const std::string& name) {
    if (name.empty()) return std::nullopt;
    for (const auto& c : core::CaseService(session).list())
        if (c.name == name) return c.id;
    throw Error(ErrorKind::NotFound,
                core::tr("timeline: there is no case with that name (report list shows each report's case)"));
}

std::string tactic_words(const std::string& code) {
    return code.empty() ? std::string(core::tr("no tactic recorded")) : std::string(core::label(core::Vocabulary::Tactic, code));
}

std::string count_or_none(std::size_t count) { return count == 0 ? std::string(core::tr("none")) : std::to_string(count); }

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

// "report 12" padded so the titles line up.
std::string report_words(std::int64_t id) { return core::tr_args("report {1}", {std::to_string(id)}); }

std::string report_column(std::int64_t id, std::size_t width) { return padded(report_words(id), width); }

std::size_t report_column_width(const core::ReportAnalysis& analysis) {
    std::size_t width = 0;
    for (const auto* list : {&analysis.marks(), &analysis.undated()})
        for (const auto& m : *list) width = std::max(width, report_words(m.report_id).size());
    return width;
}

// "  names: 王警官, Overseas service station" when people are linked to the report.
std::string people_words(const core::TimelineMark& m) {
    if (m.people.empty()) return {};
    std::string names;
    for (std::size_t i = 0; i < m.people.size(); ++i) names += (i == 0 ? "" : ", ") + m.people[i];
    return "  " + core::tr_args("names: {1}", {names});
}

void print_text(std::ostream& out, const core::ReportAnalysis& analysis) {
    const std::size_t id_width = report_column_width(analysis);
    std::size_t date_width = 0;
    for (const auto& m : analysis.marks()) date_width = std::max(date_width, m.date_label.size());

    out << core::tr_args("Reports with a date, earliest first: {1}", {count_or_none(analysis.marks().size())}) << '\n';
    for (const auto& m : analysis.marks())
        out << "  " << padded(m.date_label, date_width) << "  " << report_column(m.report_id, id_width) << "  "
            << m.title << "  [" << tactic_words(m.tactic) << "]" << people_words(m) << "\n";

    out << '\n' << core::tr_args("Reports with no date: {1}", {count_or_none(analysis.undated().size())}) << '\n';
    for (const auto& m : analysis.undated())
        out << "  " << report_column(m.report_id, id_width) << "  " << m.title << "  [" << tactic_words(m.tactic)
            << "]" << people_words(m) << "\n";

    out << '\n'
        << core::tr_args("Numbers and accounts that appear in more than one report: {1}",
                         {count_or_none(analysis.recurring().size())})
        << '\n';
    for (const auto& r : analysis.recurring()) {
        std::string ids;
        for (std::size_t i = 0; i < r.report_ids.size(); ++i) ids += (i == 0 ? "" : ", ") + std::to_string(r.report_ids[i]);
        out << "  "
            << core::tr_args("{1}  ({2})  in reports {3}",
                             {r.display, core::display_label(core::Vocabulary::Channel, r.channel), ids})
            << '\n';
    }
}

Json tactic_json(const std::string& code) { return code.empty() ? Json(nullptr) : Json(code); }

Json timeline_json(const core::ReportAnalysis& analysis) {
    Json dated = Json::array();
    for (const auto& m : analysis.marks())
        dated.push_back(Json{{"id", m.report_id},
                             {"title", m.title},
                             {"date", m.date_label},
                             {"from", core::format_day(m.first_day)},
                             {"to", core::format_day(m.last_day)},
                             {"approximate", m.approximate},
                             {"tactic", tactic_json(m.tactic)},
                             {"people", m.people}});
    Json undated = Json::array();
    for (const auto& m : analysis.undated())
        undated.push_back(
            Json{{"id", m.report_id}, {"title", m.title}, {"tactic", tactic_json(m.tactic)}, {"people", m.people}});
    Json recurring = Json::array();
    for (const auto& r : analysis.recurring())
        recurring.push_back(Json{{"identifier", r.display}, {"channel", r.channel}, {"reports", r.report_ids}});
    return Json{{"dated", std::move(dated)}, {"undated", std::move(undated)}, {"recurring", std::move(recurring)}};
}

int run_timeline(const AppContext& context, const TimelineArgs& args) {
    const auto session = unlock_vault(context);
    const auto case_id = case_id_for(*session, args.case_name);
    core::ReportAnalysis analysis(core::CaseService(*session).load_reports(case_id));
    analysis.name_people(core::EntityService(*session).names_by_report());
    if (args.json) {
        print_json(std::cout, timeline_json(analysis));
    } else {
        print_text(std::cout, analysis);
    }
    return 0;
}

}  // namespace

void register_timeline_command(CLI::App& app, AppContext& context) {
    auto* timeline = add_command(app, "timeline",
                                 core::tr("Reports in time order, the undated ones, and numbers or accounts seen in several"));
    auto args = std::make_shared<TimelineArgs>();
    timeline->add_option("--case", args->case_name, core::tr("Only the reports of this case"));
    timeline->add_flag("--json", args->json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(timeline, [&context, args] { return run_timeline(context, *args); });
}

}  // namespace fv::cli
