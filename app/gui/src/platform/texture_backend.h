#pragma once
// Where image previews become GPU textures. The real window installs an
// OpenGL backend; headless tests have no GL and leave none installed (or a
// fake), so the views never call GL themselves.
#include <imgui.h>

#include <cstdint>

namespace fv::gui {

class TextureBackend {
public:
    virtual ~TextureBackend() = default;
    // Uploads width x height RGBA pixels; returns a texture for ImGui::Image.
    virtual ImTextureID create(const std::uint8_t* rgba, int width, int height) = 0;
    // Overwrites the texture's pixels (the picture is evidence) and deletes it.
    virtual void destroy(ImTextureID texture) noexcept = 0;
};

// Null until the window installs one; the installer outlives every view.
void set_texture_backend(TextureBackend* backend) noexcept;
TextureBackend* texture_backend() noexcept;

}  // namespace fv::gui
