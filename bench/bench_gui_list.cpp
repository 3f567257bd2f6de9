// Frame time of the desktop app's report list over 100,000 reports, headless
// and on the CPU: the real App and views, Dear ImGui's NewFrame..Render (which
// builds every draw list a GPU would get), no window and no GL. Measures an
// idle frame, a frame while scrolling and a frame in which the filter changes
// (the list walks its sorted rows on the frame thread), plus the full sort a
// header click sends to the worker. The target in issue 5 is under 4 ms a frame.
//
// Environment: FIELDVAULT_BENCH_CACHE (the cached dataset of bench_search,
// default ./bench-cache), FIELDVAULT_BENCH_REPORTS (default 100000).
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <memory>
#include <vector>

#include "app/app.h"
#include "fieldvault/core/session.h"
#include "models/report_filter.h"
#include "support/bench_env.h"
#include "support/report_dataset.h"
#include "platform/ui_setup.h"
#include "platform/wiping_allocator.h"

namespace {

namespace bench = fv::bench;
namespace gui = fv::gui;

// One App over the dataset's vault, unlocked, on the list, rows loaded.
struct ListHarness {
    std::unique_ptr<gui::App> app;

    explicit ListHarness(const bench::ReportDataset& dataset) {
        gui::install_wiping_allocator();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280.0f, 800.0f);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Space] = 32;  // GLFW's code; keyboard navigation requires it mapped
        gui::configure_imgui(1.0f);
        build_atlas();
        gui::AppOptions options;
        options.vault_dir = dataset.vault;
        app = std::make_unique<gui::App>(std::move(options));
        app->state().set_session(fv::core::Session::open(dataset.vault, bench::dataset_passphrase()));
        app->navigate(gui::Screen::ReportList);
        // Until the list's query (on the worker) has posted its rows back.
        for (int i = 0; i < 100000 && (app->report_list_view().loading() || app->report_list_view().rows().empty());
             ++i) {
            frame();
            app->state().worker().wait_until_idle();
        }
        frame();
        // Glyphs the first rows needed are added between frames, as in the app.
        for (int i = 0; i < 5; ++i) frame();
    }
    ~ListHarness() {
        app.reset();
        ImGui::DestroyContext();
    }
    static void build_atlas() {
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    void frame() {
        ImGui::NewFrame();
        app->frame();
        ImGui::Render();
        if (gui::rebuild_glyphs_if_needed()) build_atlas();
    }
    std::size_t rows() const { return app->report_list_view().rows().size(); }
};

ListHarness* harness = nullptr;

// Each iteration: one frame, with what the user did in it (in the app a filter
// change happens inside the frame that draws the filter); the slowest frame is
// reported beside the mean.
template <typename BeforeFrame>
void timed_frames(benchmark::State& state, BeforeFrame before_frame) {
    double slowest_ms = 0.0;
    std::int64_t i = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        before_frame(i++);
        harness->frame();
        const auto end = std::chrono::steady_clock::now();
        slowest_ms = std::max(slowest_ms, std::chrono::duration<double, std::milli>(end - start).count());
    }
    state.counters["rows"] = static_cast<double>(harness->rows());
    state.counters["max_frame_ms"] = slowest_ms;
}

void BM_ListIdleFrame(benchmark::State& state) {
    ImGui::GetIO().MousePos = ImVec2(640.0f, 500.0f);
    timed_frames(state, [](std::int64_t) {});
}

void BM_ListScrollFrame(benchmark::State& state) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(640.0f, 500.0f);  // over the table
    // Down 400 wheel steps, then back up: always moving, never at an end for long.
    timed_frames(state, [&io](std::int64_t i) { io.MouseWheel = (i / 400) % 2 == 0 ? -1.0f : 1.0f; });
}

void BM_ListFilterChangeFrame(benchmark::State& state) {
    auto& list = harness->app->report_list_view();
    timed_frames(state, [&list](std::int64_t i) {
        gui::ReportFilter filter;
        if (i % 2 == 0) filter.status = fv::core::ReportStatus::Draft;  // alternate: every frame re-filters and re-sorts
        list.set_filter(filter);
    });
    list.set_filter(gui::ReportFilter{});
}

// What a click on a column header costs the worker (not the frame): sorting every row again.
void BM_SortAllRowsByTitle(benchmark::State& state) {
    const auto& rows = harness->app->report_list_view().rows();
    for (auto _ : state) {
        auto order = gui::sort_rows(rows, {gui::SortColumn::Title, true});
        benchmark::DoNotOptimize(order.data());
    }
    state.counters["rows"] = static_cast<double>(rows.size());
}

BENCHMARK(BM_ListIdleFrame)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ListScrollFrame)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ListFilterChangeFrame)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_SortAllRowsByTitle)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    try {
        const auto count = bench::env_u64_or("FIELDVAULT_BENCH_REPORTS", 100000);
        const auto dataset = bench::ensure_report_dataset(bench::env_or("FIELDVAULT_BENCH_CACHE", "bench-cache"), count);
        ListHarness list(dataset);
        harness = &list;
        std::printf("list rows loaded: %zu\n", list.rows());
        benchmark::RunSpecifiedBenchmarks();
        harness = nullptr;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_gui_list: %s\n", e.what());
        return 1;
    }
    benchmark::Shutdown();
    return 0;
}
