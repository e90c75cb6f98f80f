// libFuzzer target: the MSEL reader against an empty workspace (effects then name unknown
// channels and representatives, which is refused with a located error too).
#include "core/formats/msel.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Snapshot empty;
  try {
    const auto injects = parseMsel(liaison::fuzz::asText(data, size), "m.csv", empty);
    parseMsel(mselToCsv(injects), "written.csv", empty);  // the writer's output reads back
  } catch (const ImportError&) {
  }
  return 0;
}
