#include "report_list_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>
#include <cstdio>

#include "fieldvault/core/vocabulary.h"

namespace fv::gui {
namespace {

void wipe_rows(std::vector<core::ReportSummary>& rows) noexcept {
    for (auto& row : rows) {
        wipe_string(row.title);
        wipe_string(row.occurred_start);
    }
    rows.clear();
    rows.shrink_to_fit();
}

}  // namespace

void ReportListView::on_show(AppState& /*state*/) { needs_refresh_ = true; }

void ReportListView::refresh(AppState& state) {
    core::Session* session = state.session();
    if (session == nullptr) return;
    needs_refresh_ = false;
    error_.clear();
    try {
        core::ReportService reports(*session);
        auto fresh = search_.empty() ? reports.list() : reports.search(search_);
        wipe_rows(rows_);
        rows_ = std::move(fresh);
    } catch (...) {
        wipe_rows(rows_);
        error_ = describe_error(std::current_exception());
    }
}

void ReportListView::set_search(AppState& state, std::string query) {
    wipe_string(search_);
    search_ = std::move(query);
    refresh(state);
}

void ReportListView::draw_content(AppState& state) {
    if (needs_refresh_) refresh(state);
    draw_toolbar(state);
    if (state.busy()) draw_busy_indicator(state, true);
    draw_error(error_);
    draw_table(state);
}

void ReportListView::draw_toolbar(AppState& state) {
    if (ImGui::Button("New report")) state.open_report(0);
    state.probe().item("list.new");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
    if (ImGui::InputTextWithHint("##search", "Search titles and narratives (any language)", &search_))
        needs_refresh_ = true;
    state.probe().item("list.search");
    if (!search_.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Clear")) {
            wipe_string(search_);
            needs_refresh_ = true;
        }
        state.probe().item("list.clear");
    }

    if (needs_refresh_) refresh(state);
}

void ReportListView::draw_table(AppState& state) {
    if (rows_.empty()) {
        ImGui::Spacing();
        draw_notice(search_.empty() ? "No reports yet. \"New report\" starts one."
                                    : "No report matches this search.");
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##reports", 5, kFlags, ImVec2(0.0f, 0.0f))) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("ID", ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
    ImGui::TableSetupColumn("Occurred", ImGuiTableColumnFlags_WidthFixed, em * 8.5f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Files", ImGuiTableColumnFlags_WidthFixed, em * 3.5f);
    ImGui::TableHeadersRow();

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    std::int64_t open_id = 0;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& row = rows_[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            char id_text[24];
            std::snprintf(id_text, sizeof id_text, "%lld", static_cast<long long>(row.id));
            if (ImGui::Selectable(id_text, false, ImGuiSelectableFlags_SpanAllColumns)) open_id = row.id;
            if (i == 0) state.probe().item("list.row0");
            ImGui::PopID();
            ImGui::TableNextColumn();
            const auto status = core::label(core::Vocabulary::Status, row.status);
            ImGui::TextUnformatted(status.data(), status.data() + status.size());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.occurred_start.empty() ? "-" : row.occurred_start.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.title.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(row.attachment_count));
        }
    }
    ImGui::EndTable();
    if (open_id != 0) state.open_report(open_id);
}

void ReportListView::clear() noexcept {
    wipe_rows(rows_);
    wipe_string(search_);
    error_.clear();
    needs_refresh_ = true;
}

bool ReportListView::holds_sensitive_data() const noexcept { return !rows_.empty() || !search_.empty(); }

}  // namespace fv::gui
