// The activity journal: append-only, tamper-evident (each entry hashes its content and the
// previous entry's hash, SHA-256), written in the same transaction as the change it records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

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

// The canonical byte string an entry's hash covers (documented so others can re-check it):
// the tag "liaison-journal-1" followed by the fields seq, time, actor, action, entity,
// entity_id, summary, before, after, each as a netstring "<byte length>:<bytes>," (lengths
// and the integers seq, time and entity_id in plain decimal, '-' for negatives). Netstrings
// keep field boundaries unambiguous whatever the text holds. prev_hash and hash are excluded.
//   e.g. seq 1, time 1700000000, actor "ana", action "note", entity "", entity_id 0,
//   summary "hi", before "", after "" ->
//   "liaison-journal-1" "1:1,10:1700000000,3:ana,4:note,0:,1:0,2:hi,0:,0:,"
std::string journalCanonical(const JournalEntry& e);
// Lowercase hex SHA-256 of journalCanonical(e) followed by the 64 hex characters of
// e.prev_hash. The first entry's prev_hash is kGenesisHash.
std::string journalHash(const JournalEntry& e);

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct VerifyReport {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken_seq;  // the first entry that fails
  std::string problem;      // what is wrong, e.g. "hash mismatch: content edited"
  std::string integrity;    // SQLite integrity_check result ("ok" when fine)
};

}  // namespace liaison::core
