// Loads the dashboard's fonts (DejaVu Sans regular and bold from fonts-dejavu-core, never
// vendored) into ImGui's atlas at a pixel size, falling back to ImGui's built-in font.
#pragma once

#include "app_context.hpp"

namespace liaison::app {

// Clears the atlas and adds body, bold and large fonts; the caller (re)creates the GPU texture.
Fonts loadFonts(float body_px, float large_factor);

}  // namespace liaison::app
