#include "platform/glyph_cache.h"

#include <imgui_internal.h>

#include <bitset>
#include <cstdint>
#include <map>

namespace fv::gui::glyphs {
namespace {

// ImWchar is 16-bit in Debian's libimgui: characters past U+FFFF cannot be
// drawn at all, so they are not noted.
constexpr std::size_t kCodePoints = 0x10000;

struct State {
    std::bitset<kCodePoints> known;   // in a base range or already noted
    std::vector<ImWchar> noted;       // beyond the base ranges, in noting order
    bool base_marked = false;
    bool rebuild = false;
    bool ideographs = false;
    // Built ranges per base pointer; ImGui reads them again on every build.
    std::map<const ImWchar*, ImVector<ImWchar>> built;
};

State& state() {
    static State s;
    return s;
}

void mark_ranges(State& s, const ImWchar* ranges) {
    for (const ImWchar* r = ranges; r[0] != 0; r += 2)
        for (unsigned c = r[0]; c <= r[1] && c < kCodePoints; ++c) s.known.set(c);
}

void note_code_point(State& s, unsigned c) noexcept {
    if (c < 0x20 || c >= kCodePoints || s.known.test(c)) return;
    // Characters of the base ranges were marked when the fonts loaded, and
    // each other character is noted once (even one no font has, so a
    // missing glyph cannot cause a rebuild every frame).
    s.known.set(c);
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)) s.ideographs = true;
    try {
        s.noted.push_back(static_cast<ImWchar>(c));
        s.rebuild = true;
    } catch (...) {
        // Out of memory: the character shows as '?', nothing worse.
    }
}

}  // namespace

void note(std::string_view utf8) noexcept {
    State& s = state();
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        const auto byte = static_cast<unsigned char>(*p);
        if (byte < 0x80) {  // ASCII is always in the atlas
            ++p;
            continue;
        }
        unsigned c = 0;
        const int used = ImTextCharFromUtf8(&c, p, end);
        p += used > 0 ? used : 1;
        note_code_point(s, c);  // invalid sequences give U+FFFD, which is noted once
    }
}

void note_active_input() noexcept {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (g == nullptr || g->ActiveId == 0 || g->InputTextState.ID != g->ActiveId) return;
    const ImGuiInputTextState& input = g->InputTextState;
    State& s = state();
    const int length = input.CurLenW < input.TextW.Size ? input.CurLenW : input.TextW.Size;
    for (int i = 0; i < length; ++i) note_code_point(s, input.TextW[i]);
}

bool take_rebuild_request() noexcept {
    State& s = state();
    const bool rebuild = s.rebuild;
    s.rebuild = false;
    return rebuild;
}

const ImWchar* ranges_with_noted(const ImWchar* base) {
    State& s = state();
    mark_ranges(s, base);
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(base);
    for (const ImWchar c : s.noted) builder.AddChar(c);
    ImVector<ImWchar>& out = s.built[base];
    out.clear();
    builder.BuildRanges(&out);
    return out.Data;
}

bool ideographs_seen() noexcept { return state().ideographs; }

std::size_t noted_count() noexcept { return state().noted.size(); }

}  // namespace fv::gui::glyphs
