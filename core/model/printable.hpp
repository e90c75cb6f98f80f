// Text taken from a file or a workspace, made safe for a terminal: control characters
// (including ESC, so no terminal escape sequence can be replayed from a name) become a
// visible "?", and invalid UTF-8 bytes likewise. Tabs and line breaks are kept only where the
// caller allows them.
#pragma once

#include <string>
#include <string_view>

namespace liaison::core {

std::string printable(std::string_view text, bool keepLineBreaks = false);

}  // namespace liaison::core
