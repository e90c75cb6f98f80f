#include "label_layer.hpp"

#include "legibility.hpp"

#include <algorithm>
#include <cfloat>

namespace liaison::app::wall {

void LabelLayer::clear() {
  m_sources.clear();
  m_labels.clear();
}

void LabelLayer::add(std::string text, bool bold, std::int64_t agency, float ax, float ay,
                     float ar, int priority, double weight, bool essential) {
  if (text.empty()) return;
  Source s;
  s.text = std::move(text);
  s.bold = bold;
  s.agency = agency;
  s.wish.ax = ax;
  s.wish.ay = ay;
  s.wish.ar = std::max(ar, 0.0f);
  s.wish.priority = priority;
  s.wish.weight = weight;
  s.wish.essential = essential;
  s.wish.id = static_cast<int>(m_sources.size());
  m_sources.push_back(std::move(s));
}

void LabelLayer::place(const Box& pane, const std::vector<Box>& obstacles, ImFont* regular,
                       ImFont* bold, float body_em) {
  m_labels.clear();
  // Labels are keys to the picture, not body text: set at the wall's smallest legible size
  // (16 arc-minutes when body text is at 20), so that more of them fit, never smaller.
  const float em = body_em * kSmallTextFactor;
  m_regular = regular;
  m_bold = bold ? bold : regular;
  m_em = em;
  const float pad = 0.15f * em;
  std::vector<LabelWish> wishes;
  wishes.reserve(m_sources.size());
  for (Source& s : m_sources) {
    ImFont* f = s.bold ? m_bold : m_regular;
    const ImVec2 ts = f->CalcTextSizeA(em, FLT_MAX, 0, s.text.c_str());
    s.wish.w = ts.x + 2 * pad;
    s.wish.h = ts.y;
    wishes.push_back(s.wish);
  }
  const ImVec2 digit = m_bold->CalcTextSizeA(em, FLT_MAX, 0, "0");
  auto markerSize = [&](int number) {
    const float digits = number >= 100 ? 3.0f : number >= 10 ? 2.0f : 1.0f;
    return std::pair<float, float>(digit.x * digits + 2 * pad, digit.y);
  };
  // "1  RCASD" per marker, "RCASD" for one without room for its marker, "+3 more".
  auto legendText = [&](int number, int wish) {
    if (wish < 0) return "+" + std::to_string(-number) + " more";
    const std::string& text = m_sources[static_cast<std::size_t>(wish)].text;
    return number > 0 ? std::to_string(number) + "  " + text : text;
  };
  auto legendWidth = [&](int number, int wish) {
    return m_bold->CalcTextSizeA(em, FLT_MAX, 0, legendText(number, wish).c_str()).x + 2 * pad;
  };
  const float line_h = digit.y + 0.1f * em;
  const LabelsAndLegend placed =
      placeWithLegend(pane, wishes, obstacles, markerSize, legendWidth, line_h, digit.y, pad);
  for (const auto& l : placed.placement.labels) {
    const Source& s = m_sources[static_cast<std::size_t>(l.wish)];
    m_labels.push_back({l.box, s.text, 0, s.agency, false});
  }
  for (const auto& m : placed.placement.markers) {
    const Source& s = m_sources[static_cast<std::size_t>(m.wish)];
    m_labels.push_back({m.box, std::to_string(m.number), m.number, s.agency, false});
  }
  for (const auto& item : placed.legend.items) {
    const std::int64_t agency =
        item.wish >= 0 ? m_sources[static_cast<std::size_t>(item.wish)].agency : 0;
    m_labels.push_back({item.box, legendText(item.number, item.wish), item.number, agency, true});
  }
  // Which source each label came from, for the font: by text (agency codes and place names are
  // bold, people's names are not).
  m_boldText.clear();
  for (const Source& s : m_sources)
    if (s.bold) m_boldText.insert(s.text);
}

void LabelLayer::draw(ImDrawList* dl, const Colours& c) const {
  const float em = m_em, pad = 0.15f * em;
  for (const auto& l : m_labels) {
    const ImVec2 p0(l.box.x0, l.box.y0), p1(l.box.x1, l.box.y1);
    const ImU32 col = l.agency && c.agency ? c.agency(l.agency) : c.text;
    if (l.number > 0 && !l.legend) {  // a numbered marker on its anchor
      dl->AddRectFilled(p0, p1, c.marker, 0.25f * em);
      dl->AddText(m_bold, em, ImVec2(p0.x + pad, p0.y), c.marker_text, l.text.c_str());
      continue;
    }
    dl->AddRectFilled(p0, p1, l.legend ? c.legend_bg : c.backing, 0.2f * em);
    if (l.legend && l.number > 0) {
      // The number as on its marker, then the name.
      const std::string num = std::to_string(l.number);
      const ImVec2 ns = m_bold->CalcTextSizeA(em, FLT_MAX, 0, num.c_str());
      dl->AddRectFilled(p0, ImVec2(p0.x + ns.x + 2 * pad, p1.y), c.marker, 0.25f * em);
      dl->AddText(m_bold, em, ImVec2(p0.x + pad, p0.y), c.marker_text, num.c_str());
      const std::string lead = num + "  ";
      const float skip = m_bold->CalcTextSizeA(em, FLT_MAX, 0, lead.c_str()).x;
      dl->AddText(m_bold, em, ImVec2(p0.x + pad + skip, p0.y), col, l.text.c_str() + lead.size());
      continue;
    }
    ImFont* f = l.legend || m_boldText.count(l.text) ? m_bold : m_regular;
    dl->AddText(f, em, ImVec2(p0.x + pad, p0.y), col, l.text.c_str());
  }
}

}  // namespace liaison::app::wall
