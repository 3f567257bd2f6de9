#include "platform/ui_setup.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "platform/fonts.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"

namespace fv::gui {

namespace {
float g_font_pixels = kBaseFontPixels;  // of the atlas last built, for glyph rebuilds
bool g_focus_was_hidden = true;          // the keyboard focus was not shown at the end of the last frame
bool g_focus_lost = false;               // its widget was not drawn in the last frame (another screen)

bool key_pressed(ImGuiKey key) {
    const int index = ImGui::GetIO().KeyMap[key];
    return index >= 0 && ImGui::IsKeyPressed(index, false);
}

bool mouse_used() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f) return true;
    for (const bool clicked : io.MouseClicked)
        if (clicked) return true;
    return false;
}

}  // namespace

void keyboard_frame_start() {
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = ImGui::GetIO();
    // Ctrl+Tab: ImGui's window switcher has nothing to switch between here (one
    // window) and would show an English "(Untitled)" list; it is turned off.
    if (g.NavWindowingTarget != nullptr || g.NavWindowingTargetAnim != nullptr) {
        g.NavWindowingTarget = g.NavWindowingTargetAnim = nullptr;
        g.NavWindowingTimer = g.NavWindowingHighlightAlpha = 0.0f;
        g.NavWindowingToggleLayer = false;
    }
    if ((io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) == 0 || g.NavId == 0 || mouse_used()) return;
    const bool enter = key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter);
    const bool arrow = key_pressed(ImGuiKey_UpArrow) || key_pressed(ImGuiKey_DownArrow) ||
                       key_pressed(ImGuiKey_LeftArrow) || key_pressed(ImGuiKey_RightArrow);
    const bool typing = g.ActiveId != 0;
    const bool space = key_pressed(ImGuiKey_Space);
    if (typing && g.ActiveId == g.InputTextState.ID && key_pressed(ImGuiKey_Escape)) {
        // Escape leaves the text field and keeps what was typed (ImGui would
        // put back the text the field had before: a person's writing lost).
        // The field no longer sees the key; the focus stays on it, shown.
        ImGui::ClearActiveID();
        g.NavDisableHighlight = false;
        return;
    }
    if (g_focus_lost && !typing && (arrow || enter || space) && g.NavWindow != nullptr) {
        // The focused widget went with the last screen: start again at the
        // first widget of this one (and show it) instead of moving from, or
        // pressing, something no longer there.
        if (g.NavMoveSubmitted) ImGui::NavMoveRequestCancel();
        ImGuiWindow* screen = g.NavWindow->RootWindowForNav;
        if (screen != g.NavWindow) ImGui::FocusWindow(screen);
        ImGui::NavInitWindow(screen, true);  // the header's buttons are skipped (view.cpp)
        g.NavDisableHighlight = false;
        return;
    }
    if (g_focus_was_hidden && !typing && arrow && g.NavMoveSubmitted &&
        (g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) == 0) {
        // The first arrow after mouse use shows the focus where it is.
        ImGui::NavMoveRequestCancel();
    }
    // Enter presses the focused button, checkbox or row as Space does (ImGui
    // 1.86 gives Enter to text fields only); acted on in the next frame. Not
    // while typing: there Enter belongs to the text field.
    if (enter && !g_focus_was_hidden && !typing && !io.KeyCtrl && !io.KeyAlt && g.NavWindow != nullptr &&
        (g.NavWindow->Flags & ImGuiWindowFlags_NoNavInputs) == 0)
        ImGui::ActivateItem(g.NavId);
    // Any key that moves or uses the focus shows it (ImGui shows it for
    // arrows only: Tab, Escape, Space and Enter left it hidden).
    if (arrow || enter || space || key_pressed(ImGuiKey_Tab) || key_pressed(ImGuiKey_Escape))
        g.NavDisableHighlight = false;
}

void keyboard_flatten_table() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if ((window->Flags & ImGuiWindowFlags_ChildWindow) == 0 || window->ParentWindow == nullptr) return;
    // What Begin() does for NavFlattened, done once the table's window exists
    // (Begin sets both again every frame, so this holds for this frame only).
    window->Flags |= ImGuiWindowFlags_NavFlattened;
    window->RootWindowForNav = window->ParentWindow->RootWindowForNav;
}

std::optional<FocusRing> keyboard_focus() {
    const ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.NavWindow;
    if (window == nullptr || g.NavId == 0 || !g.NavIdIsAlive || g.NavWindowingTarget != nullptr) return std::nullopt;
    // A text field being typed into: ImGui's own, or a widget of the app's
    // that asks for text input (the report form's wrapping editor).
    const bool typing = g.ActiveId != 0 && g.ActiveId == g.NavId &&
                        (g.InputTextState.ID == g.ActiveId || g.IO.WantTextInput);
    if (!typing && g.NavDisableHighlight) return std::nullopt;
    const ImRect rect = ImGui::WindowRectRelToAbs(window, window->NavRectRel[g.NavLayer]);
    if (rect.GetWidth() <= 0.0f || rect.GetHeight() <= 0.0f || !window->ClipRect.Overlaps(rect)) return std::nullopt;
    return FocusRing{rect.Min, rect.Max, typing};
}

void draw_keyboard_focus() {
    const ImGuiContext& g = *GImGui;
    g_focus_was_hidden = g.NavDisableHighlight;
    g_focus_lost = g.NavId != 0 && !g.NavIdIsAlive;
    const auto ring = keyboard_focus();
    if (!ring) return;
    // Thicker than ImGui's own 2-pixel frame and drawn over it, growing with
    // the text size; just outside the item, so its text stays readable.
    const float thickness = std::max(2.0f, std::round(ImGui::GetFontSize() * 0.17f));
    const float gap = 2.0f + thickness * 0.5f;
    const ImVec2 min(ring->min.x - gap, ring->min.y - gap);
    const ImVec2 max(ring->max.x + gap, ring->max.y + gap);
    // Inside the focused window's visible area (a scrolled list does not
    // show a ring for a row scrolled away), with room for the ring itself.
    const ImGuiWindow* window = g.NavWindow;
    ImRect clip = window->ClipRect;
    clip.Expand(gap + thickness);
    clip.ClipWithFull(window->RootWindow->OuterRectClipped);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->PushClipRect(clip.Min, clip.Max, false);
    draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_NavHighlight), ImGui::GetStyle().FrameRounding + gap, 0,
                  thickness);
    draw->PopClipRect();
}

bool configure_imgui(float scale, int font_percent, ThemeKind theme) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Keyboard navigation: Tab/arrows move between widgets, Space/Enter activate,
    // Escape backs out; the app can be used without a mouse.
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    return apply_appearance(scale, font_percent, theme);
}

bool rebuild_glyphs_if_needed() {
    if (!glyphs::take_rebuild_request()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    load_fonts(io, cached_fonts(), g_font_pixels);
    return true;
}

bool apply_appearance(float scale, int font_percent, ThemeKind theme) {
    ImGuiIO& io = ImGui::GetIO();
    const float size = scale * static_cast<float>(font_percent) / 100.0f;
    io.Fonts->Clear();
    g_font_pixels = kBaseFontPixels * size;
    const auto loaded = load_fonts(io, cached_fonts(), g_font_pixels);
    ImGuiStyle& style = ImGui::GetStyle();
    theme::apply(style, theme);
    style.ScaleAllSizes(size);
    return loaded.cjk_loaded;
}

}  // namespace fv::gui
