#include "core/store/local_filesystem.hpp"

#include <sys/vfs.h>

#include "core/model/errors.hpp"

namespace liaison::core {

std::optional<std::string> networkFilesystemName(long long fsType) {
  // The magic numbers of linux/magic.h and the file systems' own sources (statfs(2)).
  switch (static_cast<unsigned long long>(fsType) & 0xFFFFFFFFull) {
    case 0x6969: return "NFS";
    case 0x517B: return "SMB";
    case 0xFF534D42: return "CIFS/SMB";
    case 0xFE534D42: return "SMB2/SMB3";
    case 0x65735546: return "FUSE (sshfs, rclone, a mounted share)";
    case 0x01021997: return "9P (a virtual machine's shared folder)";
    case 0x5346414F: return "AFS";
    case 0x6B414653: return "AFS (kAFS)";
    case 0x00C36400: return "Ceph";
    case 0x0BD00BD0: return "Lustre";
    case 0x47504653: return "GPFS";
    case 0x564C: return "NCP (NetWare)";
    case 0x73757245: return "Coda";
    case 0x7461636F: return "OCFS2";
    case 0x01161970: return "GFS2";
    case 0x786F4256: return "VirtualBox shared folder";
    default: return std::nullopt;
  }
}

std::optional<std::string> networkFilesystemOf(const std::filesystem::path& file) {
  std::filesystem::path dir = file.parent_path();
  if (dir.empty()) dir = ".";
  struct statfs st {};
  if (::statfs(dir.c_str(), &st) != 0) return std::nullopt;  // the open that follows says why
  return networkFilesystemName(static_cast<long long>(st.f_type));
}

void requireLocalFilesystem(const std::filesystem::path& file, const std::string& what) {
  if (const auto fs = networkFilesystemOf(file))
    throw StoreError("cannot " + what + " workspace \"" + file.string() + "\": it is on a " + *fs +
                     " file system, where SQLite's write-ahead log does not work (every process "
                     "must be on one computer, with local locks); copy it to a local disk, or "
                     "share the incident through a server store");
}

}  // namespace liaison::core
