// End-to-end: `liaison log` adds messages to the message log by code and name (ambiguous and
// unknown names refused with the candidates, exit 2), and export writes them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using nlohmann::json;

namespace {

const fs::path kValid = fs::path(LIAISON_TEST_DATA) / "scenarios" / "valid";

std::string importInto(const fs::path& folder, const TempDir& dir, const std::string& name) {
  const std::string ws = (dir.path() / name).string();
  auto r = run({"import", folder.string(), "--into", ws});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find(", 3 messages, ") != std::string::npos);  // the fixture's messages.csv
  return ws;
}

}  // namespace

TEST_CASE("liaison log adds a message; names resolve or are refused with candidates",
          "[e2e][messages]") {
  TempDir dir;
  const std::string ws = importInto(kValid, dir, "w.liaison");
  auto r = run({"log", ws, "--from", "RCFD", "--to", "Luis Ortega", "--medium", "radio", "--at",
                "2026-05-14T10:00:00Z", "Staging moved to lot B"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out == "message 4 at 2026-05-14T10:00:00Z: RCFD > Luis Ortega (RCPD) (radio, radio)\n");
  // Two recipients, a kind instead of a medium, a unique part of a name.
  r = run({"log", ws, "--from", "dana", "--to", "RCPD", "--to", "Nair", "--kind", "ics213",
           "--at", "2026-05-14T10:05:00Z", "--subject", "Decon", "Form attached"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Dana Whitfield (RCFD) > Priya Nair (MRH), RCPD (in_person, ics213)") !=
        std::string::npos);

  r = run({"log", ws, "--from", "RCFD", "--to", "o", "--medium", "phone", "x"});
  CHECK(r.code == 2);
  CHECK(r.err.find("\"o\" is ambiguous") != std::string::npos);
  CHECK(r.err.find("candidates:\n") != std::string::npos);
  r = run({"log", ws, "--from", "RCFD", "--to", "Zed", "--medium", "phone", "x"});
  CHECK(r.code == 2);
  CHECK(r.err.find("\"Zed\" is neither an agency code") != std::string::npos);
  r = run({"log", ws, "--from", "RCFD", "--to", "RCPD", "x"});
  CHECK(r.code == 2);
  CHECK(r.err.find("no medium") != std::string::npos);
  r = run({"log", ws, "--from", "RCFD", "--to", "RCFD", "--medium", "phone", "x"});
  CHECK(r.code == 2);
  r = run({"log", ws, "--from", "RCFD", "--medium", "phone", "x"});
  CHECK(r.code == 2);  // --to is required
  r = run({"log", ws, "--from", "RCFD", "--to", "RCPD", "--medium", "pigeon", "x"});
  CHECK(r.code == 2);
  r = run({"log", (dir.path() / "missing.liaison").string(), "--from", "RCFD", "--to", "RCPD",
           "--medium", "phone", "x"});
  CHECK(r.code == 1);

  // Exactly the two messages were added (and are exported).
  r = run({"export", ws, "--to", (dir.path() / "out").string()});
  REQUIRE(r.code == 0);
  const std::string csv = readFile(dir.path() / "out" / "messages.csv");
  CHECK(csv.find("4,2026-05-14T10:00:00Z,,1,201,,,radio,radio,,Staging moved to lot B") !=
        std::string::npos);
  CHECK(csv.find("\n6,") == std::string::npos);
}
