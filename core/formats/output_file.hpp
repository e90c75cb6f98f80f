// The files Liaison writes for people: reports, forms, exports, scenario folders. Each is
// written whole or not at all (a temporary file beside the target, flushed to disk, then
// renamed over it: a full disk or a crash never leaves half a report), and created
// owner-only (0600), since reports and exports may hold sensitive contact values.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace liaison::core {

// Throws std::runtime_error naming the file and the reason ("cannot write F: No space left").
void writeOutputFile(const std::filesystem::path& path, std::string_view bytes);

// A piece of a file name built from user text (an agency code, an incident name): letters,
// digits, '-', '_' and '.' are kept, anything else (a '/', "..", a control character, a space)
// becomes '_'; never starts with a dot, never empty ("_"), at most 64 bytes. So a code such as
// "x/../../somewhere" can never write outside the folder it is meant for.
std::string fileNamePart(std::string_view text);

}  // namespace liaison::core
