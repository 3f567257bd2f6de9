#pragma once
// The OS window: GLFW + OpenGL 3 + the ImGui backends. The only place that
// includes GLFW or GL, kept out of the library the tests link.
#include <filesystem>
#include <string>
#include <vector>

struct GLFWwindow;

namespace fv::gui {

class PlatformWindow {
public:
    // Creates the window (titled `title`: "Fieldvault" or the plain name) and
    // the ImGui context. Throws std::runtime_error if GLFW or OpenGL cannot start.
    PlatformWindow(int width, int height, bool visible, const std::string& title = "Fieldvault");
    ~PlatformWindow();
    PlatformWindow(const PlatformWindow&) = delete;
    PlatformWindow& operator=(const PlatformWindow&) = delete;

    bool should_close() const;
    void request_close();
    // Polls events (or waits briefly when idle) and starts an ImGui frame.
    void begin_frame(bool wait_for_events);
    // Renders the ImGui frame into the back buffer; swap=false keeps it there
    // (for a screenshot).
    void end_frame(bool swap);
    // Reads the back buffer and writes it as an RGB PNG.
    bool write_png(const std::filesystem::path& file) const;
    // Paths dropped on the window since the last call.
    std::vector<std::filesystem::path> take_dropped_files();
    float content_scale() const;
    // True once after the window was minimised (iconified).
    bool take_minimised();
    // Uploads the font atlas again after it was rebuilt (font size change).
    void reload_font_texture();
    // The OS window's title: "Fieldvault", or the plain name chosen at setup.
    void set_title(const std::string& title);

private:
    GLFWwindow* window_ = nullptr;
};

}  // namespace fv::gui
