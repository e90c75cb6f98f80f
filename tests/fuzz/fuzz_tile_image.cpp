// libFuzzer target: decoding one basemap tile (PNG and JPEG through stb, WEBP through libwebp,
// dimensions checked on the header first).
#include "core/formats/tile_image.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  std::string why;
  liaison::core::decodeTileImage(bytes, &why);
  return 0;
}
