#include "views/report_list_view.h"

#include <imgui.h>

#include <algorithm>
#include <imgui_stdlib.h>

#include <array>
#include <memory>
#include <utility>
#include <cstdio>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/drafts.h"
#include "fieldvault/core/i18n.h"
#include "models/content_wipe.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/vocabulary.h"
#include "models/unlock_note.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "views/editor_widgets.h"
#include "platform/ui_setup.h"

namespace fv::gui {
namespace {

void wipe_rows(std::vector<core::ReportSummary>& rows) noexcept {
    for (auto& row : rows) {
        wipe_string(row.title);
        wipe_string(row.occurred_start);
        for (auto& code : row.tactics) wipe_string(code);
    }
    rows.clear();
    rows.shrink_to_fit();
}

// The next filter on this line if `width` still fits, else on a new line
// (large text sizes and narrow windows wrap instead of clipping).
void same_line_if_fits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

}  // namespace

ReportListView::Rows::~Rows() {
    wipe_rows(rows);
    wipe_sources(sources);
    wipe_sources(choices);
}

// Shared by every list that holds no rows: clear() (noexcept) assigns it
// without allocating.
const std::shared_ptr<const ReportListView::Rows>& ReportListView::no_rows() {
    static const auto empty = std::make_shared<const Rows>();
    return empty;
}

void ReportListView::on_show(AppState& /*state*/) {
    needs_refresh_ = true;
    kept_loaded_ = false;  // writing may have been kept or taken back meanwhile
}

void ReportListView::draw_kept_writing(AppState& state) {
    if (!kept_loaded_) {
        core::Session* session = state.session();
        if (session == nullptr) return;  // busy: next frame
        kept_loaded_ = true;
        for (auto& k : kept_) wipe_string(k.title);
        kept_.clear();
        try {
            for (auto& d : core::DraftService(*session).kept()) {
                kept_.push_back(KeptNote{d.key, d.content.title, d.report_id, d.saved_at});
                wipe_content(d.content);
            }
        } catch (...) {
            error_ = describe_error(std::current_exception());
        }
    }
    for (std::size_t i = 0; i < kept_.size(); ++i) {
        const auto& k = kept_[i];
        // Whole sentences, so that a translation can order them its own way.
        const std::string when = core::format_local_time(k.saved_at);
        const std::string number = std::to_string(k.report_id);
        std::string note;
        if (k.report_id == 0) {
            note = k.title.empty()
                       ? core::tr_args("Writing you had not saved was kept safe in the vault: a new report, {1}.",
                                       {when})
                       : core::tr_args("Writing you had not saved was kept safe in the vault: a new report, "
                                       "\"{1}\", {2}.",
                                       {k.title, when});
        } else {
            note = k.title.empty()
                       ? core::tr_args("Writing you had not saved was kept safe in the vault: report {1}, {2}.",
                                       {number, when})
                       : core::tr_args("Writing you had not saved was kept safe in the vault: report {1}, "
                                       "\"{2}\", {3}.",
                                       {number, k.title, when});
        }
        glyphs::note(k.title);
        ImGui::AlignTextToFramePadding();
        draw_notice(note);
        ImGui::PushID(static_cast<int>(i));
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("Open it"))) state.restore_kept_draft(k.key);
        state.probe().item(("list.kept.open." + std::to_string(i)).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("Throw it away"))) {
            if (core::Session* session = state.session()) {
                try {
                    core::DraftService(*session).discard(k.key);
                } catch (...) {
                    error_ = describe_error(std::current_exception());
                }
                kept_loaded_ = false;
            }
        }
        state.probe().item(("list.kept.discard." + std::to_string(i)).c_str());
        ImGui::PopID();
    }
}

// What a query job fills in on the worker; read on the frame thread only
// after the job finished.
ReportListView::ListResult::~ListResult() {
    wipe_rows(rows);
    for (auto& c : cases) wipe_string(c.name);
    for (auto& [id, fingerprint] : received) wipe_string(fingerprint);
    wipe_sources(sources);
}

