#pragma once
// What a face shows for an error, in the person's language (issue 14).
//
// How the messages of app/core and the layers below it reach a person in
// their language:
// - app/core marks every message a person can see where it is thrown:
//   throw Error(kind, tr("...")) or tr_args("... {1}", {detail}). The
//   language is chosen (init_translations/set_language) before any work, so
//   the text is translated when it is thrown. A message that is never shown
//   (an internal invariant) stays plain English with the waiver comment
//   "// i18n: not text"; the test i18n_every_visible_string_is_marked scans
//   core's throw sites for unmarked text.
// - storage/ and crypto/ know nothing of languages (they stay below core).
//   Their errors reach a face through core, and user_message() turns the ones
//   a person can meet (wrong passphrase, no vault here, damaged or tampered
//   data, a full disk, a refused bundle...) into the same sentence in the
//   person's language. Its table holds those English messages as msgids, with
//   {1} where the lower layer put a detail (a file name, a bundle check's
//   reason, the system's words for an I/O failure), so English reads exactly as
//   before and a translation may move the detail.
// - Everything else (core's own, already translated, and the faces' own) is
//   returned as it is.
// The faces show user_message(e) wherever they show an fv::Error: the CLI's
// main() and the desktop app's describe_error(). Core's VaultCheckService
// passes the check's findings through user_text().
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace fv::core {

// The message of `error` in the current language (see above).
std::string user_message(const std::exception& error);
// The same for a text storage/ reports without throwing (a vault check's
// findings): translated if the table knows it, else as it is.
std::string user_text(std::string_view english);

// The English messages of storage/ and crypto/ that user_message() knows, as
// msgids (for tests).
const std::vector<const char*>& lower_layer_msgids();

}  // namespace fv::core
