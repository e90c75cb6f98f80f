#include "core/formats/basemap.hpp"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "core/store/sqlite_util.hpp"

namespace liaison::core {

MbtilesInfo registerBasemap(Store& store, const std::filesystem::path& file,
                            const std::string& actor) {
  const std::filesystem::path absolute = std::filesystem::weakly_canonical(
      std::filesystem::absolute(file));
  MbtilesInfo info = MbtilesReader::open(absolute)->info();
  const std::string before = store.setting(kBasemapSetting, "");
  store.transact(actor, [&](Transaction& t) {
    sql::Stmt st(t.handle(),
                 "INSERT INTO settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::string(kBasemapSetting)).bind(2, absolute.string()).run();
    const auto json = [](const std::string& path, const std::string& name) {
      if (path.empty()) return std::string();
      return nlohmann::json{{"path", path}, {"name", name}}.dump();
    };
    std::string summary = "Basemap set to " + absolute.filename().string();
    if (!info.name.empty()) summary += " (" + info.name + ")";
    t.record("put", "basemap", 1, summary, json(before, ""), json(absolute.string(), info.name));
  });
  return info;
}

std::string basemapPath(const Store& store) {
  return store.setting(kBasemapSetting, "");
}

}  // namespace liaison::core
