#include "fieldvault/core/demo_vault.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/places.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/secret.h"

namespace fv::core {
namespace {

// The demo identity's name: how an open demo vault is recognised.
constexpr std::string_view kDemoIdentityName = "Fieldvault demo (sample data)";

struct DemoReport {
    ReportContent content;
    std::string case_name;
    bool final = false;
};

ReportContent base(std::string title, std::string occurred, std::string precision) {
    ReportContent content;
    content.title = std::string(kDemoTitlePrefix) + std::move(title);
    content.occurred_start = std::move(occurred);
    content.date_precision = std::move(precision);
    content.host_country = "NL";
    content.origin_country = "CN";
    return content;
}

// Fictional incidents, in the shapes the app is built for. Names, numbers and
// places are invented; the phone number recurs on purpose (the timeline
// highlights identifiers seen in several reports).
std::vector<DemoReport> sample_reports() {
    std::vector<DemoReport> out;

    auto call = base("Call from an unknown number about my parents", "2026-02-03T21:15", "exact");
    call.host_city = "Utrecht";
    call.tactics = {"coercion_by_proxy", "coerced_return"};
    call.channels = {"phone"};
    call.identifiers = {{"phone", "+31 6 0000 0001"}};
    call.perpetrators = {{"police", "\"Officer Wang\" (name given, not verified)", "Spoke Mandarin, knew my address"}};
    call.demands = {"return_home", "stop_activism"};
    call.relatives = {{"mother", "(sample) home town", "Visited at home twice", "local police", "Her phone call"}};
    call.narrative = "SAMPLE TEXT. 一个自称警察的人打电话给我，说我父母会有麻烦，除非我回国。";
    call.narrative_language = "zh-Hans";
    call.translation = "SAMPLE TEXT. A man who said he was a police officer called me and said my parents "
                       "would be in trouble unless I went back.";
    call.translation_language = "en";
    call.impacts = {"psychological"};
    call.risk_level = "high";
    call.sensitive_fields = {"relatives"};
    out.push_back({call, "Demo: pressure through family", true});

    auto again = base("Second call, same number", "2026-02-10", "day");
    again.host_city = "Utrecht";
    again.tactics = {"coercion_by_proxy"};
    again.channels = {"phone", "wechat"};
    again.identifiers = {{"phone", "+31 6 0000 0001"}, {"wechat", "sample_wechat_id"}};
    again.narrative = "SAMPLE TEXT. The same number called again and then sent a WeChat message with a photo "
                      "of my parents' door.";
    again.narrative_language = "en";
    again.risk_level = "high";
    out.push_back({again, "Demo: pressure through family", false});

    auto meeting = base("Invitation to a \"community meeting\"", "2026-03", "month");
    meeting.host_city = "Rotterdam";
    meeting.place = "(sample) community centre";
    meeting.tactics = {"surveillance", "harassment"};
    meeting.channels = {"in_person", "intermediary"};
    meeting.perpetrators = {{"service_station", "", "Two men from an association office"}};
    meeting.demands = {"attend_meeting", "inform_on_others"};
    meeting.narrative = "SAMPLE TEXT. 两个人在活动结束后跟着我，请我参加“同乡会”的会议，并问起其他参加者的名字。";
    meeting.narrative_language = "zh-Hans";
    meeting.risk_level = "medium";
    out.push_back({meeting, "Demo: community events", false});

    auto online = base("Fake account posting my photos", "2026-01-20", "approximate");
    online.tactics = {"smear_campaign", "digital_attack"};
    online.channels = {"social"};
    online.identifiers = {{"social", "@sample_account_123"}};
    online.narrative = "SAMPLE TEXT. An account created last week posts my photos with false claims.";
    online.narrative_language = "en";
    online.impacts = {"psychological", "self_censorship"};
    online.risk_level = "medium";
    out.push_back({online, "", false});

    return out;
}

SecretBuffer demo_passphrase() { return SecretBuffer::from_string(kDemoPassphrase); }

}  // namespace

std::filesystem::path default_demo_vault_dir() { return current_places().demo_dir; }  // places.cpp decides

bool is_demo_session(Session& session) { return IdentityService(session).own().name == kDemoIdentityName; }

std::unique_ptr<Session> open_demo_vault(const std::filesystem::path& dir, const KdfParams& params) {
    if (!Session::vault_exists(dir)) {
        // Built beside the final folder and renamed when complete, so a demo
        // interrupted half-way is started again rather than left half-filled.
        // The half-built folder holds only the sample data.
        const auto building = dir.parent_path() / (dir.filename().string() + ".building");
        std::filesystem::remove_all(building);
        std::filesystem::create_directories(dir.parent_path());
        // The demo passphrase is public; its recovery key is not needed.
        (void)Session::create(building, demo_passphrase(), kDemoIdentityName, params);
        {
            auto session = Session::open(building, demo_passphrase());
            ReportService reports(*session);
            for (const auto& sample : sample_reports()) {
                const auto id = reports.create(sample.content, sample.case_name);
                if (sample.final) reports.finalize(id);
            }
        }
        std::error_code ignored;
        std::filesystem::remove(dir, ignored);  // an empty folder left by an earlier attempt
        std::filesystem::rename(building, dir);
    }
    auto session = Session::open(dir, demo_passphrase());
    if (!is_demo_session(*session)) {
        throw Error(ErrorKind::Invalid, tr("the demo folder holds a vault that is not the demo vault"));
    }
    return session;
}

}  // namespace fv::core