void ReportListView::refresh(AppState& state) {
    needs_refresh_ = false;
    if (loading_) {
        refresh_again_ = true;  // the running query is stale; ask again when it ends
        return;
    }
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    loading_ = true;
    loading_since_ = ImGui::GetTime();
    first_page_total_ = -1;
    // First the newest page and the count (milliseconds at any vault size),
    // shown at once; then, if there are more, every row (load_all), which
    // replaces them when it comes back.
    auto first = std::make_shared<ListResult>();
    state.worker().submit(
        search_.empty() ? core::tr("Loading reports") : core::tr("Searching"),
        [session, first, query = search_, sort = sort_](core::JobContext&) mutable {
            core::ReportService reports(*session);
            auto page = query.empty() ? reports.list_first_page() : reports.search_first_page(query);
            first->rows = std::move(page.rows);
            first->total = page.total;
            first->cases = reports.cases();
            first->received = core::received_report_signers(*session);
            first->sources = row_sources(core::SourceService(*session).index(), first->received);
            wipe_string(query);
            first->sorted_by = sort;
            first->sorted = sort_rows(first->rows, sort, first->sources);
        },
        [this, &state, first, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;  // locked (cleared) meanwhile
            const bool complete = outcome.ok() && !outcome.cancelled &&
                                  first->total <= static_cast<std::int64_t>(first->rows.size());
            // A stale query (the search changed meanwhile) is not loaded in full.
            if (!outcome.ok() || outcome.cancelled || complete || refresh_again_) {
                loading_ = false;
                if (std::exchange(refresh_again_, false)) needs_refresh_ = true;
            }
            if (outcome.cancelled) return;
            show(*first, outcome);
            if (loading_) {
                first_page_total_ = first->total;
                load_all(state);
            }
        });
}

void ReportListView::load_all(AppState& state) {
    core::Session* session = state.session_for_job();
    if (session == nullptr) {
        loading_ = false;
        return;
    }
    auto result = std::make_shared<ListResult>();
    state.worker().submit(
        search_.empty() ? core::tr("Loading reports") : core::tr("Searching"),
        [session, result, query = search_, sort = sort_](core::JobContext&) mutable {
            core::ReportService reports(*session);
            result->rows = query.empty() ? reports.list() : reports.search(query);
            result->cases = reports.cases();
            result->received = core::received_report_signers(*session);
            result->sources = row_sources(core::SourceService(*session).index(), result->received);
            wipe_string(query);
            result->sorted_by = sort;
            result->sorted = sort_rows(result->rows, sort, result->sources);
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;  // locked (cleared) meanwhile
            loading_ = false;
            first_page_total_ = -1;
            if (std::exchange(refresh_again_, false)) needs_refresh_ = true;
            if (outcome.cancelled) return;
            show(*result, outcome);
        });
}

void ReportListView::show(ListResult& result, const core::JobOutcome& outcome) {
    if (!outcome.ok()) {
        rows_ = no_rows();
        sorted_.clear();
        order_.clear();
        error_ = describe_error(outcome.error);
        return;
    }
    error_.clear();
    auto fresh = std::make_shared<Rows>();
    std::swap(fresh->rows, result.rows);
    std::swap(fresh->sources, result.sources);
    // The From filter's choices, once per new rows (not per frame: 100,000 rows).
    for (const auto& [report, source] : fresh->sources) fresh->choices.try_emplace(source.contact_id, source);
    rows_ = std::move(fresh);  // the old rows are wiped when no sort job holds them
    std::swap(cases_, result.cases);
    std::swap(received_, result.received);
    // The job's order indexes the new rows: take it at once, so sorted_
    // and order_ never index the previous rows; if the user clicked
    // another column while the query ran, sort again on the worker.
    sorted_ = std::move(result.sorted);
    refilter();
    if (!(result.sorted_by == sort_)) needs_sort_ = true;
}

