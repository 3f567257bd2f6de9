#include "views/timeline_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "models/content_wipe.h"
#include "fieldvault/core/entities.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/vocabulary.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "views/editor_widgets.h"

namespace fv::gui {
namespace {

// One colour per tactic (vocabulary order), distinct on light and dark backgrounds.
ImU32 tactic_colour(const std::string& code, float alpha = 1.0f) {
    static constexpr ImU32 kPalette[] = {
        IM_COL32(230, 97, 1, 255),   IM_COL32(94, 60, 153, 255),  IM_COL32(27, 158, 119, 255),
        IM_COL32(217, 95, 2, 255),   IM_COL32(231, 41, 138, 255), IM_COL32(102, 166, 30, 255),
        IM_COL32(230, 171, 2, 255),  IM_COL32(166, 118, 29, 255), IM_COL32(31, 120, 180, 255),
        IM_COL32(178, 24, 43, 255),  IM_COL32(1, 133, 113, 255),  IM_COL32(120, 120, 120, 255),
    };
    const auto list = core::entries(core::Vocabulary::Tactic);
    ImU32 colour = IM_COL32(150, 150, 150, 255);  // no tactic
    for (std::size_t i = 0; i < list.size() && i < std::size(kPalette); ++i)
        if (list[i].code == code) colour = kPalette[i];
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(colour);
    v.w *= alpha;
    return ImGui::ColorConvertFloat4ToU32(v);
}

std::string tactic_name(const std::string& code) {
    return code.empty() ? std::string(core::tr("Nothing marked under \"What they did\""))
                        : label_text(core::label(core::Vocabulary::Tactic, code));
}

// What a load job fills in on the worker; read on the frame thread only after it ended.
struct TimelineResult {
    core::ReportAnalysis model;
    std::vector<core::CaseRecord> cases;
    ~TimelineResult() {
        for (auto& c : cases) wipe_string(c.name);
    }
};

}  // namespace

void TimelineView::on_show(AppState& /*state*/) { needs_load_ = true; }

void TimelineView::load(AppState& state, std::optional<std::int64_t> case_id) {
    needs_load_ = false;
    case_id_ = case_id;
    core::Session* session = state.session_for_job();
    if (session == nullptr || loading_) {
        needs_load_ = session != nullptr;  // try again once the running job is done
        return;
    }
    loading_ = true;
    auto result = std::make_shared<TimelineResult>();
    state.worker().submit(
        core::tr("Loading the timeline"),
        [session, result, case_id](core::JobContext& context) {
            core::CaseService cases(*session);
            auto reports = cases.load_reports(case_id, [&context](std::uint64_t done, std::uint64_t total) {
                context.set_progress(done, total);
                context.throw_if_cancelled();
            });
            result->model.build(reports);
            result->model.name_people(core::EntityService(*session).names_by_report());
            for (auto& r : reports) wipe_content(r.content);
            result->cases = cases.list();
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;  // locked meanwhile: the result is wiped as it goes
            loading_ = false;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            error_.clear();
            highlighted_.reset();
            std::swap(model_, result->model);  // the old model is wiped with the result
            std::swap(cases_, result->cases);
            for (const auto& m : model_.marks()) {
                glyphs::note(m.title);
                for (const auto& name : m.people) glyphs::note(name);
            }
            for (const auto& m : model_.undated()) glyphs::note(m.title);
            for (const auto& r : model_.recurring()) glyphs::note(r.display);
            for (const auto& c : cases_) glyphs::note(c.name);
        });
}

void TimelineView::draw_content(AppState& state) {
    if (needs_load_) load(state, case_id_);
    draw_toolbar(state);
    if (state.busy() && !loading_) draw_busy_indicator(state, true);
    draw_error(error_);
    marks_drawn_ = highlighted_drawn_ = 0;
    if (model_.empty()) {
        if (!loading_) draw_notice(core::tr("No reports to show. Reports with a date appear here on a time line."));
        return;
    }
    const float em = ImGui::GetFontSize();
    const float side = em * 17.0f;
    const float axis_width = std::max(em * 20.0f, ImGui::GetContentRegionAvail().x - side - ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginChild("##timeline_main", ImVec2(axis_width, 0.0f), false, ImGuiWindowFlags_NavFlattened);
    const float axis_height = std::clamp(static_cast<float>(model_.lanes()) * em * 1.4f + em * 4.0f, em * 9.0f, em * 24.0f);
    draw_axis(state, ImGui::GetContentRegionAvail().x, axis_height);
    draw_legend();
    if (!model_.undated().empty()) {
        ImGui::Spacing();
        const auto undated = static_cast<unsigned long>(model_.undated().size());
        draw_notice(core::trn_args("{n} report has no date, so it is not on the time line:",
                                   "{n} reports have no date, so they are not on the time line:", undated));
        for (const auto& m : model_.undated()) {
            ImGui::PushID(static_cast<int>(m.report_id));
            if (ImGui::Selectable(m.title.c_str(), is_highlighted(m.report_id))) state.open_report(m.report_id);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##timeline_side", ImVec2(0.0f, 0.0f), true, ImGuiWindowFlags_NavFlattened);
    draw_recurring(state);
    ImGui::EndChild();
}

void TimelineView::draw_toolbar(AppState& state) {
    if (ImGui::Button((std::string("< ") + core::tr("Reports") + "###back").c_str())) state.go_to(Screen::ReportList);
    state.probe().item("timeline.back");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr("Case"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    const char* all_cases = core::tr("All cases");
    const char* no_case = core::tr("No case");
    std::string preview = all_cases;
    if (case_id_ && *case_id_ == 0) preview = no_case;
    for (const auto& c : cases_)
        if (case_id_ && c.id == *case_id_) preview = c.name;
    const bool open = ImGui::BeginCombo("##timeline_case", preview.c_str());
    state.probe().item("timeline.case");
    if (open) {
        std::optional<std::optional<std::int64_t>> chosen;
        if (ImGui::Selectable(all_cases, !case_id_)) chosen = std::optional<std::int64_t>{};
        if (ImGui::Selectable(no_case, case_id_ && *case_id_ == 0)) chosen = std::optional<std::int64_t>{0};
        for (const auto& c : cases_) {
            ImGui::PushID(static_cast<int>(c.id));
            if (ImGui::Selectable(c.name.c_str(), case_id_ && c.id == *case_id_)) chosen = std::optional<std::int64_t>{c.id};
            if (state.probe().enabled()) state.probe().item(("timeline.case=" + std::to_string(c.id)).c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
        if (chosen) load(state, *chosen);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", core::trn_args("{n} report on the time line", "{n} reports on the time line",
                                             static_cast<unsigned long>(model_.marks().size()))
                                  .c_str());
}

bool TimelineView::is_highlighted(std::int64_t report_id) const {
    if (!highlighted_ || *highlighted_ >= model_.recurring().size()) return false;
    const auto& ids = model_.recurring()[*highlighted_].report_ids;
    return std::binary_search(ids.begin(), ids.end(), report_id);
}

void TimelineView::draw_axis(AppState& state, float width, float height) {
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = origin.x + em * 1.0f;
    const float right = origin.x + width - em * 1.0f;
    const float top = origin.y + em * 0.8f;
    const float base = origin.y + height - em * 2.2f;  // the axis line; labels below it
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);

    // A little room on both sides so the first and last marks are not on the edge.
    const auto axis_first = static_cast<double>(model_.first_day());
    const auto axis_last = static_cast<double>(model_.last_day());
    const double pad = std::max(3.0, (axis_last - axis_first) * 0.04);
    const double first = axis_first - pad;
    const double last = axis_last + pad;
    auto x_of = [&](double day) {
        return left + static_cast<float>((day - first) / (last - first)) * (right - left);
    };
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->AddLine(ImVec2(left, base), ImVec2(right, base), text, 1.5f);

    // Ticks on month starts (or year starts when months would crowd), labelled
    // where the label fits.
    const bool years = (last - first) / 30.0 > static_cast<double>((right - left) / (em * 4.0f));
    float last_label_end = -1e9f;
    auto month = core::civil_day(static_cast<std::int64_t>(std::floor(first)));
    while (true) {
        const auto day = core::day_number(month.year, month.month, 1);
        const auto at = static_cast<double>(day);
        if (at > last) break;
        if (at >= first && (!years || month.month == 1)) {
            const float x = x_of(at);
            draw->AddLine(ImVec2(x, base - em * 0.3f), ImVec2(x, base + em * 0.3f), text, 1.0f);
            draw->AddLine(ImVec2(x, top), ImVec2(x, base), faint & 0x40FFFFFFu, 1.0f);
            const std::string date = core::format_day(day);
            const std::string label = years ? date.substr(0, 4) : date.substr(0, 7);
            const float label_w = ImGui::CalcTextSize(label.c_str()).x;
            if (x - label_w * 0.5f > last_label_end + em * 0.5f && x + label_w * 0.5f < right + em) {
                draw->AddText(ImVec2(x - label_w * 0.5f, base + em * 0.5f), text, label.c_str());
                last_label_end = x + label_w * 0.5f;
            }
        }
        if (++month.month > 12) {
            month.month = 1;
            ++month.year;
        }
    }

    // Marks: one lane per row, from the axis upwards.
    const float lane_h = std::min(em * 1.4f, (base - top - em) / static_cast<float>(std::max(1, model_.lanes())));
    const float radius = std::max(3.0f, std::min(em * 0.38f, lane_h * 0.4f));
    const bool any_highlight = highlighted_.has_value();
    std::int64_t open_id = 0;
    for (const auto& mark : model_.marks()) {
        const bool lit = is_highlighted(mark.report_id);
        const float alpha = any_highlight && !lit ? 0.25f : 1.0f;
        const float y = base - em * 0.9f - static_cast<float>(mark.lane) * lane_h;
        const float x0 = x_of(static_cast<double>(mark.first_day));
        const float x1 = x_of(static_cast<double>(mark.last_day) + (mark.span ? 1.0 : 0.0));
        const ImU32 colour = tactic_colour(mark.tactic, alpha);
        if (mark.span) {
            // A date known only to the month (or a range): a bar over the whole span.
            draw->AddRectFilled(ImVec2(x0, y - radius * 0.55f), ImVec2(std::max(x1, x0 + 2.0f), y + radius * 0.55f),
                                tactic_colour(mark.tactic, alpha * 0.45f), radius * 0.5f);
        }
        const ImVec2 centre(x0, y);
        if (mark.approximate) {
            draw->AddCircle(centre, radius, colour, 16, 2.0f);  // hollow: the date is approximate
        } else {
            draw->AddCircleFilled(centre, radius, colour, 16);
        }
        if (lit) {
            draw->AddCircle(centre, radius + 3.0f, ImGui::GetColorU32(theme::accent()), 20, 2.5f);
            ++highlighted_drawn_;
        }
        ++marks_drawn_;
        // An invisible button over the mark: hover, click, keyboard focus.
        ImGui::SetCursorScreenPos(ImVec2(x0 - radius - 1.0f, y - radius - 1.0f));
        ImGui::PushID(static_cast<int>(mark.report_id));
        if (ImGui::InvisibleButton("##mark", ImVec2(std::max(radius * 2.0f + 2.0f, x1 - x0 + radius), radius * 2.0f + 2.0f)))
            open_id = mark.report_id;
        if (state.probe().enabled()) state.probe().item(("timeline.mark." + std::to_string(mark.report_id)).c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(mark.title.c_str());
            ImGui::TextDisabled("%s", mark.date_label.c_str());
            ImGui::TextUnformatted(tactic_name(mark.tactic).c_str());
            for (const auto& name : mark.people) ImGui::BulletText("%s", name.c_str());
            ImGui::TextDisabled("%s", core::tr("Click to open the report"));
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(width, 0.0f));
    if (open_id != 0) state.open_report(open_id);
}

void TimelineView::draw_legend() {
    const float em = ImGui::GetFontSize();
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    bool first = true;
    for (const auto& code : model_.tactics()) {
        const std::string label = tactic_name(code);
        const float item_w = em * 1.2f + ImGui::CalcTextSize(label.c_str()).x;
        if (!first) {
            ImGui::SameLine(0.0f, em * 1.2f);
            if (ImGui::GetCursorScreenPos().x + item_w > right_edge) ImGui::NewLine();
        }
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        draw->AddCircleFilled(ImVec2(p.x + h * 0.4f, p.y + h * 0.5f), h * 0.32f, tactic_colour(code), 12);
        ImGui::Dummy(ImVec2(em * 1.0f, h));
        ImGui::SameLine(0.0f, em * 0.2f);
        ImGui::TextUnformatted(label.c_str());
    }
    const float h = ImGui::GetTextLineHeight();
    ImGui::Spacing();
    ImVec2 p = ImGui::GetCursorScreenPos();
    draw->AddCircle(ImVec2(p.x + h * 0.4f, p.y + h * 0.5f), h * 0.3f, ImGui::GetColorU32(ImGuiCol_Text), 12, 1.5f);
    ImGui::Dummy(ImVec2(em * 1.0f, h));
    ImGui::SameLine(0.0f, em * 0.2f);
    ImGui::TextDisabled("%s", core::tr("date not exact"));
    ImGui::SameLine(0.0f, em * 1.2f);
    p = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(p.x, p.y + h * 0.3f), ImVec2(p.x + em * 1.6f, p.y + h * 0.7f),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), h * 0.2f);
    ImGui::Dummy(ImVec2(em * 1.8f, h));
    ImGui::SameLine(0.0f, em * 0.2f);
    ImGui::TextDisabled("%s", core::tr("known only to the month, or a span of dates"));
}

void TimelineView::draw_recurring(AppState& state) {
    ImGui::TextUnformatted(core::tr("Numbers and accounts seen more than once"));
    ImGui::Separator();
    const auto& recurring = model_.recurring();
    if (recurring.empty()) {
        draw_notice(core::tr("No phone number or account appears in more than one of these reports."));
        return;
    }
    draw_notice(core::tr("The same number or account in several reports. Choose one to highlight them."));
    for (std::size_t i = 0; i < recurring.size(); ++i) {
        const auto& r = recurring[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string channel = label_text(core::label(core::Vocabulary::Channel, r.channel));
        const std::string label =
            r.display + "\n" +
            core::trn_args("{1}, {n} report", "{1}, {n} reports", static_cast<unsigned long>(r.report_ids.size()),
                           {channel});
        const bool lit = highlighted_ == i;
        if (ImGui::Selectable(label.c_str(), lit)) {
            if (lit) {
                highlighted_.reset();
            } else {
                highlighted_ = i;
            }
        }
        if (state.probe().enabled()) state.probe().item(("timeline.identifier." + std::to_string(i)).c_str());
        if (lit) {
            // The reports this identifier links, to open directly.
            ImGui::Indent();
            for (const auto id : r.report_ids) {
                const core::TimelineMark* mark = nullptr;
                for (const auto* list : {&model_.marks(), &model_.undated()})
                    for (const auto& m : *list)
                        if (m.report_id == id) mark = &m;
                const std::string title = mark != nullptr ? mark->title : core::tr_args("Report {1}", {std::to_string(id)});
                ImGui::PushID(static_cast<int>(id));
                if (ImGui::Selectable(title.c_str())) state.open_report(id);
                ImGui::PopID();
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

void TimelineView::clear() noexcept {
    model_.clear();
    for (auto& c : cases_) wipe_string(c.name);
    cases_.clear();
    case_id_.reset();
    highlighted_.reset();
    error_.clear();
    needs_load_ = true;
    loading_ = false;
    marks_drawn_ = highlighted_drawn_ = 0;
    ++generation_;
}

bool TimelineView::holds_sensitive_data() const noexcept { return !model_.empty() || !cases_.empty(); }

}  // namespace fv::gui
