#include "offscreen_target.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstring>
#include <string>

#include "gl_window.hpp"

namespace liaison::app {

OffscreenTarget::OffscreenTarget(int width, int height) : m_width(width), m_height(height) {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (width <= 0 || height <= 0 || width > max_size || height > max_size)
    throw PlatformError("screenshot size " + std::to_string(width) + "x" + std::to_string(height) +
                        " is not supported (maximum " + std::to_string(max_size) + ")");
  glGenFramebuffers(1, &m_fbo);
  glGenRenderbuffers(1, &m_colour);
  glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw PlatformError("cannot create an offscreen framebuffer (status " + std::to_string(status) +
                        ")");
}

OffscreenTarget::~OffscreenTarget() {
  if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
  if (m_colour) glDeleteRenderbuffers(1, &m_colour);
}

void OffscreenTarget::render(float r, float g, float b) {
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glViewport(0, 0, m_width, m_height);
  glClearColor(r, g, b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() const {
  const std::size_t stride = static_cast<std::size_t>(m_width) * 4;
  std::vector<std::uint8_t> bottom_up(stride * static_cast<std::size_t>(m_height));
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  std::vector<std::uint8_t> out(bottom_up.size());
  for (int y = 0; y < m_height; ++y)
    std::memcpy(&out[static_cast<std::size_t>(y) * stride],
                &bottom_up[static_cast<std::size_t>(m_height - 1 - y) * stride], stride);
  // The framebuffer's alpha is whatever blending left; a screenshot is opaque.
  for (std::size_t i = 3; i < out.size(); i += 4) out[i] = 255;
  return out;
}

bool writePng(const char* path, int width, int height, const std::vector<std::uint8_t>& rgba) {
  return stbi_write_png(path, width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace liaison::app
