// Loading an MSEL file into the workspace's exercise (atomic: all of it or nothing) and
// writing the workspace's MSEL back to a file. The format itself is core/formats/msel.hpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/store/store.hpp"

namespace liaison::core {

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
