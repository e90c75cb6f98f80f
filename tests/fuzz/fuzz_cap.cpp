// libFuzzer target: the CAP 1.2 reader (libxml2 parse, schema validation, areas), and the
// writer's output of what it read validating again.
#include "core/formats/cap.hpp"
#include "core/model/errors.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxCapBytes) return 0;
  try {
    const CapAlert a = parseCapXml(std::string(liaison::fuzz::asText(data, size)), "a.xml");
    writeCapXml(a);  // throws std::runtime_error when it would not validate
  } catch (const ImportError&) {
  } catch (const std::runtime_error&) {
  }
  return 0;
}
