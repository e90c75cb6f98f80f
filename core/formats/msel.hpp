// The Master Scenario Events List as a CSV file, the way exercise controllers keep it in a
// spreadsheet (columns in docs/scenario-format.md, "MSEL"). Import is atomic and reports
// file:line:column errors like the scenario import; export is deterministic, so
// export -> import -> export gives byte-identical files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/exercise.hpp"
#include "core/formats/scenario.hpp"  // ImportError
#include "core/model/snapshot.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

// Parses and checks an MSEL; network effects must name channels and representatives of the
// workspace in `snap`. Injects get ids 1, 2, ... in file order. Throws ImportError located in
// `file` (the name used in messages).
std::vector<Inject> parseMsel(std::string_view bytes, const std::string& file,
                              const Snapshot& snap);

// The CSV text of an MSEL (header, then one row per inject in id order).
std::string mselToCsv(const std::vector<Inject>& injects);

struct MselImportSummary {
  int injects = 0, manual = 0, effects = 0;
  std::uint64_t revision = 0;
};

// Reads the file, checks all of it, then replaces the workspace's MSEL in one transaction:
// every inject back to pending and the exercise clock reset (paused at 00:00:00, its epoch the
// main incident's start). Nothing is written on error.
MselImportSummary importMsel(const std::filesystem::path& file, Store& store,
                             const std::string& actor = "exercise control");

// Writes the workspace's MSEL (LF, no byte-order mark, minimal quoting).
void exportMsel(const Store& store, const std::filesystem::path& file);

}  // namespace liaison::core
