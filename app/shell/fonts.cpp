#include "fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace liaison::app {
namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Latin (with Extended-A for names), general punctuation (bullets, dashes, ellipsis), arrows
// (path explanations), mathematical operators and geometric shapes (legends, status marks).
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190,
                                    0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

// Text for the back of a large room (100 px and more): Latin, punctuation and the geometric
// shapes only, so that three fonts of that size fit one 8192 x 8192 texture.
constexpr ImWchar kLargeGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F,
                                         0x25A0, 0x25FF, 0};
constexpr float kLargePx = 100.0f;

ImFont* addTtf(const char* path, float px) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return nullptr;
  ImFontConfig cfg;
  // Horizontal oversampling sharpens small text; a wall's text for the back of a large room
  // (100 px and more) needs none, and would not fit the atlas in a GPU texture with it.
  cfg.OversampleH = px >= 48.0f ? 1 : 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path, px, &cfg,
                                                  px >= kLargePx ? kLargeGlyphRanges : kGlyphRanges);
}

ImFont* addDefault(float px) {
  ImFontConfig cfg;
  cfg.SizePixels = px;
  return ImGui::GetIO().Fonts->AddFontDefault(&cfg);
}

}  // namespace

Fonts loadFonts(float body_px, float large_factor) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->TexDesiredWidth = body_px * large_factor >= kLargePx ? 8192 : 0;
  Fonts f;
  f.regular = addTtf(kRegular, body_px);
  if (!f.regular) {
    f.regular = addDefault(body_px);
    f.bold = f.regular;
    f.large = addDefault(body_px * large_factor);
    return f;
  }
  f.bold = addTtf(kBold, body_px);
  if (!f.bold) f.bold = f.regular;
  f.large = addTtf(kBold, body_px * large_factor);
  if (!f.large) f.large = addTtf(kRegular, body_px * large_factor);
  io.FontDefault = f.regular;
  return f;
}

}  // namespace liaison::app
