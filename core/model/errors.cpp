#include "core/model/errors.hpp"

#include <utility>

namespace liaison::core {

namespace {

std::string locationPrefix(const std::string& file, int line, int column) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out.empty() ? out : out + ": ";
}

}  // namespace

ImportError::ImportError(std::string file, int line, int column, const std::string& what)
    : std::runtime_error(locationPrefix(file, line, column) + what),
      m_file(std::move(file)),
      m_line(line),
      m_column(column),
      m_reason(what) {}

}  // namespace liaison::core
