// Thin RAII helpers over the SQLite C API for the store: prepared statements with typed
// binding and column access, and exec that turns errors into StoreError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liaison::core::sql {

// Throws StoreError with "what: sqlite message".
[[noreturn]] void fail(sqlite3* db, const std::string& what);

void exec(sqlite3* db, const char* sql);

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binding, 1-based like SQLite. Ids of 0 bind as NULL (no reference).
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bindRef(int i, std::int64_t id);  // NULL when id == 0
  Stmt& bindNull(int i);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bindNull(i);
  }

  // Steps once: true when a row is available, false when done. Throws on error.
  bool step();
  void run();  // step to completion, then reset
  void reset();

  std::int64_t i64(int col) const;  // NULL reads as 0
  int i32(int col) const { return static_cast<int>(i64(col)); }
  bool boolean(int col) const { return i64(col) != 0; }
  double real(int col) const;
  std::string text(int col) const;
  bool isNull(int col) const;

  sqlite3_stmt* get() const { return m_stmt; }

 private:
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace liaison::core::sql
