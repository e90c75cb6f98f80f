// Reading a file handed to Liaison from outside (a scenario file, an MSEL, a GeoJSON layer, a
// GraphML network, a basemap): one place that decides what counts as a readable input and
// says clearly what is wrong.
//
// Only regular files are read. The file is opened once, with O_NONBLOCK (a FIFO does not block
// the open) and O_NOCTTY, and the opened descriptor is checked with fstat, so what is checked is
// what is read: a FIFO, a device (/dev/zero), a socket or a directory is refused with "not a
// regular file (a FIFO); expected ..." instead of hanging, reading forever or being called
// missing. Every format has a size limit (below; docs/scenario-format.md lists them), checked
// against fstat and again while reading, so a file that grows is cut off too.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace liaison::core {

// Size limits per format, in bytes.
inline constexpr std::size_t kMiB = std::size_t{1} << 20;
inline constexpr std::size_t kMaxCsvBytes = 64 * kMiB;      // a scenario CSV file or an MSEL
inline constexpr std::size_t kMaxGeoJsonBytes = 64 * kMiB;  // a GeoJSON layer
inline constexpr std::size_t kMaxGraphmlBytes = 512 * kMiB;  // a GraphML network (mapped)

// A file that cannot be read as an input; what() is the reason without the file name (the
// caller knows how the file is called in its messages).
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An open, checked input file: a regular file of at most `max_bytes`, opened read-only.
// Throws InputFileError: "the file is missing; <what>", "not a regular file (a FIFO); <what>",
// "the file is 80 MB; the limit is 64 MB for <kind>", "cannot open the file: permission denied".
// `what` says what was expected there, e.g. "expected an MSEL CSV file".
class InputFile {
 public:
  // follow_links false: a symbolic link is refused (O_NOFOLLOW) rather than followed.
  InputFile(const std::filesystem::path& path, const std::string& what, std::size_t max_bytes,
            bool follow_links = true);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  int fd() const { return m_fd; }
  std::size_t size() const { return m_size; }  // from fstat when opened
  // Reads the whole file (at most max_bytes; more is refused as too large).
  std::string readAll();

 private:
  int m_fd = -1;
  std::size_t m_size = 0;
  std::size_t m_max = 0;
  std::string m_what;
};

// The whole file as bytes. Throws ImportError located at `name` (the name used in messages)
// for the reasons of InputFile.
std::string readInputFile(const std::filesystem::path& path, const std::string& name,
                          const std::string& what, std::size_t max_bytes = kMaxCsvBytes);

// A file of a folder handed to Liaison (a scenario folder): as readInputFile, and a symbolic
// link is followed only when it leads to a file inside `folder` (a link out of the folder is
// refused: the folder is what was handed over, not /etc). nullopt when the file is absent and
// not `required`; a dangling link or any other entry of that name is refused, never skipped.
std::optional<std::string> readFolderFile(const std::filesystem::path& folder,
                                          std::string_view name, const std::string& what,
                                          bool required, std::size_t max_bytes = kMaxCsvBytes);

// "a FIFO", "a directory", "a character device", ...: what a file type is, for messages.
std::string describeFileType(unsigned mode);

// Text for an error message quoted from a file: at most `max` characters (code points), control
// characters and invalid UTF-8 shown as '?', "..." when cut.
std::string excerpt(std::string_view text, std::size_t max = 40);

}  // namespace liaison::core
