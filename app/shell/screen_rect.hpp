// A rectangle on screen, in pixels, as last drawn: what panels expose so that headless tests
// can click their buttons, rows and cards. No ImGui here.
#pragma once

namespace liaison::app {

struct ScreenRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float cx() const { return (x0 + x1) * 0.5f; }
  float cy() const { return (y0 + y1) * 0.5f; }
};

}  // namespace liaison::app
