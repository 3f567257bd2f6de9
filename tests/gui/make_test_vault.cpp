// Test helper: creates a vault (fast Argon2) with three reports, one in Chinese
// with an attachment, one known only to the month, for the screenshot tests.
// The passphrase is the first line of standard input. Usage: fieldvault_gui_make_test_vault DIR ATTACHMENT
#include <cstdio>
#include <iostream>
#include <string>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/kdf.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DIR ATTACHMENT < passphrase\n", argv[0]);
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    try {
        auto passphrase = fv::SecretBuffer::from_string(line);
        (void)fv::core::Session::create(argv[1], passphrase, "Test", fv::KdfParams::interactive());
        auto session = fv::core::Session::open(argv[1], passphrase);
        fv::core::ReportService reports(*session);

        // Created first (so the report screen still opens the Chinese one):
        // known to the month only, and the same phone number as the second
        // report written differently, for the timeline's recurring identifiers.
        fv::core::ReportContent earlier;
        earlier.title = "Unknown number again";
        earlier.occurred_start = "2026-02";
        earlier.date_precision = "month";
        earlier.tactics = {"harassment"};
        earlier.channels = {"phone"};
        earlier.identifiers = {{"phone", "+86-138-0000-0000"}};
        reports.create(earlier, "Self");

        fv::core::ReportContent first;
        first.title = "Calls asking me to return home";
        first.occurred_start = "2026-01-20";
        first.date_precision = "day";
        first.host_country = "CA";
        first.host_city = "Toronto";
        first.tactics = {"coerced_return", "harassment"};
        first.channels = {"phone"};
        first.narrative = "Three calls from a number claiming to be the police at home.";
        first.risk_level = "medium";
        reports.create(first, "Self");

        fv::core::ReportContent second;
        second.title = "警察到我父母家 (police visited my parents)";
        second.occurred_start = "2026-03-14";
        second.date_precision = "day";
        second.host_country = "NL";
        second.host_city = "Rotterdam";
        second.place = "鹿特丹中央车站附近的咖啡馆";
        second.origin_country = "CN";
        second.tactics = {"coercion_by_proxy", "surveillance"};
        second.channels = {"wechat", "relatives"};
        second.identifiers = {{"wechat", "wxid_example_123"}, {"phone", "+86 138 0000 0000"}};
        second.narrative =
            "两名自称中国警察的人到我父母家，要求他们劝我回国，并让我停止参加集会。\n"
            "他们还通过微信给我发了我在鹿特丹住处的照片。";
        second.narrative_language = "zh-Hans";
        second.translation =
            "Two men calling themselves Chinese police came to my parents' home and told them to "
            "persuade me to return, and to stop me attending rallies.";
        second.translation_language = "en";
        second.translator = "A. Volunteer";
        second.risk_level = "high";
        second.sensitive_fields = {"place", "identifiers"};
        const auto id = reports.create(second, "Self");
        // A second revision with the remaining field groups, so the editor
        // and its history have something to show.
        second.perpetrators = {{"police", "王警官 (badge 0451)", "two men in plain clothes"}};
        second.demands = {"return_home", "stop_activism"};
        second.demands_detail = "stop attending rallies";
        second.relatives = {{"mother", "成都", "visited at home twice", "local police", "she called me"}};
        second.witnesses = {{"Neighbour", "via my mother", "saw the visit"}};
        second.impacts = {"psychological", "self_censorship"};
        second.reported_to = {{"Politie Rotterdam", "2026-03-20", "2026-0312", "statement taken"}};
        second.sensitive_fields.push_back("relatives");
        reports.edit(id, second);
        fv::core::AttachmentService(*session).attach(id, argv[2]);
        session->lock();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_test_vault: %s\n", e.what());
        return 1;
    }
    return 0;
}
