// A file's bytes for one read-only pass, mapped: mapping saves copying a large file into fresh
// memory, whose pages the kernel must fault in and zero first (the GraphML and CSV readers
// measured this). Only a regular file of at most `max_bytes` is mapped, checked on the opened
// descriptor as for every input (see input_file.hpp): a FIFO, a device or a directory is
// refused, never read until it ends.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/formats/input_file.hpp"

namespace liaison::core {

class MappedFile {
 public:
  // Throws InputFileError (a std::runtime_error) with the reason: missing, not a regular file,
  // larger than max_bytes, cannot be opened or read. `what` says what was expected there.
  explicit MappedFile(const std::filesystem::path& path,
                      const std::string& what = "expected a regular file",
                      std::size_t max_bytes = kMaxGraphmlBytes);
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
