// libFuzzer target: the GraphML reader on XmlPull (encodings, UTF-8 and NUL checks, limits,
// typed keys, yEd groups when the first byte is odd) and, for what it accepts, the writer.
#include <sstream>

#include "core/formats/graphml.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  GraphmlReadOptions options;
  options.groups = (data[0] & 1) != 0;
  try {
    const GraphmlGraph g = parseGraphml(liaison::fuzz::asText(data + 1, size - 1), "f.graphml", options);
    std::ostringstream out;
    writeGraphml(out, g);
    parseGraphml(out.str(), "written.graphml");  // what the writer writes must read back
  } catch (const GraphmlError&) {
  }
  return 0;
}
