#include "gl_texture_uploader.hpp"

#include <GLFW/glfw3.h>
#include <glad/gl.h>

namespace liaison::app {

TextureHandle GlTextureUploader::upload(const TileImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
    return 0;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  GLuint tex = 0;
  glGenTextures(1, &tex);
  if (tex == 0) return 0;
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               image.rgba.data());
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
  return static_cast<TextureHandle>(tex);
}

void GlTextureUploader::release(TextureHandle texture) {
  // After the window is gone there is no context and nothing left to free.
  if (texture == 0 || !glfwGetCurrentContext()) return;
  const GLuint tex = static_cast<GLuint>(texture);
  glDeleteTextures(1, &tex);
}

std::unique_ptr<TextureUploader> makeGlTextureUploaderIfCurrent() {
  if (!glfwGetCurrentContext()) return nullptr;
  return std::make_unique<GlTextureUploader>();
}

void requestAnotherFrame() {
  if (glfwGetCurrentContext()) glfwPostEmptyEvent();
}

}  // namespace liaison::app
