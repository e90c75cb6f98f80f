// End-to-end: the `liaison` executable on real scenario folders and workspace files.
// import / export / verify, the round trip, one malformed folder per error class, and
// tampering with the journal.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <vector>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using liaison::test::writeFile;

namespace {

const fs::path kBase = fs::path(LIAISON_TEST_DATA) / "e2e" / "base";
const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

// All files of a folder, by name, for byte comparison.
std::map<std::string, std::string> folderContents(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().filename().string()] = readFile(e.path());
  return out;
}

void replaceInFile(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = readFile(file);
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  writeFile(file, text);
}

void execSql(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  INFO(msg);
  REQUIRE(rc == SQLITE_OK);
}

// The journal's append-only triggers stop casual edits; a tamperer drops them first.
void dropTriggers(const fs::path& db) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type='trigger'", -1, &st, nullptr);
  std::vector<std::string> triggers;
  while (sqlite3_step(st) == SQLITE_ROW)
    triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  sqlite3_close(h);
  for (const auto& t : triggers) execSql(db, "DROP TRIGGER \"" + t + "\"");
}

}  // namespace

TEST_CASE("import, export and verify a scenario folder", "[e2e]") {
  TempDir tmp;
  fs::path ws = tmp.path() / "drill.liaison";
  auto imp = run({"import", kBase.string(), "--into", ws.string()});
  INFO(imp.err);
  REQUIRE(imp.code == 0);
  CHECK(imp.out.find("3 agencies") != std::string::npos);

  auto ver = run({"verify", ws.string()});
  INFO(ver.out + ver.err);
  CHECK(ver.code == 0);
  CHECK(ver.out.find("OK") != std::string::npos);
}

TEST_CASE("export -> import -> export is byte-identical", "[e2e]") {
  for (const fs::path& source : {kBase, kDemo}) {
    if (!fs::exists(source)) continue;
    DYNAMIC_SECTION(source.filename().string()) {
      TempDir tmp;
      fs::path ws1 = tmp.path() / "one.liaison", ws2 = tmp.path() / "two.liaison";
      REQUIRE(run({"import", source.string(), "--into", ws1.string()}).code == 0);
      REQUIRE(run({"export", ws1.string(), "--to", (tmp.path() / "a").string()}).code == 0);
      REQUIRE(run({"import", (tmp.path() / "a").string(), "--into", ws2.string()}).code == 0);
      REQUIRE(run({"export", ws2.string(), "--to", (tmp.path() / "b").string()}).code == 0);
      auto a = folderContents(tmp.path() / "a");
      auto b = folderContents(tmp.path() / "b");
      REQUIRE(a.size() >= 9);
      CHECK(a == b);
    }
  }
}

