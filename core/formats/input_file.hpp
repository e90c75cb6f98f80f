// Reading a file handed to Liaison from outside (a scenario file, an MSEL, a GeoJSON layer):
// one place that decides what counts as a readable input and says clearly what is wrong.
#pragma once

#include <filesystem>
#include <string>

namespace liaison::core {

// The whole file as bytes. Throws ImportError located at `name` (the name used in messages)
// when it does not exist ("the file is missing; <what>"), is not a regular file, or cannot be
// read. `what` says what was expected there, e.g. "expected an MSEL CSV file".
std::string readInputFile(const std::filesystem::path& path, const std::string& name,
                          const std::string& what);

}  // namespace liaison::core
