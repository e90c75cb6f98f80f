#include "app_window.hpp"

#include <algorithm>
#include <iostream>

namespace liaison::app {

std::unique_ptr<GlWindow> openAppWindow(const std::optional<ScreenshotRequest>& screenshot,
                                        const std::string& title,
                                        const std::string& render_hint) {
  WindowOptions wo;
  if (screenshot) {
    wo.visible = false;
    wo.width = std::min(screenshot->width, 1280);
    wo.height = std::min(screenshot->height, 720);
  } else {
    wo.maximized = true;
    wo.title = title;
  }
  try {
    return std::make_unique<GlWindow>(wo);
  } catch (const PlatformError& e) {
    std::cerr << "liaison: cannot open a window: " << e.what() << "\n"
              << "Render it without a display:\n"
              << "  xvfb-run -a -s \"-screen 0 1920x1080x24\" liaison screenshot " << render_hint
              << "\n";
    return nullptr;
  }
}

}  // namespace liaison::app
