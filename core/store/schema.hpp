// The workspace's SQL schema as an ordered list of forward migrations. Migration N takes a
// file from user_version N-1 to N; a new schema version appends one entry, never edits one.
#pragma once

#include <cstdint>
#include <span>

struct sqlite3;

namespace liaison::core::schema {

struct Migration {
  int to_version;   // PRAGMA user_version after it ran
  const char* sql;  // run inside one transaction
};

// 'LIAI': marks the file as a Liaison workspace (PRAGMA application_id), set by migration 1.
constexpr std::int32_t kApplicationId = 0x4C494149;

std::span<const Migration> migrations();
int latestVersion();  // == Store::kSchemaVersion

// Runs every migration above the file's user_version, each in its own transaction.
// The caller has checked that the file is not newer than latestVersion().
void migrate(sqlite3* db);

}  // namespace liaison::core::schema
