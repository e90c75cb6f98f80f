// Checks a wall screenshot: its size; that it is not blank; that the header's text is at least
// 1/40 of the picture's height (the tallest run of white text rows in the header band) and
// the strip's body text nearly so (cap top to descender of light-grey text); that the EXERCISE
// banner colour is there; and that a control capture (another layout) differs.
// usage: app_wall_png_check SHOT.png CONTROL.png WIDTH HEIGHT
#include "png_image.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace {

using liaison::test::Image;
using liaison::test::load;

bool near(const unsigned char* p, int r, int g, int b, int tol) {
  return std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol;
}

// The first and last rows in [y0, y1) where some pixels (x from x0 on) have the colour.
int textExtent(const Image& img, int y0, int y1, int x0, int r, int g, int b, int& top) {
  top = -1;
  int bottom = -1;
  for (int y = y0; y < y1 && y < img.h; ++y) {
    int n = 0;
    for (int x = x0; x < img.w; ++x) n += near(img.at(x, y), r, g, b, 40);
    if (n >= 2) {
      if (top < 0) top = y;
      bottom = y;
    }
  }
  return top < 0 ? 0 : bottom - top + 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::printf("usage: %s SHOT.png CONTROL.png WIDTH HEIGHT\n", argv[0]);
    return 2;
  }
  Image shot, control;
  if (!load(argv[1], shot) || !load(argv[2], control)) return 1;
  const int w = std::atoi(argv[3]), h = std::atoi(argv[4]);
  int fails = 0;
  auto fail = [&](const char* what) {
    std::printf("FAIL: %s: %s\n", argv[1], what);
    ++fails;
  };
  if (shot.w != w || shot.h != h) fail("wrong size");

  std::unordered_set<unsigned> colours;
  for (int y = 0; y < shot.h; y += 3)
    for (int x = 0; x < shot.w; x += 3) {
      const unsigned char* p = shot.at(x, y);
      colours.insert(static_cast<unsigned>(p[0] << 16 | p[1] << 8 | p[2]));
    }
  if (colours.size() < 40) fail("nearly blank (too few colours)");

  const float em = h / 40.0f;  // the wall's body text, at least
  // Header band: 2.4 em. The incident name is white, in the large (1.5x) font.
  int top = 0;
  const int header = textExtent(shot, 0, static_cast<int>(2.4f * em), 0, 255, 255, 255, top);
  std::printf("%s: header text %d px (min %.1f), ", argv[1], header, em);
  if (header < em) fail("header text smaller than 1/40 of the screen height");
  // The strip below: body text in the muted colour (200,200,200), from x = 0.5 em.
  const int strip = textExtent(shot, static_cast<int>(2.4f * em) + 2, static_cast<int>(4.0f * em),
                               0, 200, 200, 200, top);
  std::printf("strip text %d px (cap to descender; min %.1f)\n", strip, 0.8f * em);
  if (strip < 0.8f * em) fail("body text smaller than 1/40 of the screen height");

  int banner = 0;
  for (int y = 0; y < static_cast<int>(2.4f * em); ++y)
    for (int x = 0; x < shot.w / 3; ++x) banner += near(shot.at(x, y), 255, 140, 0, 3);
  if (banner < em * em) fail("no EXERCISE banner in the header");

  long differ = 0;
  if (control.w == shot.w && control.h == shot.h)
    for (int y = 0; y < shot.h; y += 2)
      for (int x = 0; x < shot.w; x += 2)
        differ +=
            !near(shot.at(x, y), control.at(x, y)[0], control.at(x, y)[1], control.at(x, y)[2], 8);
  if (differ < 1000) fail("the control capture (another layout) looks the same");
  return fails == 0 ? 0 : 1;
}
