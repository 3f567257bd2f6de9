#include "platform/texture_backend.h"

namespace fv::gui {
namespace {
TextureBackend* g_backend = nullptr;
}  // namespace

void set_texture_backend(TextureBackend* backend) noexcept { g_backend = backend; }
TextureBackend* texture_backend() noexcept { return g_backend; }

}  // namespace fv::gui
