#pragma once
// A demo vault for trying the app: fictional sample reports, every title
// marked "[DEMO]", in its own folder beside the real vault, opened with a
// passphrase printed on the screen. Nothing in it is real; nothing from it is
// meant to be exported (its identity is a throwaway one).
#include <filesystem>
#include <memory>
#include <string_view>

#include "fieldvault/core/session.h"
#include "fieldvault/model/kdf_params.h"

namespace fv::core {

// The demo's passphrase: public by design, shown on the screen.
inline constexpr std::string_view kDemoPassphrase = "demo vault, sample data only";
inline constexpr std::string_view kDemoTitlePrefix = "[DEMO] ";

// current_places().demo_dir: $XDG_DATA_HOME/fieldvault/demo, else
// ~/.local/share/fieldvault/demo, or the portable folder's (places.h).
std::filesystem::path default_demo_vault_dir();

// True if `dir` holds a vault created by open_demo_vault (its identity name
// says so; readable only once open).
bool is_demo_session(Session& session);

// Opens the demo vault in `dir`, first creating it with the sample reports
// if the folder holds no vault. Throws like Session::create / open.
[[nodiscard]] std::unique_ptr<Session> open_demo_vault(const std::filesystem::path& dir,
                                         const KdfParams& params = KdfParams::moderate());

}  // namespace fv::core
