#include "views/wrapping_editor.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "platform/glyph_cache.h"

namespace fv::gui {
namespace {

// The one field being edited (as ImGui keeps one InputTextState): its caret,
// selection and undo. Wiped at the end of any frame in which it is no longer
// the active item (focus moved, screen changed, vault locked).
struct ActiveEditor {
    ImGuiID id = 0;
    text::Editor editor;
    bool dragging = false;
    int follow_caret = 0;  // frames left to keep the caret scrolled into view
    float blink = 0.0f;
};

ActiveEditor& active_editor() {
    static ActiveEditor editor;
    return editor;
}

std::map<std::string, WrappingEditorLayout>& records() {
    static std::map<std::string, WrappingEditorLayout> recorded;
    return recorded;
}

// Each field's layout, kept while its text, width and font stay the same
// (a long account is not broken into lines again every frame). Line
// positions only, no text; dropped for fields not drawn in a frame.
struct CachedLayout {
    text::Layout layout;
    std::size_t size = 0;
    std::uint64_t hash = 0;
    float width = 0.0f;
    const ImFont* font = nullptr;
    float font_size = 0.0f;
    int glyphs = 0;  // the atlas grows: advances of newly added characters change
    int used_frame = -1;
};

std::map<ImGuiID, CachedLayout>& layouts() {
    static std::map<ImGuiID, CachedLayout> cached;
    return cached;
}

const text::Layout& layout_for(ImGuiID id, std::string_view text, float width, const ImFont* font, float font_size,
                               const text::Advance& advance) {
    CachedLayout& c = layouts()[id];
    const std::uint64_t hash = text::fingerprint(text);
    if (c.used_frame < 0 || c.size != text.size() || c.hash != hash || c.width != width || c.font != font ||
        c.font_size != font_size || c.glyphs != font->Glyphs.Size) {
        c.layout = text::Layout(text, width, advance);
        c.size = text.size();
        c.hash = hash;
        c.width = width;
        c.font = font;
        c.font_size = font_size;
        c.glyphs = font->Glyphs.Size;
    } else {
        c.layout.rebind(text);
    }
    c.used_frame = GImGui->FrameCount;
    return c.layout;
}

ImGuiContext* g_hooked = nullptr;

void forget_active() noexcept {
    ActiveEditor& a = active_editor();
    a.editor.reset();
    a.id = 0;
    a.dragging = false;
    a.follow_caret = 0;
}

void after_frame(ImGuiContext* ctx, ImGuiContextHook*) {
    if (active_editor().id != 0 && ctx->ActiveId != active_editor().id) forget_active();
    auto& cached = layouts();
    for (auto it = cached.begin(); it != cached.end();) {
        if (it->second.used_frame != ctx->FrameCount) {
            it = cached.erase(it);
        } else {
            ++it;
        }
    }
}

void on_shutdown(ImGuiContext*, ImGuiContextHook*) {
    forget_active();
    records().clear();
    layouts().clear();
    g_hooked = nullptr;
}

void install_hooks() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (g_hooked == ctx) return;
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_EndFramePost;
    hook.Callback = after_frame;
    ImGui::AddContextHook(ctx, &hook);
    ImGuiContextHook shutdown;
    shutdown.Type = ImGuiContextHookType_Shutdown;
    shutdown.Callback = on_shutdown;
    ImGui::AddContextHook(ctx, &shutdown);
    g_hooked = ctx;
}

// What the font can draw: ImWchar is 16-bit in Debian's libimgui, so
// characters past U+FFFF (emoji) show as the replacement character.
ImWchar drawable(char32_t c) {
    if constexpr (sizeof(ImWchar) == 2) {
        if (c > 0xFFFF) return static_cast<ImWchar>(0xFFFD);
    }
    return static_cast<ImWchar>(c);
}

ImVec2 plus(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

bool invisible(char32_t c) { return c < 0x20 || text::is_space(c); }

text::Advance advance_for(ImFont* font, float size) {
    const float scale = size / font->FontSize;
    return [font, scale](char32_t c) -> float {
        if (c < 0x20 && c != '\t') return 0.0f;
        return font->GetCharAdvance(drawable(c)) * scale;
    };
}

void draw_lines(ImDrawList* draw_list, ImFont* font, float font_size, const text::Layout& layout,
                std::string_view text, ImVec2 origin, float line_height, const ImRect& clip, ImU32 colour,
                const text::Advance& advance) {
    const auto& lines = layout.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const float y = origin.y + static_cast<float>(i) * line_height;
        if (y + line_height < clip.Min.y) continue;
        if (y > clip.Max.y) break;
        float x = origin.x;
        for (std::size_t p = lines[i].begin; p < lines[i].end;) {
            const text::Unit unit = text::decode(text, p);
            const char32_t c = unit.valid ? unit.code_point : 0xFFFD;
            if (!invisible(c)) font->RenderChar(draw_list, font_size, ImVec2(x, y), colour, drawable(c));
            x += advance(c);
            p += unit.length;
        }
    }
}

bool key_pressed(ImGuiKey key) {
    const int index = ImGui::GetKeyIndex(key);
    return index >= 0 && ImGui::IsKeyPressed(index, true);
}

}  // namespace

