// Which MBTiles basemap a workspace shows: its absolute path in the workspace setting
// kBasemapSetting, changed as a journaled transaction (so every station and the wall follow it,
// and the activity log says who changed the map and when).
#pragma once

#include <filesystem>
#include <string>

#include "core/formats/mbtiles.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

inline constexpr const char* kBasemapSetting = "basemap.mbtiles";

// Opens `file` as MBTiles (throws MbtilesError with the reason when it is not one), then
// stores its absolute path in the workspace in one journaled transaction. Returns its metadata.
MbtilesInfo registerBasemap(Store& store, const std::filesystem::path& file,
                            const std::string& actor);

// The registered basemap's path, "" when none.
std::string basemapPath(const Store& store);

}  // namespace liaison::core
