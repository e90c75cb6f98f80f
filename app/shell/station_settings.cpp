#include "station_settings.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace liaison::app {

namespace fs = std::filesystem;

fs::path stationSettingsPath(const fs::path& workspace) {
  fs::path p = workspace;
  p += ".ui.json";
  return p;
}

std::map<std::string, std::string> readStationSettings(const fs::path& file) {
  std::map<std::string, std::string> out;
  std::ifstream in(file, std::ios::binary);
  if (!in) return out;
  std::ostringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object()) return out;
  for (const auto& [key, value] : json.items())
    if (value.is_string()) out[key] = value.get<std::string>();
  return out;
}

void writeStationSetting(const fs::path& file, const std::string& key, const std::string& value) {
  std::map<std::string, std::string> all = readStationSettings(file);
  all[key] = value;
  const nlohmann::json json(all);
  fs::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << json.dump(1) << "\n";
    out.close();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot write " + file.string() + ": " + ec.message());
  }
}

}  // namespace liaison::app