std::optional<WrappingEditorLayout> last_layout(const std::string& key) {
    const auto it = records().find(key);
    if (it == records().end()) return std::nullopt;
    return it->second;
}

std::optional<text::Caret> active_caret() {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    const ActiveEditor& a = active_editor();
    if (g == nullptr || a.id == 0 || g->ActiveId != a.id) return std::nullopt;
    return a.editor.caret();
}

bool wrapping_editor_idle() {
    const ActiveEditor& a = active_editor();
    return a.id == 0 && a.editor.undo_steps() == 0;
}

bool wrapping_editor(const char* label, std::string& text, const WrappingEditorOptions& options) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    install_hooks();
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const ImGuiStyle& style = g.Style;
    const ImGuiID id = window->GetID(label);
    const float line_h = g.FontSize;
    const ImVec2 size = ImGui::CalcItemSize(
        ImVec2(options.width, line_h * options.lines + style.FramePadding.y * 2.0f), ImGui::CalcItemWidth(), 0.0f);
    const ImRect frame_bb(window->DC.CursorPos, plus(window->DC.CursorPos, size));

    // As InputTextMultiline: the item (a Tab stop and navigation target) in
    // this window, the text in a child window that scrolls.
    ImGui::BeginGroup();
    const ImVec2 backup_pos = window->DC.CursorPos;
    ImGui::ItemSize(frame_bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(frame_bb, id, &frame_bb, ImGuiItemFlags_Inputable)) {
        ImGui::EndGroup();
        return false;
    }
    const ImGuiItemStatusFlags status = g.LastItemData.StatusFlags;
    const bool disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
    window->DC.CursorPos = backup_pos;

    ImGui::PushStyleColor(ImGuiCol_ChildBg, style.Colors[ImGuiCol_FrameBg]);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, style.FrameRounding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, style.FrameBorderSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    const bool child_visible = ImGui::BeginChildEx(label, id, frame_bb.GetSize(), true, ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
    if (!child_visible) {
        ImGui::EndChild();
        ImGui::EndGroup();
        return false;
    }
    ImGuiWindow* draw_window = g.CurrentWindow;
    // So that EndChild() registers the field for keyboard navigation and draws its highlight.
    draw_window->DC.NavLayersActiveMaskNext |= static_cast<short>(1 << draw_window->DC.NavLayerCurrent);

    const bool hovered = ImGui::ItemHoverable(frame_bb, id);
    if (hovered) g.MouseCursor = ImGuiMouseCursor_TextInput;

    // Start editing: a click, Tab, keyboard navigation's Space/Enter, or focus set by code.
    ActiveEditor& state = active_editor();
    const bool focus_requested = (status & ImGuiItemStatusFlags_FocusedByTabbing) != 0;
    const bool clicked = hovered && io.MouseClicked[0];
    const bool nav_start = g.ActiveId != id && (g.NavActivateInputId == id ||
                                                (g.NavActivateId == id && g.NavInputSource == ImGuiInputSource_Keyboard));
    bool starting = false;
    if (!disabled && g.ActiveId != id && (clicked || focus_requested || nav_start)) {
        if (state.id != id) forget_active();
        state.id = id;
        state.editor.sync(text);
        state.editor.set_caret(text, text.size());  // at the end, where one goes on writing
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
        // Arrows, Escape, Home/End and Page Up/Down are the field's, not navigation's; Tab is not.
        g.ActiveIdUsingNavDirMask |= (1u << ImGuiDir_Left) | (1u << ImGuiDir_Right) | (1u << ImGuiDir_Up) |
                                     (1u << ImGuiDir_Down);
        g.ActiveIdUsingNavInputMask |= 1u << ImGuiNavInput_Cancel;
        g.ActiveIdUsingKeyInputMask |= (ImU64{1} << ImGuiKey_Home) | (ImU64{1} << ImGuiKey_End) |
                                       (ImU64{1} << ImGuiKey_PageUp) | (ImU64{1} << ImGuiKey_PageDown);
        starting = true;
        state.follow_caret = 2;
    }
    if (g.ActiveId == id && state.id != id) ImGui::ClearActiveID();  // its state went to another field
    if (g.ActiveId == id && io.MouseClicked[0] && !hovered && !starting) {
        ImGui::ClearActiveID();  // a click elsewhere
        forget_active();
    }
    bool is_active = g.ActiveId == id;

    ImFont* font = g.Font;
    const float font_size = g.FontSize;
    const text::Advance advance = advance_for(font, font_size);
    const float wrap_width = std::max(1.0f, size.x - style.FramePadding.x * 2.0f - style.ScrollbarSize);
    const float visible_h = std::max(line_h, size.y - style.FramePadding.y * 2.0f);
    const text::Layout* layout = &layout_for(id, text, wrap_width, font, font_size, advance);
    float scroll_y = draw_window->Scroll.y;
    const bool editable = !options.read_only && !disabled;
    bool changed = false;

    if (is_active) {
        text::Editor& editor = state.editor;
        editor.sync(text);  // changed elsewhere (a reload): caret kept on a boundary
        g.ActiveIdAllowOverlap = !io.MouseDown[0];
        if (editable) g.WantTextInputNextFrame = 1;
        const ImVec2 origin(frame_bb.Min.x + style.FramePadding.x, frame_bb.Min.y + style.FramePadding.y - scroll_y);
        const auto pos_at_mouse = [&](bool* at_end) {
            const float rows = std::floor((io.MousePos.y - origin.y) / line_h);
            const float last = static_cast<float>(layout->lines().size() - 1);
            const auto line = static_cast<std::size_t>(std::clamp(rows, 0.0f, last));
            return layout->pos_at(line, io.MousePos.x - origin.x, at_end);
        };
        bool acted = false;
        // Mouse: click places the caret (shift extends), drag selects, double-click takes a word.
        if (clicked) {
            bool at_end = false;
            const std::size_t pos = pos_at_mouse(&at_end);
            if (io.MouseDoubleClicked[0]) {
                editor.select_word(text, pos);
            } else {
                editor.set_caret(text, pos, io.KeyShift && !starting, at_end);
            }
            state.dragging = !io.MouseDoubleClicked[0];
            acted = true;
        } else if (state.dragging && io.MouseDown[0] && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
            bool at_end = false;
            editor.set_caret(text, pos_at_mouse(&at_end), true, at_end);
            acted = true;
        }
        if (!io.MouseDown[0]) state.dragging = false;

        // Keys (not in the frame a key started editing: that Enter or Space is not text).
        if (!starting) {
            const bool shift = io.KeyShift;
            const bool ctrl = io.KeyCtrl;
            const auto page = static_cast<int>(std::max(1.0f, std::floor(visible_h / line_h) - 1.0f));
            bool edited = false;
            acted = true;
            if (key_pressed(ImGuiKey_LeftArrow)) {
                ctrl ? editor.word_left(text, shift) : editor.left(text, shift);
            } else if (key_pressed(ImGuiKey_RightArrow)) {
                ctrl ? editor.word_right(text, shift) : editor.right(text, shift);
            } else if (key_pressed(ImGuiKey_UpArrow)) {
                editor.up(text, *layout, shift);
            } else if (key_pressed(ImGuiKey_DownArrow)) {
                editor.down(text, *layout, shift);
            } else if (key_pressed(ImGuiKey_PageUp)) {
                for (int i = 0; i < page; ++i) editor.up(text, *layout, shift);
            } else if (key_pressed(ImGuiKey_PageDown)) {
                for (int i = 0; i < page; ++i) editor.down(text, *layout, shift);
            } else if (key_pressed(ImGuiKey_Home)) {
                ctrl ? editor.text_start(text, shift) : editor.home(text, *layout, shift);
            } else if (key_pressed(ImGuiKey_End)) {
                ctrl ? editor.text_end(text, shift) : editor.end(text, *layout, shift);
            } else if (key_pressed(ImGuiKey_Backspace) && editable) {
                if (ctrl && !editor.caret().has_selection()) editor.word_left(text, true);
                edited = editor.backspace(text);
            } else if (key_pressed(ImGuiKey_Delete) && editable) {
                if (ctrl && !editor.caret().has_selection()) editor.word_right(text, true);
                edited = editor.erase_forward(text);
            } else if ((key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter)) && editable) {
                edited = editor.insert(text, "\n");
            } else if (ctrl && key_pressed(ImGuiKey_A)) {
                editor.select_all(text);
            } else if (ctrl && (key_pressed(ImGuiKey_C) || key_pressed(ImGuiKey_X))) {
                if (editor.caret().has_selection()) {
                    std::string copied = editor.selected(text);
                    ImGui::SetClipboardText(copied.c_str());
                    text::wipe(copied);
                    if (editable && key_pressed(ImGuiKey_X)) edited = editor.erase_selection(text);
                }
            } else if (ctrl && key_pressed(ImGuiKey_V) && editable) {
                if (const char* pasted = ImGui::GetClipboardText(); pasted != nullptr && *pasted != '\0')
                    edited = editor.insert(text, pasted);
            } else if (ctrl && key_pressed(ImGuiKey_Z) && editable) {
                edited = shift ? editor.redo(text) : editor.undo(text);
            } else if (ctrl && key_pressed(ImGuiKey_Y) && editable) {
                edited = editor.redo(text);
            } else if (key_pressed(ImGuiKey_Escape)) {
                ImGui::ClearActiveID();
                forget_active();
                is_active = false;
                acted = false;
            } else {
                acted = false;
            }
            changed = changed || edited;
            if (edited) layout = &layout_for(id, text, wrap_width, font, font_size, advance);
        }

        // Typed text, as GLFW queues it: one key, or all an input method
        // committed this frame, inserted at the caret in order. Ctrl+letter is
        // a shortcut, not text (AltGr, which is Ctrl+Alt, types).
        if (io.InputQueueCharacters.Size > 0) {
            if (is_active && editable && !nav_start && !(io.KeyCtrl && !io.KeyAlt)) {
                std::string typed;
                for (const ImWchar c : io.InputQueueCharacters)
                    if (c >= 0x20 && c != 0x7F) text::append_utf8(typed, c);
                if (!typed.empty() && state.editor.insert(text, typed)) {
                    changed = true;
                    acted = true;
                    layout = &layout_for(id, text, wrap_width, font, font_size, advance);
                }
                text::wipe(typed);
            }
            std::memset(io.InputQueueCharacters.Data, 0,
                        static_cast<std::size_t>(io.InputQueueCharacters.Size) * sizeof(ImWchar));
            io.InputQueueCharacters.resize(0);
        }
        if (acted) {
            state.follow_caret = 2;
            state.blink = 0.0f;
        }
    }

    if (changed) {
        glyphs::note(text);  // characters the atlas lacks are added between frames
        ImGui::MarkItemEdited(id);
    }

    // Scroll so the caret stays in view after it moved.
    const auto& lines = layout->lines();
    const float text_h = static_cast<float>(lines.size()) * line_h;
    const float max_scroll = std::max(0.0f, text_h - visible_h);
    if (is_active && state.follow_caret > 0) {
        --state.follow_caret;
        const auto line = layout->line_of(state.editor.caret().pos, state.editor.caret().at_line_end);
        const float top = static_cast<float>(line) * line_h;
        if (top < scroll_y) scroll_y = top;
        if (top + line_h > scroll_y + visible_h) scroll_y = top + line_h - visible_h;
    }
    scroll_y = std::clamp(scroll_y, 0.0f, max_scroll);
    draw_window->Scroll.y = scroll_y;
    const ImVec2 origin(frame_bb.Min.x + style.FramePadding.x, frame_bb.Min.y + style.FramePadding.y - scroll_y);

    ImDrawList* draw_list = draw_window->DrawList;
    const ImRect clip = draw_window->ClipRect;
    // Selection.
    if (is_active && state.editor.caret().has_selection()) {
        const std::size_t begin = state.editor.caret().sel_begin();
        const std::size_t end = state.editor.caret().sel_end();
        const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
        const float newline_w = advance(' ') * 0.5f;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            if (end < l.begin || begin > l.end || (begin == l.end && l.next == l.end)) continue;
            const float y = origin.y + static_cast<float>(i) * line_h;
            if (y + line_h < clip.Min.y || y > clip.Max.y) continue;
            float x1 = layout->x_of(i, std::max(begin, l.begin));
            float x2 = layout->x_of(i, std::min(end, l.end));
            if (end > l.end && l.next > l.end) x2 += newline_w;  // the newline is selected too
            x2 = std::min(x2, wrap_width);
            x1 = std::min(x1, x2);
            if (x2 > x1)
                draw_list->AddRectFilled(ImVec2(origin.x + x1, y), ImVec2(origin.x + x2, y + line_h), colour);
        }
    }
    // The text, or the hint while it is empty.
    if (!text.empty()) {
        draw_lines(draw_list, font, font_size, *layout, text, origin, line_h, clip, ImGui::GetColorU32(ImGuiCol_Text),
                   advance);
    } else if (options.hint != nullptr && *options.hint != '\0') {
        const text::Layout hint(options.hint, wrap_width, advance);
        draw_lines(draw_list, font, font_size, hint, options.hint, origin, line_h, clip,
                   ImGui::GetColorU32(ImGuiCol_TextDisabled), advance);
    }
    // The caret (blinking as InputText's).
    if (is_active) {
        state.blink += io.DeltaTime;
        const bool on = !io.ConfigInputTextCursorBlink || state.blink <= 0.0f || std::fmod(state.blink, 1.20f) <= 0.80f;
        const text::Caret& caret = state.editor.caret();
        const auto line = layout->line_of(caret.pos, caret.at_line_end);
        const float x = origin.x + std::min(layout->x_of(line, caret.pos), wrap_width);
        const float y = origin.y + static_cast<float>(line) * line_h;
        if (on) draw_list->AddLine(ImVec2(x, y + 0.5f), ImVec2(x, y + line_h - 1.5f), ImGui::GetColorU32(ImGuiCol_Text));
        if (editable) g.PlatformImePos = ImVec2(x - 1.0f, y);  // where an input method may put its window
    }
    // The content's size, so the child window scrolls over all of it
    // (measured from where this frame's content started, before any scroll
    // made above: ImGui clamps the next frame's scroll to it).
    ImGui::SetCursorScreenPos(ImVec2(origin.x, draw_window->DC.CursorStartPos.y + style.FramePadding.y));
    ImGui::Dummy(ImVec2(wrap_width, text_h + style.FramePadding.y));
    ImGui::EndChild();

    // A visible frame while editing (keyboard navigation's highlight is EndChild's).
    if (is_active)
        window->DrawList->AddRect(frame_bb.Min, frame_bb.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight),
                                  style.FrameRounding, 0, 2.0f);
    ImGui::EndGroup();

    if (options.record_as != nullptr) {
        WrappingEditorLayout& record = records()[options.record_as];
        record.frame_min = frame_bb.Min;
        record.frame_max = frame_bb.Max;
        record.text_origin = origin;
        record.wrap_width = wrap_width;
        record.lines = lines;
        record.active = is_active;
    }
    return changed;
}

}  // namespace fv::gui
