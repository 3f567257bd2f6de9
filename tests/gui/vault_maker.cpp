#include "vault_maker.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/demo_vault.h"

namespace fv::gui::test {

int run_vault_maker(int argc, char** argv, const char* name,
                    const std::function<void(core::Session&, const std::filesystem::path& work)>& fill) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s VAULT WORK < passphrase\n", argv[0]);
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    try {
        auto passphrase = SecretBuffer::from_string(line);
        auto session = core::Session::open(argv[1], passphrase);
        fill(*session, argv[2]);
        session->lock();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", name, e.what());
        return 1;
    }
    return 0;
}

core::ReportContent demo_report(std::string_view title, std::string_view day, std::string_view country,
                                std::string_view city, std::string_view tactic, std::string_view channel,
                                std::string_view narrative) {
    core::ReportContent content;
    content.title = std::string(core::kDemoTitlePrefix) + std::string(title);
    content.occurred_start = std::string(day);
    content.date_precision = "day";
    content.host_country = std::string(country);
    content.host_city = std::string(city);
    content.tactics = {std::string(tactic)};
    content.channels = {std::string(channel)};
    content.narrative = std::string(narrative);
    content.narrative_language = "en";
    content.risk_level = "medium";
    return content;
}

void attach_generated(core::Session& session, std::int64_t report_id, const std::filesystem::path& file,
                      const std::string& bytes) {
    struct RemoveAfter {
        const std::filesystem::path& file;
        ~RemoveAfter() {
            std::error_code ignored;
            std::filesystem::remove(file, ignored);
        }
    } remove_after{file};
    {
        std::ofstream out(file, std::ios::binary);
        out << bytes;
        if (!out.flush()) throw std::runtime_error("could not write " + file.string());
    }
    core::AttachmentService(session).attach(report_id, file);
}

}  // namespace fv::gui::test
