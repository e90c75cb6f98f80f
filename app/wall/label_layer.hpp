// The wall's labels for one pane (network or map), in ImGui: collect what wants a label, place
// them by importance with app/wall/label_placement.hpp (at the wall's smallest legible size,
// 16 arc-minutes: never smaller text), and draw the labels, the numbered markers and the legend naming them.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "label_placement.hpp"

namespace liaison::app::wall {

// A label as drawn (tests read them back): screen pixels.
struct DrawnLabel {
  Box box;
  std::string text;
  int number = 0;           // > 0: a numbered marker, or the legend item naming it
  std::int64_t agency = 0;  // the agency it names (0: a person or a place)
  bool legend = false;      // an item of the legend's lines
};

class LabelLayer {
 public:
  void clear();
  // An agency code or a place's name is bold; a person's name regular.
  void add(std::string text, bool bold, std::int64_t agency, float ax, float ay, float ar,
           int priority, double weight, bool essential);
  // Places everything added since clear() inside pane, avoiding obstacles; body_em: the wall's
  // body text size (labels are set at kSmallTextFactor of it, 16 arc-minutes).
  void place(const Box& pane, const std::vector<Box>& obstacles, ImFont* regular, ImFont* bold,
             float body_em);
  struct Colours {
    ImU32 text, backing, legend_bg, marker, marker_text;
    std::function<ImU32(std::int64_t agency)> agency;  // may be empty
  };
  void draw(ImDrawList* dl, const Colours& colours) const;
  const std::vector<DrawnLabel>& labels() const { return m_labels; }

 private:
  struct Source {
    std::string text;
    bool bold = false;
    std::int64_t agency = 0;
    LabelWish wish;
  };
  std::vector<Source> m_sources;
  std::vector<DrawnLabel> m_labels;
  std::set<std::string> m_boldText;
  ImFont* m_regular = nullptr;
  ImFont* m_bold = nullptr;
  float m_em = 16;
};

}  // namespace liaison::app::wall
