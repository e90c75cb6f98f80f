// Checks a map screenshot over a test basemap: the picture has the requested size, the
// basemap's colour covers at least MIN_FRACTION of it (and of the control picture, taken
// without the basemap, almost none), and there is more than the basemap (features, labels,
// the scale bar: many distinct colours).
// usage: app_map_png_check SHOT.png CONTROL.png WIDTH HEIGHT R,G,B MIN_FRACTION
#include "png_image.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace {

using liaison::test::Image;
using liaison::test::load;

double fraction(const Image& img, int r, int g, int b) {
  long n = 0;
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      const unsigned char* p = img.at(x, y);
      n += std::abs(p[0] - r) <= 4 && std::abs(p[1] - g) <= 4 && std::abs(p[2] - b) <= 4;
    }
  return static_cast<double>(n) / (static_cast<double>(img.w) * img.h);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::printf("usage: %s SHOT.png CONTROL.png WIDTH HEIGHT R,G,B MIN_FRACTION\n", argv[0]);
    return 2;
  }
  const int want_w = std::atoi(argv[3]), want_h = std::atoi(argv[4]);
  int r = 0, g = 0, b = 0;
  if (std::sscanf(argv[5], "%d,%d,%d", &r, &g, &b) != 3) return 2;
  const double min_fraction = std::atof(argv[6]);
  Image shot, control;
  if (!load(argv[1], shot) || !load(argv[2], control)) return 1;
  int failures = 0;
  auto expect = [&](bool ok, const char* what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    failures += ok ? 0 : 1;
  };
  expect(shot.w == want_w && shot.h == want_h, "the picture has the requested size");
  const double with = fraction(shot, r, g, b), without = fraction(control, r, g, b);
  std::printf("basemap colour %d,%d,%d covers %.1f%% with the basemap, %.1f%% without\n", r, g, b,
              100 * with, 100 * without);
  expect(with >= min_fraction, "the basemap's tiles fill the map");
  expect(without < 0.01, "the control picture (no basemap) does not have that colour");
  std::unordered_set<unsigned> colours;
  for (int y = 0; y < shot.h; ++y)
    for (int x = 0; x < shot.w; ++x) {
      const unsigned char* p = shot.at(x, y);
      colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2]);
    }
  std::printf("%zu distinct colours\n", colours.size());
  expect(colours.size() >= 50, "features, labels and the scale bar are drawn over the basemap");
  return failures == 0 ? 0 : 1;
}
