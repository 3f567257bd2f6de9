#include "platform/wiping_allocator.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "fieldvault/model/secret.h"

namespace fv::gui {
namespace {

// The block size lives in a header before the block; 16 bytes keep the
// returned pointer as aligned as malloc's.
constexpr std::size_t kHeader = 16;

void* wiping_alloc(std::size_t size, void* /*user_data*/) {
    auto* base = static_cast<unsigned char*>(std::malloc(size + kHeader));
    if (base == nullptr) return nullptr;
    std::memcpy(base, &size, sizeof size);
    return base + kHeader;
}

void wiping_free(void* block, void* /*user_data*/) {
    if (block == nullptr) return;
    auto* base = static_cast<unsigned char*>(block) - kHeader;
    std::size_t size = 0;
    std::memcpy(&size, base, sizeof size);
    wipe_memory(block, size);
    std::free(base);
}

template <typename T>
void wipe_vector(ImVector<T>& vector) {
    if (vector.Data != nullptr)
        wipe_memory(vector.Data, static_cast<std::size_t>(vector.Capacity) * sizeof(T));
    vector.clear();  // frees through wiping_free
}

}  // namespace

void install_wiping_allocator() { ImGui::SetAllocatorFunctions(wiping_alloc, wiping_free, nullptr); }

void wipe_imgui_text_state() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr) return;
    if (context->InputTextState.ID != 0 && context->ActiveId == context->InputTextState.ID) ImGui::ClearActiveID();
    ImGuiInputTextState& state = context->InputTextState;
    wipe_vector(state.TextW);
    wipe_vector(state.TextA);
    wipe_vector(state.InitialTextA);
    state.CurLenA = 0;
    state.CurLenW = 0;
    state.ID = 0;
    // The undo stack of the text editor holds typed characters too.
    wipe_memory(&state.Stb, sizeof state.Stb);
}

}  // namespace fv::gui
