// Helpers shared by the store, journal and snapshot tests: a temporary directory that cleans
// up after itself, raw file bytes, and a small hand-made workspace.
#pragma once

#include <sqlite3.h>

#include <unistd.h>

#include <atomic>
#include <random>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/store/store.hpp"

namespace liaison::core::testing {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    // Unique across the processes ctest runs in parallel: the process id, a counter and a
    // random number (a clock stamp alone once let two processes share, and delete, one folder).
    static std::atomic<int> counter{0};
    for (;;) {
      m_dir = fs::temp_directory_path() /
              ("liaison-core-test-" + std::to_string(::getpid()) + "-" +
               std::to_string(++counter) + "-" + std::to_string(std::random_device{}()));
      if (fs::create_directories(m_dir)) break;  // false: it existed already; try another name
    }
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path file(const std::string& name) const { return m_dir / name; }

 private:
  fs::path m_dir;
};

inline std::string readBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Runs SQL on a workspace file through a plain SQLite connection (as an outsider would).
inline std::string rawExec(const fs::path& p, const std::string& sqlText) {
  sqlite3* db = nullptr;
  sqlite3_open(p.c_str(), &db);
  char* err = nullptr;
  std::string message;
  if (sqlite3_exec(db, sqlText.c_str(), nullptr, nullptr, &err) != SQLITE_OK)
    message = err ? err : "error";
  sqlite3_free(err);
  sqlite3_close(db);
  return message;  // "" on success
}

inline std::string rawQuery(sqlite3* db, const std::string& sqlText) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sqlText.c_str(), -1, &st, nullptr);
  std::string out;
  if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

inline Agency makeAgency(Id id, std::string code, std::string name) {
  Agency a;
  a.id = id;
  a.code = std::move(code);
  a.name = std::move(name);
  a.type = AgencyType::Fire;
  a.role = AgencyRole::Assisting;
  return a;
}

inline Representative makeRep(Id id, Id agency, std::string name) {
  Representative r;
  r.id = id;
  r.agency = agency;
  r.name = std::move(name);
  r.position = "Agency Representative";
  r.contacts = {{ContactKind::Phone, "555-0101", false, ""},
                {ContactKind::Cell, "555-0199", true, "private"}};
  return r;
}

inline Channel repChannel(Id id, Id from, Id to) {
  Channel c;
  c.id = id;
  c.from_rep = from;
  c.to_rep = to;
  c.medium = Medium::Radio;
  c.identifier = "TAC-2";
  c.latency_min = 0.5;
  c.reliability = 0.9;
  return c;
}

inline Channel agencyChannel(Id id, Id from, Id to) {
  Channel c;
  c.id = id;
  c.from_agency = from;
  c.to_agency = to;
  c.medium = Medium::Phone;
  c.latency_min = 5;
  c.reliability = 0.99;
  return c;
}

inline Need makeNeed(Id id, Id a, Id b) {
  Need n;
  n.id = id;
  n.agency_a = a;
  n.agency_b = b;
  n.reason = "evacuation routes";
  n.priority = Priority::High;
  return n;
}

// Agencies 1 RCFD, 2 RCPD, 3 MEMS; representatives 101 (1), 102 (2), 103 (3); channels
// 1001 (101->102) and 1002 (agency 1 -> agency 3); need 1 (1, 2). One apply: revision 1.
inline void seed(Store& s) {
  s.apply(
      std::vector<Command>{
          put(makeAgency(1, "RCFD", "River City Fire Department")),
          put(makeAgency(2, "RCPD", "River City Police Department")),
          put(makeAgency(3, "MEMS", "Metro EMS")),
          put(makeRep(101, 1, "Dana Whitfield")),
          put(makeRep(102, 2, "Luis Ortega")),
          put(makeRep(103, 3, "Priya Raman")),
          put(repChannel(1001, 101, 102)),
          put(agencyChannel(1002, 1, 3)),
          put(makeNeed(1, 1, 2)),
      },
      "tester");
}

}  // namespace liaison::core::testing
