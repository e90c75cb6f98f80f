#include "core/formats/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace liaison::core {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int err) {
  throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(err));
}

}  // namespace

void writeOutputFile(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);  // created 0600
  if (fd < 0) fail(path, errno);
  auto abandon = [&](int err) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    fail(path, err);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) abandon(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    fail(path, err);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    fail(path, err);
  }
}

std::string fileNamePart(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    out += keep ? c : '_';
    if (out.size() == 64) break;
  }
  // No hidden files, no "." or "..": a leading dot becomes '_'.
  if (!out.empty() && out[0] == '.') out[0] = '_';
  if (out.empty()) out = "_";
  return out;
}

}  // namespace liaison::core
