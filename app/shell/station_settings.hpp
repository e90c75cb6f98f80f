// A station's own UI settings (the network view's node positions, pins and collapsed
// agencies), kept outside the workspace in a small JSON file beside it, WORKSPACE.ui.json:
// the workspace holds incident data only, and every change to it is journaled. Read once at
// start; written by the loop (atomically: a temporary file renamed) when a panel puts a
// UiSetting request into the outbox. A read-only station (the wall, --read-only) reads the
// file and never writes it. No ImGui here.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace liaison::app {

// The network view's layout: {"version", "nodes": {"r<id>": [x, y, pinned]}, "collapsed"}.
inline constexpr const char* kNetworkPositionsSetting = "network.positions";

// WORKSPACE.ui.json beside WORKSPACE.
std::filesystem::path stationSettingsPath(const std::filesystem::path& workspace);

// Every key of the file; empty when it does not exist or does not parse as a JSON object of
// strings (a damaged file never stops the station).
std::map<std::string, std::string> readStationSettings(const std::filesystem::path& file);

// Sets one key and rewrites the file atomically. Throws std::runtime_error with the reason.
void writeStationSetting(const std::filesystem::path& file, const std::string& key,
                         const std::string& value);

}  // namespace liaison::app
