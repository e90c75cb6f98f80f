// Writes the test basemap for the GUI map test: zoom 0..2, every tile a solid colour named by
// its address (tests/support/mbtiles_fixture.hpp: red 50 + 80 z, green 30 + 40 x, blue
// 30 + 40 y), or all one colour with --solid R,G,B.
// usage: make_test_mbtiles OUT.mbtiles [--solid R,G,B] [--maxzoom N]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "tests/support/mbtiles_fixture.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT.mbtiles [--solid R,G,B] [--maxzoom N]\n", argv[0]);
    return 2;
  }
  liaison::test::MbtilesFixture f;
  f.attribution = "&copy; Liaison test tiles";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--solid") == 0) {
      int r = 0, g = 0, b = 0;
      if (std::sscanf(argv[i + 1], "%d,%d,%d", &r, &g, &b) != 3) return 2;
      f.solid = liaison::test::Rgb{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                                   static_cast<std::uint8_t>(b)};
    } else if (std::strcmp(argv[i], "--maxzoom") == 0) {
      f.maxzoom = std::atoi(argv[i + 1]);
    } else {
      return 2;
    }
  }
  try {
    liaison::test::writeMbtiles(argv[1], f);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  std::printf("wrote %s\n", argv[1]);
  return 0;
}
