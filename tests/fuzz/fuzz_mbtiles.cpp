// libFuzzer target: an MBTiles file from bytes (written to a scratch file, as SQLite reads
// files): opening (schema checks, metadata, format sniffing, time budgets), reading the tiles of
// the first levels, and decoding them (core/formats/tile_image).
#include "core/formats/mbtiles.hpp"
#include "core/formats/tile_image.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = liaison::fuzz::scratch() / "f.mbtiles";
  liaison::fuzz::writeBytes(file, liaison::fuzz::asText(data, size));
  MbtilesBudgets quick;  // short budgets: a slow file must not stall the fuzzer
  quick.open_query_seconds = 0.5;
  quick.tile_query_seconds = 0.1;
  try {
    const auto reader = MbtilesReader::open(file, quick);
    const MbtilesInfo& info = reader->info();
    int read = 0;
    for (int z = info.minzoom; z <= info.maxzoom && z <= info.minzoom + 2 && read < 16; ++z)
      for (int x = 0; x < (1 << z) && read < 16; ++x)
        for (int y = 0; y < (1 << z) && read < 16; ++y, ++read)
          if (auto bytes = reader->tile({z, x, y})) decodeTileImage(*bytes);
    plainAttribution(info.attribution);
  } catch (const MbtilesError&) {
  }
  return 0;
}
