// A file's bytes for one read-only pass: mapped when it is a regular file, else read (pipes,
// /dev/stdin). Mapping saves copying a large file into fresh memory, whose pages the kernel
// must fault in and zero first (the GraphML and CSV readers measured this).
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace liaison::core {

class MappedFile {
 public:
  // Throws std::runtime_error ("cannot open the file" / "cannot read the file") on failure.
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view view() const {
    return m_map ? std::string_view(static_cast<const char*>(m_map), m_size) : m_copy;
  }

 private:
  void* m_map = nullptr;
  std::size_t m_size = 0;
  std::string m_copy;
};

}  // namespace liaison::core
