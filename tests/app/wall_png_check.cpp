// Checks a wall screenshot: its size; that it is not blank; that the header's and the strip's
// text rise at least as high as a capital of 16 arc-minutes for the room (the tallest run of
// white / light-grey text rows in each band; app/wall/legibility.hpp sizes the text); that the
// EXERCISE banner colour is there; and that a control capture (another layout) differs.
// With EYE.png it also writes the picture scaled to one pixel per arc-minute at the distance:
// what the eye at the back of the room resolves (look at it).
// usage: app_wall_png_check SHOT.png CONTROL.png WIDTH HEIGHT METRES INCHES [EYE.png]
#include "png_image.hpp"

#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/wall/legibility.hpp"

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
  if (argc != 7 && argc != 8) {
    std::printf("usage: %s SHOT.png CONTROL.png WIDTH HEIGHT METRES INCHES [EYE.png]\n",
                argv[0]);
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

  const double metres = std::atof(argv[5]), inches = std::atof(argv[6]);
  namespace wall = liaison::app::wall;
  const wall::WallSizing sizing = wall::wallSizing({metres, inches, false, false}, w, h);
  const float em = sizing.body_px;  // the wall's body text for this room
  // A capital of 16 arc-minutes, in pixels: the least any text may rise.
  const float cap = static_cast<float>(sizing.min_px * wall::kCapHeightPerFontPx) - 1.0f;
  // Header band: 2 em. The incident name is white, in the large (1.5x) font.
  int top = 0;
  // The incident's name (white) or, where the room's text leaves no space for it, the clock
  // (the accent colour).
  const int header =
      std::max(textExtent(shot, 0, static_cast<int>(2.0f * em), 0, 255, 255, 255, top),
               textExtent(shot, 0, static_cast<int>(2.0f * em), 0, 255, 214, 0, top));
  std::printf("%s: body %.0f px at %.1f m, %.0f in; header text %d px (min %.1f), ", argv[1],
              static_cast<double>(em), metres, inches, header, static_cast<double>(cap));
  if (header < cap) fail("header text below 16 arc-minutes");
  // The strip below: body text in the muted colour (200,200,200).
  const int strip = textExtent(shot, static_cast<int>(2.0f * em) + 2, static_cast<int>(3.3f * em),
                               0, 200, 200, 200, top);
  std::printf("strip text %d px (cap to descender; min %.1f)\n", strip, static_cast<double>(cap));
  if (strip < cap) fail("strip text below 16 arc-minutes");

  int banner = 0;
  for (int y = 0; y < static_cast<int>(2.0f * em); ++y)
    for (int x = 0; x < shot.w / 3; ++x) banner += near(shot.at(x, y), 255, 140, 0, 3);
  if (banner < em * em) fail("no EXERCISE banner in the header");

  long differ = 0;
  if (control.w == shot.w && control.h == shot.h)
    for (int y = 0; y < shot.h; y += 2)
      for (int x = 0; x < shot.w; x += 2)
        differ +=
            !near(shot.at(x, y), control.at(x, y)[0], control.at(x, y)[1], control.at(x, y)[2], 8);
  if (differ < 1000) fail("the control capture (another layout) looks the same");

  if (argc == 8) {
    // One pixel per arc-minute: an arc-minute at the distance, over the pixel pitch.
    const double arcmin_mm = 2.0 * metres * 1000.0 * std::tan(3.14159265358979 / 180.0 / 120.0);
    const double f = arcmin_mm / sizing.pitch_mm;  // screen pixels per arc-minute
    const int ew = std::max(1, static_cast<int>(shot.w / f)),
              eh = std::max(1, static_cast<int>(shot.h / f));
    std::vector<unsigned char> eye(static_cast<std::size_t>(ew) * eh * 4);
    for (int y = 0; y < eh; ++y)
      for (int x = 0; x < ew; ++x) {
        // Box filter over the screen pixels this eye pixel covers.
        const int x0 = static_cast<int>(x * f), x1 = std::max(x0 + 1, static_cast<int>((x + 1) * f));
        const int y0 = static_cast<int>(y * f), y1 = std::max(y0 + 1, static_cast<int>((y + 1) * f));
        double sum[3] = {0, 0, 0};
        int n = 0;
        for (int yy = y0; yy < y1 && yy < shot.h; ++yy)
          for (int xx = x0; xx < x1 && xx < shot.w; ++xx, ++n)
            for (int c = 0; c < 3; ++c) sum[c] += shot.at(xx, yy)[c];
        unsigned char* o = &eye[(static_cast<std::size_t>(y) * ew + x) * 4];
        for (int c = 0; c < 3; ++c) o[c] = static_cast<unsigned char>(n ? sum[c] / n : 0);
        o[3] = 255;
      }
    if (!stbi_write_png(argv[7], ew, eh, 4, eye.data(), ew * 4)) fail("cannot write the eye view");
    std::printf("%s: eye view %dx%d (%.2f px per arc-minute)\n", argv[7], ew, eh, f);
  }
  return fails == 0 ? 0 : 1;
}
