// End-to-end: the `liaison` executable on hostile and odd input files (issue 14): special files
// where a file is expected, links out of a scenario folder, JSON nested 100,000 deep, GraphML
// with invalid UTF-8, a spreadsheet's TRUE/FALSE. Each is refused at once with the file, the
// place and the reason (or read), never a hang, a crash or an echo of another file.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using liaison::test::writeFile;

namespace {

const fs::path kBase = fs::path(LIAISON_TEST_DATA) / "e2e" / "base";

// A copy of the small scenario folder to spoil.
fs::path copyBase(const TempDir& tmp) {
  const fs::path dir = tmp.path() / "scenario";
  fs::copy(kBase, dir);
  return dir;
}

}  // namespace

TEST_CASE("analyze refuses a FIFO or a device named .graphml at once", "[e2e][hostile]") {
  TempDir tmp;
  const fs::path fifo = tmp.path() / "net.graphml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // It hung (an open without a writer); the runner's timeout is 20 s.
  const auto start = std::chrono::steady_clock::now();
  auto r = run({"analyze", fifo.string()}, 20);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains(fifo.string() + ": not a regular file (a FIFO); expected a GraphML file"));
  // A link to /dev/zero read until memory ran out (std::bad_alloc).
  const fs::path zero = tmp.path() / "zero.graphml";
  fs::create_symlink("/dev/zero", zero);
  r = run({"analyze", zero.string()}, 20);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("not a regular file (a character device)"));
}

TEST_CASE("import refuses special files and links out of the folder, leaving no workspace",
          "[e2e][hostile]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  {
    const fs::path dir = copyBase(tmp);
    fs::remove(dir / "channels.csv");
    REQUIRE(::mkfifo((dir / "channels.csv").c_str(), 0600) == 0);
    auto r = run({"import", dir.string(), "--into", ws.string()}, 20);
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("channels.csv: not a regular file (a FIFO); expected a CSV file"));
    CHECK_FALSE(fs::exists(ws));
    fs::remove_all(dir);
  }
  {
    // The link was followed and the error quoted the first line of /etc/passwd.
    const fs::path dir = copyBase(tmp);
    fs::remove(dir / "events.csv");
    fs::create_symlink("/etc/passwd", dir / "events.csv");
    auto r = run({"import", dir.string(), "--into", ws.string()});
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("events.csv: a symbolic link that leads outside the folder"));
    CHECK(r.err.find("root:") == std::string::npos);
    CHECK_FALSE(fs::exists(ws));
    fs::remove_all(dir);
  }
}

TEST_CASE("import refuses GeoJSON nested 100,000 deep with its place instead of crashing",
          "[e2e][hostile]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  const fs::path deep = tmp.path() / "deep.geojson";
  writeFile(deep, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                  "\"geometry\": {\"type\": \"Point\", \"coordinates\": " +
                      std::string(100000, '[') + std::string(100000, ']') + "}}]}\n");
  auto r = run({"import", deep.string(), "--into", ws.string()});
  INFO(r.err);
  CHECK(r.code == 1);  // not 139 (SIGSEGV)
  CHECK_THAT(r.err, Catch::Contains(deep.string() + ":1:169: arrays and objects nest deeper than 64"));
  // Deep properties in a scenario folder's features.geojson too.
  const fs::path dir = copyBase(tmp);
  std::string features = readFile(dir / "features.geojson");
  const auto at = features.find("\"properties\": {");
  REQUIRE(at != std::string::npos);
  features.insert(at + 15, "\"nest\": " + std::string(100000, '[') + std::string(100000, ']') + ", ");
  writeFile(dir / "features.geojson", features);
  r = run({"import", dir.string(), "--into", ws.string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("features.geojson:"));
  CHECK_THAT(r.err, Catch::Contains("nest deeper than 64"));
}

TEST_CASE("analyze refuses GraphML with invalid UTF-8 at its line and column, also with --json",
          "[e2e][hostile]") {
  TempDir tmp;
  const fs::path file = tmp.path() / "latin.graphml";
  writeFile(file,
            "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
            "<graph edgedefault=\"undirected\">\n<node id=\"a\"><data key=\"n\">Caf\xE9</data></node>\n"
            "<node id=\"b\"/><edge source=\"a\" target=\"b\"/>\n</graph></graphml>\n");
  for (const bool json : {false, true}) {
    auto r = json ? run({"analyze", file.string(), "--json"}) : run({"analyze", file.string()});
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(file.string() + ":5:31: broken XML: invalid UTF-8 (byte 0xE9)"));
  }
}

TEST_CASE("a scenario folder re-saved by a spreadsheet (TRUE/FALSE) imports", "[e2e]") {
  TempDir tmp;
  const fs::path dir = copyBase(tmp);
  for (const char* name : {"incidents.csv", "representatives.csv", "contacts.csv", "events.csv"}) {
    if (!fs::exists(dir / name)) continue;
    std::string text = readFile(dir / name);
    for (const auto& [from, to] : {std::pair<std::string, std::string>{",true", ",TRUE"},
                                   {",false", ",FALSE"}}) {
      for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
        text.replace(at, from.size(), to);
    }
    writeFile(dir / name, text);
  }
  const fs::path ws = tmp.path() / "ws.liaison";
  auto r = run({"import", dir.string(), "--into", ws.string()});
  INFO(r.err);
  CHECK(r.code == 0);
  // The same workspace as from the original folder.
  const fs::path ws2 = tmp.path() / "ws2.liaison";
  REQUIRE(run({"import", kBase.string(), "--into", ws2.string()}).code == 0);
  REQUIRE(run({"export", ws.string(), "--to", (tmp.path() / "a").string()}).code == 0);
  REQUIRE(run({"export", ws2.string(), "--to", (tmp.path() / "b").string()}).code == 0);
  for (const auto& e : fs::directory_iterator(tmp.path() / "a"))
    CHECK(readFile(e.path()) == readFile(tmp.path() / "b" / e.path().filename()));
}

TEST_CASE("import refuses an MBTiles whose tiles are an endless view, at once", "[e2e][hostile]") {
  TempDir tmp;
  const fs::path file = tmp.path() / "endless.mbtiles";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "CREATE TABLE metadata (name TEXT, value TEXT);"
                       "INSERT INTO metadata VALUES ('format', 'png');"
                       "CREATE VIEW tiles AS WITH RECURSIVE r(zoom_level, tile_column, tile_row, "
                       "tile_data) AS (SELECT 0, 0, 0, x'00' UNION ALL SELECT zoom_level, "
                       "tile_column + 1, tile_row, tile_data FROM r) SELECT * FROM r",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const fs::path ws = tmp.path() / "ws.liaison";
  // It hung import (and, once registered, screenshot and the wall).
  const auto start = std::chrono::steady_clock::now();
  auto r = run({"import", file.string(), "--into", ws.string()}, 30);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("its 'tiles' is a view, not a table"));
  CHECK_FALSE(fs::exists(ws));
}