TEST_CASE("CRLF line endings and a byte-order mark are accepted", "[e2e]") {
  TempDir tmp;
  fs::path dir = tmp.path() / "crlf";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(kBase)) {
    std::string text = readFile(e.path()), out = "\xEF\xBB\xBF";
    if (e.path().extension() == ".csv") {
      for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
      }
    } else {
      out = text;
    }
    writeFile(dir / e.path().filename(), out);
  }
  fs::path ws1 = tmp.path() / "one.liaison", ws2 = tmp.path() / "two.liaison";
  auto r = run({"import", dir.string(), "--into", ws1.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(run({"import", kBase.string(), "--into", ws2.string()}).code == 0);
  REQUIRE(run({"export", ws1.string(), "--to", (tmp.path() / "a").string()}).code == 0);
  REQUIRE(run({"export", ws2.string(), "--to", (tmp.path() / "b").string()}).code == 0);
  CHECK(folderContents(tmp.path() / "a") == folderContents(tmp.path() / "b"));
}

// One malformed folder per error class: the import is refused with file:line:column and a
// reason, and the workspace it was aimed at keeps exactly its rows and its journal.
TEST_CASE("malformed scenario folders are refused and change nothing", "[e2e]") {
  struct Case {
    const char* name;
    const char* file;
    const char* from;
    const char* to;
    const char* where;   // expected "file:line:column:" prefix of the message
    const char* reason;  // expected words in the reason
  };
  const Case cases[] = {
      {"unknown reference", "channels.csv", "102,11,21,", "102,11,99,", "channels.csv:3:3:", "99"},
      {"duplicate id", "representatives.csv", "31,3,Dee Park,Liaison,,true\n",
       "31,3,Dee Park,Liaison,,true\n31,3,Eve Twin,,,true\n", "representatives.csv:6:1:",
       "duplicate"},
      {"bad number", "agencies.csv", "Station 1,45.51,-73.56,County mutual aid,\"2 engines, 1 boat\",24,",
       "Station 1,45.51,-73.56,County mutual aid,\"2 engines, 1 boat\",twenty,", "agencies.csv:2:13:",
       "twenty"},
      {"value out of range", "channels.csv", "(555) 555-0121,2,0.95,", "(555) 555-0121,2,1.4,",
       "channels.csv:3:9:", "1.4"},
      {"bad time", "events.csv", "2,1,2026-03-02T14:20:00Z", "2,1,2026-03-02 25:20",
       "events.csv:3:3:", "2026-03-02 25:20"},
      {"unknown enum value", "agencies.csv", "Mill Creek Fire Department,fire,",
       "Mill Creek Fire Department,fir,", "agencies.csv:2:4:", "fire"},
      {"unexpected column", "tasks.csv", "due,depends_on\n", "due,depends_on,colour\n",
       "tasks.csv:1:12:", "colour"},
      {"invalid UTF-8", "representatives.csv", "Dee Park", "Dee \xFF Park", "representatives.csv:5:",
       "UTF-8"},
      {"malformed GeoJSON syntax", "features.geojson", "\"label\": \"ICP\",", "\"label\": \"ICP\"",
       "features.geojson:5:60:", "syntax error"},
      {"GeoJSON unknown kind", "features.geojson", "\"command_post\"", "\"bunker\"",
       "features.geojson:", "bunker"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir tmp;
      fs::path ws = tmp.path() / "target.liaison";
      REQUIRE(run({"import", kBase.string(), "--into", ws.string()}).code == 0);
      REQUIRE(run({"export", ws.string(), "--to", (tmp.path() / "before").string()}).code == 0);
      auto verBefore = run({"verify", ws.string()});

      fs::path bad = tmp.path() / "bad";
      fs::copy(kBase, bad);
      replaceInFile(bad / c.file, c.from, c.to);
      auto r = run({"import", bad.string(), "--into", ws.string()});
      INFO(r.err);
      CHECK(r.code == 1);
      CHECK(r.err.find(c.where) != std::string::npos);
      CHECK(r.err.find(c.reason) != std::string::npos);

      REQUIRE(run({"export", ws.string(), "--to", (tmp.path() / "after").string()}).code == 0);
      CHECK(folderContents(tmp.path() / "before") == folderContents(tmp.path() / "after"));
      auto verAfter = run({"verify", ws.string()});
      CHECK(verAfter.code == 0);
      CHECK(verAfter.out == verBefore.out);  // same journal length
    }
  }
  SECTION("missing required column") {
    TempDir tmp;
    fs::path ws = tmp.path() / "target.liaison";
    REQUIRE(run({"import", kBase.string(), "--into", ws.string()}).code == 0);
    fs::path bad = tmp.path() / "bad";
    fs::copy(kBase, bad);
    writeFile(bad / "needs.csv", "id,agency_a,reason\n1,1,Shelter\n");
    auto r = run({"import", bad.string(), "--into", ws.string()});
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find("needs.csv:1:") != std::string::npos);
    CHECK(r.err.find("agency_b") != std::string::npos);
  }
}

TEST_CASE("verify names an edited or deleted journal entry", "[e2e]") {
  TempDir tmp;
  fs::path ws = tmp.path() / "w.liaison";
  REQUIRE(run({"import", kBase.string(), "--into", ws.string()}).code == 0);
  REQUIRE(run({"verify", ws.string()}).code == 0);

  SECTION("edited") {
    dropTriggers(ws);  // as someone editing the file by hand would
    execSql(ws, "UPDATE journal SET summary = summary || ' (edited)' WHERE seq = 5");
    auto r = run({"verify", ws.string()});
    INFO(r.out + r.err);
    CHECK(r.code == 1);
    CHECK((r.out + r.err).find("5") != std::string::npos);
  }
  SECTION("deleted") {
    dropTriggers(ws);
    execSql(ws, "DELETE FROM journal WHERE seq = 7");
    auto r = run({"verify", ws.string()});
    INFO(r.out + r.err);
    CHECK(r.code == 1);
    CHECK((r.out + r.err).find("7") != std::string::npos);
  }
}

TEST_CASE("a file that is not a workspace is refused and left untouched", "[e2e]") {
  TempDir tmp;
  fs::path f = tmp.path() / "notes.liaison";
  writeFile(f, "this is not a database\n");
  auto r = run({"verify", f.string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("notes.liaison") != std::string::npos);
  CHECK(readFile(f) == "this is not a database\n");
  auto e = run({"export", f.string(), "--to", (tmp.path() / "out").string()});
  CHECK(e.code == 1);
  CHECK(readFile(f) == "this is not a database\n");
}

TEST_CASE("--help describes every command", "[e2e]") {
  auto r = run({"--help"});
  CHECK(r.code == 0);
  for (const char* cmd : {"screenshot", "import", "export", "verify"})
    CHECK(r.out.find(cmd) != std::string::npos);
  for (const char* cmd : {"screenshot", "import", "export", "verify"}) {
    auto c = run({cmd, "--help"});
    CHECK(c.code == 0);
    CHECK(c.out.find("Usage") != std::string::npos);
  }
}
