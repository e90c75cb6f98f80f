// SQLite's WAL mode needs every process on one host and a file system with working shared
// memory and locks: "WAL does not work over a network filesystem" (sqlite.org/wal.html). On
// CIFS, journal_mode=WAL even reports success and the first write then fails. So a workspace
// file is opened for writing only on a local file system; an operations centre of several
// machines uses a server store instead.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace liaison::core {

// The name of a network or user-space file system type (statfs f_type), or nullopt for a
// local one (ext4, xfs, btrfs, tmpfs, overlay, ...).
std::optional<std::string> networkFilesystemName(long long fsType);

// Whether the folder that holds `file` (the file itself need not exist) is on a network or
// user-space file system: its name, or nullopt when local or when it cannot be told.
std::optional<std::string> networkFilesystemOf(const std::filesystem::path& file);

// Throws StoreError when `file` is on a network file system: opening it for writing would
// corrupt it or fail at the first write. `what` names the action ("create", "open for writing").
void requireLocalFilesystem(const std::filesystem::path& file, const std::string& what);

}  // namespace liaison::core
