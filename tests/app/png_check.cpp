// Checks a dashboard screenshot: the size, that it is not blank, that the directory's table
// header (its theme colour, a wide band) is present, and that it lists rows, which the control
// capture (a search that matches nobody) must not.
// usage: app_png_check SHOT.png CONTROL.png WIDTH HEIGHT R,G,B(header colour)
#include "png_image.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace {

using liaison::test::Image;
using liaison::test::load;

bool near(const unsigned char* p, int r, int g, int b) {
  return std::abs(p[0] - r) <= 3 && std::abs(p[1] - g) <= 3 && std::abs(p[2] - b) <= 3;
}

// Rows where at least 40% of the pixels have the header colour; returns the count and the last.
int headerRows(const Image& img, int r, int g, int b, int& last_row) {
  int rows = 0;
  last_row = -1;
  for (int y = 0; y < img.h; ++y) {
    int n = 0;
    for (int x = 0; x < img.w; ++x) n += near(img.at(x, y), r, g, b);
    if (n >= img.w * 4 / 10) {
      ++rows;
      last_row = y;
    }
  }
  return rows;
}

// Bright (text) pixels in a band of rows.
long brightPixels(const Image& img, int y0, int y1) {
  long n = 0;
  for (int y = std::max(0, y0); y < std::min(img.h, y1); ++y)
    for (int x = 0; x < img.w; ++x) {
      const unsigned char* p = img.at(x, y);
      n += (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000 > 150;
    }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::printf("usage: %s SHOT.png CONTROL.png WIDTH HEIGHT R,G,B\n", argv[0]);
    return 2;
  }
  const int want_w = std::atoi(argv[3]), want_h = std::atoi(argv[4]);
  int hr = 0, hg = 0, hb = 0;
  if (std::sscanf(argv[5], "%d,%d,%d", &hr, &hg, &hb) != 3) return 2;

  Image shot, control;
  if (!load(argv[1], shot) || !load(argv[2], control)) return 1;
  int failures = 0;
  auto expect = [&](bool ok, const char* what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    failures += ok ? 0 : 1;
  };

  expect(shot.w == want_w && shot.h == want_h, "the picture has the requested size");

  std::unordered_set<unsigned> colours;
  long most = 0;
  {
    std::unordered_set<unsigned> seen;
    const unsigned first = shot.at(0, 0)[0] | shot.at(0, 0)[1] << 8 | shot.at(0, 0)[2] << 16;
    for (int y = 0; y < shot.h; ++y)
      for (int x = 0; x < shot.w; ++x) {
        const unsigned char* p = shot.at(x, y);
        const unsigned c = p[0] | p[1] << 8 | p[2] << 16;
        colours.insert(c);
        most += c == first;
      }
  }
  std::printf("  %zu distinct colours; %.1f%% of pixels equal the top-left one\n", colours.size(),
              100.0 * static_cast<double>(most) / (shot.w * shot.h));
  expect(colours.size() >= 32, "not blank: many distinct colours");
  expect(most < static_cast<long>(shot.w) * shot.h * 95 / 100, "not blank: not uniform");

  int header_last = -1;
  const int header = headerRows(shot, hr, hg, hb, header_last);
  std::printf("  header band: %d rows, ending at y=%d\n", header, header_last);
  expect(header >= 8, "the directory's table header is drawn");

  const int y0 = header_last + 2, y1 = header_last + 2 + shot.h / 4;
  const long text = brightPixels(shot, y0, y1), control_text = brightPixels(control, y0, y1);
  std::printf("  text pixels under the header: %ld (control %ld)\n", text, control_text);
  expect(text > 2000 && text > 2 * control_text + 1000, "the directory lists rows");

  long differing = 0;
  if (control.w == shot.w && control.h == shot.h)
    for (int y = 0; y < shot.h; ++y)
      for (int x = 0; x < shot.w; ++x)
        differing +=
            !near(shot.at(x, y), control.at(x, y)[0], control.at(x, y)[1], control.at(x, y)[2]);
  std::printf("  %ld pixels differ from the control\n", differing);
  expect(differing > 5000, "the control capture (no match) differs");
  return failures == 0 ? 0 : 1;
}
