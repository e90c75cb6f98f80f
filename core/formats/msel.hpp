// The Master Scenario Events List as a CSV file, the way exercise controllers keep it in a
// spreadsheet (columns in docs/scenario-format.md, "MSEL"): parsing with file:line:column
// errors like the scenario import, and deterministic writing, so export -> import -> export
// gives byte-identical files. Loading one into a workspace is core/exercise/msel_import.hpp.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/errors.hpp"
#include "core/model/exercise.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// Parses and checks an MSEL; network effects must name channels and representatives of the
// workspace in `snap`. Injects get ids 1, 2, ... in file order. Throws ImportError located in
// `file` (the name used in messages).
std::vector<Inject> parseMsel(std::string_view bytes, const std::string& file,
                              const Snapshot& snap);

// The CSV text of an MSEL (header, then one row per inject in id order).
std::string mselToCsv(const std::vector<Inject>& injects);

}  // namespace liaison::core
