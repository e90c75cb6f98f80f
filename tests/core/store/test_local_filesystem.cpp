// A workspace file is written only on a local file system (SQLite's WAL needs one host and
// local locks): the classifier by statfs type, and the local folders tests run in.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/model/errors.hpp"
#include "core/store/local_filesystem.hpp"

using namespace liaison::core;

TEST_CASE("network and user-space file systems are named by their statfs type", "[store]") {
  CHECK(networkFilesystemName(0x6969) == "NFS");
  CHECK(networkFilesystemName(0xFF534D42) == "CIFS/SMB");
  CHECK(networkFilesystemName(0xFE534D42) == "SMB2/SMB3");
  CHECK(networkFilesystemName(0x517B) == "SMB");
  CHECK(networkFilesystemName(0x65735546)->rfind("FUSE", 0) == 0);
  CHECK(networkFilesystemName(0x01021997)->rfind("9P", 0) == 0);
  // statfs' f_type is a signed long on some ABIs: the same type read sign-extended.
  CHECK(networkFilesystemName(static_cast<long long>(static_cast<int>(0xFF534D42))) == "CIFS/SMB");
}

TEST_CASE("local file systems are not network ones", "[store]") {
  for (long long local : {0xEF53LL /*ext2/3/4*/, 0x58465342LL /*xfs*/, 0x9123683ELL /*btrfs*/,
                          0x01021994LL /*tmpfs*/, 0x794C7630LL /*overlayfs*/, 0x2FC12FC1LL /*zfs*/})
    CHECK_FALSE(networkFilesystemName(local).has_value());
}

TEST_CASE("a workspace in a local folder may be written", "[store]") {
  const auto dir = std::filesystem::temp_directory_path();
  CHECK_FALSE(networkFilesystemOf(dir / "x.liaison").has_value());
  CHECK_NOTHROW(requireLocalFilesystem(dir / "x.liaison", "create"));
  CHECK_FALSE(networkFilesystemOf("relative.liaison").has_value());
}
