// One way for the wall to put text on screen: unformatted (a '%' in an event text is not a
// format), coloured from the theme. Sensitive values never reach it (callers pass names,
// titles and counts only); tests/app/test_wall_headless.cpp ("no sensitive contact value is
// ever drawn on the wall") proves it on the glyphs of every rendered frame.
#pragma once

#include <imgui.h>

#include <string_view>

namespace liaison::app {

inline void wallText(std::string_view text, const ImVec4& colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
}

}  // namespace liaison::app
