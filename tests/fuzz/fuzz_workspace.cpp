// libFuzzer target: opening a workspace file from bytes (read-only, as the wall and analyze do)
// and loading its snapshot. A file that is not a workspace must be refused with a StoreError.
#include "core/store/store.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = liaison::fuzz::scratch() / "f.liaison";
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  liaison::fuzz::writeBytes(file, liaison::fuzz::asText(data, size));
  try {
    auto store = Store::open(file, OpenMode::ReadOnly);
    store->load();
  } catch (const StoreError&) {
  }
  return 0;
}
