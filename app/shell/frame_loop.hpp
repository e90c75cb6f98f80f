// The one frame loop of the window, shared by the dashboard (app_loop.cpp) and the wall
// (wall_runner.cpp), and the one way both render a screenshot. Each iteration: wait for input
// (the wall: at most 0.1 s, it always redraws; the dashboard: in bursts after input, else up
// to 0.1 s), follow the workspace, rebuild fonts when the theme or the screen height asks for
// another size, hand the snapshot to the engine, one ImGui frame (draw), present, then apply
// the outbox (RequestApplier). A screenshot draws a few frames offscreen, settled, and writes
// the PNG.
#pragma once

#include <functional>
#include <string>

#include "app_context.hpp"
#include "app_loop.hpp"

namespace liaison::app {

class AnalysisBridge;
class GlWindow;
class RequestApplier;
class SnapshotFollower;

struct FrameSteps {
  // One frame's drawing, between ImGui::NewFrame() and ImGui::Render().
  std::function<void(AppContext&)> draw;
  // After each poll of the workspace (reloaded: a new snapshot was installed); optional.
  std::function<void(AppContext&, bool reloaded)> after_poll;
  // Screenshots: after frame i (0-based) was rendered, settle what the next one shows (the
  // network layout, basemap tiles); optional.
  std::function<void(int frame)> settle;
  bool redraw_always = false;  // the wall: clocks and pulses move without input
};

// Fonts and style for ctx.theme and ctx.scale at this screen size; returns the body font's
// pixel size. Outside a frame only. recreate_texture: the GL font texture exists already.
float setupLook(AppContext& ctx, float screen_width, float screen_height, bool recreate_texture);

// The body font's pixel size for ctx at this screen size: the theme's, or on a wall with a
// room, the size whose capitals subtend 20 arc-minutes from the back of the room.
float lookPixels(const AppContext& ctx, float screen_width, float screen_height);

// Until the window closes or ctx.ui.request_quit (Ctrl+Q). Returns the exit code (0).
int runFrameLoop(AppContext& ctx, GlWindow& window, SnapshotFollower& follower,
                 AnalysisBridge& analysis, RequestApplier& applier, const FrameSteps& steps);

// Renders shot.frames frames at shot.width x shot.height offscreen and writes the PNG; what:
// the words after the size in the "wrote ..." line. Exit code 0, or 1 when it cannot.
int renderScreenshot(AppContext& ctx, GlWindow& window, const ScreenshotRequest& shot,
                     const FrameSteps& steps, const std::string& what);

}  // namespace liaison::app
