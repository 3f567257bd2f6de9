#pragma once
// Helpers for the exchange tests: a vault that knows another as a contact, a
// report with every field (Chinese included), and a snapshot of everything a
// vault's database holds, to prove that a refused import changed nothing.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "fieldvault/core/export.h"
#include "fieldvault/storage/records.h"
#include "test_vault.h"

namespace fv::test {

// Adds `other` to `v`'s contacts under `name`.
void add_contact(TestVault& v, const std::string& name, const TestVault& other);

// Every field set; sensitive: relatives and place.
model::ReportContent chinese_report(const std::string& tag);

// Row count and a digest of every row of every table (and the audit chain).
std::map<std::string, std::string> database_snapshot(TestVault& v);

core::ExportRequest export_reports(const std::vector<std::string>& to, const std::vector<std::int64_t>& ids,
                                   const std::filesystem::path& out);

// Overwrite one byte / cut a copy of a file.
void flip_byte(const std::filesystem::path& file, std::uint64_t offset);
void truncate_copy(const std::filesystem::path& from, const std::filesystem::path& to, std::uint64_t size);

}  // namespace fv::test
