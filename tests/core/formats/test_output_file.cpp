// Files written for people: whole or not at all, owner-only, and file names built from user
// text that cannot leave their folder.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "core/formats/output_file.hpp"
#include "core/store/store.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using liaison::core::testing::TempDir;
using liaison::core::testing::readBytes;

namespace {

unsigned modeOf(const std::filesystem::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777u;
}

}  // namespace

TEST_CASE("writeOutputFile: the whole text, owner-only, replacing what was there", "[output]") {
  TempDir tmp;
  const auto f = tmp.file("report.html");
  writeOutputFile(f, "<p>first</p>");
  CHECK(readBytes(f) == "<p>first</p>");
  CHECK(modeOf(f) == 0600u);
  writeOutputFile(f, std::string(100000, 'x'));
  CHECK(readBytes(f).size() == 100000);
  // No temporary file is left beside it.
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(f.parent_path())) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 1);
}

TEST_CASE("writeOutputFile: a folder that is not there names the file and the reason",
          "[output]") {
  TempDir tmp;
  const auto f = tmp.file("missing/report.csv");
  try {
    writeOutputFile(f, "a,b\n");
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK(what.find("missing/report.csv") != std::string::npos);
    CHECK(what.find("No such file") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(f));
}

TEST_CASE("fileNamePart: user text never becomes a path", "[output]") {
  CHECK(fileNamePart("RCFD") == "RCFD");
  CHECK(fileNamePart("x/../../somewhere") == "x_.._.._somewhere");
  CHECK(fileNamePart("..") == "_.");
  CHECK(fileNamePart(".hidden") == "_hidden");
  CHECK(fileNamePart("") == "_");
  CHECK(fileNamePart("a b\tc\nd") == "a_b_c_d");
  CHECK(fileNamePart("C:\\\\evil") == "C___evil");
  CHECK(fileNamePart(std::string(200, 'a')).size() == 64);
  // Whatever the text, the result has no separator and is not "." or "..".
  for (const char* t : {"/", "//", "../", "./.", "\x01\x02", "\xC3\xA9t\xC3\xA9"}) {
    const std::string part = fileNamePart(t);
    CHECK(part.find('/') == std::string::npos);
    CHECK(part != ".");
    CHECK(part != "..");
    CHECK_FALSE(part.empty());
  }
}

TEST_CASE("a new workspace file is owner-only", "[output][store]") {
  TempDir tmp;
  const auto ws = tmp.file("w.liaison");
  { auto store = Store::create(ws); }
  CHECK(modeOf(ws) == 0600u);
}
