#include "core/store/sqlite_util.hpp"

#include <utility>

#include "core/model/errors.hpp"

namespace liaison::core::sql {

void fail(sqlite3* db, const std::string& what) {
  throw StoreError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const char* sqlText) {
  char* err = nullptr;
  if (sqlite3_exec(db, sqlText, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    throw StoreError("SQLite error: " + msg);
  }
}

Stmt::Stmt(sqlite3* db, std::string_view sqlText) : m_db(db) {
  if (sqlite3_prepare_v3(db, sqlText.data(), static_cast<int>(sqlText.size()),
                         SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
    fail(db, "cannot prepare \"" + std::string(sqlText.substr(0, 60)) + "\"");
}

Stmt::~Stmt() {
  sqlite3_finalize(m_stmt);
}

Stmt::Stmt(Stmt&& o) noexcept
    : m_db(std::exchange(o.m_db, nullptr)), m_stmt(std::exchange(o.m_stmt, nullptr)) {}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(m_stmt);
    m_db = std::exchange(o.m_db, nullptr);
    m_stmt = std::exchange(o.m_stmt, nullptr);
  }
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(m_stmt, i, v) != SQLITE_OK) fail(m_db, "bind");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (sqlite3_bind_double(m_stmt, i, v) != SQLITE_OK) fail(m_db, "bind");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  if (sqlite3_bind_text64(m_stmt, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
      SQLITE_OK)
    fail(m_db, "bind");
  return *this;
}
Stmt& Stmt::bindRef(int i, std::int64_t id) {
  return id == 0 ? bindNull(i) : bind(i, id);
}
Stmt& Stmt::bindNull(int i) {
  if (sqlite3_bind_null(m_stmt, i) != SQLITE_OK) fail(m_db, "bind");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string msg = sqlite3_errmsg(m_db);
  sqlite3_reset(m_stmt);
  throw StoreError("SQLite error: " + msg);
}

void Stmt::run() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::int64_t Stmt::i64(int col) const {
  return sqlite3_column_int64(m_stmt, col);
}
double Stmt::real(int col) const {
  return sqlite3_column_double(m_stmt, col);
}
bool Stmt::isNull(int col) const {
  return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::string Stmt::text(int col) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
  if (!p) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)));
}

}  // namespace liaison::core::sql
