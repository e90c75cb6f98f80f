// libFuzzer target: a whole scenario folder. The input is split at NUL bytes into the folder's
// files, in the order below (missing ones are absent); the folder is imported into a fresh copy
// of an empty workspace, so every run starts from the same state and a failed import must leave
// it as it was.
#include <array>
#include <vector>

#include "core/formats/scenario.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 11> kFiles = {
    "agencies.csv",   "incidents.csv", "periods.csv", "representatives.csv",
    "contacts.csv",   "channels.csv",  "needs.csv",   "events.csv",
    "tasks.csv",      "infrastructure.csv", "features.geojson"};

const fs::path& emptyWorkspace() {
  static const fs::path file = [] {
    const fs::path p = liaison::fuzz::scratch() / "empty.liaison";
    fs::remove(p);
    Store::create(p);
    return p;
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path dir = liaison::fuzz::scratch() / "folder";
  fs::create_directories(dir);
  std::vector<std::string_view> parts;
  std::string_view rest = liaison::fuzz::asText(data, size);
  for (;;) {
    const std::size_t cut = rest.find('\0');
    parts.push_back(rest.substr(0, cut));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    if (i < parts.size())
      liaison::fuzz::writeBytes(dir / kFiles[i], parts[i]);
    else
      fs::remove(dir / kFiles[i]);
  }
  const fs::path ws = liaison::fuzz::scratch() / "ws.liaison";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ws.string() + suffix);
  // libFuzzer's timer signal can interrupt the copy (EINTR): the harness retries it, since an
  // interrupted copy is not something the reader under test did.
  for (int attempt = 0;; ++attempt) {
    std::error_code ec;
    fs::remove(ws, ec);
    if (fs::copy_file(emptyWorkspace(), ws, ec)) break;
    if (ec != std::errc::interrupted || attempt == 100) throw fs::filesystem_error("copy", ec);
  }
  auto store = Store::open(ws);
  const std::uint64_t before = store->revision();
  try {
    importScenario(dir, *store, "fuzz");
  } catch (const ImportError&) {
    if (store->revision() != before) __builtin_trap();  // a failed import changed the workspace
  }
  return 0;
}