void ReportListView::set_search(AppState& state, std::string query) {
    wipe_string(search_);
    search_ = std::move(query);
    refresh(state);
}

void ReportListView::request_sort(AppState& state) {
    sorting_ = true;
    const auto request = ++sort_request_;
    auto rows = rows_;
    auto sorted = std::make_shared<std::vector<std::size_t>>();
    state.worker().submit(
        core::tr("Sorting"),
        [rows, sorted, sort = sort_](core::JobContext&) { *sorted = sort_rows(rows->rows, sort, rows->sources); },
        [this, rows, sorted, sort = sort_, request, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_ || request != sort_request_) return;  // locked, or a newer click
            sorting_ = false;
            if (!outcome.ok() || rows != rows_ || !(sort == sort_)) return;  // new rows bring their own order
            sorted_ = std::move(*sorted);
            refilter();
        });
}

void ReportListView::refilter() { order_ = filter_rows(rows_->rows, sorted_, filter_, rows_->sources); }

void ReportListView::set_filter(const ReportFilter& filter) {
    filter_ = filter;
    refilter();
}

std::vector<std::int64_t> ReportListView::shown_ids() const {
    std::vector<std::int64_t> ids;
    ids.reserve(order_.size());
    for (const auto i : order_) ids.push_back(rows_->rows[i].id);
    return ids;
}

void ReportListView::draw_content(AppState& state) {
    if (needs_refresh_) refresh(state);
    draw_toolbar(state);
    draw_unlock_note(state);
    draw_kept_writing(state);
    draw_filters(state);
    case_panel_.draw(state, cases_, filter_.case_id, [this] { needs_refresh_ = true; });
    if (!record_panel_.open()) ImGui::SameLine();
    record_panel_.draw(state, order_.size(), [this] { return shown_ids(); });
    // Another job (not our own query, which has its own quiet note) shows its progress.
    if (state.busy() && !loading_ && !sorting_) draw_busy_indicator(state, true);
    draw_error(error_);
    draw_table(state);
}

void ReportListView::draw_unlock_note(AppState& state) {
    const auto* session = state.session();
    if (unlock_note_dismissed_ || session == nullptr) return;
    const auto note = unlock_note(session->unlock_report());
    ImGui::AlignTextToFramePadding();
    draw_notice(note);
    state.probe().item("list.unlock_note");
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(core::tr("OK")) + "###unlock_note").c_str())) unlock_note_dismissed_ = true;
    state.probe().item("list.unlock_note_ok");
}

void ReportListView::draw_toolbar(AppState& state) {
    if (ImGui::Button((std::string(core::tr("New report")) + "###new_report").c_str())) state.open_report(0);
    state.probe().item("list.new");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
    if (ImGui::InputTextWithHint("##search", core::tr("Search titles, written accounts, your notes and names (any language)"), &search_))
        needs_refresh_ = true;
    state.probe().item("list.search");
    if (!search_.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Clear"))) {
            wipe_string(search_);
            needs_refresh_ = true;
        }
        state.probe().item("list.clear");
    }
    // Only a slow query says so (a fast one would make the line flicker); once
    // its first page is shown, how many rows are still coming.
    if (loading_ && ImGui::GetTime() - loading_since_ > 0.3) {
        ImGui::SameLine();
        if (first_page_total_ >= 0) {
            const std::string shown = std::to_string(rows_->rows.size());
            const std::string total = std::to_string(first_page_total_);
            draw_notice(search_.empty()
                            ? core::tr_args("The newest {1} of {2} reports; loading the rest...", {shown, total})
                            : core::tr_args("The newest {1} of {2} matches; loading the rest...", {shown, total}));
        } else {
            draw_notice(search_.empty() ? core::tr("Loading...") : core::tr("Searching..."));
        }
        state.probe().item("list.loading");
    }

    if (needs_refresh_) refresh(state);
}

