// Input files: regular files only, opened once and checked on the descriptor; see input_file.hpp.
#include "core/formats/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/formats/utf8.hpp"
#include "core/model/errors.hpp"

namespace liaison::core {

namespace fs = std::filesystem;

std::string describeFileType(unsigned mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a file";
}

namespace {

std::string megabytes(std::size_t bytes) {
  const std::size_t mb = (bytes + kMiB - 1) / kMiB;
  return std::to_string(mb) + " MB";
}

[[noreturn]] void tooLarge(std::size_t size, std::size_t max, const std::string& what) {
  throw InputFileError("the file is " + megabytes(size) + ", more than the limit of " +
                       megabytes(max) + " for this kind of file; " + what);
}

std::string openFailure(int err, const std::string& what) {
  if (err == ENOENT || err == ENOTDIR) return "the file is missing; " + what;
  if (err == EACCES || err == EPERM) return "cannot open the file: permission denied; check its permissions";
  if (err == ELOOP) return "the file is a symbolic link where a file is expected; " + what;
  return std::string("cannot open the file: ") + std::strerror(err);
}

}  // namespace

InputFile::InputFile(const fs::path& path, const std::string& what, std::size_t max_bytes,
                     bool follow_links)
    : m_max(max_bytes), m_what(what) {
  // A look before opening, so that a device is never opened at all (opening some has effects);
  // the fstat below on the opened descriptor is what decides.
  struct stat before {};
  if ((follow_links ? ::stat(path.c_str(), &before) : ::lstat(path.c_str(), &before)) != 0)
    throw InputFileError(openFailure(errno, what));
  if (!S_ISREG(before.st_mode))
    throw InputFileError("not a regular file (" + describeFileType(before.st_mode) + "); " + what);
  m_fd = ::open(path.c_str(),
                O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW));
  if (m_fd < 0) throw InputFileError(openFailure(errno, what));
  struct stat st {};
  if (::fstat(m_fd, &st) != 0) {
    const int err = errno;
    ::close(m_fd);
    throw InputFileError(std::string("cannot read the file: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(m_fd);
    throw InputFileError("not a regular file (" + describeFileType(st.st_mode) + "); " + what);
  }
  m_size = static_cast<std::size_t>(st.st_size);
  if (m_size > m_max) {
    ::close(m_fd);
    m_fd = -1;
    tooLarge(m_size, m_max, what);
  }
}

InputFile::~InputFile() {
  if (m_fd >= 0) ::close(m_fd);
}

std::string InputFile::readAll() {
  std::string out;
  out.reserve(m_size);
  char buf[65536];
  for (;;) {
    const ssize_t got = ::read(m_fd, buf, sizeof buf);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw InputFileError(std::string("cannot read the file: ") + std::strerror(errno));
    }
    if (got == 0) break;
    if (out.size() + static_cast<std::size_t>(got) > m_max) tooLarge(m_max + 1, m_max, m_what);
    out.append(buf, static_cast<std::size_t>(got));
  }
  return out;
}

namespace {
std::string readChecked(const fs::path& path, const std::string& name, const std::string& what,
                        std::size_t max_bytes, bool follow_links) {
  try {
    InputFile file(path, what, max_bytes, follow_links);
    return file.readAll();
  } catch (const InputFileError& e) {
    throw ImportError(name, 0, 0, e.what());
  }
}
}  // namespace

std::string readInputFile(const fs::path& path, const std::string& name, const std::string& what,
                          std::size_t max_bytes) {
  try {
    InputFile file(path, what, max_bytes);
    return file.readAll();
  } catch (const InputFileError& e) {
    throw ImportError(name, 0, 0, e.what());
  }
}

std::optional<std::string> readFolderFile(const fs::path& folder, std::string_view name,
                                          const std::string& what, bool required,
                                          std::size_t max_bytes) {
  const std::string label(name);
  const fs::path path = folder / name;
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    if ((errno == ENOENT || errno == ENOTDIR) && !required) return std::nullopt;
    throw ImportError(label, 0, 0, openFailure(errno, what));
  }
  fs::path target = path;
  if (S_ISLNK(link.st_mode)) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(path, ec);
    if (ec)
      throw ImportError(label, 0, 0,
                        "a symbolic link to a file that does not exist; " + what +
                            " (copy the file into the folder)");
    const fs::path root = fs::canonical(folder, ec);
    if (ec) throw ImportError(label, 0, 0, "cannot resolve the folder: " + ec.message());
    // Inside the folder: the resolved path starts with the folder's, component by component.
    auto r = resolved.begin();
    bool inside = true;
    for (auto f = root.begin(); f != root.end(); ++f, ++r)
      if (r == resolved.end() || *r != *f) {
        inside = false;
        break;
      }
    if (!inside || r == resolved.end())
      throw ImportError(label, 0, 0,
                        "a symbolic link that leads outside the folder; " + what +
                            " inside the folder (copy the file in instead of linking to it)");
    target = resolved;
  }
  // Not following links from here: the entry checked above is the one opened (a link put in
  // its place meanwhile is refused).
  return readChecked(target, label, what, max_bytes, false);
}

std::string excerpt(std::string_view text, std::size_t max) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (shown == max) {
      out += "...";
      break;
    }
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t len = utf8SequenceLength(text, i);
    if (len == 0 || b < 0x20 || b == 0x7F) {
      out += '?';
      i += len == 0 ? 1 : len;
    } else if (len == 2 && b == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += '?';  // C1 control characters (U+0080..U+009F)
      i += 2;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
    ++shown;
  }
  return out;
}

}  // namespace liaison::core
