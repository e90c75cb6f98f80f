#include "workspace_paths.hpp"

#include <cstdlib>
#include <ostream>
#include <stdexcept>

#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

namespace fs = std::filesystem;

fs::path assetDir() {
  if (const char* env = std::getenv("LIAISON_ASSET_DIR"); env && *env) return env;
  return LIAISON_ASSET_DIR;
}

fs::path demoWorkspacePath() {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = fs::path(home) / ".local" / "share";
  } else {
    throw std::runtime_error("cannot find a data directory: set XDG_DATA_HOME or HOME");
  }
  return base / "liaison" / "demo.liaison";
}

fs::path ensureDemoWorkspace(std::ostream& log) {
  const fs::path target = demoWorkspacePath();
  if (fs::exists(target)) {
    // Opening it read-write once migrates a demo made by an older Liaison, so read-only
    // commands (screenshot, wall) can open it afterwards.
    core::Store::open(target, core::OpenMode::ReadWrite);
    return target;
  }
  const fs::path source = assetDir() / "demo";
  if (!fs::exists(source / "agencies.csv"))
    throw std::runtime_error("the demo exercise is missing: no " +
                             (source / "agencies.csv").string());

  fs::create_directories(target.parent_path());
  fs::path partial = target;
  partial += ".partial";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(partial.string() + suffix);
  log << "Creating the demo workspace " << target.string() << " from " << source.string()
      << " ...\n";
  try {
    auto store = core::Store::create(partial);
    core::importScenario(source, *store, "demo-setup");
  } catch (...) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      fs::remove(partial.string() + suffix);
    throw;
  }
  // The store is closed, so SQLite has folded its WAL back; move any sidecar along anyway.
  for (const char* suffix : {"-wal", "-shm"})
    if (fs::exists(partial.string() + suffix))
      fs::rename(partial.string() + suffix, target.string() + suffix);
  fs::rename(partial, target);
  return target;
}

}  // namespace liaison::cli
