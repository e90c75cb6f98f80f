#include "timeline_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>

#include "app/shell/app_context.hpp"
#include "app/shell/clock_text.hpp"
#include "app/shell/theme.hpp"
#include "core/model/enums.hpp"
#include "core/model/time_zone.hpp"
#include "core/store/store.hpp"

namespace liaison::app {


namespace {

ImVec4 kindColour(const Theme& th, core::EventKind k) {
  switch (k) {
    case core::EventKind::Alert:
      return th.danger;
    case core::EventKind::Decision:
      return th.ok;
    case core::EventKind::Request:
      return th.warn;
    case core::EventKind::Inject:
      return ImVec4(0.75f, 0.55f, 1.0f, 1.0f);
    case core::EventKind::Note:
      return th.text_muted;
    default:
      return th.accent;
  }
}

std::string agencyList(const core::Snapshot& s, const std::vector<core::Id>& ids) {
  std::string out;
  for (core::Id id : ids) {
    const core::Agency* a = s.agency(id);
    out += (std::string(out.empty() ? "" : ", ")) +
           (a ? a->code : std::string("#").append(std::to_string(id)));
  }
  return out;
}

// A tick step (seconds) giving labels at least min_px apart.
double tickStep(double seconds_per_px, float min_px) {
  static constexpr double steps[] = {60,    300,   600,   900,   1800,   3600,  7200,
                                     10800, 21600, 43200, 86400, 172800, 604800};
  for (double s : steps)
    if (s / seconds_per_px >= min_px) return s;
  return steps[std::size(steps) - 1];
}

}  // namespace

void TimelinePanel::refresh(const AppContext& ctx) {
  const core::Snapshot* s = ctx.snapshot.get();
  if (!s) return;
  const bool stale =
      !m_built || s != m_source || s->version != m_version || m_filter.text != m_appliedText ||
      m_filter.agencies != m_appliedAgencies || m_filter.kinds != m_appliedKinds ||
      m_filter.significant_only != m_appliedSignificant || m_laneMode != m_appliedLanes;
  if (!stale) return;
  m_visible = core::filterEvents(*s, m_filter);
  m_lanes = core::buildLanes(*s, m_visible, m_laneMode);
  // The wall cannot be panned: the lanes with the most recent activity come first, and the
  // ones that do not fit are counted (see "lanes hidden" below).
  if (ctx.wallMode())
    std::stable_sort(m_lanes.begin(), m_lanes.end(), [](const core::Lane& a, const core::Lane& b) {
      const core::TimeUtc ta = a.events.empty() ? INT64_MIN : a.events.back()->time;
      const core::TimeUtc tb = b.events.empty() ? INT64_MIN : b.events.back()->time;
      return ta > tb;
    });
  std::tie(m_extentLo, m_extentHi) = core::timelineExtent(*s);
  m_source = s;
  m_version = s->version;
  m_appliedText = m_filter.text;
  m_appliedAgencies = m_filter.agencies;
  m_appliedKinds = m_filter.kinds;
  m_appliedSignificant = m_filter.significant_only;
  m_appliedLanes = m_laneMode;
  m_built = true;
  if (!m_fitted) fitAll();
}

void TimelinePanel::fitAll() {
  const double lo = static_cast<double>(m_extentLo), hi = static_cast<double>(m_extentHi);
  const double margin = std::max(600.0, (hi - lo) * 0.02);
  m_t0 = lo - margin;
  m_t1 = hi + margin;
  m_fitted = m_extentHi > m_extentLo;
}

void TimelinePanel::drawContent(AppContext& ctx) {
  refresh(ctx);
  if (!ctx.wallMode()) {  // the wall has no controls: it always shows the live picture
    drawToolbar(ctx);
    refresh(ctx);
    drawScrubber(ctx);
  }
  if (m_mode == Mode::Axis)
    drawAxis(ctx);
  else
    drawList(ctx);
}

void TimelinePanel::drawToolbar(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const core::Snapshot& s = *ctx.snapshot;
  if (ImGui::RadioButton("Axis", m_mode == Mode::Axis)) m_mode = Mode::Axis;
  ImGui::SameLine();
  if (ImGui::RadioButton("List", m_mode == Mode::List)) m_mode = Mode::List;
  ImGui::SameLine(0, 1.2f * em);
  ImGui::SetNextItemWidth(10.5f * em);
  const char* lanes[] = {"Lanes by agency", "Lanes by kind"};
  int lane = m_laneMode == core::LaneMode::Agency ? 0 : 1;
  if (ImGui::Combo("##lanes", &lane, lanes, 2))
    m_laneMode = lane == 0 ? core::LaneMode::Agency : core::LaneMode::Kind;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(14 * em);
  ImGui::InputTextWithHint("##timeline-text", "Filter text, source, agency", &m_filter.text);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  m_textRect = {a.x, a.y, b.x, b.y};
  ImGui::SameLine();
  ImGui::SetNextItemWidth(8 * em);
  std::string agencyLabel =
      m_filter.agencies.empty() ? "All agencies" : agencyList(s, m_filter.agencies);
  if (ImGui::BeginCombo("##timeline-agency", agencyLabel.c_str())) {
    if (ImGui::Selectable("All agencies", m_filter.agencies.empty())) m_filter.agencies.clear();
    for (const core::Agency& ag : s.agencies) {
      bool on = std::find(m_filter.agencies.begin(), m_filter.agencies.end(), ag.id) !=
                m_filter.agencies.end();
      if (ImGui::Selectable((ag.code + "  " + ag.name).c_str(), on,
                            ImGuiSelectableFlags_DontClosePopups)) {
        if (on)
          std::erase(m_filter.agencies, ag.id);
        else
          m_filter.agencies.push_back(ag.id);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(7 * em);
  std::string kindLabel = "All kinds";
  if (!m_filter.kinds.empty()) {
    kindLabel.clear();
    for (auto k : m_filter.kinds)
      kindLabel += (std::string(kindLabel.empty() ? "" : ", ")) + std::string(core::toString(k));
  }
  if (ImGui::BeginCombo("##timeline-kind", kindLabel.c_str())) {
    if (ImGui::Selectable("All kinds", m_filter.kinds.empty())) m_filter.kinds.clear();
    for (const auto& [k, name] : core::EnumTable<core::EventKind>::values) {
      bool on = std::find(m_filter.kinds.begin(), m_filter.kinds.end(), k) != m_filter.kinds.end();
      if (ImGui::Selectable(std::string(name).c_str(), on, ImGuiSelectableFlags_DontClosePopups)) {
        if (on)
          std::erase(m_filter.kinds, k);
        else
          m_filter.kinds.push_back(k);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Checkbox("Significant", &m_filter.significant_only);
  ImGui::SameLine();
  if (ImGui::Button("Fit")) fitAll();
  // The axis spans the incident's periods; events stamped outside them are not squeezed in but
  // counted, so a mistyped date is seen rather than hidden.
  char counts[128];
  const auto [before, after] = core::eventsOutside(s, {m_extentLo, m_extentHi});
  if (m_extentHi > m_extentLo && before + after > 0)
    std::snprintf(counts, sizeof counts, "%zu of %zu events (%d before, %d after the periods)",
                  m_visible.size(), s.events.size(), before, after);
  else
    std::snprintf(counts, sizeof counts, "%zu of %zu events", m_visible.size(), s.events.size());
  const float w = ImGui::CalcTextSize(counts).x;
  ImGui::SameLine();
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorPosX() + w < right) ImGui::SetCursorPosX(right - w);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(th.text_muted, "%s", counts);
}

void TimelinePanel::drawScrubber(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const core::TimeUtc now = core::nowUtc();
  const core::TimeUtc lo = m_extentLo ? m_extentLo : now - 86400;
  // The slider spans the incident; it reaches "now" only when the incident is current (an
  // exercise replayed months later would otherwise squeeze its day into a few pixels).
  const core::TimeUtc hi = now - m_extentHi < 86400 ? std::max(m_extentHi, now) : m_extentHi;
  ImGui::AlignTextToFramePadding();
  if (ctx.view_time) {
    ImGui::TextColored(th.warn, "\xE2\x97\x80 PAST  %s", clockUtc(*ctx.view_time, true).c_str());
  } else {
    ImGui::TextColored(th.ok, "\xE2\x97\x8F LIVE");
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Move the time slider back to see the task board (and the network) as they "
        "were; drag the marker on the axis the same way.");
  ImGui::SameLine(0, 1.0f * em);
  core::TimeUtc value = ctx.view_time.value_or(hi);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 9 * em);
  const std::string label =
      ctx.view_time ? clockUtc(value, true) + "  (" + clockLocal(value, core::incidentZone(*ctx.snapshot)) + ")" : std::string("live");
  if (ImGui::SliderScalar("##scrub", ImGuiDataType_S64, &value, &lo, &hi, label.c_str()))
    ctx.view_time = value >= now ? std::nullopt : std::optional<core::TimeUtc>(value);
  ImGui::SameLine();
  ImGui::BeginDisabled(!ctx.view_time);
  if (ImGui::Button("Return to live")) ctx.view_time.reset();
  ImGui::EndDisabled();
}

void TimelinePanel::drawEventTooltip(const AppContext& ctx, const core::TimelineEvent& e) {
  const Theme& th = themeData(ctx.theme);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::Text("%s  (%s)", clockUtc(e.time, true).c_str(), clockLocal(e.time, core::incidentZone(*ctx.snapshot)).c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::TextColored(kindColour(th, e.kind), "%s%s", std::string(core::toString(e.kind)).c_str(),
                     e.significant ? "  \xC2\xB7 significant" : "");
  if (!e.agencies.empty())
    ImGui::TextColored(th.accent, "%s", agencyList(*ctx.snapshot, e.agencies).c_str());
  ImGui::TextWrapped("%s", e.text.c_str());
  if (!e.source.empty()) ImGui::TextColored(th.text_muted, "Source: %s", e.source.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void TimelinePanel::drawAxis(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const core::Snapshot& s = *ctx.snapshot;
  const float labelW = 6.5f * em, axisH = 1.6f * em;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (ctx.wallMode() && avail.y < 5.0f * em) {
    // The wall's text is sized for the room: too low for lanes, the pane lists each lane's
    // latest event, most recent first, and counts what does not fit.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const auto rows = static_cast<std::size_t>(std::max(1.0f, avail.y / line));
    const std::size_t shown = m_lanes.size() <= rows ? m_lanes.size() : std::max<std::size_t>(1, rows - 1);
    m_hiddenLanes = static_cast<int>(m_lanes.size() - shown);
    ImDrawList* wl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < shown; ++i) {
      const core::Lane& lane = m_lanes[i];
      if (lane.events.empty()) continue;
      const core::TimelineEvent& e = *lane.events.back();
      std::string text = lane.label + "  " + clockUtc(e.time) + "  " + e.text;
      // One row only: the count goes on it.
      const std::string tail = rows == 1 && m_lanes.size() > 1
                                   ? "  +" + std::to_string(m_lanes.size() - 1) + " lanes"
                                   : std::string();
      const float room = avail.x - ImGui::CalcTextSize(tail.c_str()).x;
      // Shortened to the pane's width, never wrapped, never smaller.
      if (ImGui::CalcTextSize(text.c_str()).x > room) {
        while (text.size() > 8 && ImGui::CalcTextSize((text + "...").c_str()).x > room)
          text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
          text.pop_back();  // never half a UTF-8 character
        text += "...";
      }
      text += tail;
      wl->AddText(ImVec2(origin.x, origin.y + static_cast<float>(i) * line),
                  ImGui::GetColorU32(th.text), text.c_str());
    }
    if (m_hiddenLanes > 0 && rows > 1) {
      const std::string more = std::to_string(m_hiddenLanes) + " lanes hidden";
      wl->AddText(ImVec2(origin.x, origin.y + static_cast<float>(shown) * line),
                  ImGui::GetColorU32(th.text_muted), more.c_str());
    }
    ImGui::Dummy(avail);
    return;
  }
  if (avail.x < labelW + 4 * em || avail.y < 4 * em) return;
  // Lanes share the height down to a readable minimum; beyond that, drag vertically to pan.
  const float lanesH = avail.y - axisH - 1.5f * em;
  const float laneH = std::clamp(lanesH / std::max<float>(1, static_cast<float>(m_lanes.size())),
                                 1.15f * em, 2.4f * em);
  const float overflow = std::max(0.0f, laneH * static_cast<float>(m_lanes.size()) - lanesH);
  m_laneOffset = std::clamp(m_laneOffset, 0.0f, overflow);
  // The wall: as many lanes as fit, the last row saying how many more there are.
  std::size_t laneCount = m_lanes.size();
  m_hiddenLanes = 0;
  if (ctx.wallMode() && overflow > 0) {
    m_laneOffset = 0;
    const auto fit = static_cast<std::size_t>(std::max(1.0f, lanesH / laneH));
    laneCount = fit > 1 ? fit - 1 : 0;
    m_hiddenLanes = static_cast<int>(m_lanes.size() - laneCount);
  }
  const float x0 = origin.x + labelW, x1 = origin.x + avail.x;
  const float y0 = origin.y, y1 = origin.y + avail.y;
  if (!m_fitted) fitAll();
  if (m_t1 <= m_t0) m_t1 = m_t0 + 3600;

  ImGui::InvisibleButton("##canvas", avail);
  const bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();
  const double spp = (m_t1 - m_t0) / std::max(1.0f, x1 - x0);  // seconds per pixel
  auto xOf = [&](double t) { return x0 + static_cast<float>((t - m_t0) / spp); };
  auto tOf = [&](float x) { return m_t0 + (x - x0) * spp; };

  // Scrub handle: grab it in the axis band; elsewhere dragging pans.
  const core::TimeUtc liveT = core::nowUtc();
  const double scrubT = static_cast<double>(ctx.view_time.value_or(liveT));
  if (ImGui::IsItemActivated() && io.MousePos.y < y0 + axisH &&
      std::fabs(io.MousePos.x - xOf(scrubT)) < 0.8f * em)
    m_draggingScrub = true;
  if (!ImGui::IsItemActive()) m_draggingScrub = false;
  if (m_draggingScrub) {
    const auto t = static_cast<core::TimeUtc>(tOf(std::clamp(io.MousePos.x, x0, x1)));
    ctx.view_time = t >= liveT ? std::nullopt : std::optional<core::TimeUtc>(t);
  } else if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
    const double dt = io.MouseDelta.x * spp;
    m_t0 -= dt;
    m_t1 -= dt;
    m_laneOffset = std::clamp(m_laneOffset - io.MouseDelta.y, 0.0f, overflow);
  }
  if (hovered && io.MouseWheel != 0) {
    const double at = tOf(io.MousePos.x);
    double span = (m_t1 - m_t0) * std::pow(0.85, io.MouseWheel);
    span = std::clamp(span, 20.0 * 60, 14.0 * 86400);  // minutes to two weeks
    const double f = (io.MousePos.x - x0) / std::max(1.0f, x1 - x0);
    m_t0 = at - span * f;
    m_t1 = m_t0 + span;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(ImVec2(origin.x, y0), ImVec2(x1, y1), true);
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(th.panel));
  // Operational periods: alternate shading and a label in the axis band.
  for (const core::OperationalPeriod& p : s.periods) {
    const float px0 = std::max(x0, xOf(static_cast<double>(p.start)));
    const float px1 = std::min(x1, xOf(static_cast<double>(p.end)));
    if (px1 <= px0) continue;
    const ImVec4 c = th.accent_soft;
    dl->AddRectFilled(ImVec2(px0, y0), ImVec2(px1, y1),
                      ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, p.number % 2 ? 0.45f : 0.18f)));
    dl->AddLine(ImVec2(px0, y0), ImVec2(px0, y1), ImGui::GetColorU32(th.accent_soft), 2.0f);
  }
  // Axis ticks and labels.
  const double step = tickStep(spp, 6.5f * em);
  for (double t = std::floor(m_t0 / step) * step; t <= m_t1; t += step) {
    const float x = xOf(t);
    if (x < x0) continue;
    dl->AddLine(ImVec2(x, y0 + axisH * 0.7f), ImVec2(x, y1), ImGui::GetColorU32(th.border));
    const auto ti = static_cast<core::TimeUtc>(t);
    const bool midnight = ti % 86400 == 0;
    const std::string lbl = clockUtc(ti, midnight || step >= 86400);
    dl->AddText(ImVec2(x + 0.2f * em, y0), ImGui::GetColorU32(midnight ? th.text : th.text_muted),
                lbl.c_str());
  }
  dl->AddLine(ImVec2(x0, y0 + axisH), ImVec2(x1, y0 + axisH), ImGui::GetColorU32(th.border));

  // Lanes and events; markers closer than a few pixels fold into one (significant ones always).
  const core::TimelineEvent* hoveredEvent = nullptr;
  float bestDist = 0.6f * em;
  const core::TimeUtc cutoff = ctx.view_time.value_or(INT64_MAX);
  if (m_hiddenLanes > 0) {
    char hidden[48];
    std::snprintf(hidden, sizeof hidden, "%d lanes hidden", m_hiddenLanes);
    dl->AddText(ImVec2(origin.x + 0.3f * em,
                       y0 + axisH + static_cast<float>(laneCount) * laneH + 0.05f * laneH),
                ImGui::GetColorU32(th.text_muted), hidden);
  }
  for (std::size_t li = 0; li < laneCount; ++li) {
    const core::Lane& lane = m_lanes[li];
    const float ly0 = y0 + axisH + static_cast<float>(li) * laneH - m_laneOffset;
    const float cy = ly0 + laneH * 0.55f;
    if (ly0 + laneH < y0 + axisH) continue;
    if (ly0 > y1) break;
    if (li % 2)
      dl->AddRectFilled(ImVec2(x0, ly0), ImVec2(x1, ly0 + laneH),
                        ImGui::GetColorU32(ImVec4(1, 1, 1, 0.025f)));
    dl->AddText(ImVec2(origin.x + 0.3f * em, cy - 0.5f * em),
                ImGui::GetColorU32(m_laneMode == core::LaneMode::Kind ? kindColour(th, lane.kind)
                                                                      : th.accent),
                lane.label.c_str());
    auto first = std::lower_bound(
        lane.events.begin(), lane.events.end(), m_t0 - spp * 10,
        [](const core::TimelineEvent* e, double t) { return static_cast<double>(e->time) < t; });
    // Markers closer than about their own width merge into one bar (a run of activity), drawn
    // in the colour of its first event; significant events are always their own diamond.
    const float r0 = 0.25f * em, join = 0.45f * em;
    float runStart = 0, runEnd = -1e9f;
    ImU32 runColour = 0;
    int runCount = 0;
    bool runFuture = false;
    auto flush = [&] {
      if (runCount == 1)
        dl->AddCircleFilled(ImVec2(runStart, cy), r0, runColour, 8);
      else if (runCount > 1)
        dl->AddRectFilled(ImVec2(runStart - r0, cy - r0), ImVec2(runEnd + r0, cy + r0), runColour,
                          r0);
      runCount = 0;
    };
    for (auto it = first; it != lane.events.end(); ++it) {
      const core::TimelineEvent& e = **it;
      const float x = xOf(static_cast<double>(e.time));
      if (x > x1 + em) break;
      const bool future = e.time > cutoff;
      if (e.significant) {
        ImVec4 c = kindColour(th, e.kind);
        if (future) c.w = 0.25f;
        const float r = 0.45f * em;
        dl->AddQuadFilled(ImVec2(x, cy - r), ImVec2(x + r, cy), ImVec2(x, cy + r),
                          ImVec2(x - r, cy), ImGui::GetColorU32(c));
        dl->AddQuad(ImVec2(x, cy - r), ImVec2(x + r, cy), ImVec2(x, cy + r), ImVec2(x - r, cy),
                    ImGui::GetColorU32(future ? th.text_muted : th.text), 1.5f);
      } else if (runCount > 0 && x - runEnd < join && future == runFuture) {
        runEnd = x;
        ++runCount;
      } else {
        flush();
        ImVec4 c = kindColour(th, e.kind);
        if (future) c.w = 0.25f;
        runStart = runEnd = x;
        runColour = ImGui::GetColorU32(c);
        runCount = 1;
        runFuture = future;
      }
      if (hovered && std::fabs(io.MousePos.x - x) < bestDist) {
        const float d = std::hypot(io.MousePos.x - x, io.MousePos.y - cy);
        if (d < bestDist) {
          bestDist = d;
          hoveredEvent = &e;
        }
      }
    }
    flush();
  }
  // The periods' names in a band of their own along the bottom edge.
  dl->AddRectFilled(ImVec2(x0, y1 - 1.5f * em), ImVec2(x1, y1), ImGui::GetColorU32(th.panel));
  for (const core::OperationalPeriod& p : s.periods) {
    const float px0 = std::max(x0, xOf(static_cast<double>(p.start)));
    if (px0 >= x1 || xOf(static_cast<double>(p.end)) <= x0) continue;
    char lbl[32];
    std::snprintf(lbl, sizeof lbl, "Operational period %d", p.number);
    // The wall: a name that does not fit its period's span is shortened, then left out (two
    // names must not overlap, nor run past the pane's edge).
    if (ctx.wallMode()) {
      const float span = std::min(x1, xOf(static_cast<double>(p.end))) - px0 - 0.8f * em;
      if (ImGui::CalcTextSize(lbl).x > span)
        std::snprintf(lbl, sizeof lbl, "OP %d", p.number);
      if (ImGui::CalcTextSize(lbl).x > span) continue;
    }
    dl->AddText(ImVec2(px0 + 0.4f * em, y1 - 1.3f * em), ImGui::GetColorU32(th.text_muted), lbl);
  }
  if (m_lanes.empty())
    dl->AddText(ImVec2(x0 + em, y0 + axisH + em), ImGui::GetColorU32(th.text_muted),
                "No events match the filters.");
  // "Now" and the scrub marker.
  const float nx = xOf(static_cast<double>(liveT));
  if (nx >= x0 && nx <= x1) {
    dl->AddLine(ImVec2(nx, y0), ImVec2(nx, y1), ImGui::GetColorU32(th.danger), 2.0f);
    dl->AddText(ImVec2(nx + 0.2f * em, y1 - 1.2f * em), ImGui::GetColorU32(th.danger), "now");
  }
  if (ctx.view_time) {
    const float sx = xOf(scrubT);
    dl->AddLine(ImVec2(sx, y0), ImVec2(sx, y1), ImGui::GetColorU32(th.warn), 2.0f);
    dl->AddTriangleFilled(ImVec2(sx - 0.5f * em, y0), ImVec2(sx + 0.5f * em, y0),
                          ImVec2(sx, y0 + 0.7f * em), ImGui::GetColorU32(th.warn));
  }
  dl->PopClipRect();
  if (hoveredEvent && !ImGui::IsItemActive()) drawEventTooltip(ctx, *hoveredEvent);
}

void TimelinePanel::drawList(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##events", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Time (UTC)", ImGuiTableColumnFlags_WidthFixed, 9.5f * em);
  ImGui::TableSetupColumn("Local", ImGuiTableColumnFlags_WidthFixed, 6.5f * em);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, 5.5f * em);
  ImGui::TableSetupColumn("Agencies", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthStretch, 5.0f);
  ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableHeadersRow();
  const core::TimeUtc cutoff = ctx.view_time.value_or(INT64_MAX);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m_visible.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const core::TimelineEvent& e = *m_visible[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::PushID(i);
      if (e.time > cutoff) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
      ImGui::TableSetColumnIndex(0);
      ImGui::Selectable(clockUtc(e.time, true).c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
      if (ImGui::IsItemHovered()) drawEventTooltip(ctx, e);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextColored(th.text_muted, "%s", clockLocal(e.time, core::incidentZone(*ctx.snapshot)).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextColored(kindColour(th, e.kind), "%s", std::string(core::toString(e.kind)).c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::TextColored(th.accent, "%s", agencyList(*ctx.snapshot, e.agencies).c_str());
      ImGui::TableSetColumnIndex(4);
      if (e.significant && ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
      ImGui::TextUnformatted(e.text.c_str());
      if (e.significant && ctx.fonts.bold) ImGui::PopFont();
      ImGui::TableSetColumnIndex(5);
      ImGui::TextColored(th.text_muted, "%s", e.source.c_str());
      if (e.time > cutoff) ImGui::PopStyleVar();
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace liaison::app
