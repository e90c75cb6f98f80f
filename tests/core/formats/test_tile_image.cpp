// Decoding basemap tiles (core/formats/tile_image.hpp): PNG and JPEG through stb, WEBP through
// libwebp (a tile made by GDAL's WEBP driver), and tiles whose header claims huge dimensions
// refused before anything is decoded (a 16384 x 16384 PNG tile cost 2.2 GB and 8.7 s).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/formats/tile_image.hpp"
#include "tests/support/mbtiles_fixture.hpp"

using namespace liaison;
using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> bytesOf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  return {text.begin(), text.end()};
}

void put32be(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

}  // namespace

TEST_CASE("tile images: PNG and WEBP decode to RGBA", "[tiles]") {
  const auto png = test::encodePng(8, 4, {10, 20, 30});
  std::string why;
  const auto img = decodeTileImage(png, &why);
  REQUIRE(img);
  CHECK(img->width == 8);
  CHECK(img->height == 4);
  REQUIRE(img->rgba.size() == 8 * 4 * 4);
  CHECK(img->rgba[0] == 10);
  CHECK(img->rgba[3] == 255);
  // WEBP tiles were refused (stb has no WEBP): a lossless tile written by GDAL.
  const auto webp = bytesOf(fs::path(LIAISON_TEST_DATA) / "mbtiles" / "gdal_256.webp");
  const auto w = decodeTileImage(webp, &why);
  INFO(why);
  REQUIRE(w);
  CHECK(w->width == 256);
  CHECK(w->height == 256);
  CHECK(w->rgba[0] == 200);
  CHECK(w->rgba[1] == 40);
  CHECK(w->rgba[2] == 160);
}

TEST_CASE("tile images: huge dimensions are refused from the header, before decoding", "[tiles]") {
  // A PNG whose header says 16384 x 16384 (the rest would take 1 GB to decode).
  auto png = test::encodePng(8, 8, {1, 2, 3});
  put32be(png, 16, 16384);  // IHDR width
  put32be(png, 20, 16384);  // IHDR height
  std::string why;
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(decodeTileImage(png, &why));
  CHECK(why == "tile image of 16384 x 16384 pixels; expected at most 4096 x 4096");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(200));
  put32be(png, 16, 4097);
  put32be(png, 20, 16);
  CHECK_FALSE(decodeTileImage(png, &why));
  CHECK(why == "tile image of 4097 x 16 pixels; expected at most 4096 x 4096");
  // The same for WEBP: the lossless header's 14-bit sizes set to 16384.
  auto webp = bytesOf(fs::path(LIAISON_TEST_DATA) / "mbtiles" / "gdal_256.webp");
  REQUIRE(webp.size() > 25);
  REQUIRE(webp[20] == 0x2f);  // VP8L signature
  webp[21] = 0xff;
  webp[22] = 0xff;
  webp[23] = 0xff;
  webp[24] = static_cast<std::uint8_t>((webp[24] & 0xf0) | 0x0f);
  CHECK_FALSE(decodeTileImage(webp, &why));
  CHECK(why == "tile image of 16384 x 16384 pixels; expected at most 4096 x 4096");
}

TEST_CASE("tile images: other formats and broken bytes are refused with the reason", "[tiles]") {
  std::string why;
  CHECK_FALSE(decodeTileImage({}, &why));
  CHECK(why == "empty tile");
  CHECK_FALSE(decodeTileImage({1, 2, 3, 4, 5}, &why));
  CHECK(why == "tile image does not decode: it is neither PNG, JPEG nor WEBP");
  // stb reads GIF, BMP, PSD ...: a tile is only PNG, JPEG or WEBP.
  const std::vector<std::uint8_t> gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
  CHECK_FALSE(decodeTileImage(gif, &why));
  auto png = test::encodePng(4, 4, {1, 2, 3});
  png.resize(png.size() / 2);  // cut
  CHECK_FALSE(decodeTileImage(png, &why));
  CHECK_THAT(why, Catch::StartsWith("tile image does not decode"));
  std::vector<std::uint8_t> riff = {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
  CHECK_FALSE(decodeTileImage(riff, &why));
  CHECK(why == "tile image does not decode: not a valid WEBP header");
  CHECK_FALSE(decodeTileImage(std::vector<std::uint8_t>(kMaxTileBytes + 1, 0x89), &why));
  CHECK(why == "tile of 16 MB; expected at most 16 MB");
}