void ReportListView::draw_filters(AppState& state) {
    ReportFilter filter = filter_;
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    const char* any = core::tr("Any");
    const char* no_case = core::tr("No case");
    ImGui::TextUnformatted(core::tr("Case"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9.0f);
    std::string case_preview = any;
    if (filter.case_id == 0) case_preview = no_case;
    for (const auto& c : cases_) {
        glyphs::note(c.name);
        if (c.id == filter.case_id) case_preview = c.name;
    }
    const bool case_open = ImGui::BeginCombo("##case_filter", case_preview.c_str());
    state.probe().item("list.case");
    if (case_open) {
        if (ImGui::Selectable(any, filter.case_id < 0)) filter.case_id = -1;
        if (ImGui::Selectable(no_case, filter.case_id == 0)) filter.case_id = 0;
        for (const auto& c : cases_) {
            ImGui::PushID(static_cast<int>(c.id));
            if (ImGui::Selectable(c.name.c_str(), c.id == filter.case_id)) filter.case_id = c.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(core::tr("Status"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6.0f);
    const std::string status_preview =
        filter.status ? label_text(core::label(core::Vocabulary::Status, core::status_code(*filter.status))) : any;
    const bool status_open = ImGui::BeginCombo("##status_filter", status_preview.c_str());
    state.probe().item("list.status");
    if (status_open) {
        if (ImGui::Selectable(any, !filter.status)) filter.status.reset();
        for (const auto& entry : core::entries(core::Vocabulary::Status)) {
            const std::string label = label_text(entry.label);
            const auto status = core::parse_status(entry.code);
            if (ImGui::Selectable(label.c_str(), status && filter.status == status)) filter.status = status;
            if (state.probe().enabled()) state.probe().item(("list.status=" + std::string(entry.code)).c_str());
        }
        ImGui::EndCombo();
    }
    same_line_if_fits(em * 17.0f);
    ImGui::TextUnformatted(core::tr("What they did"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 11.0f);
    const std::string tactic_preview =
        filter.tactic.empty() ? std::string(any) : label_text(core::label(core::Vocabulary::Tactic, filter.tactic));
    const bool tactic_open = ImGui::BeginCombo("##tactic_filter", tactic_preview.c_str());
    state.probe().item("list.tactic");
    if (tactic_open) {
        if (ImGui::Selectable(any, filter.tactic.empty())) filter.tactic.clear();
        for (const auto& entry : core::entries(core::Vocabulary::Tactic)) {
            const std::string label = label_text(entry.label);
            if (ImGui::Selectable(label.c_str(), filter.tactic == entry.code)) filter.tactic = std::string(entry.code);
            if (state.probe().enabled()) state.probe().item(("list.tactic=" + std::string(entry.code)).c_str());
        }
        ImGui::EndCombo();
    }
    draw_source_filter(state, filter);
    same_line_if_fits(em * 19.0f);
    ImGui::TextUnformatted(core::tr("When"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6.5f);
    ImGui::InputTextWithHint("##from", "2026-01", &filter.date_from);
    state.probe().item("list.from");
    ImGui::SameLine();
    ImGui::TextUnformatted(core::tr("to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6.5f);
    ImGui::InputTextWithHint("##to", "2026-12-31", &filter.date_to);
    state.probe().item("list.to");
    same_line_if_fits(em * 9.0f);
    ImGui::Checkbox(core::tr("With files only"), &filter.with_attachments);
    state.probe().item("list.with_files");
    const auto when = core::parse_day_window(filter.date_from, filter.date_to);
    if (when.from_invalid || when.to_invalid) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::error());
        ImGui::TextUnformatted(core::tr("Write a date like 2026-03-14, 2026-03 or 2026; this one is not used."));
        ImGui::PopStyleColor();
        state.probe().item("list.date_not_understood");
    }
    if (!(filter == filter_)) set_filter(filter);
}

// Who sent the reports: anyone, you (this vault's own reports), or one source.
void ReportListView::draw_source_filter(AppState& state, ReportFilter& filter) {
    const auto& sources = rows_->choices;  // by contact id, each once
    if (sources.empty() && !filter.source) return;  // nothing received: nothing to choose
    const float em = ImGui::GetFontSize();
    same_line_if_fits(em * 14.0f);
    const char* anyone = core::tr("Anyone");
    const char* you = core::tr("You");
    ImGui::TextUnformatted(core::tr("From"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9.0f);
    std::string preview = anyone;
    if (filter.source == 0) preview = you;
    if (filter.source && *filter.source != 0) {
        const auto found = sources.find(*filter.source);
        preview = found != sources.end() ? found->second.name : std::string(anyone);
    }
    glyphs::note(preview);
    const bool open = ImGui::BeginCombo("##source_filter", preview.c_str());
    state.probe().item("list.source");
    if (open) {
        if (ImGui::Selectable(anyone, !filter.source)) filter.source.reset();
        if (ImGui::Selectable(you, filter.source == 0)) filter.source = 0;
        state.probe().item("list.source=you");
        for (const auto& [contact_id, source] : sources) {
            glyphs::note(source.name);
            ImGui::PushID(static_cast<int>(contact_id));
            if (ImGui::Selectable(source.name.c_str(), filter.source == contact_id)) filter.source = contact_id;
            ImGui::PopID();
            if (state.probe().enabled()) state.probe().item(("list.source=" + source.name).c_str());
        }
        ImGui::EndCombo();
    }
}

void ReportListView::draw_table(AppState& state) {
    if (needs_sort_) {
        needs_sort_ = false;
        request_sort(state);
    }
    if (rows_->rows.empty()) {
        if (loading_) return;  // the first rows are on their way
        ImGui::Spacing();
        draw_notice(search_.empty() ? core::tr("No reports yet. \"New report\" starts one.")
                                    : core::tr("No report matches this search."));
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Sortable |
                                       ImGuiTableFlags_ScrollX;
    const float em = ImGui::GetFontSize();
    // The title keeps at least 20 text widths: at large text sizes the table
    // scrolls sideways instead of squeezing it to a character or two.
    const float inner_width = std::max(ImGui::GetContentRegionAvail().x, em * 52.0f);
    if (!ImGui::BeginTable("##reports", 6, kFlags, ImVec2(0.0f, 0.0f), inner_width)) return;
    keyboard_flatten_table();  // the arrows go from the filters straight to the rows
    ImGui::TableSetupScrollFreeze(0, 1);
    // Header labels in the person's language; "###" keeps each column's id.
    ImGui::TableSetupColumn((std::string(core::tr("No.")) + "###id").c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                      ImGuiTableColumnFlags_PreferSortDescending,
                            em * 3.0f);
    ImGui::TableSetupColumn((std::string(core::tr("Status")) + "###status").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 4.5f);
    ImGui::TableSetupColumn((std::string(core::tr("When")) + "###occurred").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 8.5f);
    ImGui::TableSetupColumn((std::string(core::tr("Title")) + "###title").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn((std::string(core::tr("Files")) + "###files").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 3.5f);
    ImGui::TableSetupColumn((std::string(core::tr("From")) + "###from").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 12.0f);
    // Headers drawn one by one so each is recorded for tests.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 6; ++column) {
        ImGui::TableSetColumnIndex(column);
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        if (state.probe().enabled()) state.probe().item(("list.header." + std::to_string(column)).c_str());
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const auto& spec = specs->Specs[0];
            sort_.column = static_cast<SortColumn>(spec.ColumnIndex);
            sort_.ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
            request_sort(state);  // once per click, on the worker
        }
        specs->SpecsDirty = false;
    }
    if (order_.empty()) {
        ImGui::EndTable();
        draw_notice(core::tr("No report matches these filters."));
        return;
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order_.size()));
    std::int64_t open_id = 0;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& row = rows_->rows[order_[static_cast<std::size_t>(i)]];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            char id_text[24];
            std::snprintf(id_text, sizeof id_text, "%lld", static_cast<long long>(row.id));
            if (ImGui::Selectable(id_text, case_panel_.is_selected(row.id), ImGuiSelectableFlags_SpanAllColumns)) {
                // While selecting reports to move, a click selects instead of opening.
                if (case_panel_.selecting()) {
                    case_panel_.toggle(row.id);
                } else {
                    open_id = row.id;
                }
            }
            if (i == 0) state.probe().item("list.row0");
            ImGui::PopID();
            ImGui::TableNextColumn();
            const auto status = label_text(core::label(core::Vocabulary::Status, core::status_code(row.status)));
            ImGui::TextUnformatted(status.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.occurred_start.empty() ? "-" : row.occurred_start.c_str());
            ImGui::TableNextColumn();
            glyphs::note(row.title);  // visible rows only
            if (const auto received = received_.find(row.id); received != received_.end()) {
                // Someone else's report, read-only: marked, with who signed it on hover.
                ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
                ImGui::TextUnformatted(core::tr("[received]"));
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", core::tr_args("Signed by {1}", {received->second}).c_str());
                if (i == 0) state.probe().item("list.row0.received");
                ImGui::SameLine();
            }
            ImGui::TextUnformatted(row.title.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(row.attachment_count));
            ImGui::TableNextColumn();
            if (const auto from = rows_->sources.find(row.id); from != rows_->sources.end()) {
                glyphs::note(from->second.name);
                ImGui::TextUnformatted(from->second.name.c_str());
                if (!from->second.verified) {
                    // Not yet checked by comparing fingerprints: said in words, not only by colour.
                    ImGui::SameLine(0.0f, 0.0f);
                    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
                    ImGui::TextUnformatted(core::tr(" (not checked)"));
                    ImGui::PopStyleColor();
                }
            } else {
                ImGui::TextUnformatted(core::tr("You"));
            }
        }
    }
    ImGui::EndTable();
    if (open_id != 0) state.open_report(open_id);
}

void ReportListView::clear() noexcept {
    unlock_note_dismissed_ = false;  // the next unlock tells its own
    // The App stops every job before clearing, so this is the last holder:
    // the rows are wiped now.
    rows_ = no_rows();
    sorted_.clear();
    order_.clear();
    for (auto& c : cases_) wipe_string(c.name);
    cases_.clear();
    for (auto& [id, fingerprint] : received_) wipe_string(fingerprint);
    received_.clear();
    wipe_string(filter_.date_from);
    wipe_string(filter_.date_to);
    filter_ = ReportFilter{};
    wipe_string(search_);
    wipe_string(error_);
    case_panel_.clear();
    record_panel_.clear();
    for (auto& k : kept_) wipe_string(k.title);
    kept_.clear();
    kept_loaded_ = false;
    needs_refresh_ = true;
    loading_ = false;
    first_page_total_ = -1;
    refresh_again_ = false;
    needs_sort_ = false;
    sorting_ = false;
    ++generation_;
}

// Whatever clear() wipes: the rows and their order, case names, signers of
// received reports, the filter (typed dates, chosen case, status, tactic), the
// search, the message and the case panel.
bool ReportListView::holds_sensitive_data() const noexcept {
    return !rows_->rows.empty() || !sorted_.empty() || !order_.empty() || !cases_.empty() || !received_.empty() ||
           !(filter_ == ReportFilter{}) || !search_.empty() || !error_.empty() || case_panel_.holds_sensitive_data() ||
           record_panel_.holds_sensitive_data() || !kept_.empty();
}

}  // namespace fv::gui
