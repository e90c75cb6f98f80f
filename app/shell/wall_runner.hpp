// Runs the wall (liaison wall, liaison screenshot --layout wall): opens the workspace
// read-only, follows changes written by other processes, and draws WallLayout full-screen on
// a chosen monitor, or for a few frames into a PNG.
#pragma once

#include <filesystem>
#include <optional>

#include "app_loop.hpp"
#include "wall_layout.hpp"

namespace liaison::app {

struct WallRunOptions {
  std::filesystem::path workspace;
  WallLayoutKind layout = WallLayoutKind::Quad;
  int monitor = 1;  // 1-based: 1 is the primary monitor
  float scale = 1.0f;
  double interval_s = 20.0;  // rotate layout: seconds per pane
  // Test hook: after every (re)load, the follower's version and counts go here as JSON
  // (written to a temporary file and renamed, so a reader never sees half of it).
  std::filesystem::path state_file;
  std::optional<ScreenshotRequest> screenshot;
};

// Exit codes as runDashboard: 0 fine, 1 workspace or output error, 3 no display / no OpenGL.
int runWall(const WallRunOptions& options);

// The JSON written to --state-file (exposed for tests).
std::string wallStateJson(const core::Snapshot& s, bool read_only, const std::string& error,
                          std::uint64_t reloads);

}  // namespace liaison::app
