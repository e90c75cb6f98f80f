#include "core/formats/input_file.hpp"

#include <fstream>
#include <sstream>

#include "core/model/errors.hpp"

namespace liaison::core {

std::string readInputFile(const std::filesystem::path& path, const std::string& name,
                          const std::string& what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ImportError(name, 0, 0, "the file is missing; " + what);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in && !in.eof())
    throw ImportError(name, 0, 0, "cannot read the file; check its permissions");
  return buf.str();
}

}  // namespace liaison::core
