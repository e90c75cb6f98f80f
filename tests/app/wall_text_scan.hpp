// Reads back the text a frame actually drew: every textured quad whose texture coordinates
// fall inside a glyph of the font atlas is that glyph. Independent of how a panel submitted
// its text (ImGui widgets, AddText, clipped or not), so a test can prove a string was never
// drawn. Spaces are not quads: compare against needles with their spaces removed.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace liaison::app::test {

class DrawnText {
 public:
  DrawnText() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    m_w = atlas->TexWidth;
    m_h = atlas->TexHeight;
    m_map.assign(static_cast<std::size_t>(m_w) * static_cast<std::size_t>(m_h), 0);
    m_glyph.assign(m_map.size(), {nullptr, nullptr});
    for (ImFont* font : atlas->Fonts)
      for (const ImFontGlyph& g : font->Glyphs) {
        if (!g.Visible) continue;
        const int x0 = static_cast<int>(std::floor(g.U0 * m_w)),
                  x1 = static_cast<int>(std::ceil(g.U1 * m_w));
        const int y0 = static_cast<int>(std::floor(g.V0 * m_h)),
                  y1 = static_cast<int>(std::ceil(g.V1 * m_h));
        for (int y = std::max(y0, 0); y < std::min(y1, m_h); ++y)
          for (int x = std::max(x0, 0); x < std::min(x1, m_w); ++x)
          {
            const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(m_w) +
                                   static_cast<std::size_t>(x);
            m_map[at] = g.Codepoint;
            m_glyph[at] = {font, &g};
          }
      }
  }

  // One glyph drawn: where, and at what font size (the font's size times the quad's scale).
  struct Glyph {
    unsigned codepoint = 0;
    ImVec2 p0, p1;
    float font_px = 0;
  };
  // Every glyph quad of the last rendered frame (spaces are not quads).
  std::vector<Glyph> glyphs() const {
    std::vector<Glyph> out;
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return out;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
      const ImVector<ImDrawVert>& v = dd->CmdLists[l]->VtxBuffer;
      for (int i = 0; i + 3 < v.Size;) {
        const ImDrawVert &a = v[i], &b = v[i + 1], &c = v[i + 2], &d = v[i + 3];
        const bool quad = a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == d.pos.y &&
                          d.pos.x == a.pos.x && a.uv.y == b.uv.y && b.uv.x == c.uv.x &&
                          a.uv.x != b.uv.x && a.uv.y != d.uv.y;
        const auto hit = quad ? glyphRecAt((a.uv.x + c.uv.x) / 2, (a.uv.y + c.uv.y) / 2)
                              : std::pair<const ImFont*, const ImFontGlyph*>{nullptr, nullptr};
        if (!hit.second) {
          ++i;
          continue;
        }
        const float gh = hit.second->Y1 - hit.second->Y0;
        const float scale = gh > 0 ? (c.pos.y - a.pos.y) / gh : 1.0f;
        out.push_back({hit.second->Codepoint, a.pos, c.pos, hit.first->FontSize * scale});
        i += 4;
      }
    }
    return out;
  }

  // The glyphs of the last rendered frame, one line per run of text (UTF-8, no spaces).
  std::string scan() const {
    std::string out;
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return out;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
      const ImVector<ImDrawVert>& v = dd->CmdLists[l]->VtxBuffer;
      float lastY = -1e9f, lastRight = -1e9f, lastH = 0;
      for (int i = 0; i + 3 < v.Size;) {
        const ImDrawVert &a = v[i], &b = v[i + 1], &c = v[i + 2], &d = v[i + 3];
        const bool quad = a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == d.pos.y &&
                          d.pos.x == a.pos.x && a.uv.y == b.uv.y && b.uv.x == c.uv.x &&
                          a.uv.x != b.uv.x && a.uv.y != d.uv.y;
        const unsigned cp = quad ? glyphAt((a.uv.x + c.uv.x) / 2, (a.uv.y + c.uv.y) / 2) : 0;
        if (cp == 0) {
          ++i;
          continue;
        }
        // Glyph tops differ by glyph; a new run starts when the pen goes back, jumps far
        // ahead (another column) or moves more than a glyph's height up or down.
        const float gh = c.pos.y - a.pos.y;
        const float reach = std::max(gh, lastH);
        if (a.pos.x < lastRight - reach || a.pos.x > lastRight + 3 * reach ||
            std::fabs(a.pos.y - lastY) > reach)
          out += '\n';
        lastY = a.pos.y;
        lastRight = c.pos.x;
        lastH = gh;
        appendUtf8(out, cp);
        i += 4;
      }
      out += '\n';
    }
    return out;
  }

  static std::string withoutSpaces(const std::string& s) {
    std::string o;
    for (char ch : s)
      if (ch != ' ') o += ch;
    return o;
  }

 private:
  unsigned glyphAt(float u, float v) const {
    const int x = static_cast<int>(u * m_w), y = static_cast<int>(v * m_h);
    if (x < 0 || y < 0 || x >= m_w || y >= m_h) return 0;
    return m_map[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_w) +
                 static_cast<std::size_t>(x)];
  }
  std::pair<const ImFont*, const ImFontGlyph*> glyphRecAt(float u, float v) const {
    const int x = static_cast<int>(u * m_w), y = static_cast<int>(v * m_h);
    if (x < 0 || y < 0 || x >= m_w || y >= m_h) return {nullptr, nullptr};
    return m_glyph[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_w) +
                   static_cast<std::size_t>(x)];
  }
  static void appendUtf8(std::string& s, unsigned cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  int m_w = 0, m_h = 0;
  std::vector<unsigned> m_map;
  std::vector<std::pair<const ImFont*, const ImFontGlyph*>> m_glyph;
};

}  // namespace liaison::app::test
