// The workspace store: one SQLite file per incident or exercise (extension .liaison) that is
// the single source of truth. WAL mode, foreign keys on, schema versioned with
// PRAGMA user_version and migrated forward. Files from a newer version, files that are not
// SQLite and corrupt files are refused with a StoreError and never modified.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model/command.hpp"
#include "core/model/errors.hpp"
#include "core/model/exercise.hpp"
#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"

struct sqlite3;

namespace liaison::core {

enum class OpenMode { ReadWrite, ReadOnly };

// The inside of one Store::transact() call: run commands and record changes that modules make
// to their own tables (the exercise's injects and clock, ...) in the same transaction, each
// with its own journal entry, so the journal can never disagree with those tables either.
class Transaction {
 public:
  virtual ~Transaction() = default;
  // As apply() would, inside this transaction; returns the ids it put.
  virtual std::vector<Id> run(const Command& command) = 0;
  // Appends a journal entry for a change made through handle(). entity names the kind of
  // record (e.g. "inject"); before/after are JSON or "".
  virtual void record(const std::string& action, const std::string& entity, Id id,
                      std::string summary, std::string before, std::string after) = 0;
  virtual sqlite3* handle() const = 0;
};

struct ApplyResult {
  std::uint64_t revision = 0;       // the workspace revision after the change
  std::vector<Id> ids;              // the ids of the entities put (allocated when id was 0)
  // The journal entries this change wrote, first..last (both 0 when it wrote none): one batch,
  // which undo (undo.hpp) reverts as a whole.
  std::int64_t first_seq = 0, last_seq = 0;
};

// What a station shows, read in one read transaction (Store::loadStation), so that a writer
// between the parts can never give a torn view (a journal longer than the snapshot, an
// exercise or a setting from a later revision).
struct StationRead {
  SnapshotPtr snapshot;
  std::vector<JournalEntry> journal_tail;  // the entries from StationReadOptions::journal_from
  ExerciseState exercise;                  // empty when the file has no exercise tables
  std::map<std::string, std::string> settings;  // the keys asked for that are set
};

struct StationReadOptions {
  std::int64_t journal_from = 1;      // the first journal entry wanted (the rest is held)
  std::vector<std::string> settings;  // workspace settings to read (e.g. the basemap's path)
  // Tests: called after each part ("snapshot", "journal", "exercise") inside the transaction.
  std::function<void(const char* part)> after_part;
};

class Store {
 public:
  static constexpr int kSchemaVersion = 6;

  // Create a new, empty workspace (fails if the file exists).
  static std::unique_ptr<Store> create(const std::filesystem::path& path);
  // Open an existing workspace; migrates an older schema forward (ReadWrite only).
  static std::unique_ptr<Store> open(const std::filesystem::path& path,
                                     OpenMode mode = OpenMode::ReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  bool readOnly() const { return m_mode == OpenMode::ReadOnly; }

  // Cheap: the revision counter, bumped by every applied command (another process's too).
  std::uint64_t revision() const;
  bool changedSince(std::uint64_t version) const { return revision() != version; }

  // Read everything into an immutable snapshot tagged with the revision.
  SnapshotPtr load() const;
  // The snapshot, the journal tail, the exercise and settings, in one read transaction.
  StationRead loadStation(const StationReadOptions& options = {}) const;

  // Apply one command, or several as one transaction (all or nothing). Each command appends
  // its journal entries in the same transaction. actor: who made the change.
  ApplyResult apply(const Command& command, const std::string& actor);
  ApplyResult apply(const std::vector<Command>& commands, const std::string& actor);

  // Runs body inside one transaction (all or nothing; bumps the revision once). For modules
  // that keep records outside the entity tables and journal them through Transaction::record.
  ApplyResult transact(const std::string& actor, const std::function<void(Transaction&)>& body);

  std::vector<JournalEntry> journal(std::int64_t from_seq = 1) const;
  std::int64_t journalLength() const;

  // Re-check the whole hash chain and SQLite's integrity_check; names the first broken entry.
  VerifyReport verify() const;

  // Workspace-level key/value settings (e.g. saved node positions, UI state).
  std::string setting(const std::string& key, const std::string& fallback = "") const;
  // Stores a setting. Not journaled and does not bump the revision (it is UI state, not
  // incident data). Throws StoreError on a read-only store.
  void setSetting(const std::string& key, const std::string& value);

  sqlite3* handle() const { return m_db; }  // for tests and migrations only

 private:
  struct Impl;  // statement cache, revision cache and the mutex that serialises calls
  Store(std::filesystem::path path, OpenMode mode, sqlite3* db);
  std::filesystem::path m_path;
  OpenMode m_mode;
  sqlite3* m_db = nullptr;
  std::unique_ptr<Impl> m_impl;
};

// The current UTC time in seconds (one place, so tests can reason about it).
TimeUtc nowUtc();

}  // namespace liaison::core
