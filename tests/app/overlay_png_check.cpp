// Checks a screenshot for content colours against a control capture (the network view's
// overlays, the timeline's markers, the board's cards), outside the left quarter (where the
// network legend repeats every colour).
// usage: app_overlay_png_check SHOT.png CONTROL.png R,G,B:MIN_EXTRA [R,G,B:MIN ...]
//   The first colour must cover at least MIN_EXTRA more pixels in SHOT than in CONTROL (e.g. the
//   selected path); every further colour at least MIN pixels in SHOT (e.g. single points of
//   failure, bridges). Colours match within 6 per channel.
#include "png_image.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

using liaison::test::Image;
using liaison::test::load;

struct Want {
  int r = 0, g = 0, b = 0, min = 0;
};

bool parse(const char* text, Want& w) {
  return std::sscanf(text, "%d,%d,%d:%d", &w.r, &w.g, &w.b, &w.min) == 4;
}

long count(const Image& img, const Want& w) {
  long n = 0;
  for (int y = 0; y < img.h; ++y)
    for (int x = img.w / 4; x < img.w; ++x) {
      const unsigned char* p = img.at(x, y);
      n += std::abs(p[0] - w.r) <= 6 && std::abs(p[1] - w.g) <= 6 && std::abs(p[2] - w.b) <= 6;
    }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::printf("usage: %s SHOT.png CONTROL.png R,G,B:MIN_EXTRA [R,G,B:MIN ...]\n", argv[0]);
    return 2;
  }
  Image shot, control;
  if (!load(argv[1], shot) || !load(argv[2], control)) return 1;
  bool ok = true;
  for (int i = 3; i < argc; ++i) {
    Want w;
    if (!parse(argv[i], w)) {
      std::printf("FAIL: '%s' is not R,G,B:MIN\n", argv[i]);
      return 2;
    }
    const long s = count(shot, w);
    if (i == 3) {
      const long c = count(control, w);
      std::printf("colour %d,%d,%d: %ld pixels in the shot, %ld in the control (need +%d)\n", w.r,
                  w.g, w.b, s, c, w.min);
      ok = ok && s - c >= w.min;
    } else {
      std::printf("colour %d,%d,%d: %ld pixels (need %d)\n", w.r, w.g, w.b, s, w.min);
      ok = ok && s >= w.min;
    }
  }
  std::printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
