#include "fieldvault/core/sources.h"

#include <algorithm>
#include <map>

#include "contact_records.h"
#include "fieldvault/core/export_metadata.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/custody.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/received.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {

namespace {

// Every source, built from the received bundles and the contacts (a few
// hundred rows at most: computed, not stored).
std::vector<Source> build_sources(storage::Database& db) {
    const auto contacts = storage::ContactRepository(db).list();
    const auto merges = storage::CustodyRepository(db).merges();
    std::map<std::string, const storage::ContactRecord*> by_fingerprint;
    std::map<std::int64_t, const storage::ContactRecord*> by_id;
    for (const auto& c : contacts) {
        by_fingerprint.emplace(c.fingerprint, &c);
        by_id.emplace(c.id, &c);
    }
    auto shown_as = [&](const storage::ContactRecord* c) {
        const auto m = merges.find(c->id);
        if (m != merges.end() && by_id.count(m->second)) return by_id.at(m->second);
        return c;
    };
    storage::ReceivedRepository received(db);
    const auto signers = received.received_report_signers();
    std::map<std::int64_t, Source> sources;  // by the contact shown
    for (const auto& b : received.bundles()) {  // oldest first
        const auto found = by_fingerprint.find(b.signer_fingerprint);
        if (found == by_fingerprint.end()) continue;  // its contact was removed
        const auto* shown = shown_as(found->second);
        auto& s = sources[shown->id];
        if (s.contact_id == 0) {
            s.contact_id = shown->id;
            s.name = shown->name;
            s.first_seen = b.received_at;
            s.verified = true;
        }
        s.last_seen = std::max(s.last_seen, b.received_at);
        s.bundle_ids.push_back(b.bundle_id);
        const auto stated = decode_export_metadata(b.metadata).metadata.sender_name;
        if (!stated.empty()) s.says = stated;
        if (std::find(s.fingerprints.begin(), s.fingerprints.end(), b.signer_fingerprint) == s.fingerprints.end()) {
            s.fingerprints.push_back(b.signer_fingerprint);
            s.verified = s.verified && found->second->verified;
            if (found->second != shown) s.merged_names.push_back(found->second->name);
        }
    }
    for (const auto& [report, fingerprint] : signers) {
        const auto found = by_fingerprint.find(fingerprint);
        if (found == by_fingerprint.end()) continue;
        auto it = sources.find(shown_as(found->second)->id);
        if (it != sources.end()) it->second.report_ids.push_back(report);
    }
    std::vector<Source> out;
    for (auto& [id, s] : sources) {
        std::sort(s.report_ids.begin(), s.report_ids.end());
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) { return a.name < b.name; });
    return out;
}

Source find_source(storage::Database& db, std::string_view name) {
    for (auto& s : build_sources(db)) {
        if (s.name == name ||
            std::find(s.merged_names.begin(), s.merged_names.end(), name) != s.merged_names.end())
            return s;
    }
    throw Error(ErrorKind::NotFound, tr_args("no source named '{1}' (see: source list)", {name}));
}

}  // namespace

std::vector<Source> SourceService::list() { return build_sources(session_.db()); }

Source SourceService::get(std::string_view name) { return find_source(session_.db(), name); }

SourceIndex SourceService::index() {
    SourceIndex index;
    index.sources = build_sources(session_.db());
    for (std::size_t i = 0; i < index.sources.size(); ++i)
        for (const auto id : index.sources[i].report_ids) index.of_report.emplace(id, i);
    return index;
}

std::optional<Source> SourceService::of_report(std::int64_t report_id) {
    for (auto& s : build_sources(session_.db())) {
        if (std::binary_search(s.report_ids.begin(), s.report_ids.end(), report_id)) return s;
    }
    return std::nullopt;
}

void SourceService::rename(std::string_view name, std::string_view new_name) {
    validate_contact_name(new_name);
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto source = find_source(db, name);
    storage::ContactRepository contacts(db);
    if (contacts.find_by_name(new_name))
        throw Error(ErrorKind::Invalid, tr_args("a contact named '{1}' already exists", {new_name}));
    contacts.rename(source.contact_id, new_name);
    storage::AuditLog(db).append("contact_rename", "contact:" + std::to_string(source.contact_id),
                                 "source renamed", now_seconds());
    tx.commit();
}

void SourceService::merge(std::string_view name, std::string_view into) {
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto source = find_source(db, name);
    const auto target = storage::ContactRepository(db).find_by_name(into);
    if (!target) throw Error(ErrorKind::NotFound, tr_args("no contact named '{1}'", {into}));
    storage::CustodyRepository(db).merge(source.contact_id, target->id);
    storage::AuditLog(db).append("source_merge", "contact:" + std::to_string(source.contact_id),
                                 "shown as contact:" + std::to_string(target->id), now_seconds());
    tx.commit();
}

}  // namespace fv::core
