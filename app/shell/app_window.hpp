// The one way the dashboard and the wall open their GLFW window: hidden and small for a
// screenshot (the picture itself is rendered offscreen at the requested size), maximised
// otherwise; and the same clear message, with the command that works without a display, when
// no window can be opened.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/platform/gl_window.hpp"
#include "app_loop.hpp"

namespace liaison::app {

// nullptr after printing why to stderr; the caller then exits with code 3.
// render_hint: the `liaison screenshot ...` arguments that render the same view headless.
std::unique_ptr<GlWindow> openAppWindow(const std::optional<ScreenshotRequest>& screenshot,
                                        const std::string& title,
                                        const std::string& render_hint);

}  // namespace liaison::app
