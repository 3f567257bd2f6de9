#pragma once
// Sources: the people and organisations whose signed bundles this vault has
// received. Each signer's key is a contact (recorded as "source-NNNNN-NNNNN"
// on first import); the organisation renames it, verifies it, or merges it
// into another contact (the same person with a new key, say). The name a
// sender chose to state in a bundle is kept apart and shown as what they
// say they are, never as a verified name.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/session.h"

namespace fv::core {

struct Source {
    std::int64_t contact_id = 0;
    std::string name;                       // the organisation's name for it (the contact's)
    std::string says;                       // the name stated in the newest bundle ("" if none)
    bool verified = false;                  // every key under this source is verified
    std::vector<std::string> fingerprints;  // its keys (more than one after a merge)
    std::vector<std::string> merged_names;  // contacts merged into this one
    std::int64_t first_seen = 0;            // first bundle received (this vault's clock)
    std::int64_t last_seen = 0;
    std::vector<std::string> bundle_ids;    // oldest first
    std::vector<std::int64_t> report_ids;   // ascending
};

// Every source, and which one each received report came from: for lists of
// many reports (one lookup each, no copy of a source per report).
struct SourceIndex {
    std::vector<Source> sources;                     // by name
    std::map<std::int64_t, std::size_t> of_report;   // report id -> index into sources; own reports absent
    const Source* find(std::int64_t report_id) const {
        const auto it = of_report.find(report_id);
        return it == of_report.end() ? nullptr : &sources[it->second];
    }
};

class SourceService {
public:
    explicit SourceService(Session& session) : session_(session) {}

    // Every source that sent at least one bundle, by name.
    std::vector<Source> list();
    // By the source's name or the name of a contact merged into it. Throws
    // fv::Error(NotFound) "no source named ...".
    Source get(std::string_view name);
    // Every source and the reports each sent, indexed by report.
    SourceIndex index();
    // The source a received report came from (nullopt for own reports).
    std::optional<Source> of_report(std::int64_t report_id);
    // Renames the contact behind a source (audited). Throws fv::Error(Invalid)
    // for a bad or taken name, NotFound for an unknown source.
    void rename(std::string_view name, std::string_view new_name);
    // `name` is the same person as contact `into` (audited): its bundles and
    // reports are listed under `into` from now on.
    void merge(std::string_view name, std::string_view into);

private:
    Session& session_;
};

}  // namespace fv::core
