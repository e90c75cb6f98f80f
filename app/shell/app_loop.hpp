// Runs the dashboard on a workspace: interactively in a window, or for a few frames into an
// offscreen framebuffer that is written as a PNG (liaison screenshot).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app_context.hpp"

namespace liaison::app {

struct ScreenshotRequest {
  std::filesystem::path out;
  int width = 1920;
  int height = 1080;
  int frames = 3;
};

struct RunOptions {
  std::filesystem::path workspace;
  float scale = 1.0f;  // --scale, multiplied with the monitor's content scale
  ThemeKind theme = ThemeKind::Operator;
  bool read_only = false;
  std::string directory_filter;  // pre-filled search box (screenshots, tests)
  std::string only_panel;        // show just this panel by name (screenshots); empty: all
  Selection selection;           // selected at start (screenshots: a need's path drawn)
  std::string station_agency;    // a drill player's station: the agency code its injects name
  // What-if targets marked down at start, as `liaison whatif --fail` spells them (screenshots:
  // "zone:53,infra:1"); checked against the workspace once it is read.
  std::vector<std::string> whatif;
  std::optional<ScreenshotRequest> screenshot;
};

// Exit codes: 0 fine, 1 workspace or output error, 3 no display / no OpenGL.
int runDashboard(const RunOptions& options);

}  // namespace liaison::app
