// A screenshot read back for the GUI tests' picture checkers: RGBA pixels through stb_image.
#pragma once

#include <stb_image.h>

#include <cstdio>
#include <memory>

namespace liaison::test {

struct Image {
  int w = 0, h = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
  const unsigned char* at(int x, int y) const {
    return px.get() + (static_cast<long>(y) * w + x) * 4;
  }
};

// Prints "FAIL: cannot read ..." and returns false when the file does not decode.
inline bool load(const char* path, Image& img) {
  int n = 0;
  img.px.reset(stbi_load(path, &img.w, &img.h, &n, 4));
  if (!img.px) std::printf("FAIL: cannot read %s: %s\n", path, stbi_failure_reason());
  return img.px != nullptr;
}

}  // namespace liaison::test
