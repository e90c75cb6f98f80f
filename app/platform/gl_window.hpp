// The GLFW window with an OpenGL 3.3 core context (glad-loaded) and Dear ImGui's GLFW and
// OpenGL3 backends. Visible for the workstation; hidden for screenshots. GL objects live and
// die on the thread that created this window.
#pragma once

#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace liaison::app {

// No display, no GL 3.3 context, ...: the message says what happened and what to do.
class PlatformError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct WindowOptions {
  int width = 1600;
  int height = 900;
  bool visible = true;
  bool maximized = false;
  std::string title = "Liaison";
};

class GlWindow {
 public:
  explicit GlWindow(const WindowOptions& options);  // throws PlatformError
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() const { return m_window; }
  // The monitor's content scale (1 on a 96-dpi screen, 2 on a typical HiDPI laptop).
  float contentScale() const;
  bool shouldClose() const;
  // Wait for input at most timeout seconds (the loop still polls the workspace meanwhile).
  void waitEvents(double timeout_seconds);
  void framebufferSize(int& w, int& h) const;

  // Backend half of a frame: call before ImGui::NewFrame().
  void newFrame();
  // Render ImGui's draw data into the window's back buffer and swap.
  void renderAndPresent(float r, float g, float b);

 private:
  GLFWwindow* m_window = nullptr;
  bool m_imguiBackends = false;
};

// True when an X11 or Wayland display is announced in the environment.
bool displayAvailable();

}  // namespace liaison::app
