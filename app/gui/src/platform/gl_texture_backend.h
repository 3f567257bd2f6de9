#pragma once
// The OpenGL texture backend for image previews (the executable only: the
// library the headless tests link has no GL).
#include "platform/texture_backend.h"

namespace fv::gui {

class GlTextureBackend final : public TextureBackend {
public:
    ImTextureID create(const std::uint8_t* rgba, int width, int height) override;
    void destroy(ImTextureID texture) noexcept override;
};

}  // namespace fv::gui
