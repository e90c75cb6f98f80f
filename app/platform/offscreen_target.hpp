// An offscreen framebuffer (RGBA8 colour renderbuffer) of any size, so screenshots do not
// depend on the window fitting the screen. Needs a current GL context (see GlWindow).
#pragma once

#include <cstdint>
#include <vector>

namespace liaison::app {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);  // throws PlatformError
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  int width() const { return m_width; }
  int height() const { return m_height; }

  // Clear, then render ImGui's current draw data into the target.
  void render(float r, float g, float b);
  // RGBA, top row first (GL's rows are bottom-up; this flips them).
  std::vector<std::uint8_t> readPixels() const;

 private:
  int m_width, m_height;
  unsigned m_fbo = 0, m_colour = 0;
};

// Writes RGBA pixels (top row first) as a PNG; false on failure.
bool writePng(const char* path, int width, int height, const std::vector<std::uint8_t>& rgba);

}  // namespace liaison::app
