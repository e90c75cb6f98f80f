// Where things live: the bundled assets, the per-user demo workspace (created from
// assets/demo on first run), and the resolution of an omitted WORKSPACE argument.
#pragma once

#include <filesystem>
#include <iosfwd>

namespace liaison::cli {

// $LIAISON_ASSET_DIR when set, else the source tree's assets/ (LIAISON_ASSET_DIR at build time).
std::filesystem::path assetDir();

// $XDG_DATA_HOME/liaison/demo.liaison, default ~/.local/share/liaison/demo.liaison.
std::filesystem::path demoWorkspacePath();

// The demo workspace, imported from assets/demo on first run (atomically: a failed import
// leaves no file behind). Progress goes to log. Throws std::runtime_error with the reason.
std::filesystem::path ensureDemoWorkspace(std::ostream& log);

}  // namespace liaison::cli
