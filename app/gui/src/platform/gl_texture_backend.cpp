#include "platform/gl_texture_backend.h"

#include <GL/gl.h>

#include <cstdint>
#include <vector>

namespace fv::gui {

ImTextureID GlTextureBackend::create(const std::uint8_t* rgba, int width, int height) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    // ImGui's OpenGL3 backend reads the texture name back from the pointer.
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
}

void GlTextureBackend::destroy(ImTextureID texture) noexcept {
    auto name = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
    if (name == 0) return;
    // Zero the pixels first: drivers may reuse the memory without clearing it.
    GLint width = 0, height = 0;
    glBindTexture(GL_TEXTURE_2D, name);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &width);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &height);
    if (width > 0 && height > 0) {
        try {
            const std::vector<std::uint8_t> zeros(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, zeros.data());
        } catch (...) {
            // Out of memory for the zeros: delete anyway.
        }
    }
    glDeleteTextures(1, &name);
}

}  // namespace fv::gui
