#include "platform/platform_window.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>

#include "fieldvault/core/i18n.h"
#include "platform/quick_key_presses.h"

namespace fv::gui {
namespace {

// GLFW's drop callback has no user data besides the window pointer, which we
// keep free for ImGui's backend; one window per process, so a global queue.
std::mutex g_drop_mutex;
std::vector<std::filesystem::path> g_dropped;
std::atomic<bool> g_minimised{false};
QuickKeyPresses g_quick_keys;  // GLFW calls back on the main thread only

// Installed before the ImGui backend, which calls it first for each key event.
void on_key(GLFWwindow* /*window*/, int key, int /*scancode*/, int action, int /*mods*/) {
    if (action == GLFW_PRESS) g_quick_keys.on_key(key, true);
    if (action == GLFW_RELEASE) g_quick_keys.on_key(key, false);
}

#if IMGUI_VERSION_NUM < 18700
// As the 1.86 backend sets them from io.KeysDown after each key event.
void update_modifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}
#endif

void on_iconify(GLFWwindow* /*window*/, int iconified) {
    if (iconified == GLFW_TRUE) g_minimised = true;
}

void on_drop(GLFWwindow* /*window*/, int count, const char** paths) {
    std::lock_guard lock(g_drop_mutex);
    for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
}

}  // namespace

PlatformWindow::PlatformWindow(int width, int height, bool visible, const std::string& title) {
    if (glfwInit() == GLFW_FALSE) throw std::runtime_error(core::tr("The window could not start: is there a display?"));
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    // The title never names the vault or a report: it is visible in task bars
    // and window lists, i.e. to shoulder-surfers. It is "Fieldvault" or the
    // plain name chosen at setup, given from the start (X11's WM_CLASS, which
    // window lists show too, is the same: GLFW takes it from here).
    glfwWindowHintString(GLFW_X11_CLASS_NAME, title.c_str());
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, title.c_str());
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (window_ == nullptr) {
        glfwTerminate();
        throw std::runtime_error(core::tr("The window could not open: this computer's graphics lack OpenGL 3.3."));
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    glfwSetDropCallback(window_, on_drop);
    glfwSetWindowIconifyCallback(window_, on_iconify);
    glfwSetKeyCallback(window_, on_key);

    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

PlatformWindow::~PlatformWindow() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool PlatformWindow::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void PlatformWindow::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void PlatformWindow::begin_frame(bool wait_for_events) {
#if IMGUI_VERSION_NUM < 18700
    ImGuiIO& io = ImGui::GetIO();
    g_quick_keys.before_poll(io.KeysDown, IM_ARRAYSIZE(io.KeysDown));
    update_modifiers(io);
#endif
    if (wait_for_events) {
        // Idle: wake at least twice a second so auto-lock and job progress still run.
        glfwWaitEventsTimeout(0.5);
    } else {
        glfwPollEvents();
    }
#if IMGUI_VERSION_NUM < 18700
    g_quick_keys.after_poll(io.KeysDown, IM_ARRAYSIZE(io.KeysDown));
    update_modifiers(io);
#endif
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void PlatformWindow::end_frame(bool swap) {
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (swap) glfwSwapBuffers(window_);
}

bool PlatformWindow::write_png(const std::filesystem::path& file) const {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    if (width <= 0 || height <= 0) return false;
    // RGB, not RGBA: the window is opaque and the PNG a quarter smaller.
    const auto row = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up; PNG's top-down.
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height - 1 - y)), row,
                    flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    return stbi_write_png(file.c_str(), width, height, 3, flipped.data(), static_cast<int>(row)) != 0;
}

std::vector<std::filesystem::path> PlatformWindow::take_dropped_files() {
    std::lock_guard lock(g_drop_mutex);
    auto paths = std::move(g_dropped);
    g_dropped.clear();
    return paths;
}

bool PlatformWindow::take_minimised() { return g_minimised.exchange(false); }

void PlatformWindow::reload_font_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void PlatformWindow::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

float PlatformWindow::content_scale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.0f ? x : 1.0f;
}

}  // namespace fv::gui
