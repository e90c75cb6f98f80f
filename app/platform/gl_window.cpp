#include "gl_window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <imgui.h>

#include <cstdlib>

namespace liaison::app {
namespace {

// GLFW reports errors through a C callback; the last one goes into the exception text.
thread_local std::string t_lastGlfwError;

void onGlfwError(int code, const char* description) {
  t_lastGlfwError = std::string(description ? description : "unknown") + " (GLFW error " +
                    std::to_string(code) + ")";
}

}  // namespace

bool displayAvailable() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

GlWindow::GlWindow(const WindowOptions& o) {
  if (!displayAvailable())
    throw PlatformError("no display: neither DISPLAY nor WAYLAND_DISPLAY is set");
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit()) throw PlatformError("cannot initialise GLFW: " + t_lastGlfwError);

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, o.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_MAXIMIZED, o.maximized ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  m_window = glfwCreateWindow(o.width, o.height, o.title.c_str(), nullptr, nullptr);
  if (!m_window) {
    const std::string why = t_lastGlfwError;
    glfwTerminate();
    throw PlatformError("cannot create an OpenGL 3.3 core window: " + why);
  }
  glfwMakeContextCurrent(m_window);
  glfwSwapInterval(1);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    glfwDestroyWindow(m_window);
    glfwTerminate();
    throw PlatformError("cannot load OpenGL 3.3 functions");
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember in a file
  ImGui_ImplGlfw_InitForOpenGL(m_window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  m_imguiBackends = true;
}

GlWindow::~GlWindow() {
  if (m_imguiBackends) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (m_window) glfwDestroyWindow(m_window);
  glfwTerminate();
}

float GlWindow::contentScale() const {
  float sx = 1.0f, sy = 1.0f;
  glfwGetWindowContentScale(m_window, &sx, &sy);
  if (!(sy > 0.0f)) {
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(m, &sx, &sy);
  }
  return sy > 0.0f ? sy : 1.0f;
}

bool GlWindow::shouldClose() const {
  return glfwWindowShouldClose(m_window) != 0;
}

void GlWindow::waitEvents(double timeout_seconds) {
  glfwWaitEventsTimeout(timeout_seconds);
}

void GlWindow::framebufferSize(int& w, int& h) const {
  glfwGetFramebufferSize(m_window, &w, &h);
}

void GlWindow::newFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void GlWindow::renderAndPresent(float r, float g, float b) {
  int w = 0, h = 0;
  framebufferSize(w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, w, h);
  glClearColor(r, g, b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(m_window);
}

}  // namespace liaison::app
