// libFuzzer target: the GeoJSON reader (FeatureCollection, Feature or geometry; depth and size
// limits; a declared crs reprojected with PROJ) and, for what it accepts, the writer.
#include "core/formats/geojson.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const GeoDocument doc = parseGeoJson(liaison::fuzz::asText(data, size));
    const std::string written = writeFeatureCollection(doc.features, doc.liaison_marker);
    parseGeoJson(written);  // what the writer writes must read back
  } catch (const GeoJsonError&) {
  }
  return 0;
}
