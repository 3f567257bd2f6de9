// Test helper for the exchange screenshots: gives a vault made by
// fieldvault_gui_make_test_vault contacts and bundles. A sender vault is made
// in WORK/sender; it sends one bundle that the vault imports (a received
// report, audit entries) and leaves a second one at WORK/incoming.fvb for the
// import screen; the vault exports one report to the sender. The passphrase
// (both vaults) is the first line of standard input.
// Usage: fieldvault_gui_make_exchange_vault VAULT WORK
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "fieldvault/core/contacts.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/kdf.h"

namespace {

fv::core::ExportRequest bundle_to(const std::string& name, const std::filesystem::path& out) {
    fv::core::ExportRequest request;
    request.recipients = {name};
    request.scope = fv::core::ExportRequest::Scope::All;
    request.out = out;
    return request;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s VAULT WORK < passphrase\n", argv[0]);
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    const std::filesystem::path vault_dir = argv[1];
    const std::filesystem::path work = argv[2];
    try {
        using namespace fv::core;
        auto passphrase = fv::SecretBuffer::from_string(line);
        const auto params = fv::KdfParams::interactive();
        const auto sender = Session::create(work / "sender", passphrase, "Rotterdam support group", params);
        const auto other = Session::create(work / "other", passphrase, "Journalist", params);
        auto vault = Session::open(vault_dir, passphrase);
        auto from = Session::open(work / "sender", passphrase);

        ContactService(*vault).add("Rotterdam support group", sender.card);
        ContactService(*vault).verify("Rotterdam support group");
        ContactService(*vault).add("Journalist (Berlin)", other.card);
        ContactService(*from).add("Me", IdentityService(*vault).own().card);

        ReportContent first;
        first.title = "Man photographing the community centre";
        first.occurred_start = "2026-02-02";
        first.date_precision = "day";
        first.host_country = "NL";
        first.tactics = {"surveillance"};
        first.narrative = "A man photographed everyone leaving the Sunday meeting.";
        first.relatives = {{"brother", "Urumqi", "questioned", "local police", "he wrote to me"}};
        first.sensitive_fields = {"relatives"};
        ReportService(*from).create(first);
        ExportService(*from).export_bundle(bundle_to("Me", work / "earlier.fvb"));
        ImportService(*vault).import_bundle(work / "earlier.fvb");

        ReportContent second;
        second.title = "Calls to several members from a +86 number";
        second.occurred_start = "2026-03-01";
        second.date_precision = "day";
        second.tactics = {"harassment"};
        second.narrative = "Several members received the same call.";
        ReportService(*from).create(second);
        ExportService(*from).export_bundle(bundle_to("Me", work / "incoming.fvb"));

        auto request = bundle_to("Rotterdam support group", work / "sent.fvb");
        request.scope = ExportRequest::Scope::Reports;
        const auto received = received_report_signers(*vault);
        for (const auto& row : ReportService(*vault).list())
            if (!received.count(row.id) && request.report_ids.empty()) request.report_ids.push_back(row.id);
        ExportService(*vault).export_bundle(request);
        from->lock();
        vault->lock();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_exchange_vault: %s\n", e.what());
        return 1;
    }
    return 0;
}
