// The activity journal: append-only, tamper-evident (each entry hashes its content and the
// previous entry's hash, SHA-256), written in the same transaction as the change it records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"

namespace liaison::core {

struct JournalEntry {
  std::int64_t seq = 0;   // 1, 2, 3, ... with no gaps
  TimeUtc time = 0;       // UTC seconds
  std::string actor;      // who, e.g. "liaison@workstation-1" or "import"
  std::string action;     // "put", "remove", "note"
  std::string entity;     // toString(EntityKind) or "" for notes
  Id entity_id = 0;
  std::string summary;    // human text, e.g. "Added agency RFD (River City Fire Department)"
  std::string before;     // JSON of the entity before ("" when it did not exist)
  std::string after;      // JSON after ("" when removed)
  std::string prev_hash;  // hex; 64 zeros for the first entry
  std::string hash;       // hex SHA-256 over the canonical content and prev_hash
};

// The canonical byte string an entry's hash covers (documented so others can re-check it).
std::string journalCanonical(const JournalEntry& e);
std::string journalHash(const JournalEntry& e);  // hex SHA-256 of canonical + prev_hash

struct VerifyReport {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken_seq;  // the first entry that fails
  std::string problem;      // what is wrong, e.g. "hash mismatch: content edited"
  std::string integrity;    // SQLite integrity_check result ("ok" when fine)
};

}  // namespace liaison::core
