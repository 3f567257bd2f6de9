#include "process_hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace fv::cli {

void harden_process() noexcept {
    struct rlimit no_core {};
    no_core.rlim_cur = 0;
    no_core.rlim_max = 0;
    // Best effort: a failure here must not stop someone from reaching their vault.
    (void)setrlimit(RLIMIT_CORE, &no_core);
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace fv::cli
