#include "core/store/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/model/entity_json.hpp"
#include "core/model/enums.hpp"
#include "core/model/journal_summary.hpp"
#include "core/model/public_info.hpp"
#include "core/model/references.hpp"
#include "core/store/exercise_store.hpp"
#include "core/store/local_filesystem.hpp"
#include "core/store/schema.hpp"
#include "core/store/sqlite_util.hpp"
#include "core/store/store_rows.hpp"
#include "core/store/store_validate.hpp"

namespace liaison::core {

namespace fs = std::filesystem;

TimeUtc nowUtc() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

struct Store::Impl {
  explicit Impl(sqlite3* db) : rows(db) {}
  std::mutex mutex;
  StoreRows rows;
  std::int64_t dataVersion = -1;  // PRAGMA data_version when `revision` was read
  std::uint64_t revision = 0;
};

namespace {

constexpr int kBusyTimeoutMs = 5000;

std::string quoted(const fs::path& p) {
  return "\"" + p.string() + "\"";
}

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

DbPtr openDb(const fs::path& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK)
    throw StoreError("cannot open workspace " + quoted(path) + ": " +
                     (raw ? sqlite3_errmsg(raw) : "out of memory"));
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

std::uint32_t bigEndian32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
         std::uint32_t(p[3]);
}

// Checks the file's bytes before SQLite sees it: exists, is an SQLite 3 database, and is not
// shorter than its header says (truncated). Never writes.
void checkFileHeader(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw StoreError("cannot open workspace " + quoted(path) + ": no such file");
  if (!fs::is_regular_file(path, ec))
    throw StoreError("cannot open workspace " + quoted(path) + ": not a regular file");
  const auto size = fs::file_size(path, ec);
  if (ec) throw StoreError("cannot open workspace " + quoted(path) + ": " + ec.message());
  if (size == 0) return;  // an empty file is an empty SQLite database (schema 0)
  unsigned char header[100] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(header), sizeof header);
  const auto got = static_cast<std::size_t>(in.gcount());
  if (got < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
    throw StoreError(quoted(path) +
                     " is not a Liaison workspace: it is not an SQLite database. The file was "
                     "not changed.");
  if (got < sizeof header)
    throw StoreError(quoted(path) +
                     " is corrupt: the file is truncated inside its header. The file was not "
                     "changed.");
  // Page size (1 means 65536) and the in-header page count, valid when the change counter
  // matches the version-valid-for number. Skipped while a WAL file may hold newer pages.
  std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
  if (pageSize == 1) pageSize = 65536;
  const std::uint32_t pages = bigEndian32(header + 28);
  const bool countValid = bigEndian32(header + 24) == bigEndian32(header + 92);
  const fs::path wal = path.string() + "-wal";
  const bool walHasData = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
  if (countValid && !walHasData && pages > 0 &&
      static_cast<std::uintmax_t>(pages) * pageSize > size)
    throw StoreError(quoted(path) + " is corrupt: the file is truncated (" + std::to_string(size) +
                     " bytes, its header says " + std::to_string(std::uintmax_t(pages) * pageSize) +
                     "). The file was not changed.");
}

int userVersion(sqlite3* db) {
  sql::Stmt st(db, "PRAGMA user_version");
  st.step();
  return st.i32(0);
}

// Opens the file read-only and checks that it is a healthy workspace this build can read.
// Returns the schema version found. Throws without writing anything.
int probe(sqlite3* db, const fs::path& path) {
  const std::string notChanged = " The file was not changed.";
  int version = 0;
  try {
    version = userVersion(db);
  } catch (const StoreError& e) {
    throw StoreError(quoted(path) + " is corrupt or not a workspace (" + e.what() + ")." +
                     notChanged);
  }
  if (version > Store::kSchemaVersion)
    throw StoreError(quoted(path) + " was written by a newer Liaison (schema " +
                     std::to_string(version) + "; this build reads up to " +
                     std::to_string(Store::kSchemaVersion) + "). Open it with a newer Liaison." +
                     notChanged);
  try {
    sql::Stmt check(db, "PRAGMA quick_check");
    std::string result;
    while (check.step()) {
      if (!result.empty()) result += "; ";
      result += check.text(0);
      if (result.size() > 300) break;
    }
    if (result != "ok") throw StoreError(result);
    if (version == 0) {
      sql::Stmt tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
      std::string names;
      while (tables.step()) names += (names.empty() ? "" : ", ") + tables.text(0);
      if (!names.empty())
        throw StoreError("!it is an SQLite database with other tables (" + names + ")");
    } else {
      sql::Stmt app(db, "PRAGMA application_id");
      app.step();
      if (app.i64(0) != schema::kApplicationId)
        throw StoreError("!it is an SQLite database from another application (application_id " +
                         std::to_string(app.i64(0)) + ")");
      // Only files whose schema is exactly Liaison's: an extra trigger could rewrite what is
      // recorded behind the journal's back, a view in place of a table could hang every reader.
      const std::vector<std::string> diff = schema::schemaDifferences(db, version);
      if (!diff.empty()) {
        std::string list;
        for (std::size_t i = 0; i < diff.size() && i < 8; ++i)
          list += (i ? "; " : "") + diff[i];
        if (diff.size() > 8) list += "; and " + std::to_string(diff.size() - 8) + " more";
        throw StoreError("!its schema was changed outside Liaison (" + list +
                         "); refusing to read it, since such a change can alter what is shown "
                         "or recorded");
      }
    }
  } catch (const StoreError& e) {
    std::string what = e.what();
    if (!what.empty() && what[0] == '!')
      throw StoreError(quoted(path) + " is not a Liaison workspace: " + what.substr(1) + "." +
                       notChanged);
    throw StoreError(quoted(path) + " is corrupt: " + what + "." + notChanged);
  }
  return version;
}

void configureWritable(sqlite3* db, const fs::path& path) {
  sql::Stmt wal(db, "PRAGMA journal_mode = WAL");
  wal.step();
  if (wal.text(0) != "wal")
    throw StoreError("cannot switch workspace " + quoted(path) + " to WAL mode (got " +
                     wal.text(0) + ")");
  sql::exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}

std::string metaValue(StoreRows& rows, const char* key) {
  sql::Stmt& st = rows.stmt("SELECT value FROM meta WHERE key = ?");
  st.bind(1, key);
  std::string v = st.step() ? st.text(0) : std::string();
  st.reset();
  return v;
}

void setMeta(StoreRows& rows, const char* key, const std::string& value) {
  rows.stmt(
          "INSERT INTO meta (key, value) VALUES (?, ?) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

std::uint64_t readRevision(StoreRows& rows) {
  const std::string v = metaValue(rows, "revision");
  return v.empty() ? 0 : std::stoull(v);
}

std::int64_t dataVersion(StoreRows& rows) {
  sql::Stmt& st = rows.stmt("PRAGMA data_version");
  st.step();
  std::int64_t v = st.i64(0);
  st.reset();
  return v;
}

// A read transaction, rolled back on exit (reads only).
class ReadTxn {
 public:
  explicit ReadTxn(sqlite3* db) : m_db(db) { sql::exec(db, "BEGIN"); }
  ~ReadTxn() { sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr); }
  ReadTxn(const ReadTxn&) = delete;
  ReadTxn& operator=(const ReadTxn&) = delete;

 private:
  sqlite3* m_db;
};

constexpr const char* kJournalColumns =
    "SELECT seq, time, actor, action, entity, entity_id, summary, before, after, prev_hash, hash "
    "FROM journal WHERE seq >= ? ORDER BY seq";

JournalEntry readJournalRow(const sql::Stmt& st) {
  JournalEntry e;
  e.seq = st.i64(0);
  e.time = st.i64(1);
  e.actor = st.text(2);
  e.action = st.text(3);
  e.entity = st.text(4);
  e.entity_id = st.i64(5);
  e.summary = st.text(6);
  e.before = st.text(7);
  e.after = st.text(8);
  e.prev_hash = st.text(9);
  e.hash = st.text(10);
  return e;
}

void setId(Entity& e, Id id) {
  std::visit([id](auto& v) { v.id = id; }, e);
}

// State of one apply() call: the transaction's journal tail and what it produced.
class Applier final : public Transaction {
 public:
  Applier(StoreRows& rows, std::string actor, sqlite3* db = nullptr)
      : m_rows(rows), m_actor(std::move(actor)), m_db(db) {
    if (m_actor.empty()) m_actor = "unknown";
    // The chain continues from the head the workspace recorded with its last write, never from
    // whatever the journal ends with now: entries deleted from the end, or a forged entry
    // appended, would otherwise be absorbed by the next ordinary write. A tail that does not
    // match the head refuses the write (nothing is written) and says why.
    const std::string headSeqText = metaValue(rows, "journal_head_seq");
    const std::string headHash = metaValue(rows, "journal_head_hash");
    std::int64_t headSeq = -1;
    try {
      headSeq = headSeqText.empty() ? -1 : std::stoll(headSeqText);
    } catch (const std::exception&) {
      headSeq = -1;
    }
    if (headSeq < 0 || headHash.size() != std::string_view(kGenesisHash).size())
      throw StoreError(
          "the workspace's record of its journal head is missing or damaged (meta "
          "journal_head_seq '" +
          headSeqText + "'): it was changed outside Liaison; nothing was written. Run liaison "
                        "verify WORKSPACE to see what else changed");
    std::int64_t tailSeq = 0;
    std::string tailHash = kGenesisHash;
    sql::Stmt& last = rows.stmt("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (last.step()) {
      tailSeq = last.i64(0);
      tailHash = last.text(1);
    }
    last.reset();
    if (tailSeq != headSeq || (headSeq > 0 && tailHash != headHash)) {
      const std::string what =
          tailSeq < headSeq   ? "entries " + std::to_string(tailSeq + 1) + " to " +
                                  std::to_string(headSeq) + " were deleted from its end"
          : tailSeq > headSeq ? "entries after " + std::to_string(headSeq) +
                                    " were added outside Liaison"
                              : "its last entry was replaced";
      throw StoreError("the activity journal does not end where this workspace recorded it (entry " +
                       std::to_string(headSeq) + "; the journal now ends at entry " +
                       std::to_string(tailSeq) + "): " + what +
                       ". Nothing was written; run liaison verify WORKSPACE");
    }
    m_seq = headSeq;
    m_prevHash = headSeq == 0 ? std::string(kGenesisHash) : headHash;
    m_startSeq = m_seq;
  }

  // The journal entries written so far (0, 0 when none).
  std::int64_t firstSeq() const { return m_seq > m_startSeq ? m_startSeq + 1 : 0; }
  std::int64_t lastSeq() const { return m_seq > m_startSeq ? m_seq : 0; }

  std::vector<Id> run(const Command& c) override {
    const std::size_t first = ids.size();
    std::visit([this](const auto& op) { apply(op); }, c.op);
    return std::vector<Id>(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end());
  }

  void record(const std::string& action, const std::string& entity, Id id, std::string summary,
              std::string before, std::string after) override {
    journalEntry(action.c_str(), entity, id, std::move(summary), std::move(before),
                 std::move(after));
  }

  sqlite3* handle() const override { return m_db; }

  void finish() {
    for (const auto& [kind, id] : m_put) {
      std::optional<Entity> e = m_rows.read(kind, id);
      if (e) validateDeferredReferences(m_rows, *e);
    }
    setMeta(m_rows, "journal_head_seq", std::to_string(m_seq));
    setMeta(m_rows, "journal_head_hash", m_prevHash);
  }

  std::vector<Id> ids;

 private:
  void apply(const PutEntity& put) {
    Entity e = put.value;
    const EntityKind kind = kindOf(e);
    Id id = idOf(e);
    if (id < 0)
      throw ValidationError(kindLabel(kind) + " " + entityLabel(e) +
                            ": id is negative; use 0 to allocate one, or a positive id");
    if (id == 0) {
      id = m_rows.nextId(kind);
      setId(e, id);
    }
    std::optional<Entity> before = m_rows.read(kind, id);
    // The workflow of public information first: a step it refuses is named as such.
    if (const auto* item = std::get_if<PublicItem>(&e)) {
      const std::string problem =
          publicChangeProblem(before ? std::get_if<PublicItem>(&*before) : nullptr, *item);
      if (!problem.empty()) throw ValidationError(problem);
    }
    validateEntity(m_rows, e);
    if (before) stampTaskHistory(*before, e);
    ids.push_back(id);
    if (hasDeferredReferences(kind)) m_put.emplace_back(kind, id);
    if (before && *before == e) return;  // nothing changed, nothing to record
    m_rows.write(e);
    const std::string afterJson = entityToJson(e);
    if (before) {
      const std::string beforeJson = entityToJson(*before);
      journal("put", kind, id, summaryChanged(e, beforeJson, afterJson), beforeJson, afterJson);
    } else {
      journal("put", kind, id, summaryAdded(e), "", afterJson);
    }
  }

  // A task's history (started, blocked, done times) follows its status: a change of status
  // that does not set its own time is stamped with the transaction's time, whoever makes it.
  void stampTaskHistory(const Entity& before, Entity& after) {
    const Task* b = std::get_if<Task>(&before);
    Task* a = std::get_if<Task>(&after);
    if (!b || !a || a->status == b->status) return;
    auto stamp = [&](std::optional<TimeUtc> Task::*field) {
      if (a->*field == b->*field) a->*field = m_time;
    };
    switch (a->status) {
      case TaskStatus::Doing: stamp(&Task::started_at); break;
      case TaskStatus::Blocked: stamp(&Task::blocked_at); break;
      case TaskStatus::Done: stamp(&Task::done_at); break;
      case TaskStatus::Todo: break;
    }
  }

  void apply(const RemoveEntity& r) { remove(r.kind, r.id, ""); }

  void apply(const LogNote& n) {
    bool blank = n.text.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) throw ValidationError("note: text is empty; a log note needs some text");
    journal("note", std::nullopt, 0, n.text, "", "");
  }

  void remove(EntityKind kind, Id id, const std::string& cause) {
    std::optional<Entity> before = m_rows.read(kind, id);
    if (!before)
      throw ValidationError("cannot remove " + kindLabel(kind) + " " + std::to_string(id) +
                            ": there is no " + kindLabel(kind) + " with that id");
    if (const auto* item = std::get_if<PublicItem>(&*before)) {
      const std::string problem = publicRemoveProblem(*item);
      if (!problem.empty()) throw ValidationError(problem);
    }
    const std::string self = "with " + kindLabel(kind) + " " + entityLabel(*before);
    cascade(kind, id, self);
    m_rows.erase(kind, id);
    journal("remove", kind, id, summaryRemoved(*before, cause), entityToJson(*before), "");
  }

  // What goes with an entity, or stops pointing at it, when it is removed: the field tables
  // say which references take the referrer with them and which are only cleared.
  void cascade(EntityKind kind, Id id, const std::string& cause) {
    for (const StoreRows::Referrer& r : m_rows.referrers(kind, id)) {
      if (r.remove) {
        if (m_rows.exists(r.kind, r.id)) remove(r.kind, r.id, cause);
      } else {
        detach(r.kind, r.id, [&](Entity& e) { detachReference(e, kind, id); }, cause);
      }
    }
  }

  void detach(EntityKind kind, Id id, const std::function<void(Entity&)>& edit,
              const std::string& cause) {
    std::optional<Entity> before = m_rows.read(kind, id);
    if (!before) return;
    Entity after = *before;
    edit(after);
    if (after == *before) return;
    m_rows.write(after);
    const std::string beforeJson = entityToJson(*before), afterJson = entityToJson(after);
    journal("put", kind, id,
            summaryChanged(after, beforeJson, afterJson) + " (" + cause + " removed)", beforeJson,
            afterJson);
  }

  void journal(const char* action, std::optional<EntityKind> kind, Id id, std::string summary,
               std::string before, std::string after) {
    journalEntry(action, kind ? std::string(toString(*kind)) : std::string(), id,
                 std::move(summary), std::move(before), std::move(after));
  }

  void journalEntry(const char* action, std::string entity, Id id, std::string summary,
                    std::string before, std::string after) {
    JournalEntry e;
    e.seq = m_seq + 1;
    e.time = m_time;
    e.actor = m_actor;
    e.action = action;
    e.entity = std::move(entity);
    e.entity_id = id;
    e.summary = std::move(summary);
    e.before = std::move(before);
    e.after = std::move(after);
    e.prev_hash = m_prevHash;
    e.hash = journalHash(e);
    sql::Stmt& st = m_rows.stmt(
        "INSERT INTO journal (seq, time, actor, action, entity, entity_id, summary, before, "
        "after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, e.seq).bind(2, e.time).bind(3, e.actor).bind(4, e.action).bind(5, e.entity);
    st.bind(6, e.entity_id).bind(7, e.summary).bind(8, e.before).bind(9, e.after);
    st.bind(10, e.prev_hash).bind(11, e.hash).run();
    m_seq = e.seq;
    m_prevHash = e.hash;
  }

  StoreRows& m_rows;
  std::string m_actor;
  sqlite3* m_db;
  TimeUtc m_time = nowUtc();
  std::int64_t m_seq = 0;
  std::int64_t m_startSeq = 0;
  std::string m_prevHash;
  // Every entity put: references to their own kind (a task's dependencies, infrastructure
  // that depends on other infrastructure) are checked when the batch is complete.
  std::vector<std::pair<EntityKind, Id>> m_put;
};

}  // namespace

Store::Store(fs::path path, OpenMode mode, sqlite3* db)
    : m_path(std::move(path)), m_mode(mode), m_db(db), m_impl(std::make_unique<Impl>(db)) {}

Store::~Store() {
  m_impl.reset();  // finalize cached statements before closing
  sqlite3_close_v2(m_db);
}

std::unique_ptr<Store> Store::create(const fs::path& path) {
  std::error_code ec;
  if (fs::exists(path, ec))
    throw StoreError("cannot create workspace " + quoted(path) + ": the file already exists");
  requireLocalFilesystem(path, "create");
  // Owner-only from the first byte (a workspace holds private contact numbers): an empty file
  // created 0600 is a valid new database, and SQLite gives its -wal and -shm the same mode.
  {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
      throw StoreError("cannot create workspace " + quoted(path) + ": " + std::strerror(errno));
    ::close(fd);
  }
  DbPtr db = openDb(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  configureWritable(db.get(), path);
  schema::migrate(db.get());
  return std::unique_ptr<Store>(new Store(path, OpenMode::ReadWrite, db.release()));
}

std::unique_ptr<Store> Store::open(const fs::path& path, OpenMode mode) {
  checkFileHeader(path);
  if (mode == OpenMode::ReadWrite) requireLocalFilesystem(path, "open for writing");
  int version = 0;
  {
    // A read-only connection to a WAL-mode file may create empty -wal and -shm files; when
    // the file is refused, take away the ones this probe created so nothing is left behind.
    const fs::path wal = path.string() + "-wal", shm = path.string() + "-shm";
    std::error_code ec;
    const bool hadWal = fs::exists(wal, ec), hadShm = fs::exists(shm, ec);
    DbPtr ro = openDb(path, SQLITE_OPEN_READONLY);
    try {
      version = probe(ro.get(), path);
    } catch (...) {
      ro.reset();
      if (!hadWal && fs::exists(wal, ec) && fs::file_size(wal, ec) == 0) fs::remove(wal, ec);
      if (!hadShm && !fs::exists(wal, ec)) fs::remove(shm, ec);
      throw;
    }
    if (mode == OpenMode::ReadOnly) {
      if (version < kSchemaVersion)
        throw StoreError(quoted(path) + " uses workspace schema " + std::to_string(version) +
                         "; open it once read-write to upgrade it to schema " +
                         std::to_string(kSchemaVersion) + " before following it read-only");
      return std::unique_ptr<Store>(new Store(path, mode, ro.release()));
    }
  }
  DbPtr db = openDb(path, SQLITE_OPEN_READWRITE);
  configureWritable(db.get(), path);
  if (version < kSchemaVersion) schema::migrate(db.get());
  return std::unique_ptr<Store>(new Store(path, mode, db.release()));
}

std::uint64_t Store::revision() const {
  std::lock_guard lock(m_impl->mutex);
  const std::int64_t dv = dataVersion(m_impl->rows);
  if (dv != m_impl->dataVersion) {
    m_impl->revision = readRevision(m_impl->rows);
    m_impl->dataVersion = dv;
  }
  return m_impl->revision;
}

namespace {

// Inside a read transaction.
SnapshotPtr readSnapshot(StoreRows& rows, const fs::path& path) {
  auto snap = std::make_shared<Snapshot>();
  snap->path = path.string();
  snap->version = readRevision(rows);
  sql::Stmt& len = rows.stmt("SELECT COALESCE(MAX(seq), 0) FROM journal");
  len.step();
  snap->journal_length = static_cast<std::uint64_t>(len.i64(0));
  len.reset();
  rows.loadAll(*snap);
  return snap;
}

std::vector<JournalEntry> readJournal(StoreRows& rows, std::int64_t from_seq) {
  sql::Stmt& st = rows.stmt(kJournalColumns);
  st.bind(1, from_seq);
  std::vector<JournalEntry> out;
  while (st.step()) out.push_back(readJournalRow(st));
  st.reset();
  return out;
}

}  // namespace

SnapshotPtr Store::load() const {
  std::lock_guard lock(m_impl->mutex);
  ReadTxn txn(m_db);
  return readSnapshot(m_impl->rows, m_path);
}

StationRead Store::loadStation(const StationReadOptions& options) const {
  std::lock_guard lock(m_impl->mutex);
  const auto part = [&](const char* name) {
    if (options.after_part) options.after_part(name);
  };
  StationRead out;
  ReadTxn txn(m_db);  // one read transaction: every part sees the same revision
  out.snapshot = readSnapshot(m_impl->rows, m_path);
  part("snapshot");
  out.journal_tail = readJournal(m_impl->rows, options.journal_from);
  part("journal");
  try {
    out.exercise = loadExercise(*this);
  } catch (const StoreError&) {
    out.exercise = {};  // an older schema opened read-only has no exercise tables
  }
  part("exercise");
  sql::Stmt& st = m_impl->rows.stmt("SELECT value FROM settings WHERE key = ?");
  for (const std::string& key : options.settings) {
    st.bind(1, key);
    if (st.step()) out.settings[key] = st.text(0);
    st.reset();
  }
  return out;
}

ApplyResult Store::apply(const Command& command, const std::string& actor) {
  return apply(std::vector<Command>{command}, actor);
}

ApplyResult Store::apply(const std::vector<Command>& commands, const std::string& actor) {
  if (readOnly())
    throw StoreError("workspace " + quoted(m_path) +
                     " is open read-only; changes must come from the process that writes it");
  if (commands.empty()) return ApplyResult{revision(), {}, 0, 0};
  std::lock_guard lock(m_impl->mutex);
  sql::exec(m_db, "BEGIN IMMEDIATE");
  try {
    Applier applier(m_impl->rows, actor);
    for (const Command& c : commands) applier.run(c);
    applier.finish();
    const std::uint64_t revision = readRevision(m_impl->rows) + 1;
    setMeta(m_impl->rows, "revision", std::to_string(revision));
    sql::exec(m_db, "COMMIT");
    m_impl->revision = revision;
    return ApplyResult{revision, std::move(applier.ids), applier.firstSeq(), applier.lastSeq()};
  } catch (...) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

ApplyResult Store::transact(const std::string& actor,
                            const std::function<void(Transaction&)>& body) {
  if (readOnly())
    throw StoreError("workspace " + quoted(m_path) +
                     " is open read-only; changes must come from the process that writes it");
  std::lock_guard lock(m_impl->mutex);
  sql::exec(m_db, "BEGIN IMMEDIATE");
  try {
    Applier applier(m_impl->rows, actor, m_db);
    body(applier);
    applier.finish();
    const std::uint64_t revision = readRevision(m_impl->rows) + 1;
    setMeta(m_impl->rows, "revision", std::to_string(revision));
    sql::exec(m_db, "COMMIT");
    m_impl->revision = revision;
    return ApplyResult{revision, std::move(applier.ids), applier.firstSeq(), applier.lastSeq()};
  } catch (...) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<JournalEntry> Store::journal(std::int64_t from_seq) const {
  std::lock_guard lock(m_impl->mutex);
  return readJournal(m_impl->rows, from_seq);
}

std::int64_t Store::journalLength() const {
  std::lock_guard lock(m_impl->mutex);
  sql::Stmt& st = m_impl->rows.stmt("SELECT COALESCE(MAX(seq), 0) FROM journal");
  st.step();
  std::int64_t n = st.i64(0);
  st.reset();
  return n;
}

namespace {

struct DataProblem {
  std::int64_t seq = 0;  // the entry that last wrote the row (0: none did)
  std::string text;
};

// The first top-level member whose value differs between two JSON objects ("" when equal).
std::string firstDifference(const std::string& a, const std::string& b) {
  const auto ja = nlohmann::json::parse(a, nullptr, false);
  const auto jb = nlohmann::json::parse(b, nullptr, false);
  if (ja.is_discarded() || jb.is_discarded() || !ja.is_object() || !jb.is_object())
    return ja == jb ? "" : "its content";
  for (auto it = ja.begin(); it != ja.end(); ++it)
    if (!jb.contains(it.key()) || jb.at(it.key()) != it.value()) return it.key();
  for (auto it = jb.begin(); it != jb.end(); ++it)
    if (!ja.contains(it.key())) return it.key();
  return "";
}

using Images = std::map<std::pair<std::string, Id>, std::pair<std::int64_t, std::string>>;

template <std::size_t I = 0, class F>
void forEachEntity(const Snapshot& s, F&& f) {
  if constexpr (I < std::variant_size_v<Entity>) {
    using T = std::variant_alternative_t<I, Entity>;
    for (const T& x : s.all<T>()) f(Entity{x});
    forEachEntity<I + 1>(s, f);
  }
}

std::optional<DataProblem> compareDataWithJournal(StoreRows& rows, const Store& store,
                                                  const fs::path& path, const Images& images) {
  const SnapshotPtr snap = readSnapshot(rows, path);
  std::optional<DataProblem> found;
  auto note = [&](std::int64_t seq, std::string text) {
    if (!found) found = DataProblem{seq, std::move(text)};
  };
  auto label = [](const std::string& kind, Id id) { return kind + " " + std::to_string(id); };
  // Every row of the data tables against its last image.
  std::set<std::pair<std::string, Id>> present;
  forEachEntity(*snap, [&](const Entity& e) {
    if (found) return;
    const std::string kind(toString(kindOf(e)));
    const Id id = idOf(e);
    present.insert({kind, id});
    const auto it = images.find({kind, id});
    if (it == images.end()) {
      note(0, label(kind, id) + " (" + entityLabel(e) +
                  ") is in the data but no journal entry wrote it: it was added outside Liaison");
      return;
    }
    const auto& [seq, after] = it->second;
    if (after.empty()) {
      note(seq, label(kind, id) + " (" + entityLabel(e) + ") was removed by journal entry " +
                    std::to_string(seq) + " but is in the data: it was put back outside Liaison");
      return;
    }
    Entity journaled;
    try {
      journaled = entityFromJson(kindOf(e), after);
    } catch (const std::exception& ex) {
      note(seq, "journal entry " + std::to_string(seq) + " cannot be read back as " +
                    label(kind, id) + ": " + ex.what());
      return;
    }
    if (!(journaled == e))
      note(seq, label(kind, id) + " (" + entityLabel(e) + ") differs from journal entry " +
                    std::to_string(seq) + " that last wrote it (" +
                    firstDifference(entityToJson(journaled), entityToJson(e)) +
                    "): the data was changed outside Liaison");
  });
  // Rows the journal wrote and never removed must still be there.
  for (const auto& [key, image] : images) {
    if (found) break;
    if (!parseEnum<EntityKind>(key.first) || image.second.empty() || present.count(key)) continue;
    note(image.first, label(key.first, key.second) + " was written by journal entry " +
                          std::to_string(image.first) +
                          " but is missing from the data: its row was deleted outside Liaison");
  }
  if (found) return found;
  // The exercise's records (MSEL, inject states, clock, observations) likewise.
  ExerciseState ex;
  try {
    ex = loadExercise(store);
  } catch (const StoreError&) {
    return std::nullopt;  // an older schema without exercise tables
  }
  auto compare = [&](const char* kind, Id id, const std::string& now) {
    if (found) return;
    const auto it = images.find({kind, id});
    if (it == images.end()) {
      note(0, label(kind, id) + " is in the data but no journal entry wrote it: it was added "
                                "outside Liaison");
      return;
    }
    const std::string diff = firstDifference(it->second.second, now);
    if (!diff.empty())
      note(it->second.first, label(kind, id) + " differs from journal entry " +
                                 std::to_string(it->second.first) + " that last wrote it (" +
                                 diff + "): the data was changed outside Liaison");
  };
  for (const Inject& i : ex.injects) compare("inject", i.id, injectJson(i));
  for (const InjectStatus& st : ex.statuses)
    if (images.count({"inject_state", st.inject})) compare("inject_state", st.inject,
                                                           injectStatusJson(st));
  if (images.count({"exercise_clock", 1})) compare("exercise_clock", 1, clockJson(ex.clock));
  for (const Observation& o : ex.observations) compare("observation", o.id, observationJson(o));
  return found;
}

}  // namespace

VerifyReport Store::verify() const {
  std::lock_guard lock(m_impl->mutex);
  VerifyReport report;
  ReadTxn txn(m_db);
  {
    sql::Stmt check(m_db, "PRAGMA integrity_check");
    while (check.step()) {
      if (!report.integrity.empty()) report.integrity += "; ";
      report.integrity += check.text(0);
    }
  }
  auto broken = [&](std::int64_t seq, std::string problem) {
    report.ok = false;
    report.first_broken_seq = seq;
    report.problem = std::move(problem);
  };
  // The last after-image the journal wrote for every (entity, id): what the data must be.
  std::map<std::pair<std::string, Id>, std::pair<std::int64_t, std::string>> lastImage;
  sql::Stmt& st = m_impl->rows.stmt(kJournalColumns);
  st.bind(1, std::numeric_limits<std::int64_t>::min());
  std::int64_t expected = 1;
  std::string prev = kGenesisHash;
  while (st.step()) {
    JournalEntry e = readJournalRow(st);
    ++report.entries;
    const std::string n = std::to_string(e.seq);
    if (e.seq < expected) {
      broken(e.seq, "entry " + n + " should not exist: the journal starts at 1 (inserted entry)");
      break;
    }
    if (e.seq > expected) {
      broken(expected, "entry " + std::to_string(expected) + " is missing: the next entry is " + n +
                           " (deleted entry or gap)");
      break;
    }
    if (journalHash(e) != e.hash) {
      broken(e.seq, "entry " + n +
                        " does not match its hash: its content was edited after it was written");
      break;
    }
    if (e.prev_hash != prev) {
      broken(e.seq, "entry " + n + " does not link to entry " + std::to_string(e.seq - 1) +
                        " (prev_hash differs): an entry was inserted, replaced or re-hashed");
      break;
    }
    prev = e.hash;
    ++expected;
    if (e.action == "put" || e.action == "remove")
      lastImage[{e.entity, e.entity_id}] = {e.seq, std::move(e.after)};
  }
  st.reset();
  if (report.ok) {
    const std::int64_t last = expected - 1;
    const std::string headSeqText = metaValue(m_impl->rows, "journal_head_seq");
    const std::int64_t headSeq = headSeqText.empty() ? 0 : std::stoll(headSeqText);
    const std::string headHash = metaValue(m_impl->rows, "journal_head_hash");
    if (last < headSeq) {
      broken(last + 1, "entries " + std::to_string(last + 1) + " to " + std::to_string(headSeq) +
                           " are missing: the journal ends at " + std::to_string(last) +
                           " but the workspace recorded " + std::to_string(headSeq) +
                           " entries (deleted from the end)");
    } else if (last > headSeq) {
      broken(headSeq + 1, "entry " + std::to_string(headSeq + 1) +
                              " was added outside Liaison: the workspace recorded only " +
                              std::to_string(headSeq) + " entries (inserted entry)");
    } else if (last > 0 && headHash != prev) {
      broken(last, "entry " + std::to_string(last) +
                       " is not the entry the workspace recorded last (replaced entry)");
    }
  }
  // The data must be what the journal says it is: replay every entity's last after-image
  // and compare it with the row (an agency renamed, a number changed or a row deleted with
  // SQL, behind the journal's back, is named with the entry that last wrote it).
  if (report.ok) {
    if (auto problem = compareDataWithJournal(m_impl->rows, *this, m_path, lastImage)) {
      report.ok = false;
      report.first_broken_seq = problem->seq ? std::optional<std::int64_t>(problem->seq)
                                             : std::nullopt;
      report.problem = std::move(problem->text);
    }
  }
  // Liaison's own safeguards: the journal's append-only triggers.
  if (report.ok) {
    std::string missing;
    for (const char* trigger : {"journal_no_update", "journal_no_delete"}) {
      sql::Stmt t(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?");
      t.bind(1, trigger);
      if (!t.step()) missing += std::string(missing.empty() ? "" : ", ") + trigger;
    }
    if (!missing.empty()) {
      report.ok = false;
      report.problem = "the journal's append-only triggers were dropped outside Liaison (" +
                       missing + "): the journal can be edited with SQL without an error";
    }
  }
  if (report.integrity != "ok") {
    report.ok = false;
    if (report.problem.empty()) report.problem = "SQLite integrity check failed";
  }
  return report;
}

std::string Store::setting(const std::string& key, const std::string& fallback) const {
  std::lock_guard lock(m_impl->mutex);
  sql::Stmt& st = m_impl->rows.stmt("SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  std::string v = st.step() ? st.text(0) : fallback;
  st.reset();
  return v;
}

void Store::setSetting(const std::string& key, const std::string& value) {
  if (readOnly())
    throw StoreError("workspace " + quoted(m_path) + " is open read-only; cannot save setting " +
                     key);
  std::lock_guard lock(m_impl->mutex);
  m_impl->rows
      .stmt(
          "INSERT INTO settings (key, value) VALUES (?, ?) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

}  // namespace liaison::core
