// The workspace's SQL schema as an ordered list of forward migrations. Migration N takes a
// file from user_version N-1 to N; a new schema version appends one entry, never edits one.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

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

// How the file's schema objects (tables, indexes, triggers, views) differ from those Liaison
// creates for `version`: an extra trigger, a view in place of a table, a table defined
// differently, a missing table or index ("" when none). Dropped triggers are not listed here:
// Store::verify reports them.
std::vector<std::string> schemaDifferences(sqlite3* db, int version);

}  // namespace liaison::core::schema
