// Runs the wall (liaison wall, liaison screenshot --layout wall): opens the workspace
// read-only, follows changes written by other processes, and draws WallLayout full-screen on
// a chosen monitor, or for a few frames into a PNG.
#pragma once

#include <filesystem>
#include <optional>

#include "app/wall/legibility.hpp"
#include "app_loop.hpp"
#include "wall_layout.hpp"

namespace liaison::core {
class Store;
}

namespace liaison::app {

struct WallRunOptions {
  std::filesystem::path workspace;
  WallLayoutKind layout = WallLayoutKind::Quad;
  int monitor = 1;  // 1-based: 1 is the primary monitor
  float scale = 1.0f;
  // The room (app/wall/legibility.hpp): given here, they override the workspace settings
  // wall.viewing_distance_m and wall.diagonal_in; neither: 5 m and 55 inches, said on screen.
  std::optional<double> viewing_distance_m, diagonal_in;
  bool show_legibility = false;
  double interval_s = 20.0;  // rotate layout: seconds per pane
  // Test hook: after every (re)load, the follower's version and counts go here as JSON
  // (written to a temporary file and renamed, so a reader never sees half of it).
  std::filesystem::path state_file;
  std::optional<ScreenshotRequest> screenshot;
};

// Exit codes as runDashboard: 0 fine, 1 workspace or output error, 3 no display / no OpenGL.
int runWall(const WallRunOptions& options);

// The room for a workspace: options first, then its settings, then the defaults.
wall::Room wallRoom(const WallRunOptions& options, const core::Store& store);

// liaison wall --save-room: writes the options' distance and diagonal into the workspace's
// settings, so every wall PC of the incident uses them. Exit code 0, or 1 with the reason.
int saveWallRoom(const WallRunOptions& options);

// The JSON written to --state-file (exposed for tests).
std::string wallStateJson(const core::Snapshot& s, bool read_only, const std::string& error,
                          std::uint64_t reloads);

}  // namespace liaison::app
